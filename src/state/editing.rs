//! Every change to the drafts. Typing in one indicator changes its slice only and marks
//! the open draft for the next save; any other change (another draft, a file, a merge)
//! refreshes every slice and has the next save compare all drafts.

use dti_engine::sheet::{Answer, Entry as SheetEntry, ScoreSheet};
use dti_engine::Lang;
use leptos::prelude::*;

use super::catalogue::served_digest;
use super::{now, AppState, OpenSet, Side};
use crate::storage::{self, Draft, Workspace};

/// What an edit of the open sheet changes.
#[derive(Clone, Copy)]
enum Touch<'a> {
    /// One indicator's entry.
    Entry(&'a str),
    /// The agency's name only (no answer, no slice).
    Name,
    Any,
}

impl AppState {
    /// A change to the drafts other than typing into the open sheet: the slices follow,
    /// and the next save compares every draft with what it last wrote.
    pub(super) fn change<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        // Noted before the change: the result's memo reads it when it runs next.
        self.touched_all();
        let out = self.ws.try_update(f);
        self.sync.update_value(super::sync::Sync::all_changed);
        self.refresh_slices();
        out
    }

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
        self.change(|w| w.select(framework, group));
    }

    /// Changes the open sheet and stamps the draft with the time of the change.
    /// A sheet scored under a served set records that set's digest.
    pub fn edit(&self, f: impl FnOnce(&mut ScoreSheet)) {
        self.edit_sheet(Touch::Any, f);
    }

    /// [`AppState::edit`]; `touch` says what `f` changes, so only that is redone.
    fn edit_sheet(&self, touch: Touch<'_>, f: impl FnOnce(&mut ScoreSheet)) {
        let ready = matches!(self.open.get_untracked(), OpenSet::Ready(_));
        let id = self.selection.with_untracked(|s| s.0.clone());
        let digest = self.catalogue.with_untracked(|c| served_digest(c, &id));
        let before = self.ws.with_untracked(|w| (w.current, w.drafts.len()));
        match touch {
            Touch::Entry(code) => self.touched_entry(code),
            Touch::Name => {}
            Touch::Any => self.touched_all(),
        }
        let after = self.ws.try_update(|w| {
            let draft = w.current_draft_mut();
            f(&mut draft.sheet);
            if ready && draft.sheet.framework == id {
                draft.sheet.framework_digest.clone_from(&digest);
            }
            draft.updated = now();
            (w.current, w.drafts.len())
        });
        let Some(after) = after else { return };
        self.fine.update_value(|f| *f.edits.entry(after.0).or_default() += 1);
        if after != before {
            // The open draft had gone and another was opened or started.
            self.touched_all();
            self.sync.update_value(super::sync::Sync::all_changed);
            self.refresh_slices();
            return;
        }
        self.sync.update_value(|s| s.changed(after.0));
        match touch {
            Touch::Entry(code) => self.refresh_slice(code),
            Touch::Name => {}
            Touch::Any => self.refresh_slices(),
        }
    }

    pub fn set_agency(&self, name: String) {
        self.edit_sheet(Touch::Name, |s| s.agency = name);
    }

    /// Changes one indicator's entry; an entry left empty is removed.
    pub fn edit_entry(&self, code: &str, f: impl FnOnce(&mut SheetEntry)) {
        self.edit_sheet(Touch::Entry(code), |s| {
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
        self.change(|w| {
            w.add_sheet(sheet, now());
        });
        self.settle();
        Ok(())
    }

    /// One side's answer of one indicator (tracked, on that indicator's slice only: read it
    /// inside a memo, which then re-runs when this entry changes, not on every keystroke).
    #[must_use]
    pub fn answer(&self, code: &str, side: Side) -> Option<Answer> {
        self.entry_with(code, |e| {
            e.and_then(|e| match side {
                Side::Own => e.self_answer.clone(),
                Side::Council => e.appraised.clone(),
            })
        })
    }

    /// Shows the council's inputs whenever the open sheet has appraised values (opened
    /// from a file or another draft), so they are never hidden values.
    pub fn reveal_appraised(&self) {
        let state = *self;
        let has = Memo::new(move |_| state.ws.with(|w| w.current().is_some_and(|s| s.entries.values().any(|e| e.appraised.is_some()))));
        Effect::new(move |_| {
            if has.get() {
                state.show_appraised.set(true);
            }
        });
    }

    /// Starts an empty draft for the open set and group, and opens it.
    pub fn new_draft(&self) {
        let (framework, group) = self.selection.get_untracked();
        self.change(|w| {
            w.new_draft(&framework, &group, "");
        });
    }

    /// Opens another draft (nothing in the drafts changes, so nothing new to save).
    pub fn open_draft(&self, id: u32) {
        self.touched_all();
        self.ws.update(|w| w.open_draft(id));
        self.refresh_slices();
    }

    /// Copies a draft and opens the copy; `suffix` is added to its name.
    pub fn duplicate_draft(&self, id: u32, suffix: &str) {
        self.change(|w| {
            w.duplicate(id, suffix, now());
        });
    }

    /// Deletes a draft, kept for "undo" while the page is open.
    pub fn delete_draft(&self, id: u32) {
        let removed: Option<(usize, Draft)> = self.change(|w| w.remove(id)).flatten();
        self.deleted.set(removed);
    }

    /// Puts the last deleted draft back where it was.
    pub fn undo_delete(&self) {
        if let Some((index, draft)) = self.deleted.get_untracked() {
            self.change(|w| w.restore(index, draft));
            self.deleted.set(None);
        }
    }

    /// The user has seen the drafts kept twice after a simultaneous edit.
    pub fn acknowledge_conflicts(&self) {
        self.change(Workspace::acknowledge_conflicts);
    }
}
