//! "So sánh hai năm" as a wasm module of its own (scripts/post-build.sh → `annex/`
//! beside the app, with the other module loaded on demand): the pairing of main
//! indicators, every figure and the whole folded section's DOM. The calculator's
//! first-visit bundle leaves them out (issue 15, BENCHMARKS.md) and imports this module
//! when the section is first opened; it scores the two years itself (it has the sets) and
//! sends them here as a `dti_engine::compare::Request` (JSON) at every change.
//! Text only, never HTML: the sheets' names are the user's.
#![forbid(unsafe_code)]

use dti_engine::compare::{pair, Comparison, Request, Row};
use dti_engine::Lang;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::Element;

fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Appends `<tag>text</tag>` with `attrs` to `parent`; an empty attribute is left out,
/// except `value` (the "— Chọn phiếu —" option's value is "").
fn add(parent: &Element, tag: &str, text: &str, attrs: &[(&str, &str)]) -> Option<Element> {
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

fn add_row(parent: &Element, r: Row) -> Option<()> {
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

/// A paragraph saying why there is no comparison: a problem, or a step still to come.
fn message(out: &Element, problem: bool, text: &str) -> Option<Element> {
    add(out, "p", text, &[("class", if problem { "error-message" } else { "hint" }), ("role", "status"), ("data-testid", "yoy-message")])
}

/// The comparison into `out`, replacing what was there.
fn table(out: &Element, c: &Comparison, lang: Lang) -> Option<()> {
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

/// The hint, the two selects, the file input and the place of the result.
fn controls(root: &Element, lang: Lang) -> Option<()> {
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

fn by_id(root: &Element, id: &str) -> Option<Element> {
    root.owner_document()?.get_element_by_id(id)
}

fn apply(root: &Element, r: Request) -> Option<()> {
    if r.controls {
        controls(root, r.lang)?;
    }
    for (id, pick) in [("yoy-a", &r.picks.0), ("yoy-b", &r.picks.1)] {
        let select = by_id(root, id)?;
        if let Some(list) = &r.options {
            select.set_text_content(None);
            for (value, label) in list {
                add(&select, "option", label, &[("value", value)])?;
            }
        }
        js_sys::Reflect::set(&select, &"value".into(), &pick.as_str().into()).ok()?;
    }
    let out = by_id(root, "yoy-out")?;
    out.set_text_content(None);
    if let Some(e) = &r.file_error {
        add(&out, "p", e, &[("class", "error-message"), ("role", "alert"), ("data-testid", "yoy-file-error")])?;
    }
    match r.years {
        Ok((a, b)) => table(&out, &pair(a, b), r.lang),
        Err((problem, text)) => message(&out, problem, &text).map(drop),
    }
}

/// Shows `request` (a `dti_engine::compare::Request` as JSON) in the section's `root`.
/// `false` when it could not: an unreadable request (a module of another build) or a DOM
/// call refused; the app then says the comparison is unavailable.
#[wasm_bindgen]
#[must_use]
pub fn show(root: &Element, request: &str) -> bool {
    serde_json::from_str(request).ok().and_then(|r| apply(root, r)).is_some()
}
