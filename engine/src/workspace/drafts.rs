//! Working on this tab's drafts: open, add, switch, copy, remove, mark changed.

use super::merge::same;
use super::{Draft, Seen, Workspace, VERSION};
use crate::sheet::ScoreSheet;

impl Workspace {
    #[must_use]
    pub fn new(framework: &str, group: &str) -> Self {
        let mut ws = Workspace { version: VERSION, drafts: Vec::new(), current: 0 };
        ws.new_draft(framework, group, "");
        ws
    }

    /// The stored text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    #[must_use]
    pub fn current(&self) -> Option<&ScoreSheet> {
        self.drafts.iter().find(|d| d.id == self.current).map(|d| &d.sheet)
    }

    /// Opens `id` if it exists, else the most recently changed draft (a new one if none).
    pub fn open_or_latest(&mut self, id: Option<u32>) {
        if let Some(id) = id.filter(|id| self.drafts.iter().any(|d| d.id == *id)) {
            self.current = id;
            return;
        }
        match self.drafts.iter().max_by(|a, b| a.updated.cmp(&b.updated)) {
            Some(d) => self.current = d.id,
            None => {
                self.new_draft("", "", "");
            }
        }
    }

    /// The open draft; if it went missing, the first one (or a new one) is opened.
    pub fn current_draft_mut(&mut self) -> &mut Draft {
        if !self.drafts.iter().any(|d| d.id == self.current) {
            match self.drafts.first() {
                Some(d) => self.current = d.id,
                None => {
                    self.new_draft("", "", "");
                }
            }
        }
        let current = self.current;
        let index = self.drafts.iter().position(|d| d.id == current).unwrap_or(0);
        &mut self.drafts[index]
    }

    /// An id no draft has. Ids only grow, so a draft deleted in one tab and still listed in
    /// another is not confused with a new one.
    #[must_use]
    pub fn unused_id(&self) -> u32 {
        self.drafts.iter().map(|d| d.id.saturating_add(1)).max().unwrap_or(0)
    }

    /// Adds an empty draft and opens it; returns its id.
    pub fn new_draft(&mut self, framework: &str, group: &str, agency: &str) -> u32 {
        let id = self.unused_id();
        let mut sheet = ScoreSheet::new(framework, group);
        sheet.agency = agency.to_owned();
        self.drafts.push(Draft { id, rev: 1, sheet, updated: String::new(), conflict_of: None });
        self.current = id;
        id
    }

    /// Adds an imported sheet as a new draft and opens it.
    pub fn add_sheet(&mut self, sheet: ScoreSheet, updated: String) -> u32 {
        let id = self.new_draft("", "", "");
        let draft = self.current_draft_mut();
        draft.sheet = sheet;
        draft.updated = updated;
        id
    }

    pub fn open_draft(&mut self, id: u32) {
        if self.drafts.iter().any(|d| d.id == id) {
            self.current = id;
        }
    }

    /// Switches the open draft to another set or group. An empty draft just changes;
    /// one with answers is kept as it is and the agency's draft for that set and group is
    /// opened (or started), so no answer is ever reinterpreted under other indicators.
    pub fn select(&mut self, framework: &str, group: &str) {
        let draft = self.current_draft_mut();
        let (id, empty, agency) = (draft.id, draft.sheet.entries.is_empty(), draft.sheet.agency.clone());
        let existing = self
            .drafts
            .iter()
            .find(|d| d.id != id && d.sheet.framework == framework && d.sheet.group == group && d.sheet.agency == agency)
            .map(|d| d.id);
        match (existing, empty) {
            // Back to the agency's draft for that set and group; an empty draft left
            // behind would only clutter the list.
            (Some(other), true) => {
                self.drafts.retain(|d| d.id != id);
                self.current = other;
            }
            (Some(other), false) => self.current = other,
            (None, true) => {
                let draft = self.current_draft_mut();
                draft.sheet.framework = framework.to_owned();
                draft.sheet.group = group.to_owned();
            }
            (None, false) => {
                self.new_draft(framework, group, &agency);
            }
        }
    }

