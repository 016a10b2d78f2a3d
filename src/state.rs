//! App state: the workspace signal and what is derived from it. Every figure comes from
//! the engine; components only read these memos and format.

use dti_engine::builtin;
use std::sync::Arc;

use dti_engine::framework::Framework;
use dti_engine::rank::RankInput;
use dti_engine::sheet::{evaluate, Answer, Entry, ScoreSheet, SheetResult};
use dti_engine::Lang;
use leptos::prelude::*;

use dti_engine::workspace::{merge, Seen};

use crate::storage::{self, CustomSet, Damaged, Loaded, Stored, StorageStatus, StoredSet, Workspace};

/// Built-in sets that loaded, and the messages of those that did not.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub frameworks: Vec<Framework>,
    pub errors: Vec<dti_engine::Error>,
}

impl Catalogue {
    /// The built-in sets plus sets the user loaded from files (kept as their JSON text and
    /// validated again on every start). A loaded set with a built-in id replaces it: that is
    /// how the official annex takes the place of a reference set.
    #[must_use]
    pub fn with_custom(custom: &[CustomSet]) -> Self {
        let mut frameworks = Vec::new();
        let mut errors = Vec::new();
        for id in builtin::ids() {
            match builtin::framework(id) {
                Ok(f) => frameworks.push(f),
                Err(e) => errors.push(e),
            }
        }
        for set in custom {
            match Framework::from_json(&set.file, &set.json) {
                Ok(f) => match frameworks.iter_mut().find(|b| b.id == f.id) {
                    Some(slot) => *slot = f,
                    None => frameworks.push(f),
                },
                Err(e) => errors.push(e),
            }
        }
        Catalogue { frameworks, errors }
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Built-in and loaded indicator sets; re-validated only when the loaded ones change.
    pub catalogue: Memo<Catalogue>,
    /// The drafts, and which one this tab has open.
    pub workspace: RwSignal<Workspace>,
    /// The user's language (its own key; another tab never switches it here).
    pub lang: RwSignal<Lang>,
    pub sheet: Memo<ScoreSheet>,
    /// (framework id, group id) of the open sheet; changes only when the user switches.
    pub selection: Memo<(String, String)>,
    pub framework: Memo<Option<Arc<Framework>>>,
    pub result: Memo<Option<Result<SheetResult, dti_engine::Error>>>,
    pub published: Memo<Option<Result<Vec<RankInput>, dti_engine::Error>>>,
    pub storage: RwSignal<StorageStatus>,
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
    sync: StoredValue<Sync>,
}

/// What this tab last saw in storage, to tell its own changes from another tab's.
#[derive(Default)]
struct Sync {
    /// The stored text as last read or written here.
    raw: Option<String>,
    /// Each draft as last read or written here.
    seen: Seen,
    /// The pending debounced save.
    timer: Option<leptos::prelude::TimeoutHandle>,
}

/// How long typing may pause before the drafts are written (flushed at once when the tab
/// is hidden or closed).
const SAVE_DELAY_MS: u64 = 300;

impl AppState {
    /// Builds the state from what storage holds (or a fresh workspace). Nothing is written
    /// here: a damaged text is kept apart by the first save, before it is overwritten.
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
                        sync.raw = Some(raw);
                        sync.seen = workspace.seen();
                    }
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
        let workspace = RwSignal::new(ws);
        let sets = RwSignal::new(sets);
        // Parsing the sets is the costly part: redone only when loaded sets change, not on
        // every keystroke that changes the workspace.
        let catalogue = Memo::new(move |_| sets.with(|s| Catalogue::with_custom(&s.iter().map(StoredSet::custom).collect::<Vec<_>>())));
        if workspace.with_untracked(|w| w.current().is_none_or(|s| s.framework.is_empty())) {
            let first = catalogue.with_untracked(|c| {
                c.frameworks.first().map(|f| (f.id.clone(), f.groups.first().map(|g| g.id.clone()).unwrap_or_default()))
            });
            if let Some((framework, group)) = first {
                workspace.update_untracked(|w| w.select(&framework, &group));
            }
        }
        let lang = RwSignal::new(lang.unwrap_or_default());
        let sheet = Memo::new(move |_| workspace.with(|w| w.current().cloned().unwrap_or_else(|| ScoreSheet::new("", ""))));
        let selection = Memo::new(move |_| sheet.with(|s| (s.framework.clone(), s.group.clone())));
        let framework = Memo::new(move |_| {
            let id = selection.with(|s| s.0.clone());
            // Shared, so readers clone a pointer, not the whole set, on every change.
            catalogue.with(|c| c.get(&id).cloned().map(Arc::new))
        });
        let result = Memo::new(move |_| framework.with(|f| f.as_ref().map(|f| sheet.with(|s| evaluate(f, s)))));
        let published = Memo::new(move |_| selection.with(|s| builtin::published(&s.0)));
        let any_appraised = workspace.with_untracked(|w| w.drafts.iter().any(|d| d.sheet.entries.values().any(|e| e.appraised.is_some())));
        AppState {
            catalogue,
            workspace,
            lang,
            sheet,
            selection,
            framework,
            result,
            published,
            storage: RwSignal::new(status),
            sets,
            damaged: RwSignal::new(damaged),
            show_appraised: RwSignal::new(any_appraised),
            deleted: RwSignal::new(None),
            editing_pair: RwSignal::new(None),
            sync: StoredValue::new(sync),
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if self.saving() {
            let _ = storage::save_lang(lang);
        }
    }

