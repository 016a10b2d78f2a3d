//! App state: the drafts and what is derived from them. Every figure comes from the
//! engine; components only read these memos and format.
//!
//! One concern per file: `catalogue` (served and loaded sets, which one scores a sheet),
//! `loading` (fetching sets, settling the open sheet on one), `editing` (every change to
//! the drafts goes through there), `slices` (one signal per indicator, so a keystroke
//! re-renders its own row only), `sync` (debounced saves of what changed, other tabs'
//! saves merged in), `draft_rows` (the drafts list, each draft scored only when it
//! changes) and `print` (the report built when printing, not on every keystroke).

mod catalogue;
mod draft_rows;
mod editing;
mod loading;
mod print;
mod slices;
mod sync;

use std::sync::Arc;

use dti_engine::framework::Framework;
use dti_engine::sheet::{evaluate, rescore, ScoreSheet, SheetResult};
use dti_engine::Lang;
use leptos::prelude::*;

pub use catalogue::{open_set, Catalogue, Listed, OpenSet, Published, Served, SetLoad};
pub use draft_rows::DraftRow;
pub use print::Printing;

use crate::storage::{self, CustomSet, Damaged, Loaded, Stored, StorageStatus, StoredSet, Workspace};
use slices::Slices;
use sync::Sync;

/// Bookkeeping of the fine-grained updates (plain data, one store).
#[derive(Default)]
struct Fine {
    slices: Slices,
    touched: Touched,
    /// Edits per draft id in this page, so the drafts list knows which draft changed.
    edits: std::collections::BTreeMap<u32, u64>,
    /// The drafts list's lines of drafts not open, by id, with what each was made from.
    rows: draft_rows::RowCache,
}

/// A deep link waiting for the catalogue (the year) and the set (the group).
#[derive(Debug, Clone, Default)]
struct Pending {
    year: Option<u16>,
    group: Option<String>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Served and loaded indicator sets; re-validated only when the loaded ones change.
    pub catalogue: Memo<Catalogue>,
    /// What the server has given: the catalogue, the sets fetched, their results.
    pub served: RwSignal<Served>,
    /// The drafts, and which one this tab has open. Read only: every change goes through
    /// the methods in `editing`, which keep the slices and the next save in step.
    pub workspace: ReadSignal<Workspace>,
    ws: RwSignal<Workspace>,
    /// The user's language (its own key; another tab never switches it here).
    pub lang: RwSignal<Lang>,
    /// A copy of the open sheet, for readers that need all of it (files, print). Memos are
    /// lazy: typing does not copy the sheet unless something shown reads this.
    pub sheet: Memo<ScoreSheet>,
    /// (framework id, group id) of the open sheet; changes only when the user switches.
    pub selection: Memo<(String, String)>,
    /// The open sheet's agency name.
    pub agency: Memo<String>,
    /// Whether the open sheet can be scored: loading, ready, failed, stale.
    pub open: Memo<OpenSet>,
    pub framework: Memo<Option<Arc<Framework>>>,
    /// The open sheet's result, computed once per change; summary, bars, table totals and
    /// the drafts list's open row all read it.
    pub result: Memo<Option<Result<SheetResult, dti_engine::Error>>>,
    pub published: Memo<Published>,
    pub storage: RwSignal<StorageStatus>,
    pending: StoredValue<Pending>,
    /// Indicator sets loaded from files, each stored under its own key.
    pub sets: RwSignal<Vec<StoredSet>>,
    /// Stored texts that did not read as drafts, kept apart (or, if storage refused the
    /// copy, only here) until the user discards each.
    pub damaged: RwSignal<Vec<Damaged>>,
    /// Whether the council's (appraised) inputs are shown.
    pub show_appraised: RwSignal<bool>,
    /// The last deleted draft and its position, for "undo" while the page is open.
    pub deleted: RwSignal<Option<(usize, crate::storage::Draft)>>,
    /// The ratio pair (a/b) the user is typing in: its "missing a or b" waits until the
    /// user leaves the pair.
    pub editing_pair: RwSignal<Option<(String, Side)>>,
    /// Whether the page is being printed (the report is built only then).
    pub printing: Printing,
    fine: StoredValue<Fine>,
    /// What this tab last saw in storage (JS strings, kept in the page).
    sync: StoredValue<Sync, LocalStorage>,
}

