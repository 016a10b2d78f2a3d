//! Merging this tab's drafts with what another tab saved.

use std::collections::BTreeMap;

use super::{Draft, Workspace, VERSION};

/// Each draft as this tab last saw it in storage (written or read).
pub type Seen = BTreeMap<u32, Draft>;

/// The result of taking in what another tab saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub workspace: Workspace,
    /// Drafts changed here and there at once: (id kept with the stored version, id of the
    /// copy that holds this tab's version).
    pub conflicts: Vec<(u32, u32)>,
}

/// Merges this tab's drafts (`local`) with the stored ones (`stored`), given the drafts
/// this tab last saw there (`seen`). Drafts are matched by id: a draft only one side changed
/// takes that side; a draft both changed to different sheets is kept twice, the stored
/// version under its id and this tab's as a marked copy that this tab keeps open. A draft
/// deleted on one side stays deleted unless the other side changed it since. Nothing typed
/// on either side is dropped.
#[must_use]
pub fn merge(local: &Workspace, seen: &Seen, stored: &Workspace) -> Merged {
    let mut local = local.clone();
    local.mark_changed(seen);
    let local = &local;
    // No map or set collected here: collecting links a stable sort (issue 15); drafts are few.
    let local_next = local.drafts.iter().map(|d| d.id + 1).max().unwrap_or(0);
    let mut out = Workspace { version: VERSION, drafts: Vec::new(), current: local.current };
    let mut moved = Vec::new();
    let base = |id: u32| seen.get(&id).map(|d| d.rev);
    // The stored order first, so every tab lists drafts alike; then this tab's new ones.
    for t in &stored.drafts {
        match local.drafts.iter().find(|d| d.id == t.id) {
            Some(l) => {
                let s = seen.get(&l.id);
                let local_changed = s.is_none_or(|s| l.rev > s.rev || !same(l, s));
                let stored_changed = s.is_none_or(|s| t.rev != s.rev || !same(t, s));
                // Written from the revision this tab last wrote, by another tab at the same
                // moment (storage has no transactions): this tab's copy was overwritten.
                let sibling = s.is_some_and(|s| t.rev <= s.rev && !same(t, s));
                if same(l, t) || (s.is_none() && pristine(l)) {
                    // An empty draft this tab started before it ever saw storage (a new
                    // tab, a fresh page) gives way to the stored one under its id.
                    let mut kept = t.clone();
                    kept.rev = t.rev.max(l.rev);
                    out.drafts.push(kept);
                } else if !stored_changed {
                    let mut kept = l.clone();
                    kept.rev = kept.rev.max(t.rev + 1);
                    out.drafts.push(kept);
                } else if !local_changed && !sibling {
                    out.drafts.push(t.clone());
                } else {
                    out.drafts.push(t.clone());
                    // Never synced: two tabs created a draft under the same free id, not
                    // one draft edited twice.
                    moved.push((l, s.is_some()));
                }
            }
            None => match base(t.id) {
                // Deleted here; kept only if the other tab changed it since.
                Some(s) if t.rev <= s => {}
                _ => out.drafts.push(t.clone()),
            },
        }
    }
    for l in &local.drafts {
        if stored.drafts.iter().any(|d| d.id == l.id) {
            continue;
        }
        match base(l.id) {
            // Deleted by the other tab and not changed here since: gone.
            Some(s) if l.rev <= s => {}
            _ => out.drafts.push(l.clone()),
        }
    }
    let mut conflicts = Vec::new();
    for (l, edited_twice) in moved {
        let id = out.unused_id().max(local_next);
        let mut copy = l.clone();
        copy.id = id;
        copy.rev = 1;
        if edited_twice {
            copy.conflict_of = Some(l.id);
            conflicts.push((l.id, id));
        }
        out.drafts.push(copy);
        if out.current == l.id {
            out.current = id;
        }
    }
    if !out.drafts.iter().any(|d| d.id == out.current) {
        out.open_or_latest(None);
    }
    Merged { workspace: out, conflicts }
}

/// Nothing typed: no answer and no agency name.
fn pristine(d: &Draft) -> bool {
    d.sheet.entries.is_empty() && d.sheet.agency.trim().is_empty()
}

/// Same content (what the user typed and when), whatever the revision.
pub(super) fn same(a: &Draft, b: &Draft) -> bool {
    a.sheet == b.sheet && a.updated == b.updated && a.conflict_of == b.conflict_of
}
