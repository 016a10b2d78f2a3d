//! App state: the workspace signal and what is derived from it. Every figure comes from
//! the engine; components only read these memos and format.

use dti_engine::builtin;
use std::sync::Arc;

use dti_engine::framework::Framework;
use dti_engine::rank::RankInput;
use dti_engine::sheet::{evaluate, Answer, Entry, ScoreSheet, SheetResult};
use dti_engine::Lang;
use leptos::prelude::*;

use crate::storage::{self, CustomSet, Loaded, StorageStatus, Workspace};

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
    pub workspace: RwSignal<Workspace>,
    pub lang: Memo<Lang>,
    pub sheet: Memo<ScoreSheet>,
    /// (framework id, group id) of the open sheet; changes only when the user switches.
    pub selection: Memo<(String, String)>,
    pub framework: Memo<Option<Arc<Framework>>>,
    pub result: Memo<Option<Result<SheetResult, dti_engine::Error>>>,
    pub published: Memo<Option<Result<Vec<RankInput>, dti_engine::Error>>>,
    pub storage: RwSignal<StorageStatus>,
    /// Bumped when the loaded indicator sets change, so the catalogue is read again.
    sets_changed: RwSignal<u32>,
    /// A stored workspace that failed to parse: (raw text, reason).
    pub damaged: RwSignal<Option<(String, String)>>,
    /// Whether the council's (appraised) inputs are shown.
    pub show_appraised: RwSignal<bool>,
    /// The last deleted draft and its position, for "undo" while the page is open.
    pub deleted: RwSignal<Option<(usize, crate::storage::Draft)>>,
    /// The ratio pair (a/b) the user is typing in: its "missing a or b" waits until the
    /// user leaves the pair.
    pub editing_pair: RwSignal<Option<(String, Side)>>,
}

impl AppState {
    /// Builds the state from what storage holds (or a fresh workspace).
    #[must_use]
    pub fn new(status: StorageStatus, loaded: Loaded) -> Self {
        // A fresh workspace opens the first set's first group, once the catalogue is read.
        let (ws, damaged) = match loaded {
            Loaded::Workspace(ws) => (ws, None),
            Loaded::Nothing => (Workspace::new("", ""), None),
            Loaded::Damaged { raw, reason } => (Workspace::new("", ""), Some((raw, reason))),
        };
        let workspace = RwSignal::new(ws);
        let sets_changed = RwSignal::new(0_u32);
        // Parsing the sets is the costly part: redone only when loaded sets change, not on
        // every keystroke that changes the workspace.
        let catalogue = Memo::new(move |_| {
            sets_changed.track();
            workspace.with_untracked(|w| Catalogue::with_custom(&w.custom_sets))
        });
        if workspace.with_untracked(|w| w.current().is_none_or(|s| s.framework.is_empty())) {
            let first = catalogue.with_untracked(|c| {
                c.frameworks.first().map(|f| (f.id.clone(), f.groups.first().map(|g| g.id.clone()).unwrap_or_default()))
            });
            if let Some((framework, group)) = first {
                workspace.update_untracked(|w| w.select(&framework, &group));
            }
        }
        let lang = Memo::new(move |_| workspace.with(|w| w.lang));
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
            sets_changed,
            damaged: RwSignal::new(damaged),
            show_appraised: RwSignal::new(any_appraised),
            deleted: RwSignal::new(None),
            editing_pair: RwSignal::new(None),
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.workspace.update(|w| w.lang = lang);
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
            return Err(dti_engine::Error::framework_invalid(
                file,
                &framework.id,
                format!(
                    "một mã bộ chỉ số khác “{id}”: {answered} phiếu đã trả lời theo bộ “{id}” hiện có và sẽ bị tính lại theo chỉ số khác (ví dụ đặt “{id}-chinh-thuc”)",
                    id = framework.id
                ),
                format!(
                    "an id other than “{id}”: {answered} answered draft(s) use the current “{id}” and would be re-scored under other indicators (e.g. “{id}-official”)",
                    id = framework.id
                ),
            ));
        }
        let group = framework.groups.first().map(|g| g.id.clone()).unwrap_or_default();
        let current_group = self.selection.with_untracked(|s| s.1.clone());
        let group = if framework.group(&current_group).is_some() { current_group } else { group };
        self.workspace.update(|w| {
            w.custom_sets.retain(|s| Framework::from_json(&s.file, &s.json).map(|f| f.id != framework.id).unwrap_or(true));
            w.custom_sets.push(CustomSet { file: file.to_owned(), json });
            w.select(&framework.id, &group);
        });
        self.sets_changed.update(|n| *n += 1);
        Ok(framework)
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

    /// Another tab of the app saved: take its workspace, so the next save here does not
    /// wipe what was done there.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() != Some(storage::KEY) {
                return;
            }
            let Some(Ok(ws)) = ev.new_value().map(|v| storage::parse(&v)) else { return };
            if state.workspace.with_untracked(|w| *w != ws) {
                let sets_differ = state.workspace.with_untracked(|w| w.custom_sets != ws.custom_sets);
                state.workspace.set(ws);
                if sets_differ {
                    state.sets_changed.update(|n| *n += 1);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Saves on every change; a failure is shown, never a panic.
    pub fn persist(&self) {
        let state = *self;
        Effect::new(move |_| {
            let ws = state.workspace.get();
            if state.storage.get_untracked() == StorageStatus::Unavailable {
                return;
            }
            match storage::save(&ws) {
                Ok(()) => {
                    if state.storage.get_untracked() != StorageStatus::Ok {
                        state.storage.set(StorageStatus::Ok);
                    }
                }
                Err(e) => state.storage.set(StorageStatus::WriteFailed(e)),
            }
        });
    }
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