    pub fn select(&self, framework: &str, group: &str) {
        self.workspace.update(|w| w.select(framework, group));
    }

    /// Changes the open sheet and stamps the draft with the time of the change.
    pub fn edit(&self, f: impl FnOnce(&mut ScoreSheet)) {
        self.workspace.update(|w| {
            let draft = w.current_draft_mut();
            f(&mut draft.sheet);
            draft.updated = now();
        });
    }

    pub fn set_agency(&self, name: String) {
        self.edit(|s| s.agency = name);
    }

    /// Changes one indicator's entry; an entry left empty is removed.
    pub fn edit_entry(&self, code: &str, f: impl FnOnce(&mut Entry)) {
        self.edit(|s| {
            let entry = s.entries.entry(code.to_owned()).or_default();
            f(entry);
            if *entry == Entry::default() {
                s.entries.remove(code);
            }
        });
    }

    /// Replaces the self or appraised answer of one indicator; `None` clears it.
    pub fn set_answer(&self, code: &str, side: Side, answer: Option<Answer>) {
        self.edit_entry(code, |e| match side {
            Side::Own => e.self_answer = answer,
            Side::Council => e.appraised = answer,
        });
    }

    /// Opens a sheet read from a file, as the sheet of its set and group. A sheet for a set
    /// or group this app does not have is refused and nothing changes.
    pub fn import(&self, sheet: ScoreSheet) -> Result<(), dti_engine::Error> {
        let known = self.catalogue.with_untracked(|c| match c.get(&sheet.framework) {
            Some(f) => f.require_group(&sheet.group).map(|_| ()),
            None => Err(dti_engine::Error::UnknownFramework {
                id: sheet.framework.clone(),
                known: c.frameworks.iter().map(|f| f.id.clone()).collect(),
            }),
        });
        known?;
        self.workspace.update(|w| {
            w.add_sheet(sheet, now());
        });
        Ok(())
    }

