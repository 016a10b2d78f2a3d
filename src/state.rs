//! App state: the workspace signal and what is derived from it. Every figure comes from
//! the engine; components only read these memos and format.

use std::collections::BTreeMap;
use std::sync::Arc;

use dti_engine::catalogue::{Entry, Index};
use dti_engine::framework::Framework;
use dti_engine::rank::RankInput;
use dti_engine::sheet::{evaluate, Answer, Entry as SheetEntry, ScoreSheet, SheetResult};
use dti_engine::Lang;
use leptos::prelude::*;

use dti_engine::workspace::{merge, Seen};

use crate::storage::{self, CustomSet, Damaged, Loaded, Stored, StorageStatus, StoredSet, Workspace};

/// Digests of the sets compiled into the app before sets were served as files: a draft
/// answered then carries no digest, and is scored only if the served set is still that one.
const LEGACY_DIGESTS: &[(&str, &str)] = &[("laocai-2022", "abc690a1be2f8756"), ("laocai-2023", "e7cb0964d32471c3")];

/// Published results of a set, when the province has published them.
pub type Published = Option<Result<Vec<RankInput>, dti_engine::Error>>;

/// A served set as far as it has been fetched.
#[derive(Debug, Clone)]
pub enum SetLoad {
    Loading,
    Ready(Arc<Framework>),
    Failed(dti_engine::Error),
}

impl PartialEq for SetLoad {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (SetLoad::Loading, SetLoad::Loading) => true,
            (SetLoad::Ready(a), SetLoad::Ready(b)) => Arc::ptr_eq(a, b),
            (SetLoad::Failed(a), SetLoad::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// What the server has given so far: the catalogue (`None` while it loads) and the sets
/// and results fetched, by set id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Served {
    pub index: Option<Result<Index, dti_engine::Error>>,
    pub sets: BTreeMap<String, SetLoad>,
    pub published: BTreeMap<String, Published>,
}

/// A set the picker lists: from the served catalogue, or loaded from a file by the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub entry: Entry,
    pub from_file: bool,
}

/// Sets the user can pick, sets loaded from files, and the messages of what failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    /// By year, then id.
    pub entries: Vec<Listed>,
    pub custom: Vec<Arc<Framework>>,
    pub errors: Vec<dti_engine::Error>,
}

impl Catalogue {
    /// The served catalogue plus sets the user loaded from files (kept as their JSON text
    /// and validated again on every start). A loaded set with a served id replaces it:
    /// that is how the official annex takes the place of a reference set.
    #[must_use]
    pub fn with_custom(index: Option<&Index>, custom: &[CustomSet]) -> Self {
        let mut entries: Vec<Listed> = index.map(|i| i.sets.iter().map(|e| Listed { entry: e.clone(), from_file: false }).collect()).unwrap_or_default();
        let mut frameworks: Vec<Arc<Framework>> = Vec::new();
        let mut errors = Vec::new();
        for set in custom {
            match Framework::from_json(&set.file, &set.json) {
                Ok(f) => {
                    let entry = Entry {
                        id: f.id.clone(),
                        year: f.year,
                        title_vi: f.title_vi.clone(),
                        title_en: f.title_en.clone(),
                        status: f.status,
                        file: set.file.clone(),
                        digest: String::new(),
                        published: None,
                    };
                    match entries.iter_mut().find(|l| l.entry.id == f.id) {
                        Some(slot) => *slot = Listed { entry: Entry { published: slot.entry.published.take(), ..entry }, from_file: true },
                        None => entries.push(Listed { entry, from_file: true }),
                    }
                    frameworks.retain(|g| g.id != f.id);
                    frameworks.push(Arc::new(f));
                }
                Err(e) => errors.push(e),
            }
        }
        entries.sort_by(|a, b| a.entry.year.cmp(&b.entry.year).then_with(|| a.entry.id.cmp(&b.entry.id)));
        Catalogue { entries, custom: frameworks, errors }
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Listed> {
        self.entries.iter().find(|l| l.entry.id == id)
    }

    /// A set loaded from a file with this id.
    #[must_use]
    pub fn custom(&self, id: &str) -> Option<&Arc<Framework>> {
        self.custom.iter().find(|f| f.id == id)
    }
}

/// Whether a sheet can be scored, and under which set.
#[derive(Debug, Clone)]
pub enum OpenSet {
    /// The catalogue or the set is still being fetched.
    Loading,
    Ready(Arc<Framework>),
    Failed(dti_engine::Error),
    /// The sheet names a set the catalogue no longer lists.
    Missing(String),
    /// The sheet was answered under another version of the set than the one served: it is
    /// kept as it is and not scored until the user chooses to.
    Stale { id: String, answered: Option<String>, served: String },
}

impl PartialEq for OpenSet {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (OpenSet::Ready(a), OpenSet::Ready(b)) => Arc::ptr_eq(a, b),
            (OpenSet::Loading, OpenSet::Loading) => true,
            (OpenSet::Failed(a), OpenSet::Failed(b)) => a == b,
            (OpenSet::Missing(a), OpenSet::Missing(b)) => a == b,
            (OpenSet::Stale { id: a, answered: b, served: c }, OpenSet::Stale { id: x, answered: y, served: z }) => a == x && b == y && c == z,
            _ => false,
        }
    }
}

