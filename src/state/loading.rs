//! Fetching the catalogue and sets (or taking them from tests), loading sets from files,
//! and settling the open sheet on a set and group.

use std::sync::Arc;

use dti_engine::catalogue::Index;
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