    /// Adds (or replaces) an indicator set read from a file and opens it. A set that does
    /// not validate is refused with the engine's message and nothing changes.
    pub fn load_set(&self, file: &str, json: String) -> Result<Framework, dti_engine::Error> {
        let framework = Framework::from_json(file, &json)?;
        // Drafts answered under a set with this id would be re-scored under other
        // indicators: refuse, and ask for an id of its own.
        let answered = self.workspace.with_untracked(|w| {
            w.drafts.iter().filter(|d| d.sheet.framework == framework.id && !d.sheet.entries.is_empty()).count()
        });
        if answered > 0 {
            return Err(dti_engine::Error::FrameworkInvalid {
                file: file.to_owned(),
                code: framework.id.clone(),
                expected: format!(
                    "một mã bộ chỉ số khác “{id}”: {answered} phiếu đã trả lời theo bộ “{id}” hiện có và sẽ bị tính lại theo chỉ số khác (ví dụ đặt “{id}-chinh-thuc”) / an id other than “{id}”: {answered} answered draft(s) use the current “{id}” and would be re-scored under other indicators (e.g. “{id}-official”)",
                    id = framework.id
                ),
            });
        }
        let group = framework.groups.first().map(|g| g.id.clone()).unwrap_or_default();
        let current_group = self.selection.with_untracked(|s| s.1.clone());
        let group = if framework.group(&current_group).is_some() { current_group } else { group };
        let set = CustomSet { file: file.to_owned(), json };
        let key = format!("{}{}", storage::SET_PREFIX, framework.id);
        // Stored under its own key: a full quota keeps it for this visit only, and says so.
        let stored = if self.saving() { storage::save_set(&framework.id, &set).map(|_| ()) } else { Ok(()) };
        if let Err(e) = stored {
            self.storage.set(StorageStatus::WriteFailed(e));
        }
        self.sets.update(|sets| {
            sets.retain(|s| s.key != key);
            sets.push(StoredSet { key, file: set.file, json: set.json });
        });
        self.workspace.update(|w| w.select(&framework.id, &group));
        Ok(framework)
    }

    /// Removes a loaded set (its drafts stay, and open again if the set is loaded again).
    pub fn remove_set(&self, key: &str) {
        storage::remove(key);
        self.sets.update(|sets| sets.retain(|s| s.key != key));
        // The open draft's set gone: open the first set (its draft is kept as it is).
        let open = self.selection.get_untracked().0;
        let first = self.catalogue.with_untracked(|c| {
            if c.get(&open).is_some() {
                return None;
            }
            c.frameworks.first().map(|f| (f.id.clone(), f.groups.first().map(|g| g.id.clone()).unwrap_or_default()))
        });
        if let Some((framework, group)) = first {
            self.select(&framework, &group);
        }
    }

    /// Applies a deep link (`?nam=2023&nhom=khong_tthc`); unknown values are ignored.
    pub fn apply_launch(&self, launch: &crate::launch::Launch) {
        let (current_f, current_g) = self.selection.get_untracked();
        let framework = launch
            .year
            .and_then(|y| self.catalogue.with_untracked(|c| c.frameworks.iter().rev().find(|f| f.year == y).map(|f| f.id.clone())))
            .unwrap_or(current_f);
        let group = launch
            .group
            .clone()
            .filter(|g| self.catalogue.with_untracked(|c| c.get(&framework).is_some_and(|f| f.group(g).is_some())))
            .or_else(|| {
                self.catalogue.with_untracked(|c| {
                    let f = c.get(&framework)?;
                    f.group(&current_g).or(f.groups.first()).map(|g| g.id.clone())
                })
            });
        if let Some(group) = group {
            if (framework.clone(), group.clone()) != self.selection.get_untracked() {
                self.select(&framework, &group);
            }
        }
    }

    /// One side's answer of one indicator (tracked: read it inside a memo).
    #[must_use]
    pub fn answer(&self, code: &str, side: Side) -> Option<Answer> {
        self.sheet.with(|s| {
            s.entries.get(code).and_then(|e| match side {
                Side::Own => e.self_answer.clone(),
                Side::Council => e.appraised.clone(),
            })
        })
    }

    /// Shows the council's inputs whenever the open sheet has appraised values (opened
    /// from a file or another draft), so they are never hidden values.
    pub fn reveal_appraised(&self) {
        let state = *self;
        let has = Memo::new(move |_| state.sheet.with(|s| s.entries.values().any(|e| e.appraised.is_some())));
        Effect::new(move |_| {
            if has.get() {
                state.show_appraised.set(true);
            }
        });
    }

    /// Whether this tab may write to storage at all.
    fn saving(&self) -> bool {
        !matches!(self.storage.get_untracked(), StorageStatus::Unavailable | StorageStatus::Newer(_))
    }

