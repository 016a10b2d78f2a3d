//! The drafts list's lines, computed by the engine. The open draft's figures are the
//! open sheet's `result` (already computed once per change); every other draft is scored
//! only when it changed: its line is kept under a key of what it depends on (revision,
//! time of the last change, edits in this page, name, set and group, the set as served,
//! the language), so a keystroke in the open draft scores none of the others.

use std::collections::BTreeMap;

use dti_engine::framework::Framework;
use dti_engine::number::{format_compact, format_points};
use dti_engine::sheet::{evaluate, Standing};
use dti_engine::Lang;
use leptos::prelude::*;

use super::{open_set, AppState, Catalogue, OpenSet, Served};
use crate::i18n::{group_name, tr};
use crate::storage::Draft;

/// One line of the drafts list, formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRow {
    pub id: u32,
    pub agency: String,
    pub set: String,
    pub group: String,
    pub total: String,
    pub level: String,
    pub updated: String,
    /// A copy kept when the draft was changed in two tabs at once.
    pub conflict: bool,
    /// The draft open in this tab.
    pub open: bool,
}

/// Lines of drafts not open, by id, with the key each was made under.
pub(super) type RowCache = BTreeMap<u32, (Key, DraftRow)>;

/// What a line depends on besides the answers (whose changes move `rev`, `updated` or `edits`).
#[derive(PartialEq)]
pub(super) struct Key {
    lang: Lang,
    rev: u64,
    updated: String,
    edits: u64,
    entries: usize,
    agency: String,
    framework: String,
    group: String,
    digest: Option<String>,
    conflict: Option<u32>,
    open: OpenSet,
    year: String,
}

fn local_time(iso: &str, lang: Lang) -> String {
    if iso.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    String::from(date.to_locale_string(tr(lang, "vi-VN", "en-GB"), &wasm_bindgen::JsValue::UNDEFINED))
}

/// The line of `d`; `score` gives its standing under the set it opens in.
fn row(d: &Draft, is_open: bool, year: String, open: &OpenSet, lang: Lang, score: impl FnOnce(&Framework) -> Option<Result<Standing, dti_engine::Error>>) -> DraftRow {
    let (group, total, level) = match open {
        OpenSet::Ready(f) => {
            let group = f.group(&d.sheet.group).map(|g| group_name(lang, g)).unwrap_or_default();
            let (total, level) = match score(f) {
                Some(Ok(s)) => (format!("{} / {}", format_points(s.total), format_compact(s.max)), f.level_name(&s.level_id, lang)),
                Some(Err(e)) => (e.message(lang), String::new()),
                None => (String::new(), String::new()),
            };
            (group, total, level)
        }
        // Never scored under another version; other sets load when opened.
        OpenSet::Stale { .. } => (d.sheet.group.clone(), tr(lang, "— (phiên bản bộ chỉ số khác)", "— (another version of the set)").to_owned(), String::new()),
        _ => (d.sheet.group.clone(), String::new(), String::new()),
    };
    DraftRow {
        id: d.id,
        agency: d.sheet.agency.clone(),
        set: year,
        group,
        total,
        level,
        updated: local_time(&d.updated, lang),
        conflict: d.conflict_of.is_some(),
        open: is_open,
    }
}

impl AppState {
    /// The lines of the drafts list, in the drafts' order.
    #[must_use]
    pub fn draft_rows(&self) -> Memo<Vec<DraftRow>> {
        let state = *self;
        Memo::new(move |_| {
            let lang = state.lang.get();
            let rows = state.workspace.with(|w| {
                state.catalogue.with(|c| {
                    state.served.with(|served| w.drafts.iter().map(|d| state.line(d, w.current == d.id, c, served, lang)).collect::<Vec<_>>())
                })
            });
            state.fine.update_value(|f| {
                if f.rows.keys().any(|id| !rows.iter().any(|r| r.id == *id)) {
                    dti_engine::order::retain(&mut f.rows, &|id, _| rows.iter().any(|r| r.id == *id));
                }
            });
            rows
        })
    }

    fn line(&self, d: &Draft, is_open: bool, c: &Catalogue, served: &Served, lang: Lang) -> DraftRow {
        let year = c.get(&d.sheet.framework).map_or_else(|| d.sheet.framework.clone(), |l| l.entry.year.to_string());
        let open = open_set(c, served, &d.sheet);
        if is_open {
            // The open sheet's result, computed once per change for the summary too.
            return row(d, true, year, &open, lang, |_| self.result.with(|r| r.as_ref().map(|r| r.as_ref().map(|r| r.standing.clone()).map_err(Clone::clone))));
        }
        let key = Key {
            lang,
            rev: d.rev,
            updated: d.updated.clone(),
            edits: self.fine.with_value(|f| f.edits.get(&d.id).copied().unwrap_or_default()),
            entries: d.sheet.entries.len(),
            agency: d.sheet.agency.clone(),
            framework: d.sheet.framework.clone(),
            group: d.sheet.group.clone(),
            digest: d.sheet.framework_digest.clone(),
            conflict: d.conflict_of,
            open: open.clone(),
            year: year.clone(),
        };
        if let Some(r) = self.fine.with_value(|f| f.rows.get(&d.id).filter(|(k, _)| *k == key).map(|(_, r)| r.clone())) {
            return r;
        }
        let r = row(d, false, year, &open, lang, |f| Some(evaluate(f, &d.sheet).map(|r| r.standing)));
        self.fine.update_value(|f| {
            f.rows.insert(d.id, (key, r.clone()));
        });
        r
    }
}
