//! "So sánh hai năm": an agency's sheets of two years side by side, per main indicator,
//! with the change of total, percentage and level (all from `dti_engine::compare`).
//! Folded away and seldom opened, so the first visit does not carry it (issue 15): the
//! section's inside (hint, selects, file input, table) is drawn by a wasm module of its
//! own, `annex/dti_compare.js` (compare-module), imported the first time the section
//! opens. This shell keeps what needs the app's state: which sheets there are, the sets
//! they are scored under (each year scored here, `compare::sides`), the chosen file, and
//! one delegated change handler; at every change it sends the module a `Request`.
//! Nothing is computed while folded, so typing never pays for it.

use std::sync::Arc;

use dti_engine::compare::{sides, Request, Side, Year};
use dti_engine::framework::Framework;
use dti_engine::sheet::ScoreSheet;
use js_sys::Function;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::annex::load;
use crate::files::{chosen_file, read_json, ReadError};
use crate::i18n::{tr, Lang};
use crate::state::{open_set, use_state, AppState, OpenSet};

/// The comparison module's script, relative to the page (beside the annex CSV module, so
/// the service worker keeps it once used and nginx revalidates it).
const MODULE: &str = "annex/dti_compare.js";

/// The module, as far as this page has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Module {
    NotAsked,
    Loading,
    Ready,
    /// Not downloaded (offline before it was cached) or refused what it was sent.
    Failed,
}

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

/// Both years scored for the module, or why not (yet).
fn years(state: AppState, a: &str, b: &str, file: &FileSheet, lang: Lang) -> Result<(Side, Side), NotYet> {
    let pick = || (false, tr(lang, "Chọn hai phiếu để so sánh.", "Choose two sheets to compare.").to_owned());
    let (sa, sb) = (sheet_of(state, a, file).ok_or_else(pick)?, sheet_of(state, b, file).ok_or_else(pick)?);
    let (fa, fb) = (set_of(state, &sa, lang)?, set_of(state, &sb, lang)?);
    sides(Year { framework: &fa, sheet: &sa }, Year { framework: &fb, sheet: &sb }).map_err(|e| (true, e.message(lang)))
}

/// "Sở Tư pháp — 2022 — Nhóm …", for the selects.
fn option_label(state: AppState, sheet: &ScoreSheet, lang: Lang) -> String {
    let year = state.catalogue.with(|c| c.get(&sheet.framework).map_or_else(|| sheet.framework.clone(), |l| l.entry.year.to_string()));
    let name = if sheet.agency.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)") } else { sheet.agency.as_str() };
    let group = state.loaded(&sheet.framework).map_or_else(|| sheet.group.clone(), |f| f.group_name(&sheet.group, lang));
    format!("{name} — {year} — {group}")
}

/// While the module loads, or when it cannot: one line in place of the section's inside
/// (DOM calls, like the module's: a Leptos view of it cost more than the rest of this shell).
fn note(root: &web_sys::Element, status: Module, lang: Lang) -> Option<()> {
    let (text, class, role) = match status {
        Module::Loading => (tr(lang, "Đang tải phần so sánh hai năm…", "Loading the year comparison…"), "hint", "status"),
        Module::Failed => (tr(lang,
            "Không tải được phần so sánh hai năm (annex/dti_compare.js); hãy kiểm tra kết nối, rồi đóng và mở lại mục này.",
            "The year comparison (annex/dti_compare.js) could not be loaded; check the connection, then close and open this section again."), "error-message", "alert"),
        Module::NotAsked | Module::Ready => ("", "", ""),
    };
    root.set_text_content(None);
    if text.is_empty() {
        return Some(());
    }
    let p = root.owner_document()?.create_element("p").ok()?;
    p.set_text_content(Some(text));
    for (k, v) in [("class", class), ("role", role), ("data-testid", "yoy-module")] {
        p.set_attribute(k, v).ok()?;
    }
    root.append_child(&p).ok().map(drop)
}

/// What the section shows, in one signal (each signal type costs its own code).
struct Section {
    open: bool,
    /// The two selects' values (year A, year B).
    picks: (String, String),
    file: FileSheet,
    file_error: Option<String>,
    module: Module,
}

/// What the section keeps between runs: the language of the controls built and the
/// options listed, the module's `show`, the number of failed imports (a retry asks for
/// another URL, since a browser may keep a failed module import for the page's lifetime).
#[derive(Default)]
struct Kept {
    lang: Option<Lang>,
    options: Vec<(String, String)>,
    show: Option<Function>,
    failures: u32,
}