    /// Takes in a stored text another tab wrote: drafts merged by id (this tab's open
    /// draft stays open), a newer build's text never overwritten.
    fn take_in(&self, raw: &str) -> bool {
        match dti_engine::workspace::parse(raw) {
            Stored::Current { workspace: stored, legacy } => {
                if let Some(legacy) = legacy {
                    // An older build wrote: its sets get their own keys before its value
                    // is replaced.
                    for set in &legacy.custom_sets {
                        let key = format!("{}{}", storage::SET_PREFIX, set_id(set));
                        if storage::get(&key).is_none() {
                            if let Err(e) = storage::save_set(&set_id(set), set) {
                                self.storage.set(StorageStatus::WriteFailed(e));
                                return false;
                            }
                            self.sets.update(|s| s.push(StoredSet { key, file: set.file.clone(), json: set.json.clone() }));
                        }
                    }
                }
                let seen = self.sync.with_value(|s| s.seen.clone());
                let merged = self.workspace.with_untracked(|w| merge(w, &seen, &stored));
                if self.workspace.with_untracked(|w| *w != merged.workspace) {
                    self.workspace.set(merged.workspace);
                }
                self.sync.update_value(|s| {
                    s.raw = Some(raw.to_owned());
                    s.seen = stored.seen();
                });
                true
            }
            Stored::Newer { version, .. } => {
                self.storage.set(StorageStatus::Newer(version));
                false
            }
            Stored::Damaged { reason } => match storage::keep_damaged(raw) {
                Ok(key) => {
                    self.note_damaged(Damaged { key: Some(key), raw: raw.to_owned(), reason });
                    // Kept apart: this tab's drafts may now replace it.
                    self.sync.update_value(|s| s.raw = Some(raw.to_owned()));
                    true
                }
                Err(e) => {
                    self.note_damaged(Damaged { key: None, raw: raw.to_owned(), reason });
                    self.storage.set(StorageStatus::DamagedNotKept(e));
                    false
                }
            },
        }
    }

    fn note_damaged(&self, copy: Damaged) {
        self.damaged.update(|list| match list.iter_mut().find(|d| d.raw == copy.raw) {
            Some(d) => *d = copy,
            None => list.push(copy),
        });
    }

    /// Writes the drafts now: damaged copies kept apart first, then whatever another tab
    /// saved meanwhile merged in, then the merged drafts. A failure is shown; the work stays
    /// in memory and the next change tries again.
    pub fn save_now(&self) {
        if let Some(t) = self.sync.try_update_value(|s| s.timer.take()).flatten() {
            t.clear();
        }
        if !self.saving() {
            return;
        }
        // A damaged text known only in memory is kept apart before anything is written.
        let unkept: Vec<Damaged> = self.damaged.with_untracked(|d| d.iter().filter(|d| d.key.is_none()).cloned().collect());
        for copy in unkept {
            match storage::keep_damaged(&copy.raw) {
                Ok(key) => self.note_damaged(Damaged { key: Some(key), ..copy }),
                Err(e) => {
                    self.storage.set(StorageStatus::DamagedNotKept(e));
                    return;
                }
            }
        }
        let stored = storage::get(storage::KEY);
        let known = self.sync.with_value(|s| s.raw.clone());
        if let Some(raw) = stored.as_ref().filter(|r| Some(*r) != known.as_ref()) {
            if !self.take_in(raw) {
                return;
            }
        }
        let text = self.workspace.with_untracked(|w| {
            let mut w = w.clone();
            w.mark_changed(&self.sync.with_value(|s| s.seen.clone()));
            w
        });
        let json = text.to_json();
        if stored.as_deref() == Some(json.as_str()) {
            self.after_write(&text, json);
            return;
        }
        match storage::set(storage::KEY, &json) {
            Ok(()) => self.after_write(&text, json),
            Err(e) => self.storage.set(StorageStatus::WriteFailed(e)),
        }
    }

