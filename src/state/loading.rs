//! Fetching the catalogue and sets (or taking them from tests), loading sets from files,
//! and settling the open sheet on a set and group.

use std::sync::Arc;

use dti_engine::catalogue::{Entry, Index};
use dti_engine::framework::Framework;
use leptos::prelude::*;

use super::{AppState, Pending, Published, SetLoad};
use crate::storage::{self, CustomSet, StorageStatus, StoredSet};

impl AppState {
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
                dti_engine::order::retain(&mut s.sets, &|(id, _), _| same(id));
                dti_engine::order::retain(&mut s.published, &|id, _| same(id));
            }
            s.index = Some(index);
        });
        self.settle();
    }

    /// Takes a fetched set (its whole file) and its published results.
    pub fn provide_set(&self, id: &str, set: Result<Framework, dti_engine::Error>, published: Published) {
        self.served.update(|s| {
            s.published.insert(id.to_owned(), published);
        });
        self.provide_file(id, "", set);
    }

    /// Takes a fetched file of a set: the whole set (`group` empty) or one group's file.
    pub fn provide_file(&self, id: &str, group: &str, set: Result<Framework, dti_engine::Error>) {
        self.served.update(|s| {
            s.sets.insert((id.to_owned(), group.to_owned()), match set {
                Ok(f) => SetLoad::Ready(Arc::new(f)),
                Err(e) => SetLoad::Failed(e),
            });
        });
        self.settle();
    }

    /// Fetches what holds `group` of a served set: the group's file when the catalogue
    /// lists one (the results apart), else the whole set and its results; unless it is
    /// here, on its way, or failed (then only [`AppState::retry`] asks again).
    fn request_set(&self, id: &str, group: &str) {
        let entry = self.served.with_untracked(|s| match &s.index {
            Some(Ok(index)) => index.get(id).filter(|e| !s.sets.contains_key(&super::catalogue::set_key(e, group))).cloned(),
            _ => None,
        });
        let Some(entry) = entry else { return };
        let (id, group) = super::catalogue::set_key(&entry, group);
        let part = entry.group_file(&group).cloned();
        if !group.is_empty() && part.is_none() {
            return;
        }
        self.served.update(|s| {
            s.sets.insert((id.clone(), group.clone()), SetLoad::Loading);
        });
        let state = *self;
        if let Some(part) = part {
            self.request_published(&id);
            leptos::task::spawn_local(async move {
                let set = crate::sets::fetch_group(&entry, &part).await;
                state.provide_file(&id, &group, set);
            });
        } else {
            leptos::task::spawn_local(async move {
                let (set, published) = crate::sets::fetch_set(&entry).await;
                state.provide_set(&id, set, published);
            });
        }
    }

    /// Fetches a served set's whole file (the set viewer), also when the catalogue lists
    /// it by group.
    pub fn want_whole(&self, id: &str) {
        let here = self.served.with_untracked(|s| s.sets.contains_key(&(id.to_owned(), String::new())));
        if here || self.catalogue.with_untracked(|c| c.custom(id).is_some()) {
            return;
        }
        let (state, id) = (*self, id.to_owned());
        leptos::task::spawn_local(async move {
            let _ = state.whole_set(id).await;
        });
    }

    /// The whole of a set at hand: loaded from a file, or the served whole file once fetched.
    #[must_use]
    pub fn whole(&self, id: &str) -> Option<Arc<Framework>> {
        self.catalogue.with_untracked(|c| c.custom(id).cloned()).or_else(|| {
            self.served.with_untracked(|s| match s.sets.get(&(id.to_owned(), String::new())) {
                Some(SetLoad::Ready(f)) => Some(Arc::clone(f)),
                _ => None,
            })
        })
    }

    /// The whole of set `id`, fetched now if need be (the set viewer, the set as CSV);
    /// `None` when neither loaded nor served.
    pub async fn whole_set(self, id: String) -> Option<Result<Arc<Framework>, dti_engine::Error>> {
        if let Some(f) = self.whole(&id) {
            return Some(Ok(f));
        }
        let entry = self.served.with_untracked(|s| s.index.as_ref().and_then(|i| i.as_ref().ok()).and_then(|i| i.get(&id).cloned()))?;
        let key = (id, String::new());
        self.served.update(|s| {
            s.sets.insert(key.clone(), SetLoad::Loading);
        });
        let (set, _) = crate::sets::fetch_set(&Entry { published: None, ..entry }).await;
        let set = set.map(Arc::new);
        let load = match &set {
            Ok(f) => SetLoad::Ready(Arc::clone(f)),
            Err(e) => SetLoad::Failed(e.clone()),
        };
        self.served.update(|s| {
            s.sets.insert(key, load);
        });
        Some(set)
    }

    /// Fetches what holds `group` of a served set another view needs (the other year of
    /// a comparison); the open sheet is untouched.
    pub fn want_group(&self, id: &str, group: &str) {
        if self.catalogue.with_untracked(|c| c.custom(id).is_none()) {
            self.request_set(id, group);
        }
    }

    /// [`AppState::want_group`] for every group a draft of set `id` (or the open sheet) is in.
    pub fn want_set(&self, id: &str) {
        // Each group once, in order, in a sorted Vec: a set collected links a stable sort,
        // and a set of its own type its own insert code (issue 15).
        let mut groups: Vec<String> = Vec::new();
        self.ws.with_untracked(|w| {
            for s in w.drafts.iter().map(|d| &d.sheet).chain(w.current()).filter(|s| s.framework == id) {
                dti_engine::order::insert_sorted(&mut groups, s.group.clone());
            }
        });
        for group in groups {
            self.want_group(id, &group);
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
            dti_engine::order::retain(&mut s.sets, &|(i, _), l| *i != id || !matches!(l, SetLoad::Failed(_)));
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
        let custom = catalogue.custom(&framework).is_some();
        // A set served by group: the group is chosen from the catalogue, then its file fetched.
        let listed: Vec<String> = match catalogue.get(&framework) {
            Some(l) if !custom => l.entry.groups.iter().map(|g| g.group.clone()).collect(),
            _ => Vec::new(),
        };
        if custom {
            if catalogue.get(&framework).is_some_and(|l| l.entry.published.is_some()) {
                self.request_published(&framework);
            }
        } else if listed.is_empty() {
            self.request_set(&framework, "");
        }
        let group = if listed.is_empty() {
            match &self.loaded(&framework) {
                Some(f) => {
                    let linked = self.pending.try_update_value(|p| p.group.take()).flatten().filter(|g| f.group(g).is_some());
                    linked
                        .or_else(|| f.group(&current_g).map(|g| g.id.clone()))
                        .or_else(|| f.groups.first().map(|g| g.id.clone()))
                        .unwrap_or_default()
                }
                None => current_g.clone(),
            }
        } else {
            let linked = self.pending.try_update_value(|p| p.group.take()).flatten().filter(|g| listed.contains(g));
            let group = linked.or_else(|| listed.contains(&current_g).then(|| current_g.clone())).unwrap_or_else(|| listed[0].clone());
            self.request_set(&framework, &group);
            group
        };
        if (framework.as_str(), group.as_str()) != (current_f.as_str(), current_g.as_str()) {
            self.select(&framework, &group);
        }
        // The drafts list scores the drafts of this set's other groups too.
        if !listed.is_empty() {
            self.want_set(&framework);
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


    /// A set at hand: loaded from a file, or served and fetched.
    #[must_use]
    /// For a set served by group, any of its files (each has every heading, group and
    /// level, not every group's indicators: see [`AppState::whole`]).
    pub fn loaded(&self, id: &str) -> Option<Arc<Framework>> {
        self.catalogue.with_untracked(|c| c.custom(id).cloned()).or_else(|| self.served.with_untracked(|s| s.any(id).cloned()))
    }

    /// Adds (or replaces) an indicator set read from a file and opens it. A set that does
    /// not validate is refused with the engine's message and nothing changes.
    pub fn load_set(&self, file: &str, json: String) -> Result<Framework, dti_engine::Error> {
        let framework = Framework::from_json(file, &json)?;
        // Drafts answered under a set with this id would be re-scored under other
        // indicators: refuse, and ask for an id of its own.
        let answered = self.ws.with_untracked(|w| {
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
        self.change(|w| w.select(&framework.id, &group));
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
}
