//! Saving and other tabs: the drafts are written a moment after the last change (and at
//! once when the tab is hidden), merged first with whatever another tab saved meanwhile
//! (`dti_engine::workspace::merge`, tested natively).
//!
//! Each draft has its own key and a small head lists them (`dti_engine::workspace`), so a
//! save serialises and writes only the drafts changed since the last write, then the head.
//! What this tab last read or wrote is kept as the browser's strings: comparing them tells
//! whether another tab saved without copying a draft into wasm.

use std::collections::BTreeMap;

use dti_engine::workspace::{draft_id, draft_json, draft_key, head_json, merge, parse_draft, read_head, sum, Head, Listed, Seen, VERSION};
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
    /// The head's text as last read or written here.
    head: Option<JsString>,
    /// Each draft's stored text and checksum as in `seen`, where known.
    texts: BTreeMap<u32, (JsString, String)>,
    /// Storage holds an older build's single value: to be rewritten at once.
    migrate: bool,
}

impl Sync {
    /// What loading read: the head, the drafts and their texts.
    pub(super) fn loaded(&mut self, head: JsString, seen: Seen, texts: BTreeMap<u32, (JsString, String)>) {
        self.head = Some(head);
        self.seen = seen;
        self.texts = texts;
    }

    /// The stored value is in an older format: the first save writes every draft.
    pub(super) fn migrate(&mut self) {
        self.migrate = true;
        self.all = true;
    }

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

    /// Whether `d` may differ from what was last written (else its kept text is its text).
    fn may_differ(&self, d: &Draft) -> bool {
        if !self.texts.contains_key(&d.id) || self.changed.contains(&d.id) {
            return true;
        }
        // Only after a change other than typing: a full comparison, still cheaper than JSON.
        self.all && self.seen.get(&d.id) != Some(d)
    }

    /// `text` is what storage holds for draft `id` as this tab last saw it.
    fn holds(&self, id: u32, text: &JsString) -> bool {
        self.texts.get(&id).is_some_and(|(kept, _)| storage::same_js(Some(kept), Some(text)))
    }
}

impl AppState {
    /// Whether this tab may write to storage at all.
    pub(super) fn saving(&self) -> bool {
        !matches!(self.storage.get_untracked(), StorageStatus::Unavailable | StorageStatus::Newer(_))
    }