/// The digest of the served version of a set a sheet's answers count under, if served.
fn served_digest(catalogue: &Catalogue, id: &str) -> Option<String> {
    catalogue.get(id).filter(|l| !l.from_file).map(|l| l.entry.digest.clone())
}

/// Under which set `sheet` is scored: a set loaded from a file wins; a served set only
/// when the sheet is empty or was answered under the version served now.
#[must_use]
pub fn open_set(catalogue: &Catalogue, served: &Served, sheet: &ScoreSheet) -> OpenSet {
    let id = sheet.framework.as_str();
    if let Some(f) = catalogue.custom(id) {
        return OpenSet::Ready(Arc::clone(f));
    }
    match &served.index {
        None => return OpenSet::Loading,
        Some(Err(e)) => return OpenSet::Failed(e.clone()),
        Some(Ok(_)) => {}
    }
    let Some(listed) = catalogue.get(id) else {
        return if id.is_empty() { OpenSet::Loading } else { OpenSet::Missing(id.to_owned()) };
    };
    match served.sets.get(id) {
        None | Some(SetLoad::Loading) => OpenSet::Loading,
        Some(SetLoad::Failed(e)) => OpenSet::Failed(e.clone()),
        Some(SetLoad::Ready(f)) => {
            let digest = &listed.entry.digest;
            let current = match &sheet.framework_digest {
                _ if sheet.entries.is_empty() => true,
                Some(d) => d == digest,
                None => LEGACY_DIGESTS.iter().any(|(i, d)| *i == id && d == digest),
            };
            if current {
                OpenSet::Ready(Arc::clone(f))
            } else {
                OpenSet::Stale { id: id.to_owned(), answered: sheet.framework_digest.clone(), served: digest.clone() }
            }
        }
    }
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
    /// The drafts, and which one this tab has open.
    pub workspace: RwSignal<Workspace>,
    /// The user's language (its own key; another tab never switches it here).
    pub lang: RwSignal<Lang>,
    pub sheet: Memo<ScoreSheet>,
    /// (framework id, group id) of the open sheet; changes only when the user switches.
    pub selection: Memo<(String, String)>,
    /// Whether the open sheet can be scored: loading, ready, failed, stale.
    pub open: Memo<OpenSet>,
    pub framework: Memo<Option<Arc<Framework>>>,
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
        let sheet = Memo::new(move |_| workspace.with(|w| w.current().cloned().unwrap_or_else(|| ScoreSheet::new("", ""))));
        let selection = Memo::new(move |_| sheet.with(|s| (s.framework.clone(), s.group.clone())));
        let open = Memo::new(move |_| catalogue.with(|c| served.with(|s| sheet.with(|sh| open_set(c, s, sh)))));
        let framework = Memo::new(move |_| match open.get() {
            OpenSet::Ready(f) => Some(f),
            _ => None,
        });
        let result = Memo::new(move |_| framework.with(|f| f.as_ref().map(|f| sheet.with(|s| evaluate(f, s)))));
        let published = Memo::new(move |_| {
            let id = selection.with(|s| s.0.clone());
            served.with(|s| s.published.get(&id).cloned().flatten())
        });
        let any_appraised = workspace.with_untracked(|w| w.drafts.iter().any(|d| d.sheet.entries.values().any(|e| e.appraised.is_some())));
        AppState {
            catalogue,
            served,
            workspace,
            lang,
            sheet,
            selection,
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
            sync: StoredValue::new(sync),
        }
    }

    /// Fetches the catalogue, then the set the sheet (or the deep link) opens.
    pub fn start(&self, launch: &crate::launch::Launch) {
        self.pending.set_value(Pending { year: launch.year, group: launch.group.clone() });
        self.reload_index();
    }

    /// (Re)fetches the catalogue; network first (the service worker falls back offline).
    pub fn reload_index(&self) {
        let state = *self;
        state.served.update(|s| s.index = None);
        leptos::task::spawn_local(async move {
            let index = crate::sets::fetch_index().await;
            state.provide_index(index);
        });
    }

    /// Takes the catalogue (fetched, or given by a test) and opens what it should.
    pub fn provide_index(&self, index: Result<Index, dti_engine::Error>) {
        self.served.update(|s| {
            // A set whose digest changed is fetched again.
            if let (Some(Ok(old)), Ok(new)) = (&s.index, &index) {
                let same = |id: &str| old.get(id) == new.get(id);
                s.sets.retain(|id, _| same(id));
                s.published.retain(|id, _| same(id));
            }
            s.index = Some(index);
        });
        self.settle();
    }

    /// Takes a fetched set and its published results.
    pub fn provide_set(&self, id: &str, set: Result<Framework, dti_engine::Error>, published: Published) {
        self.served.update(|s| {
            s.sets.insert(id.to_owned(), match set {
                Ok(f) => SetLoad::Ready(Arc::new(f)),
                Err(e) => SetLoad::Failed(e),
            });
            s.published.insert(id.to_owned(), published);
        });
        self.settle();
    }

    /// Fetches a served set (and its results) unless it is here, on its way, or failed
    /// (then only [`AppState::retry`] asks again).
    fn request_set(&self, id: &str) {
        let entry = self.served.with_untracked(|s| match (s.sets.get(id), &s.index) {
            (Some(_), _) => None,
            (_, Some(Ok(index))) => index.get(id).cloned(),
            _ => None,
        });
        let Some(entry) = entry else { return };
        self.served.update(|s| {
            s.sets.insert(entry.id.clone(), SetLoad::Loading);
        });
        let state = *self;
        leptos::task::spawn_local(async move {
            let (set, published) = crate::sets::fetch_set(&entry).await;
            state.provide_set(&entry.id, set, published);
        });
    }

    /// Fetches a served set another view needs (the other year of a comparison); the
    /// open sheet is untouched.
    pub fn want_set(&self, id: &str) {
        if self.catalogue.with_untracked(|c| c.custom(id).is_none()) {
            self.request_set(id);
        }
    }

    /// Fetches the open set again after a failure.
    pub fn retry(&self) {
        let id = self.selection.with_untracked(|s| s.0.clone());
        let index_failed = self.served.with_untracked(|s| matches!(s.index, Some(Err(_))));
        if index_failed {
            self.reload_index();
            return;
        }
        self.served.update(|s| {
            s.sets.remove(&id);
        });
        self.settle();
    }

    /// Brings the open sheet in line with what is known: picks the set of a deep link or
    /// the default set, fetches it, then picks the group (the link's, the sheet's, or the
    /// first). A sheet with answers is never changed: [`Workspace::select`] opens another.
    pub fn settle(&self) {
        let known = self.served.with_untracked(|s| s.index.is_some());
        let catalogue = self.catalogue.get_untracked();
        if !known && catalogue.custom.is_empty() {
            return;
        }
        let (current_f, current_g) = self.selection.get_untracked();
        let empty = self.sheet.with_untracked(|s| s.entries.is_empty());
        let mut framework = current_f.clone();
        if known {
            if let Some(year) = self.pending.try_update_value(|p| p.year.take()).flatten() {
                if let Some(l) = catalogue.entries.iter().rev().find(|l| l.entry.year == year) {
                    framework = l.entry.id.clone();
                }
            }
        }
        if framework.is_empty() || (catalogue.get(&framework).is_none() && empty && known) {
            let default = self
                .served
                .with_untracked(|s| s.index.as_ref().and_then(|i| i.as_ref().ok()).and_then(|i| i.default_set().map(|e| e.id.clone())))
                .or_else(|| catalogue.entries.first().map(|l| l.entry.id.clone()));
            if let Some(id) = default {
                framework = id;
            }
        }
        if framework.is_empty() {
            return;
        }
        if catalogue.custom(&framework).is_none() {
            self.request_set(&framework);
        } else if catalogue.get(&framework).is_some_and(|l| l.entry.published.is_some()) {
            self.request_published(&framework);
        }
        let loaded = self.loaded(&framework);
        let group = match &loaded {
            Some(f) => {
                let linked = self.pending.try_update_value(|p| p.group.take()).flatten().filter(|g| f.group(g).is_some());
                linked
                    .or_else(|| f.group(&current_g).map(|g| g.id.clone()))
                    .or_else(|| f.groups.first().map(|g| g.id.clone()))
                    .unwrap_or_default()
            }
            None => current_g.clone(),
        };
        if (framework.as_str(), group.as_str()) != (current_f.as_str(), current_g.as_str()) {
            self.select(&framework, &group);
        }
    }

    /// Results of a served set whose indicators a loaded file replaces.
    fn request_published(&self, id: &str) {
        let entry = self.served.with_untracked(|s| {
            if s.published.contains_key(id) {
                return None;
            }
            s.index.as_ref().and_then(|i| i.as_ref().ok()).and_then(|i| i.get(id).cloned())
        });
        let Some(entry) = entry else { return };
        self.served.update(|s| {
            s.published.insert(entry.id.clone(), None);
        });
        let state = *self;
        leptos::task::spawn_local(async move {
            let published = crate::sets::fetch_published(&entry).await;
            state.served.update(|s| {
                s.published.insert(entry.id.clone(), published);
            });
        });
    }

    /// Opens another set, keeping the group when it has one of that id.
    pub fn open_set(&self, id: &str) {
        let group = self.selection.with_untracked(|s| s.1.clone());
        self.select(id, &group);
        self.settle();
    }

    /// The user chose to score a sheet answered under another version under the one
    /// served now: it is stamped with the served digest (never done without asking).
    pub fn adopt_served_version(&self) {
        let digest = self.catalogue.with_untracked(|c| served_digest(c, &self.selection.with_untracked(|s| s.0.clone())));
        self.edit(|s| s.framework_digest = digest);
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
    /// A sheet scored under a served set records that set's digest.
    pub fn edit(&self, f: impl FnOnce(&mut ScoreSheet)) {
        let ready = matches!(self.open.get_untracked(), OpenSet::Ready(_));
        let id = self.selection.with_untracked(|s| s.0.clone());
        let digest = self.catalogue.with_untracked(|c| served_digest(c, &id));
        self.workspace.update(|w| {
            let draft = w.current_draft_mut();
            f(&mut draft.sheet);
            if ready && draft.sheet.framework == id {
                draft.sheet.framework_digest.clone_from(&digest);
            }
            draft.updated = now();
        });
    }

    pub fn set_agency(&self, name: String) {
        self.edit(|s| s.agency = name);
    }

    /// Changes one indicator's entry; an entry left empty is removed.
    pub fn edit_entry(&self, code: &str, f: impl FnOnce(&mut SheetEntry)) {
        self.edit(|s| {
            let entry = s.entries.entry(code.to_owned()).or_default();
            f(entry);
            if *entry == SheetEntry::default() {
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
            // The group is checked now when the set is here, else once it has loaded.
            Some(_) => match self.loaded(&sheet.framework) {
                Some(f) => f.require_group(&sheet.group).map(|_| ()),
                None => Ok(()),
            },
            None => Err(dti_engine::Error::UnknownFramework {
                id: sheet.framework.clone(),
                known: c.entries.iter().map(|l| l.entry.id.clone()).collect(),
            }),
        });
        known?;
        self.workspace.update(|w| {
            w.add_sheet(sheet, now());
        });
        self.settle();
        Ok(())
    }

    /// A set at hand: loaded from a file, or served and fetched.
    #[must_use]
    pub fn loaded(&self, id: &str) -> Option<Arc<Framework>> {
        self.catalogue.with_untracked(|c| c.custom(id).cloned()).or_else(|| {
            self.served.with_untracked(|s| match s.sets.get(id) {
                Some(SetLoad::Ready(f)) => Some(Arc::clone(f)),
                _ => None,
            })
        })
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
        self.settle();
        Ok(framework)
    }

    /// Removes a loaded set (its drafts stay, and open again if the set is loaded again).
    pub fn remove_set(&self, key: &str) {
        storage::remove(key);
        self.sets.update(|sets| sets.retain(|s| s.key != key));
        // The open draft's set gone: settle opens the default set (the draft is kept).
        self.settle();
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