/// What changed in the open sheet since the result was last computed: the entries typed
/// into (rescored alone), or anything (scored again in full).
#[derive(Default)]
struct Touched {
    codes: Vec<String>,
    all: bool,
    /// The set the last result was computed under.
    under: Option<usize>,
}

/// The open sheet's result: only the indicators typed into are scored again, the rest is
/// the previous result's (`dti_engine::sheet::rescore`, equal to a full evaluation).
fn result_memo(ws: RwSignal<Workspace>, framework: Memo<Option<Arc<Framework>>>, fine: StoredValue<Fine>) -> Memo<Option<Result<SheetResult, dti_engine::Error>>> {
    Memo::new_owning(move |old: Option<Option<Result<SheetResult, dti_engine::Error>>>| {
        let f = framework.get();
        let under = f.as_ref().map(|f| Arc::as_ptr(f) as usize);
        let t = fine.try_update_value(|f| {
            let t = &mut f.touched;
            Touched { codes: std::mem::take(&mut t.codes), all: std::mem::take(&mut t.all), under: std::mem::replace(&mut t.under, under) }
        });
        let Some(f) = f else { return (None, !matches!(old, Some(None))) };
        ws.with(|w| {
            with_open(w, |s| match (old, t) {
                (Some(Some(Ok(mut previous))), Some(t)) if !t.all && t.under == under => match rescore(&f, s, &mut previous, &t.codes) {
                    Ok(changed) => (Some(Ok(previous)), changed),
                    Err(e) => (Some(Err(e)), true),
                },
                (old, _) => {
                    let new = Some(evaluate(&f, s));
                    let changed = old.as_ref() != Some(&new);
                    (new, changed)
                }
            })
        })
    })
}

/// `f` on the open sheet (an empty one when there is none), without copying it.
fn with_open<R>(w: &Workspace, f: impl FnOnce(&ScoreSheet) -> R) -> R {
    match w.current() {
        Some(s) => f(s),
        None => f(&ScoreSheet::new("", "")),
    }
}

impl AppState {
    /// The open sheet changed in a way other than typing into one indicator.
    fn touched_all(&self) {
        self.fine.update_value(|f| f.touched.all = true);
    }

    /// Typing changed the entry of `code` only.
    fn touched_entry(&self, code: &str) {
        self.fine.update_value(|f| f.touched.codes.push(code.to_owned()));
    }

    /// Builds the state from what storage holds (or a fresh workspace). Nothing is written
    /// here: a damaged text is kept apart by the first save, before it is overwritten. Sets
    /// arrive later: [`AppState::start`] fetches them (tests hand them over with `provide_*`).
    #[must_use]
    pub fn new(status: StorageStatus, loaded: Loaded) -> Self {
        Self::with_storage(status, loaded, None, None, Vec::new(), Vec::new())
    }