    /// Takes in what another tab wrote (`head`, the text under the head's key): drafts
    /// merged by id (this tab's open draft stays open), a newer build's value never
    /// overwritten, a damaged text kept apart first. Only drafts whose text changed since
    /// this tab last saw them are read into wasm.
    fn take_in(&self, head: JsString) -> bool {
        let raw = String::from(head.clone());
        let stored = match read_head(&raw) {
            Head::Split(listed) => {
                let mut drafts = Vec::with_capacity(listed.len());
                let mut texts = BTreeMap::new();
                for l in &listed {
                    // Gone: deleted by another tab after it wrote this head.
                    let Some(js) = storage::get_js(&draft_key(l.id)) else { continue };
                    let kept = self.sync.with_value(|s| {
                        let d = s.seen.get(&l.id).filter(|_| s.holds(l.id, &js))?;
                        Some((d.clone(), s.texts.get(&l.id)?.1.clone()))
                    });
                    if let Some((d, sum)) = kept {
                        drafts.push(d);
                        texts.insert(l.id, (js, sum));
                        continue;
                    }
                    let text = String::from(js.clone());
                    match parse_draft(l.id, &text) {
                        Ok(d) => {
                            texts.insert(l.id, (js, sum(&text)));
                            drafts.push(d);
                        }
                        // Kept apart before anything is written under its key.
                        Err(reason) => {
                            if !self.keep_apart(text, reason) {
                                return false;
                            }
                        }
                    }
                }
                return self.merge_in(&Workspace { version: VERSION, drafts, current: 0 }, Some(texts), head);
            }
            Head::Whole(stored) => stored,
        };
        match stored {
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
                // An older build's single value: every draft is written again.
                self.merge_in(&stored, None, head)
            }
            Stored::Newer { version, .. } => {
                self.storage.set(StorageStatus::Newer(version));
                false
            }
            Stored::Damaged { reason } => {
                if !self.keep_apart(raw, reason) {
                    return false;
                }
                // Kept apart: this tab's drafts may now replace it.
                self.sync.update_value(|s| s.head = Some(head));
                true
            }
        }
    }

    /// Keeps a text that does not read apart; `false` (and nothing may be written) when
    /// storage refused the copy.
    fn keep_apart(&self, raw: String, reason: String) -> bool {
        match storage::keep_damaged(&raw) {
            Ok(key) => {
                self.note_damaged(Damaged { key: Some(key), raw, reason });
                true
            }
            Err(e) => {
                self.note_damaged(Damaged { key: None, raw, reason });
                self.storage.set(StorageStatus::DamagedNotKept(e));
                false
            }
        }
    }

    /// Merges the stored drafts into this tab's. `texts`: each stored draft's text, or
    /// `None` for an older build's value (then every draft is written again).
    fn merge_in(&self, stored: &Workspace, texts: Option<BTreeMap<u32, (JsString, String)>>, head: JsString) -> bool {
        let merged = self.sync.with_value(|s| self.ws.with_untracked(|w| merge(w, &s.seen, stored)));
        if self.ws.with_untracked(|w| *w != merged.workspace) {
            self.touched_all();
            self.ws.set(merged.workspace);
            self.refresh_slices();
        }
        self.sync.update_value(|s| {
            s.head = Some(head);
            s.seen = stored.seen();
            match texts {
                Some(texts) => s.texts = texts,
                None => {
                    s.texts.clear();
                    s.migrate = true;
                }
            }
            s.all = true;
        });
        true
    }

    fn note_damaged(&self, copy: Damaged) {
        self.damaged.update(|list| match list.iter_mut().find(|d| d.raw == copy.raw) {
            Some(d) => *d = copy,
            None => list.push(copy),
        });
    }

    /// Writes the drafts now: damaged copies kept apart first, then whatever another tab
    /// saved meanwhile merged in, then the drafts that changed and the head. A failure is
    /// shown; the work stays in memory and the next change tries again.
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
        // Compared as JS strings: the head is read into wasm only when another tab wrote.
        let head = storage::get_js(storage::KEY);
        let known = self.sync.with_value(|s| storage::same_js(head.as_ref(), s.head.as_ref()));
        match &head {
            Some(js) if !known && !self.take_in(js.clone()) => return,
            // Storage was cleared since (another tab, the browser's settings): every draft
            // is written again.
            None if !known => self.sync.update_value(|s| s.texts.clear()),
            _ => {}
        }
        // The drafts that may have changed, revised past what was seen (on copies: memory
        // keeps its revisions until the write succeeds), and serialised; the rest as kept.
        let (ids, fresh) = self.ws.with_untracked(|w| {
            self.sync.with_value(|s| {
                let changed: Vec<Draft> = w.drafts.iter().filter(|d| s.may_differ(d)).cloned().collect();
                let mut fresh = Workspace { version: w.version, drafts: changed, current: w.current };
                fresh.mark_changed(&s.seen);
                (w.drafts.iter().map(|d| d.id).collect::<Vec<u32>>(), fresh.drafts)
            })
        });
        let fresh: Vec<(Draft, JsString, String)> = fresh
            .into_iter()
            .map(|d| {
                let text = draft_json(&d);
                let sum = sum(&text);
                (d, JsString::from(text.as_str()), sum)
            })
            .collect();
        // The drafts first, then the head: a tab that reads the head finds what it lists.
        let mut added = Vec::new();
        for (d, js, _) in &fresh {
            let (holds, listed) = self.sync.with_value(|s| (s.holds(d.id, js), s.texts.contains_key(&d.id)));
            if holds {
                continue;
            }
            if let Err(e) = storage::set_js(&draft_key(d.id), js) {
                self.write_failed(e, &added);
                return;
            }
            if !listed {
                added.push(d.id);
            }
        }
        let listed: Vec<Listed> = self.sync.with_value(|s| {
            ids.iter()
                .filter_map(|id| match fresh.iter().find(|f| f.0.id == *id) {
                    Some((d, _, sum)) => Some(Listed { id: *id, rev: d.rev, sum: sum.clone() }),
                    None => Some(Listed { id: *id, rev: s.seen.get(id)?.rev, sum: s.texts.get(id)?.1.clone() }),
                })
                .collect()
        });
        let text = JsString::from(head_json(&listed).as_str());
        if !storage::same_js(head.as_ref(), Some(&text)) {
            if let Err(e) = storage::set_js(storage::KEY, &text) {
                self.write_failed(e, &added);
                return;
            }
        }
        // Drafts this tab saw stored and no longer has (deleted, or merged away): their
        // keys go once the head no longer lists them.
        let gone: Vec<u32> = self.sync.with_value(|s| s.texts.keys().copied().filter(|id| !ids.contains(id)).collect());
        for id in gone {
            storage::remove(&draft_key(id));
        }
        self.after_write(&ids, fresh, text);
    }

    /// A write refused (quota): shown; the drafts this save added under keys no head lists
    /// are taken back, so a full storage is not filled further by copies nothing reads (an
    /// older build's value being rewritten needs room for every draft twice).
    fn write_failed(&self, e: String, added: &[u32]) {
        for id in added {
            storage::remove(&draft_key(*id));
        }
        self.storage.set(StorageStatus::WriteFailed(e));
    }

    /// `written`: the drafts serialised anew; the others were as `seen`.
    fn after_write(&self, ids: &[u32], written: Vec<(Draft, JsString, String)>, head: JsString) {
        let moved: Vec<(u32, u64)> = self.ws.with_untracked(|w| {
            written.iter().filter(|(d, ..)| w.drafts.iter().any(|x| x.id == d.id && x.rev != d.rev)).map(|(d, ..)| (d.id, d.rev)).collect()
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
        self.sync.update_value(|s| {
            s.head = Some(head);
            for (d, js, sum) in written {
                s.texts.insert(d.id, (js, sum));
                s.seen.insert(d.id, d);
            }
            if s.seen.len() != ids.len() {
                dti_engine::order::retain(&mut s.seen, &|id, _| ids.contains(id));
            }
            if s.texts.len() != ids.len() {
                dti_engine::order::retain(&mut s.texts, &|id, _| ids.contains(id));
            }
            s.changed.clear();
            s.all = false;
            s.migrate = false;
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
            if key == storage::KEY || draft_id(&key).is_some() {
                // What storage holds now, not the event's value: events can arrive after a
                // later write (of this tab or a third), and merging a stale text would
                // bring back what is already settled. A draft written without its head (a
                // save cut short) is taken in as well.
                if let Some(js) = storage::get_js(storage::KEY) {
                    let changed = state.sync.with_value(|s| {
                        !storage::same_js(Some(&js), s.head.as_ref())
                            || draft_id(&key).is_some_and(|id| storage::get_js(&key).is_some_and(|t| !s.holds(id, &t)))
                    });
                    if state.saving() && changed {
                        state.take_in(js);
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
            if first.is_none() && state.damaged.with_untracked(|d| d.iter().all(|d| d.key.is_some())) && !state.sync.with_value(|s| s.migrate) {
                // Nothing changed yet; a damaged text is kept apart at once, though, and an
                // older build's value rewritten.
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
                    self.sync.update_value(|s| s.head = Some(JsString::from(copy.raw.as_str())));
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
