//! Saving and other tabs: the drafts are written a moment after the last change (and at
//! once when the tab is hidden), merged first with whatever another tab saved meanwhile
//! (`dti_engine::workspace::merge`, tested natively).
//!
//! The stored value is one text holding every draft (`{"version":2,"drafts":[…]}`), so a
//! save still writes all of it; but only the drafts changed since the last write are
//! compared, revised and serialised again: the others' JSON is kept from that write.

use std::collections::BTreeMap;

use dti_engine::workspace::{draft_json, merge, Seen};
use js_sys::JsString;
use leptos::prelude::*;

use super::{set_id, AppState};
use crate::storage::{self, Damaged, Draft, Stored, StorageStatus, StoredSet, Workspace};

/// How long typing may pause before the drafts are written (flushed at once when the tab
/// is hidden or closed).
const SAVE_DELAY_MS: u64 = 300;

/// What this tab last saw in storage, to tell its own changes from another tab's.
#[derive(Default)]
pub(super) struct Sync {
    /// Each draft as last read or written here.
    pub(super) seen: Seen,
    /// The pending debounced save.
    timer: Option<leptos::prelude::TimeoutHandle>,
    /// Drafts changed (by typing) since `seen`; `all` when any other change happened.
    changed: Vec<u32>,
    all: bool,
    /// Each draft's JSON as in `seen`, where known.
    json: BTreeMap<u32, String>,
}

impl Sync {
    /// Typing changed this draft.
    pub(super) fn changed(&mut self, id: u32) {
        if !self.changed.contains(&id) {
            self.changed.push(id);
        }
    }

    /// Something else changed: the next save compares every draft with `seen`.
    pub(super) fn all_changed(&mut self) {
        self.all = true;
    }

    /// Whether `d` may differ from what was last written (else its kept JSON is its text).
    fn may_differ(&self, d: &Draft) -> bool {
        if !self.json.contains_key(&d.id) || self.changed.contains(&d.id) {
            return true;
        }
        // Only after a change other than typing: a full comparison, still cheaper than JSON.
        self.all && self.seen.get(&d.id) != Some(d)
    }
}

impl AppState {
    /// Whether this tab may write to storage at all.
    pub(super) fn saving(&self) -> bool {
        !matches!(self.storage.get_untracked(), StorageStatus::Unavailable | StorageStatus::Newer(_))
    }

    /// Takes in a stored text another tab wrote: drafts merged by id (this tab's open
    /// draft stays open), a newer build's text never overwritten.
    /// `raw` is `js` (the stored text) read into wasm.
    fn take_in(&self, raw: &str, js: JsString) -> bool {
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
                let merged = self.ws.with_untracked(|w| merge(w, &seen, &stored));
                if self.ws.with_untracked(|w| *w != merged.workspace) {
                    self.touched_all();
                    self.ws.set(merged.workspace);
                    self.refresh_slices();
                }
                self.stored.set_value(Some(js));
                self.sync.update_value(|s| {
                    s.seen = stored.seen();
                    // What was written is no longer what is stored.
                    s.json.clear();
                    s.all = true;
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
                    self.stored.set_value(Some(js));
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
        // Compared as JS strings: the stored text is read into wasm only when another tab
        // changed it.
        let stored = storage::get_js(storage::KEY);
        let known = self.stored.with_value(|k| stored.is_none() || storage::same_js(stored.as_ref(), k.as_ref()));
        if let (Some(js), false) = (&stored, known) {
            if !self.take_in(&String::from(js.clone()), js.clone()) {
                return;
            }
        }
        // The drafts that may have changed, revised past what was seen (on copies: memory
        // keeps its revisions until the write succeeds), and serialised; the rest as kept.
        let (ids, mut fresh) = self.ws.with_untracked(|w| {
            self.sync.with_value(|s| {
                let changed: Vec<Draft> = w.drafts.iter().filter(|d| s.may_differ(d)).cloned().collect();
                let mut fresh = Workspace { version: w.version, drafts: changed, current: w.current };
                fresh.mark_changed(&s.seen);
                (w.drafts.iter().map(|d| d.id).collect::<Vec<u32>>(), fresh)
            })
        });
        let fresh_json: BTreeMap<u32, String> = fresh.drafts.iter().map(|d| (d.id, draft_json(d))).collect();
        let json = self.sync.with_value(|s| {
            let parts = ids.iter().map(|id| fresh_json.get(id).or_else(|| s.json.get(id)).map_or("", String::as_str));
            self.ws.with_untracked(|w| w.to_json_from(parts))
        });
        let written = std::mem::take(&mut fresh.drafts);
        let json = JsString::from(json.as_str());
        if storage::same_js(stored.as_ref(), Some(&json)) {
            self.after_write(&ids, written, fresh_json, json);
            return;
        }
        match storage::set_js(storage::KEY, &json) {
            Ok(()) => self.after_write(&ids, written, fresh_json, json),
            Err(e) => self.storage.set(StorageStatus::WriteFailed(e)),
        }
    }

    /// `written`: the drafts serialised anew (as in `json`); the others were as `seen`.
    fn after_write(&self, ids: &[u32], written: Vec<Draft>, fresh_json: BTreeMap<u32, String>, json: JsString) {
        let moved: Vec<(u32, u64)> = self.ws.with_untracked(|w| {
            written.iter().filter(|d| w.drafts.iter().any(|x| x.id == d.id && x.rev != d.rev)).map(|d| (d.id, d.rev)).collect()
        });
        if !moved.is_empty() {
            // Revisions moved past what was seen: keep them, or the next merge would
            // take another tab's copy over this tab's change.
            self.ws.update_untracked(|w| {
                for d in &mut w.drafts {
                    if let Some((_, rev)) = moved.iter().find(|(id, _)| *id == d.id) {
                        d.rev = *rev;
                    }
                }
            });
        }
        self.stored.set_value(Some(json));
        self.sync.update_value(|s| {
            for d in written {
                s.seen.insert(d.id, d);
            }
            // Rebuilt rather than `retain`ed: the same result, less code in the bundle.
            if s.seen.len() != ids.len() {
                s.seen = std::mem::take(&mut s.seen).into_iter().filter(|(id, _)| ids.contains(id)).collect();
            }
            s.json.extend(fresh_json);
            if s.json.len() != ids.len() {
                s.json = std::mem::take(&mut s.json).into_iter().filter(|(id, _)| ids.contains(id)).collect();
            }
            s.changed.clear();
            s.all = false;
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
                if let Some(js) = storage::get_js(storage::KEY) {
                    if state.saving() && !state.stored.with_value(|k| storage::same_js(Some(&js), k.as_ref())) {
                        state.take_in(&String::from(js.clone()), js);
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
            state.ws.track();
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
        let open = Memo::new(move |_| state.ws.with(|w| w.current));
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
                    self.stored.set_value(Some(JsString::from(copy.raw.as_str())));
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
