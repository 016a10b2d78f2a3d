//! What the calculator's first visit asks of the engine, and nothing else: read the
//! catalogue, the opened group's file and the stored drafts, score the open draft, place
//! it against the published results and format every figure the summary shows. Built with
//! the release profile, its wasm is the floor any view layer adds to (`bench-size.sh`).

use dti_engine::catalogue::{GroupFile, Index};
use dti_engine::level::boundary_note;
use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::quick::rank_preview;
use dti_engine::sheet::evaluate;
use dti_engine::workspace::{load, Stored};
use dti_engine::{Error, Lang};
use wasm_bindgen::prelude::*;

/// The summary's lines for the open draft, or the message the app would show.
/// `drafts` holds each stored key's text as `key\ntext` records separated by `\u{1e}`.
#[wasm_bindgen]
pub fn first_visit(catalogue: &str, group_file: &str, published: &[u8], head: &str, drafts: &str, english: bool) -> String {
    let lang = if english { Lang::En } else { Lang::Vi };
    summary(catalogue, group_file, published, head, drafts, lang).unwrap_or_else(|e| e.message(lang))
}

fn summary(catalogue: &str, group_file: &str, published: &[u8], head: &str, drafts: &str, lang: Lang) -> Result<String, Error> {
    let catalogue = Index::from_json("sets/index.json", catalogue)?;
    let get = |key: &str| drafts.split('\u{1e}').find_map(|r| r.strip_prefix(key)?.strip_prefix('\n')).map(str::to_owned);
    let read = load(head, get);
    let Stored::Current { mut workspace, .. } = read.stored else { return Ok(String::from("-")) };
    workspace.open_or_latest(None);
    let Some(sheet) = workspace.current() else { return Ok(String::from("-")) };
    let entry = catalogue.get(&sheet.framework).ok_or_else(|| {
        Error::catalogue(
            "sets/index.json",
            format!("không có bộ chỉ số “{}” của phiếu", sheet.framework),
            format!("the draft's set “{}” is not listed", sheet.framework),
        )
    })?;
    let set = GroupFile::read("group.json", group_file, entry, &sheet.group)?;
    let result = evaluate(&set, sheet)?;
    let s = &result.standing;
    let mut out = format!("{} / {} · {} · {}", format_points(s.total), format_compact(s.max), format_percent(s.percent), set.level_name(&s.level_id, lang));
    if let Some(n) = &s.next {
        out.push_str(&format!(" · +{} → {}", format_points(n.points_needed), set.level_name(&n.level_id, lang)));
    }
    if let Some(b) = boundary_note(&set.levels, s.percent) {
        out.push_str(" · ");
        out.push_str(&b.message(&set.level_name(&b.level_id, lang), lang));
    }
    let rows = dti_engine::rank::parse_rank_csv("published.csv", published)?;
    if let Some(p) = rank_preview(&rows, &sheet.group, &sheet.agency, s.total) {
        out.push_str(&format!(" · {}/{} · {}", p.rank, p.of, format_points(p.average)));
    }
    for m in &result.mains {
        out.push_str(&format!("\n{}: {} / {}", m.code, format_points(m.points), format_compact(m.max)));
    }
    for e in result.invalid.iter().chain(&result.invalid_appraised) {
        out.push_str(&format!("\n{}", e.message(lang)));
    }
    Ok(out)
}