    /// As [`AppState::new`], with the tab's open draft, the chosen language, loaded sets
    /// and damaged copies kept from earlier visits.
    #[must_use]
    pub fn with_storage(
        mut status: StorageStatus,
        loaded: Loaded,
        open: Option<u32>,
        lang: Option<Lang>,
        mut sets: Vec<StoredSet>,
        mut damaged: Vec<Damaged>,
    ) -> Self {
        let mut sync = Sync::default();
        let mut lang = lang;
        let mut open = open;
        let ws = match loaded {
            Loaded::Nothing => None,
            Loaded::Split { head, stored, texts, damaged: unread } => {
                for copy in unread {
                    if !damaged.iter().any(|d| d.raw == copy.raw) {
                        damaged.push(copy);
                    }
                }
                match stored {
                    Stored::Current { workspace, .. } => {
                        sync.loaded(head, workspace.seen(), texts);
                        Some(workspace)
                    }
                    // `load` reads nothing else from a head.
                    _ => None,
                }
            }
            Loaded::Found { raw, stored } => match stored {
                Stored::Current { workspace, legacy } => {
                    if let Some(legacy) = legacy {
                        // Version 1 kept these in the shared value; each moves to its own
                        // place (the sets by the first save, before the old value goes).
                        lang = lang.or(legacy.lang);
                        open = open.or(legacy.current);
                        if let Some(l) = legacy.lang.filter(|_| storage::load_lang().is_none()) {
                            let _ = storage::save_lang(l);
                        }
                        for set in legacy.custom_sets {
                            let key = format!("{}{}", storage::SET_PREFIX, set_id(&set));
                            if !sets.iter().any(|s| s.key == key) {
                                sets.push(StoredSet { key, file: set.file, json: set.json });
                            }
                        }
                        // The drafts as stored, so the first save takes the old value in
                        // (moving its sets) without mistaking its drafts for another tab's.
                        sync.seen = workspace.seen();
                    } else {
                        // An older build's single value: the first save, at once, writes
                        // each draft under its own key and the head over it.
                        sync.loaded(js_sys::JsString::from(raw.as_str()), workspace.seen(), std::collections::BTreeMap::new());
                    }
                    sync.migrate();
                    Some(workspace)
                }
                Stored::Newer { version, workspace } => {
                    status = StorageStatus::Newer(version);
                    workspace
                }
                Stored::Damaged { reason } => {
                    if !damaged.iter().any(|d| d.raw == raw) {
                        damaged.push(Damaged { key: None, raw, reason });
                    }
                    None
                }
            },
        };
        // A fresh workspace opens the first set's first group, once the catalogue is read.
        let mut ws = ws.unwrap_or_else(|| Workspace::new("", ""));
        ws.open_or_latest(open);
        let ws = RwSignal::new(ws);
        let served = RwSignal::new(Served::default());
        let sets = RwSignal::new(sets);
        // Parsing loaded sets is the costly part: redone only when they (or the served
        // catalogue) change, not on every keystroke that changes the workspace.
        let catalogue = Memo::new(move |_| {
            let index = served.with(|s| s.index.clone());
            sets.with(|s| {
                let custom: Vec<CustomSet> = s.iter().map(StoredSet::custom).collect();
                Catalogue::with_custom(index.as_ref().and_then(|i| i.as_ref().ok()), &custom)
            })
        });
        let lang = RwSignal::new(lang.unwrap_or_default());
        // Each reads the open sheet in place: none copies it per keystroke.
        let sheet = Memo::new(move |_| ws.with(|w| w.current().cloned().unwrap_or_else(|| ScoreSheet::new("", ""))));
        let selection = Memo::new(move |_| ws.with(|w| with_open(w, |s| (s.framework.clone(), s.group.clone()))));
        let agency = Memo::new(move |_| ws.with(|w| with_open(w, |s| s.agency.clone())));
        let open = Memo::new(move |_| catalogue.with(|c| served.with(|s| ws.with(|w| with_open(w, |sh| open_set(c, s, sh))))));
        let framework = Memo::new(move |_| match open.get() {
            OpenSet::Ready(f) => Some(f),
            _ => None,
        });
        let fine = StoredValue::new(Fine { touched: Touched { all: true, ..Touched::default() }, ..Fine::default() });
        let result = result_memo(ws, framework, fine);
        let published = Memo::new(move |_| {
            let id = selection.with(|s| s.0.clone());
            served.with(|s| s.published.get(&id).cloned().flatten())
        });
        let any_appraised = ws.with_untracked(|w| w.drafts.iter().any(|d| d.sheet.entries.values().any(|e| e.appraised.is_some())));
        AppState {
            catalogue,
            served,
            workspace: ws.read_only(),
            ws,
            lang,
            sheet,
            selection,
            agency,
            open,
            framework,
            result,
            published,
            storage: RwSignal::new(status),
            pending: StoredValue::new(Pending::default()),
            sets,
            damaged: RwSignal::new(damaged),
            show_appraised: RwSignal::new(any_appraised),
            deleted: RwSignal::new(None),
            editing_pair: RwSignal::new(None),
            printing: Printing::new(),
            fine,
            sync: StoredValue::new_local(sync),
        }
    }
}

/// The id a loaded set is stored under: its own id, or its file name if it no longer
/// validates (kept, so the user sees it and can remove it).
fn set_id(set: &CustomSet) -> String {
    dti_engine::framework::Framework::from_json(&set.file, &set.json).map(|f| f.id).unwrap_or_else(|_| set.file.clone())
}

/// Whose value an input holds: the agency's own (tự đánh giá) or the council's (thẩm định).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Own,
    Council,
}

/// Now, as ISO 8601, from the browser's clock.
#[must_use]
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

#[must_use]
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