    /// Copies a draft (answers, evidence, appraised values) and opens the copy.
    pub fn duplicate(&mut self, id: u32, suffix: &str, updated: String) -> Option<u32> {
        let mut sheet = self.drafts.iter().find(|d| d.id == id)?.sheet.clone();
        sheet.agency = format!("{}{suffix}", sheet.agency);
        Some(self.add_sheet(sheet, updated))
    }

    /// Removes a draft; returns it with its position so it can be put back.
    pub fn remove(&mut self, id: u32) -> Option<(usize, Draft)> {
        let index = self.drafts.iter().position(|d| d.id == id)?;
        let draft = self.drafts.remove(index);
        if self.current == id {
            let (framework, group) = (draft.sheet.framework.clone(), draft.sheet.group.clone());
            match self.drafts.get(index.saturating_sub(1)).or(self.drafts.first()) {
                Some(d) => self.current = d.id,
                None => {
                    self.new_draft(&framework, &group, "");
                }
            }
        }
        Some((index, draft))
    }

    /// Puts back a removed draft where it was, and opens it.
    pub fn restore(&mut self, index: usize, draft: Draft) {
        let id = draft.id;
        self.drafts.insert(index.min(self.drafts.len()), draft);
        self.current = id;
    }

    /// Gives every draft that differs from the copy last seen in storage (`seen`) a
    /// revision above that copy's, whatever changed it (answers, group, name, undo).
    pub fn mark_changed(&mut self, seen: &Seen) {
        self.mark_changed_where(seen, |_| true);
    }

    /// [`Workspace::mark_changed`] for the drafts `maybe_changed` names only: a caller that
    /// knows which drafts it touched since `seen` skips comparing the others in full.
    pub fn mark_changed_where(&mut self, seen: &Seen, maybe_changed: impl Fn(u32) -> bool) {
        for d in self.drafts.iter_mut().filter(|d| maybe_changed(d.id)) {
            if let Some(s) = seen.get(&d.id) {
                if d.rev <= s.rev && !same(d, s) {
                    d.rev = s.rev + 1;
                }
            }
        }
    }

    /// The drafts by id, as the copy this tab has now seen in storage.
    #[must_use]
    pub fn seen(&self) -> Seen {
        // Inserted, not collected: collecting into a map links a stable sort (issue 15).
        let mut seen = Seen::new();
        for d in &self.drafts {
            seen.insert(d.id, d.clone());
        }
        seen
    }

    /// The two drafts a year-over-year comparison opens with, earlier year first: the
    /// open draft and the newest other draft of the same group and agency (names folded)
    /// under another set; `year` gives a set's year. `None` when there is no such draft.
    #[must_use]
    pub fn year_pair(&self, year: impl Fn(&str) -> Option<u16>) -> Option<(u32, u32)> {
        let open = self.drafts.iter().find(|d| d.id == self.current)?;
        let key = crate::text::name_key(&open.sheet.agency);
        let other = self
            .drafts
            .iter()
            .filter(|d| d.id != open.id && d.sheet.group == open.sheet.group && d.sheet.framework != open.sheet.framework)
            .filter(|d| crate::text::name_key(&d.sheet.agency) == key)
            .max_by(|a, b| a.updated.cmp(&b.updated))?;
        if year(&other.sheet.framework) > year(&open.sheet.framework) {
            Some((open.id, other.id))
        } else {
            Some((other.id, open.id))
        }
    }

    /// Drafts kept as conflict copies that the user has not yet acknowledged.
    pub fn conflicts(&self) -> impl Iterator<Item = &Draft> {
        self.drafts.iter().filter(|d| d.conflict_of.is_some())
    }

    /// The user has seen the conflict copies: they become ordinary drafts.
    pub fn acknowledge_conflicts(&mut self) {
        for d in &mut self.drafts {
            d.conflict_of = None;
        }
    }
}
