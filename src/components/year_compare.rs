//! "So sánh hai năm": an agency's sheets of two years side by side, per main indicator,
//! with the change of total, percentage and level (all from `dti_engine::compare`).
//! Folded away: nothing is computed until it is opened, so typing never pays for it.
//! Inside the folded section the page is written with plain DOM calls (text only, never
//! HTML) and one delegated change handler: as Leptos views it cost ~17 kB of gzipped wasm,
//! for a view that is seldom opened. The controls are built once per opening and
//! language; options are replaced inside their select, so a focused select keeps focus.

use std::sync::Arc;

use dti_engine::compare::{compare, Comparison, Row, Year};
use dti_engine::framework::Framework;
use dti_engine::sheet::ScoreSheet;
use leptos::prelude::*;

use crate::files::{chosen_file, read_json, ReadError};
use crate::i18n::{tr, Lang};
use crate::state::{open_set, use_state, AppState, OpenSet};

/// The select value of the sheet opened from a file; drafts are their ids.
const FROM_FILE: &str = "file";

type FileSheet = Option<(String, ScoreSheet)>;

fn sheet_of(state: AppState, pick: &str, file: &FileSheet) -> Option<ScoreSheet> {
    if pick == FROM_FILE {
        return file.as_ref().map(|(_, s)| s.clone());
    }
    let id: u32 = pick.parse().ok()?;
    state.workspace.with(|w| w.drafts.iter().find(|d| d.id == id).map(|d| d.sheet.clone()))
}

/// Why there is no comparison: `true` for a problem, `false` for a step still to come.
type NotYet = (bool, String);

/// The set a sheet is scored under, or why not (yet).
fn set_of(state: AppState, sheet: &ScoreSheet, lang: Lang) -> Result<Arc<Framework>, NotYet> {
    match state.catalogue.with(|c| state.served.with(|s| open_set(c, s, sheet))) {
        OpenSet::Ready(f) => Ok(f),
        OpenSet::Loading => Err((false, format!("{} {}…", tr(lang, "Đang tải bộ chỉ số", "Loading the indicator set"), sheet.framework))),
        OpenSet::Failed(e) => Err((true, e.message(lang))),
        OpenSet::Missing(id) => Err((true, format!("{} “{id}”.", tr(lang, "Không có bộ chỉ số", "There is no indicator set")))),
        OpenSet::Stale { id, .. } => Err((true, format!(
            "{} “{id}”; {}",
            tr(lang, "Một phiếu được trả lời theo phiên bản khác của bộ chỉ số", "A sheet was answered under another version of the set"),
            tr(lang, "hãy mở phiếu đó và chọn “Tính lại theo phiên bản hiện có”.", "open it and choose “Score under the version served now”.")
        ))),
    }
}

fn run(state: AppState, a: &str, b: &str, file: &FileSheet, lang: Lang) -> Result<Comparison, NotYet> {
    let pick = || (false, tr(lang, "Chọn hai phiếu để so sánh.", "Choose two sheets to compare.").to_owned());
    let (sa, sb) = (sheet_of(state, a, file).ok_or_else(pick)?, sheet_of(state, b, file).ok_or_else(pick)?);
    let (fa, fb) = (set_of(state, &sa, lang)?, set_of(state, &sb, lang)?);
    compare(Year { framework: &fa, sheet: &sa }, Year { framework: &fb, sheet: &sb }).map_err(|e| (true, e.message(lang)))
}

/// "Sở Tư pháp — 2022 — Nhóm …", for the selects.
fn option_label(state: AppState, sheet: &ScoreSheet, lang: Lang) -> String {
    let year = state.catalogue.with(|c| c.get(&sheet.framework).map_or_else(|| sheet.framework.clone(), |l| l.entry.year.to_string()));
    let name = if sheet.agency.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)") } else { sheet.agency.as_str() };
    let group = state.loaded(&sheet.framework).map_or_else(|| sheet.group.clone(), |f| f.group_name(&sheet.group, lang));
    format!("{name} — {year} — {group}")
}