#[component]
pub fn YearCompare() -> impl IntoView {
    let state = use_state();
    let section = RwSignal::new(Section { open: false, picks: (String::new(), String::new()), file: None, file_error: None, module: Module::NotAsked });
    let kept = StoredValue::new_local(Kept::default());
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    let set_module = move |m: Module| section.update(|s| s.module = m);
    let fetch_module = move || {
        if kept.with_value(|k| k.show.is_some()) {
            return set_module(Module::Ready);
        }
        set_module(Module::Loading);
        let url = match kept.with_value(|k| k.failures) {
            0 => MODULE.to_owned(),
            n => format!("{MODULE}?retry={n}"),
        };
        leptos::task::spawn_local(async move {
            let show = load(&url, "show").await.ok();
            let ready = show.is_some();
            kept.update_value(|k| {
                k.failures += u32::from(!ready);
                k.show = show;
            });
            set_module(if ready { Module::Ready } else { Module::Failed });
        });
    };
    let on_toggle = move |ev: web_sys::Event| {
        let now_open = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
        let year = |id: &str| state.catalogue.with_untracked(|c| c.get(id).map(|l| l.entry.year));
        let fetch = now_open && matches!(section.with_untracked(|s| s.module), Module::NotAsked | Module::Failed);
        section.update(|s| {
            if now_open && s.picks.1.is_empty() {
                s.picks = state.workspace.with_untracked(|w| match w.year_pair(year) {
                    Some((a, b)) => (a.to_string(), b.to_string()),
                    None => (String::new(), w.current.to_string()),
                });
            }
            s.open = now_open;
        });
        if fetch {
            fetch_module();
        }
    };
    // Only while open: the module fetched, the other year's set fetched, both years
    // scored, the module told what to show (or a line saying it is loading or missing).
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        let lang = state.lang.get();
        let request = section.with(|s| {
            if !s.open {
                return None;
            }
            if s.module != Module::Ready {
                kept.update_value(|k| k.lang = None);
                let _ = note(&root, s.module, lang);
                return None;
            }
            let (a, b) = &s.picks;
            let mut list: Vec<(String, String)> = vec![(String::new(), tr(lang, "— Chọn phiếu —", "— Choose a sheet —").to_owned())];
            state.workspace.with(|w| list.extend(w.drafts.iter().map(|d| (d.id.to_string(), option_label(state, &d.sheet, lang)))));
            if let Some((name, sheet)) = &s.file {
                list.push((FROM_FILE.to_owned(), format!("{} {name}: {}", tr(lang, "Tệp", "File"), option_label(state, sheet, lang))));
            }
            for pick in [a, b] {
                if let Some(sheet) = sheet_of(state, pick, &s.file) {
                    state.want_group(&sheet.framework, &sheet.group);
                }
            }
            let controls = kept.with_value(|k| k.lang != Some(lang));
            let options = (controls || kept.with_value(|k| k.options != list)).then_some(list);
            let years = years(state, a, b, &s.file, lang);
            Some(Request { lang, controls, options, picks: s.picks.clone(), file_error: s.file_error.clone(), years })
        });
        let Some(request) = request else { return };
        let shown = serde_json::to_string(&request).ok().and_then(|json| {
            let f = kept.with_value(|k| k.show.clone())?;
            f.call2(&JsValue::NULL, &root, &json.into()).ok()?.as_bool()
        });
        if shown == Some(true) {
            kept.update_value(|k| {
                k.lang = Some(lang);
                if let Some(list) = request.options {
                    k.options = list;
                }
            });
        } else {
            set_module(Module::Failed);
        }
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
            section.update(|s| match read {
                Ok(sheet) => {
                    s.file = Some((name, sheet));
                    s.file_error = None;
                    s.picks.0 = FROM_FILE.to_owned();
                }
                Err(e) => s.file_error = Some(e),
            });
        });
    };
    // One handler for the selects and the file input (change events bubble).
    let on_change = move |ev: web_sys::Event| {
        let id = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"id".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default();
        match id.as_str() {
            "yoy-a" => section.update(|s| s.picks.0 = event_target_value(&ev)),
            "yoy-b" => section.update(|s| s.picks.1 = event_target_value(&ev)),
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