    fn after_write(&self, written: &Workspace, json: String) {
        if self.workspace.with_untracked(|w| w.drafts != written.drafts) {
            // Revisions moved past what was seen: keep them, or the next merge would
            // take another tab's copy over this tab's change.
            self.workspace.update_untracked(|w| w.drafts.clone_from(&written.drafts));
        }
        self.sync.update_value(|s| {
            s.raw = Some(json);
            s.seen = written.seen();
        });
        if !matches!(self.storage.get_untracked(), StorageStatus::Ok) {
            self.storage.set(StorageStatus::Ok);
        }
    }

    /// Another tab saved: drafts, loaded sets or damaged copies. The language and the open
    /// draft are this tab's own and are never taken from there.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            let Some(key) = ev.key() else { return };
            if key == storage::KEY {
                // What storage holds now, not the event's value: events can arrive after a
                // later write (of this tab or a third), and merging a stale text would
                // bring back what is already settled.
                if let Some(raw) = storage::get(storage::KEY) {
                    if state.saving() && state.sync.with_value(|s| s.raw.as_deref() != Some(raw.as_str())) {
                        state.take_in(&raw);
                    }
                }
            } else if key.starts_with(storage::SET_PREFIX) {
                state.sets.set(storage::load_sets());
            } else if dti_engine::workspace::is_damaged_key(&key) {
                let kept = storage::damaged_copies();
                state.damaged.update(|list| {
                    list.retain(|d| d.key.is_none());
                    list.extend(kept);
                });
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Saves a moment after the last change (typing does not serialise every draft per
    /// keystroke), and at once when the tab is hidden or closed.
    pub fn persist(&self) {
        let state = *self;
        Effect::new(move |first: Option<()>| {
            state.workspace.track();
            if first.is_none() && state.damaged.with_untracked(|d| d.iter().all(|d| d.key.is_some())) {
                // Nothing changed yet; a damaged text is kept apart at once, though.
                return;
            }
            if let Some(t) = state.sync.try_update_value(|s| s.timer.take()).flatten() {
                t.clear();
            }
            let timer = set_timeout_with_handle(move || state.save_now(), std::time::Duration::from_millis(SAVE_DELAY_MS)).ok();
            state.sync.update_value(|s| s.timer = timer);
        });
        let open = Memo::new(move |_| state.workspace.with(|w| w.current));
        Effect::new(move |_| storage::save_open_draft(open.get()));
        let flush = move |_: web_sys::Event| {
            if state.sync.with_value(|s| s.timer.is_some()) {
                state.save_now();
            }
        };
        let hide = window_event_listener_untyped("pagehide", flush);
        let hidden = window_event_listener_untyped("visibilitychange", move |ev| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| js_sys::Reflect::get(&d, &"visibilityState".into()).ok())
                .and_then(|v| v.as_string())
                .is_some_and(|v| v == "hidden");
            if hidden {
                flush(ev);
            }
        });
        on_cleanup(move || {
            hide.remove();
            hidden.remove();
        });
    }

    /// The user has seen the drafts kept twice after a simultaneous edit.
    pub fn acknowledge_conflicts(&self) {
        self.workspace.update(Workspace::acknowledge_conflicts);
    }

    /// Discards one damaged copy: only the one the user chose.
    pub fn discard_damaged(&self, copy: &Damaged) {
        match &copy.key {
            // Only if it still holds what was shown.
            Some(key) => {
                if storage::get(key).as_deref() == Some(copy.raw.as_str()) {
                    storage::remove(key);
                }
            }
            // Never kept apart (storage refused it): the user has it, so the drafts may now
            // replace it where it lies.
            None => {
                if storage::get(storage::KEY).as_deref() == Some(copy.raw.as_str()) {
                    self.sync.update_value(|s| s.raw = Some(copy.raw.clone()));
                }
                if matches!(self.storage.get_untracked(), StorageStatus::DamagedNotKept(_)) {
                    self.storage.set(StorageStatus::Ok);
                }
            }
        }
        self.damaged.update(|list| list.retain(|d| d != copy));
        self.save_now();
    }
}

/// The id a loaded set is stored under: its own id, or its file name if it no longer
/// validates (kept, so the user sees it and can remove it).
fn set_id(set: &CustomSet) -> String {
    Framework::from_json(&set.file, &set.json).map(|f| f.id).unwrap_or_else(|_| set.file.clone())
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