/// Appends `<tag>text</tag>` with `attrs` to `parent`; an empty attribute is left out,
/// except `value` (the "— Chọn phiếu —" option's value is "").
fn add(parent: &web_sys::Element, tag: &str, text: &str, attrs: &[(&str, &str)]) -> Option<web_sys::Element> {
    let el = parent.owner_document()?.create_element(tag).ok()?;
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    for (k, v) in attrs.iter().filter(|(k, v)| !v.is_empty() || *k == "value") {
        el.set_attribute(k, v).ok()?;
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

fn add_row(parent: &web_sys::Element, r: Row) -> Option<()> {
    let tr = add(parent, "tr", "", &[])?;
    let th = add(&tr, "th", &r.name, &[("scope", "row")])?;
    if let Some(note) = r.note {
        add(&th, "small", &note, &[("class", "hint")])?;
    }
    for (text, id) in [(r.a_points, ""), (r.a_percent, ""), (r.b_points, ""), (r.b_percent, ""), (r.points, "yoy-change"), (r.percent, "yoy-change-pp")] {
        add(&tr, "td", &text, &[("class", "num"), ("data-testid", id)])?;
    }
    Some(())
}

/// The comparison (or why there is none) into `out`, replacing what was there.
fn show(out: &web_sys::Element, result: Result<Comparison, NotYet>, file_error: Option<String>, lang: Lang) -> Option<()> {
    out.set_text_content(None);
    if let Some(e) = file_error {
        add(out, "p", &e, &[("class", "error-message"), ("role", "alert"), ("data-testid", "yoy-file-error")])?;
    }
    let c = match result {
        Ok(c) => c,
        Err((problem, m)) => {
            add(out, "p", &m, &[("class", if problem { "error-message" } else { "hint" }), ("role", "status"), ("data-testid", "yoy-message")])?;
            return Some(());
        }
    };
    for w in c.warnings(lang) {
        add(out, "p", &w, &[("class", "banner banner-warning"), ("role", "note"), ("data-testid", "yoy-warning")])?;
    }
    let (ya, yb) = (c.a.year, c.b.year);
    let caption = format!("{} {ya} {} {yb}", tr(lang, "So sánh năm", "Comparison of"), tr(lang, "với năm", "with"));
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    let wrap = add(out, "div", "", &[("class", "table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", &caption)])?;
    let table = add(&wrap, "table", "", &[("data-testid", "yoy-table")])?;
    add(&table, "caption", &caption, &[])?;
    let head = add(&add(&table, "thead", "", &[])?, "tr", "", &[])?;
    let points = tr(lang, "điểm", "points");
    let share = tr(lang, "% tối đa", "% of maximum");
    for h in [
        tr(lang, "Chỉ số chính", "Main indicator").to_owned(),
        format!("{} {ya}: {points}", tr(lang, "Năm trước", "Previous year")),
        format!("{ya}: {share}"),
        format!("{} {yb}: {points}", tr(lang, "Năm nay", "This year")),
        format!("{yb}: {share}"),
        tr(lang, "Thay đổi (điểm)", "Change (points)").to_owned(),
        tr(lang, "Thay đổi (điểm phần trăm)", "Change (percentage points)").to_owned(),
    ] {
        add(&head, "th", &h, &[("scope", "col")])?;
    }
    let body = add(&table, "tbody", "", &[])?;
    for r in c.rows(lang) {
        add_row(&body, r)?;
    }
    add_row(&add(&table, "tfoot", "", &[("data-testid", "yoy-total")])?, c.total_row(lang))?;
    add(out, "p", &format!("{}: {}", tr(lang, "Mức xếp hạng", "Level"), c.level_change(lang)), &[("data-testid", "yoy-level")])?;
    let unmatched = c.unmatched(lang);
    if !unmatched.is_empty() {
        let div = add(out, "div", "", &[("data-testid", "yoy-unmatched")])?;
        add(&div, "p", tr(lang, "Chỉ số chính chỉ có ở một năm (không so sánh):", "Main indicators of one year only (not compared):"), &[])?;
        let ul = add(&div, "ul", "", &[])?;
        for u in unmatched {
            add(&ul, "li", &u, &[])?;
        }
    }
    Some(())
}

/// What the section has built: the language of its controls and the options listed.
#[derive(Default)]
struct Built {
    lang: Option<Lang>,
    options: Vec<(String, String)>,
}

/// The labels, the two selects, the file input and the place of the result.
fn controls(root: &web_sys::Element, lang: Lang) -> Option<()> {
    root.set_text_content(None);
    add(root, "p", tr(lang,
        "Chọn phiếu của năm trước và năm nay (cùng nhóm); thay đổi = năm nay − năm trước, theo điểm tự đánh giá.",
        "Choose the sheets of the previous year and this year (same group); change = this year − previous year, on self-assessed points."), &[("class", "hint")])?;
    for (id, label) in [("yoy-a", tr(lang, "Năm trước", "Previous year")), ("yoy-b", tr(lang, "Năm nay", "This year"))] {
        let field = add(root, "div", "", &[("class", "field")])?;
        add(&field, "label", label, &[("for", id)])?;
        add(&field, "select", "", &[("id", id), ("data-testid", id)])?;
    }
    let field = add(root, "div", "", &[("class", "field")])?;
    add(&field, "label", tr(lang, "Hoặc mở phiếu năm trước từ tệp JSON", "Or open the previous year's sheet from a JSON file"), &[("for", "yoy-file")])?;
    add(&field, "input", "", &[("type", "file"), ("id", "yoy-file"), ("data-testid", "yoy-file"), ("accept", ".json,application/json")])?;
    add(root, "div", "", &[("id", "yoy-out")])?;
    Some(())
}

fn by_id(root: &web_sys::Element, id: &str) -> Option<web_sys::Element> {
    root.owner_document()?.get_element_by_id(id)
}

#[component]
pub fn YearCompare() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let picks = RwSignal::new((String::new(), String::new()));
    let file = RwSignal::new(None::<(String, ScoreSheet)>);
    let file_error = RwSignal::new(None::<String>);
    let built = StoredValue::new(Built::default());
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    let on_toggle = move |ev: web_sys::Event| {
        let now_open = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
        if now_open && picks.with_untracked(|p| p.1.is_empty()) {
            let year = |id: &str| state.catalogue.with_untracked(|c| c.get(id).map(|l| l.entry.year));
            picks.set(state.workspace.with_untracked(|w| match w.year_pair(year) {
                Some((a, b)) => (a.to_string(), b.to_string()),
                None => (String::new(), w.current.to_string()),
            }));
        }
        open.set(now_open);
    };
    // Only while open: controls, the other year's set fetched, the result written.
    Effect::new(move |_| {
        let Some(root) = root.get().filter(|_| open.get()) else { return };
        let lang = state.lang.get();
        if built.with_value(|b| b.lang != Some(lang)) && controls(&root, lang).is_some() {
            built.set_value(Built { lang: Some(lang), options: Vec::new() });
        }
        let (a, b) = picks.get();
        file.with(|f| {
            let mut list: Vec<(String, String)> = vec![(String::new(), tr(lang, "— Chọn phiếu —", "— Choose a sheet —").to_owned())];
            state.workspace.with(|w| list.extend(w.drafts.iter().map(|d| (d.id.to_string(), option_label(state, &d.sheet, lang)))));
            if let Some((name, s)) = f {
                list.push((FROM_FILE.to_owned(), format!("{} {name}: {}", tr(lang, "Tệp", "File"), option_label(state, s, lang))));
            }
            let fresh = built.with_value(|b| b.options != list);
            for (id, pick) in [("yoy-a", &a), ("yoy-b", &b)] {
                let Some(select) = by_id(&root, id) else { continue };
                if fresh {
                    select.set_text_content(None);
                    for (value, label) in &list {
                        let _ = add(&select, "option", label, &[("value", value)]);
                    }
                }
                let _ = js_sys::Reflect::set(&select, &"value".into(), &pick.as_str().into());
            }
            if fresh {
                built.update_value(|b| b.options = list);
            }
            for pick in [&a, &b] {
                if let Some(s) = sheet_of(state, pick, f) {
                    state.want_group(&s.framework, &s.group);
                }
            }
            if let Some(out) = by_id(&root, "yoy-out") {
                let _ = show(&out, run(state, &a, &b, f, lang), file_error.get(), lang);
            }
        });
    });
    let on_file = move |ev: &web_sys::Event| {
        let Some(chosen) = chosen_file(ev) else { return };
        let name = chosen.name();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let read = read_json(&chosen)
                .await
                .map_err(|e| match e {
                    ReadError::Engine(e) => e.message(lang),
                    ReadError::Browser(m) => format!("{name}: {} {m}", tr(lang, "không đọc được tệp.", "cannot read the file.")),
                })
                .and_then(|t| ScoreSheet::from_json(&name, &t).map_err(|e| e.message(lang)));
            match read {
                Ok(sheet) => {
                    file.set(Some((name, sheet)));
                    file_error.set(None);
                    picks.update(|p| p.0 = FROM_FILE.to_owned());
                }
                Err(e) => file_error.set(Some(e)),
            }
        });
    };
    // One handler for the selects and the file input (change events bubble).
    let on_change = move |ev: web_sys::Event| {
        let id = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"id".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default();
        match id.as_str() {
            "yoy-a" => picks.update(|p| p.0 = event_target_value(&ev)),
            "yoy-b" => picks.update(|p| p.1 = event_target_value(&ev)),
            "yoy-file" => on_file(&ev),
            _ => {}
        }
    };
    view! {
        <details class="year-compare" data-testid="yoy" on:toggle=on_toggle>
            <summary>{move || tr(state.lang.get(), "So sánh hai năm", "Compare two years")}</summary>
            <div node_ref=root on:change=on_change></div>
        </details>
    }
}
