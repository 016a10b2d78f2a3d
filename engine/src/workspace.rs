//! The drafts the app keeps in the browser, as pure data: the stored format and its
//! migration, and the merge of what this tab holds with what another tab saved. No web
//! dependency, so the rules that decide whether work is kept are tested natively.
//!
//! Stored format (`version` 3): each draft under its own key (`dti.draft.<id>`, the JSON of
//! one [`Draft`]) and a small head under [`KEY`] listing them in order with each one's
//! revision and a checksum of its text: `{"version":3,"drafts":[{"id","rev","sum"}]}`. A save
//! writes the drafts that changed and the head, not every draft; the head changes with any
//! draft, so one read of it tells a tab whether another one saved.
//!
//! Older builds kept everything in the one value under [`KEY`]: version 2
//! (`{"version":2,"drafts":[{"id","rev","sheet","updated"}]}`, what [`Workspace::to_json`]
//! still writes, e.g. to measure the drafts) and version 1 (also the language, the open
//! draft and loaded sets). Both are read and migrated: the first save writes the drafts
//! under their own keys and the head over the old value. Which draft is open and the
//! language belong to the tab and the user, not to the stored drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::sheet::{ScoreSheet, SCHEMA_VERSION};
use crate::Lang;

/// Format of the single stored value ([`Workspace::to_json`]) of the builds before the head.
pub const VERSION: u32 = 2;
/// Format of the head written by this build (drafts under their own keys).
pub const HEAD_VERSION: u32 = 3;

/// One agency's sheet for one set and group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: u32,
    /// Bumped by each tab's first change after it last saw the stored copy: two tabs that
    /// both move a draft past the revision they started from have edited it at once.
    #[serde(default)]
    pub rev: u64,
    pub sheet: ScoreSheet,
    /// ISO 8601 time of the last change, from the browser's clock.
    #[serde(default)]
    pub updated: String,
    /// Set on the copy kept when two tabs changed the same draft at once: the id of the
    /// draft it was edited beside. Cleared when the user has seen it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<u32>,
}

/// An indicator set loaded from a file, kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomSet {
    pub file: String,
    pub json: String,
}

/// The drafts, and (not stored) which one this tab has open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub version: u32,
    pub drafts: Vec<Draft>,
    /// Id of the draft open in this tab (kept per tab, never in the shared value).
    #[serde(skip)]
    pub current: u32,
}

/// What a version-1 value held besides the drafts; the app moves each to its own place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Legacy {
    pub lang: Option<Lang>,
    pub current: Option<u32>,
    pub custom_sets: Vec<CustomSet>,
}

/// What a stored text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// This build's format, or an older one migrated (`legacy` holds what moves elsewhere).
    Current { workspace: Workspace, legacy: Option<Legacy> },
    /// Written by a newer build: never overwritten here. `drafts` are those this build
    /// could read, to keep working in memory.
    Newer { version: u64, workspace: Option<Workspace> },
    /// Not a workspace at all (cut short, edited by hand, another program): to be kept
    /// aside before anything is written.
    Damaged { reason: String },
}

#[derive(Deserialize)]
struct V1 {
    #[serde(default)]
    lang: Lang,
    #[serde(default)]
    current: u32,
    drafts: Vec<Draft>,
    #[serde(default)]
    custom_sets: Vec<CustomSet>,
}

/// Reads a stored text: checks its version and every sheet's schema, migrates version 1.
#[must_use]
pub fn parse(raw: &str) -> Stored {
    match serde_json::from_str(raw) {
        Ok(value) => parse_value(value),
        Err(e) => Stored::Damaged { reason: e.to_string() },
    }
}

fn parse_value(value: serde_json::Value) -> Stored {
    let damaged = |reason: String| Stored::Damaged { reason };
    let version = match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) => v,
        None => return damaged("no version".into()),
    };
    let checked = |ws: Workspace| match ws.drafts.iter().find(|d| d.sheet.schema != SCHEMA_VERSION) {
        Some(d) => Err(format!("sheet schema {}", d.sheet.schema)),
        None => Ok(ws),
    };
    match version {
        1 => match serde_json::from_value::<V1>(value).map_err(|e| e.to_string()) {
            Ok(v1) => {
                let ws = Workspace { version: VERSION, drafts: v1.drafts, current: v1.current };
                match checked(ws) {
                    Ok(workspace) => Stored::Current {
                        workspace,
                        legacy: Some(Legacy { lang: Some(v1.lang), current: Some(v1.current), custom_sets: v1.custom_sets }),
                    },
                    Err(reason) => damaged(reason),
                }
            }
            Err(reason) => damaged(reason),
        },
        v if v == u64::from(VERSION) => match serde_json::from_value::<Workspace>(value).map_err(|e| e.to_string()).and_then(checked) {
            Ok(workspace) => Stored::Current { workspace, legacy: None },
            Err(reason) => damaged(reason),
        },
        v if v > u64::from(VERSION) => {
            // Read what can be read (serde ignores fields it does not know) so the user
            // keeps working; a sheet of an unknown schema is left out, never guessed.
            let workspace = value.get("drafts").and_then(|d| d.as_array()).map(|drafts| Workspace {
                version: VERSION,
                drafts: drafts
                    .iter()
                    .filter_map(|d| serde_json::from_value::<Draft>(d.clone()).ok())
                    .filter(|d| d.sheet.schema == SCHEMA_VERSION)
                    .collect(),
                current: 0,
            });
            Stored::Newer { version: v, workspace }
        }
        v => damaged(format!("version {v}")),
    }
}

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
        self.drafts.iter().map(|d| (d.id, d.clone())).collect()
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
    let stored_by_id: BTreeMap<u32, &Draft> = stored.drafts.iter().map(|d| (d.id, d)).collect();
    let local_ids: std::collections::BTreeSet<u32> = local.drafts.iter().map(|d| d.id).collect();
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
        if stored_by_id.contains_key(&l.id) {
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
        let id = out.unused_id().max(local_ids.iter().map(|i| i + 1).max().unwrap_or(0));
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
fn same(a: &Draft, b: &Draft) -> bool {
    a.sheet == b.sheet && a.updated == b.updated && a.conflict_of == b.conflict_of
}

/// One draft as it appears inside the stored text.
#[must_use]
pub fn draft_json(draft: &Draft) -> String {
    serde_json::to_string(draft).unwrap_or_default()
}

/// Storage key of the head (this build) or of the single value (older builds).
pub const KEY: &str = "dti.workspace";
/// Prefix of each draft's own key: `dti.draft.<id>`.
pub const DRAFT_PREFIX: &str = "dti.draft.";

/// The key a draft is stored under.
#[must_use]
pub fn draft_key(id: u32) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The id of the draft a key holds; `None` for any other key ("dti.draft.07" included:
/// no build writes it).
#[must_use]
pub fn draft_id(key: &str) -> Option<u32> {
    let n = key.strip_prefix(DRAFT_PREFIX)?;
    n.parse::<u32>().ok().filter(|id| id.to_string() == n)
}

/// One draft as the head lists it: its revision and a checksum of its stored text, so the
/// head's text changes whenever a draft's does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    pub id: u32,
    pub rev: u64,
    pub sum: String,
}

#[derive(Deserialize)]
struct HeadIn {
    drafts: Vec<Listed>,
}

#[derive(Serialize)]
struct HeadOut<'a> {
    version: u32,
    drafts: &'a [Listed],
}

/// What the value under [`KEY`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    /// This build's format: the drafts in order, each under its own key.
    Split(Vec<Listed>),
    /// An older build's single value (read, then rewritten by the first save), a newer
    /// build's value (never overwritten) or a damaged text.
    Whole(Stored),
}

/// Reads the value under [`KEY`].
#[must_use]
pub fn read_head(raw: &str) -> Head {
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return Head::Whole(Stored::Damaged { reason: e.to_string() }),
    };
    if value.get("version").and_then(serde_json::Value::as_u64) != Some(u64::from(HEAD_VERSION)) {
        return Head::Whole(parse_value(value));
    }
    match serde_json::from_value::<HeadIn>(value) {
        Ok(head) => {
            let mut ids = std::collections::BTreeSet::new();
            match head.drafts.iter().find(|l| !ids.insert(l.id)) {
                Some(twice) => Head::Whole(Stored::Damaged { reason: format!("draft {} listed twice", twice.id) }),
                None => Head::Split(head.drafts),
            }
        }
        Err(e) => Head::Whole(Stored::Damaged { reason: e.to_string() }),
    }
}

/// The head's text for these drafts, in order.
#[must_use]
pub fn head_json(drafts: &[Listed]) -> String {
    serde_json::to_string(&HeadOut { version: HEAD_VERSION, drafts }).unwrap_or_default()
}

/// Reads one draft's own key: a text that is not the draft `id`, or holds a sheet of an
/// unknown schema, does not read (the caller keeps it apart).
pub fn parse_draft(id: u32, raw: &str) -> Result<Draft, String> {
    let d: Draft = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if d.id != id {
        return Err(format!("draft {} under the key of draft {id}", d.id));
    }
    if d.sheet.schema != SCHEMA_VERSION {
        return Err(format!("sheet schema {}", d.sheet.schema));
    }
    Ok(d)
}

/// Checksum of a draft's stored text (64-bit FNV-1a, hex): not a guard against tampering,
/// only what makes the head differ when a draft's text does.
#[must_use]
pub fn sum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The stored drafts as read from the head (`raw`) and each draft's key (`get`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub stored: Stored,
    /// `stored` came from an older build's single value: the first save rewrites it.
    pub whole: bool,
    /// Draft keys whose text does not read: (key, text, why). Each is kept apart before
    /// anything is written under its key; the other drafts load.
    pub damaged: Vec<(String, String, String)>,
}

/// Reads every stored draft. A draft the head lists whose key is gone was deleted by
/// another tab between the two reads (the head is written after the drafts, and before a
/// deleted draft's key is removed).
#[must_use]
pub fn load(raw: &str, get: impl Fn(&str) -> Option<String>) -> Read {
    let listed = match read_head(raw) {
        Head::Whole(stored) => return Read { stored, whole: true, damaged: Vec::new() },
        Head::Split(listed) => listed,
    };
    let mut drafts = Vec::with_capacity(listed.len());
    let mut damaged = Vec::new();
    for l in &listed {
        let key = draft_key(l.id);
        let Some(text) = get(&key) else { continue };
        match parse_draft(l.id, &text) {
            Ok(d) => drafts.push(d),
            Err(reason) => damaged.push((key, text, reason)),
        }
    }
    Read { stored: Stored::Current { workspace: Workspace { version: VERSION, drafts, current: 0 }, legacy: None }, whole: false, damaged }
}
/// First key for a damaged copy; later ones are `dti.workspace.damaged.2`, `.3`, …
pub const DAMAGED_KEY: &str = "dti.workspace.damaged";
/// Prefix of the keys of loaded indicator sets (`dti.set.<id>`).
pub const SET_PREFIX: &str = "dti.set.";
/// Most damaged copies kept apart.
pub const DAMAGED_SLOTS: u32 = 99;

/// Where to keep a damaged text: the key that already holds the same text, or the first
/// free one. `None` when every slot holds another copy.
pub fn damaged_slot(raw: &str, get: impl Fn(&str) -> Option<String>) -> Option<(String, bool)> {
    let mut free = None;
    for key in damaged_keys() {
        match get(&key) {
            Some(existing) if existing == raw => return Some((key, true)),
            Some(_) => {}
            None => {
                if free.is_none() {
                    free = Some(key);
                }
            }
        }
    }
    free.map(|k| (k, false))
}

/// Every key a damaged copy may be stored under, in order.
pub fn damaged_keys() -> impl Iterator<Item = String> {
    std::iter::once(DAMAGED_KEY.to_owned()).chain((2..=DAMAGED_SLOTS).map(|n| format!("{DAMAGED_KEY}.{n}")))
}

/// Whether `key` names a damaged copy.
#[must_use]
pub fn is_damaged_key(key: &str) -> bool {
    key == DAMAGED_KEY
        || key.strip_prefix(DAMAGED_KEY).and_then(|r| r.strip_prefix('.')).and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| (2..=DAMAGED_SLOTS).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{Answer, Entry};

    fn answered(ws: &mut Workspace, code: &str, text: &str) {
        let d = ws.current_draft_mut();
        d.sheet.entries.insert(code.into(), Entry { self_answer: Some(Answer::Points { text: text.into() }), ..Entry::default() });
    }

    /// A change in one tab, as that tab writes it (revision moved past what it saw).
    fn edit(ws: &mut Workspace, seen: &Seen, code: &str, text: &str) {
        answered(ws, code, text);
        ws.mark_changed(seen);
    }

    fn text_of(ws: &Workspace, id: u32, code: &str) -> Option<String> {
        let d = ws.drafts.iter().find(|d| d.id == id)?;
        match &d.sheet.entries.get(code)?.self_answer {
            Some(Answer::Points { text }) => Some(text.clone()),
            _ => None,
        }
    }

    /// Two tabs that both loaded `stored`.
    fn two_tabs() -> (Workspace, Workspace, Seen) {
        let mut ws = Workspace::new("laocai-2022", "co_tthc");
        ws.new_draft("laocai-2022", "huyen", "Huyện Bát Xát");
        let synced = ws.seen();
        (ws.clone(), ws, synced)
    }

    #[test]
    fn the_comparison_opens_with_the_agencys_newest_draft_of_another_year() {
        let year = |id: &str| id.strip_prefix("laocai-").and_then(|y| y.parse().ok());
        let mut ws = Workspace::new("laocai-2022", "khong_tthc");
        ws.current_draft_mut().sheet.agency = "Sở Tư pháp".into();
        ws.current_draft_mut().updated = "2026-01-01T00:00:00Z".into();
        // Another agency, another group, and the same set do not count.
        ws.new_draft("laocai-2021", "khong_tthc", "Sở Nội vụ");
        ws.new_draft("laocai-2021", "co_tthc", "Sở Tư pháp");
        ws.new_draft("laocai-2023", "khong_tthc", "Sở Tư pháp (bản sao)");
        assert_eq!(ws.year_pair(year), None);
        let older = ws.new_draft("laocai-2021", "khong_tthc", "SỞ TƯ PHÁP");
        ws.current_draft_mut().updated = "2026-02-01T00:00:00Z".into();
        let newer = ws.new_draft("laocai-2023", "khong_tthc", "Sở  tư pháp");
        ws.current_draft_mut().updated = "2026-03-01T00:00:00Z".into();
        ws.open_draft(0);
        // The newest of the agency's other drafts (2023), the earlier year first.
        assert_eq!(ws.year_pair(year), Some((0, newer)));
        ws.drafts.retain(|d| d.id != newer);
        assert_eq!(ws.year_pair(year), Some((older, 0)));
    }

    /// Every key of `ws` as this build stores it: the head, and each draft's text.
    fn split(ws: &Workspace) -> BTreeMap<String, String> {
        let texts: Vec<String> = ws.drafts.iter().map(draft_json).collect();
        let listed: Vec<Listed> = ws.drafts.iter().zip(&texts).map(|(d, t)| Listed { id: d.id, rev: d.rev, sum: sum(t) }).collect();
        let mut store: BTreeMap<String, String> = ws.drafts.iter().zip(texts).map(|(d, t)| (draft_key(d.id), t)).collect();
        store.insert(KEY.into(), head_json(&listed));
        store
    }

    fn read(store: &BTreeMap<String, String>) -> Read {
        load(&store[KEY], |k| store.get(k).cloned())
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn sheet() -> impl Strategy<Value = ScoreSheet> {
            let entries = proptest::collection::btree_map(prop::sample::select(vec!["1.1", "1.5", "2.3", "10.2"]), "[0-9]{1,3}(,[0-9]{1,2})?|\\PC{0,6}", 0..4);
            (prop::sample::select(vec!["laocai-2022", "laocai-2023"]), "\\PC{0,12}", entries).prop_map(|(framework, agency, entries)| {
                let mut s = ScoreSheet::new(framework, "co_tthc");
                s.agency = agency;
                for (code, text) in entries {
                    s.entries.insert(code.into(), Entry { self_answer: Some(Answer::Points { text }), ..Entry::default() });
                }
                s
            })
        }

        fn workspace() -> impl Strategy<Value = Workspace> {
            proptest::collection::vec((1..5u64, sheet(), "[0-9:TZ-]{0,20}", proptest::option::of(0..4u32)), 1..6).prop_map(|drafts| Workspace {
                version: VERSION,
                drafts: drafts.into_iter().enumerate().map(|(i, (rev, sheet, updated, conflict_of))| Draft { id: i as u32 * 3, rev, sheet, updated, conflict_of }).collect(),
                current: 0,
            })
        }

        /// One tab's changes to `base`: (draft index, 0 edit / 1 delete / 2 add, text).
        fn changed(base: &Workspace, seen: &Seen, ops: &[(usize, u8, String)]) -> Workspace {
            let mut w = base.clone();
            for (i, op, text) in ops {
                match (op, w.drafts.len()) {
                    (2, _) | (_, 0) => {
                        let id = w.new_draft("laocai-2022", "co_tthc", text);
                        w.open_draft(id);
                        answered(&mut w, "1.5", text);
                    }
                    (0, n) => {
                        w.current = w.drafts[i % n].id;
                        answered(&mut w, "2.3", text);
                    }
                    (_, n) => {
                        let id = w.drafts[i % n].id;
                        w.remove(id);
                    }
                }
            }
            w.mark_changed(seen);
            w
        }

        fn ops() -> impl Strategy<Value = Vec<(usize, u8, String)>> {
            proptest::collection::vec((0..8usize, 0..3u8, "[a-z0-9]{1,4}"), 0..5)
        }

        proptest! {
            #[test]
            fn what_is_written_per_key_reads_back_the_same(ws in workspace()) {
                let Read { stored: Stored::Current { workspace, .. }, whole: false, damaged } = read(&split(&ws)) else { panic!() };
                prop_assert!(damaged.is_empty());
                prop_assert_eq!(workspace.drafts, ws.drafts);
            }

            #[test]
            fn a_merge_keeps_every_change_of_either_tab(base in workspace(), a in ops(), b in ops()) {
                let seen = base.seen();
                let (local, stored) = (changed(&base, &seen, &a), changed(&base, &seen, &b));
                let merged = merge(&local, &seen, &stored).workspace;
                let kept = |d: &Draft| merged.drafts.iter().any(|m| m.sheet == d.sheet);
                for d in local.drafts.iter().chain(&stored.drafts) {
                    if seen.get(&d.id).is_none_or(|s| s.sheet != d.sheet) {
                        prop_assert!(kept(d), "lost {:?}", d);
                    }
                }
                // Ids stay unique, and nothing changed merges to itself.
                let ids: std::collections::BTreeSet<u32> = merged.drafts.iter().map(|d| d.id).collect();
                prop_assert_eq!(ids.len(), merged.drafts.len());
                let same = merge(&base, &seen, &base);
                prop_assert!(same.conflicts.is_empty());
                prop_assert_eq!(same.workspace.drafts, base.drafts.clone());
            }
        }
    }

    #[test]
    fn drafts_stored_under_their_own_keys_read_back() {
        let (mut ws, _, _) = two_tabs();
        ws.open_draft(0);
        answered(&mut ws, "1.5", "12,5");
        ws.drafts[1].conflict_of = Some(0);
        let store = split(&ws);
        assert_eq!(store.keys().collect::<Vec<_>>(), vec!["dti.draft.0", "dti.draft.1", KEY]);
        assert!(store[KEY].starts_with("{\"version\":3,\"drafts\":[{\"id\":0,"), "{}", store[KEY]);
        let Read { stored: Stored::Current { workspace, legacy: None }, whole: false, damaged } = read(&store) else { panic!("{:?}", read(&store)) };
        assert!(damaged.is_empty());
        assert_eq!(workspace.drafts, ws.drafts);
        // The head changes whenever a draft's text does, even at the same revision.
        let mut other = ws.clone();
        answered(&mut other, "1.5", "7");
        assert_eq!(other.drafts[0].rev, ws.drafts[0].rev);
        assert_ne!(split(&other)[KEY], store[KEY]);
    }

    #[test]
    fn an_older_builds_single_value_is_read_for_migration() {
        let (ws, _, _) = two_tabs();
        let old = ws.to_json();
        assert!(old.starts_with("{\"version\":2,"));
        let r = load(&old, |_| panic!("an older value names no other key"));
        let Read { stored: Stored::Current { workspace, legacy: None }, whole: true, .. } = r else { panic!("{r:?}") };
        assert_eq!(workspace.drafts, ws.drafts);
    }

    #[test]
    fn a_damaged_draft_key_is_set_apart_and_the_others_load() {
        let (ws, _, _) = two_tabs();
        let mut store = split(&ws);
        store.insert(draft_key(1), "{\"id\":1,\"sheet\":".into());
        let r = read(&store);
        let Stored::Current { workspace, .. } = &r.stored else { panic!("{r:?}") };
        assert_eq!(workspace.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![0]);
        assert_eq!(r.damaged.len(), 1);
        assert_eq!((r.damaged[0].0.as_str(), r.damaged[0].1.as_str()), ("dti.draft.1", "{\"id\":1,\"sheet\":"));
        // Another draft's text under this key, or an unknown sheet schema, does not read either.
        store.insert(draft_key(1), store[&draft_key(0)].clone());
        assert_eq!(read(&store).damaged[0].2, "draft 0 under the key of draft 1");
        store.insert(draft_key(1), r#"{"id":1,"sheet":{"schema":9,"framework":"f","group":"g"}}"#.into());
        assert_eq!(read(&store).damaged[0].2, "sheet schema 9");
        // A key the head does not list is not a draft (written by a save cut short).
        let mut store = split(&ws);
        store.insert(draft_key(7), store[&draft_key(0)].replace("\"id\":0", "\"id\":7"));
        let Stored::Current { workspace, .. } = read(&store).stored else { panic!() };
        assert_eq!(workspace.drafts.len(), 2);
    }

    #[test]
    fn heads_that_do_not_read_are_damaged_and_newer_ones_marked() {
        for raw in ["{\"version\":3}", "{\"version\":3,\"drafts\":[{\"id\":1}]}", "{\"version\":3,\"drafts\":[{\"id\":1,\"rev\":1,\"sum\":\"a\"},{\"id\":1,\"rev\":2,\"sum\":\"b\"}]}", "[3]"] {
            assert!(matches!(read_head(raw), Head::Whole(Stored::Damaged { .. })), "{raw}");
        }
        assert!(matches!(read_head(r#"{"version":4,"drafts":[{"id":1,"rev":1,"sum":"a"}]}"#), Head::Whole(Stored::Newer { version: 4, .. })));
        assert_eq!(read_head(r#"{"version":3,"drafts":[]}"#), Head::Split(Vec::new()));
        assert_eq!(draft_id("dti.draft.12"), Some(12));
        for key in ["dti.draft.012", "dti.draft.+1", "dti.draft.", "dti.drafts.1", KEY] {
            assert_eq!(draft_id(key), None, "{key}");
        }
    }

    #[test]
    fn marking_only_the_drafts_named() {
        let (mut ws, _, seen) = two_tabs();
        ws.open_draft(0);
        answered(&mut ws, "1.5", "12,5");
        // Marking only the drafts named: the other changed draft keeps its revision.
        let mut a = ws.clone();
        a.drafts[1].sheet.agency = "Sở Y tế".into();
        a.mark_changed_where(&seen, |id| id == 0);
        assert_eq!((a.drafts[0].rev, a.drafts[1].rev), (seen[&0].rev + 1, seen[&1].rev));
        a.mark_changed(&seen);
        assert_eq!(a.drafts[1].rev, seen[&1].rev + 1);
    }

    #[test]
    fn a_change_to_another_draft_is_taken_in_and_the_open_draft_stays() {
        let (mut a, mut b, synced) = two_tabs();
        a.open_draft(0);
        b.open_draft(1);
        edit(&mut b, &synced, "1.1", "5");
        edit(&mut a, &synced, "1.5", "12,5");
        // B saved first; A takes it in before saving.
        let merged = merge(&a, &synced, &b);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.workspace.current, 0, "the open draft is this tab's");
        assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("12,5"));
        assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("5"));
        // B then takes A's save in: the same two drafts, B still on draft 1.
        let back = merge(&b, &b.seen(), &merged.workspace);
        assert!(back.conflicts.is_empty());
        assert_eq!(back.workspace.current, 1);
        assert_eq!(back.workspace.drafts, merged.workspace.drafts);
    }

    #[test]
    fn the_same_draft_changed_in_two_tabs_is_kept_twice() {
        let (mut a, mut b, synced) = two_tabs();
        a.open_draft(0);
        b.open_draft(0);
        edit(&mut a, &synced, "1.5", "12,5");
        edit(&mut b, &synced, "1.5", "7");
        let merged = merge(&a, &synced, &b);
        assert_eq!(merged.conflicts.len(), 1);
        let (kept, copy) = merged.conflicts[0];
        assert_eq!(kept, 0);
        assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("7"), "the stored version keeps its id");
        assert_eq!(text_of(&merged.workspace, copy, "1.5").as_deref(), Some("12,5"), "this tab's version is a copy");
        assert_eq!(merged.workspace.current, copy, "this tab keeps its own version open");
        assert_eq!(merged.workspace.drafts.iter().find(|d| d.id == copy).and_then(|d| d.conflict_of), Some(0));
        // B takes A's save: no new conflict, B keeps its version open, both listed.
        let back = merge(&b, &b.seen(), &merged.workspace);
        assert!(back.conflicts.is_empty());
        assert_eq!(back.workspace.current, 0);
        assert_eq!(back.workspace.drafts.len(), 3);
        assert_eq!(back.workspace.conflicts().count(), 1);
    }

    #[test]
    fn the_same_change_in_two_tabs_is_no_conflict() {
        let (mut a, mut b, synced) = two_tabs();
        edit(&mut a, &synced, "1.5", "3");
        edit(&mut b, &synced, "1.5", "3");
        assert!(merge(&a, &synced, &b).conflicts.is_empty());
    }

    #[test]
    fn an_unchanged_draft_takes_the_other_tabs_version() {
        let (a, mut b, synced) = two_tabs();
        b.open_draft(0);
        edit(&mut b, &synced, "1.5", "9");
        let merged = merge(&a, &synced, &b);
        assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("9"));
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn deletions_hold_unless_the_other_side_changed_the_draft() {
        let (mut a, mut b, synced) = two_tabs();
        a.remove(1);
        // B did not touch draft 1: A's deletion stands when B merges A's save.
        let merged = merge(&b, &synced, &a);
        assert!(merged.workspace.drafts.iter().all(|d| d.id != 1));
        // B changed draft 1 after A deleted it: B's work is kept.
        b.open_draft(1);
        edit(&mut b, &synced, "1.1", "4");
        let merged = merge(&b, &synced, &a);
        assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("4"));
        // And A, merging B's save, keeps it too.
        let merged = merge(&a, &synced, &b);
        assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("4"));
    }

    #[test]
    fn drafts_new_in_either_tab_are_both_kept() {
        let (mut a, mut b, synced) = two_tabs();
        let na = a.new_draft("laocai-2023", "co_tthc", "Sở A");
        let nb = b.new_draft("laocai-2023", "co_tthc", "Sở B");
        // Both picked the same free id: the two sheets differ, so both are kept.
        assert_eq!(na, nb);
        let merged = merge(&a, &synced, &b);
        let agencies: Vec<_> = merged.workspace.drafts.iter().map(|d| d.sheet.agency.as_str()).collect();
        assert!(agencies.contains(&"Sở A") && agencies.contains(&"Sở B"), "{agencies:?}");
        assert!(merged.conflicts.is_empty(), "two new drafts are not one draft edited twice");
        assert_eq!(merged.workspace.current(), a.drafts.last().map(|d| &d.sheet), "this tab keeps its new draft open");
    }

    #[test]
    fn version_1_is_migrated_and_its_other_fields_handed_out() {
        let v1 = r#"{"version":1,"lang":"en","current":3,"next_id":4,"drafts":[{"id":3,"sheet":{"schema":1,"framework":"laocai-2022","group":"co_tthc","agency":"Sở Y tế","entries":{}},"updated":"2024-01-01T00:00:00Z"}],"custom_sets":[{"file":"a.json","json":"{}"}]}"#;
        let Stored::Current { workspace, legacy: Some(legacy) } = parse(v1) else { panic!("{:?}", parse(v1)) };
        assert_eq!(workspace.drafts.len(), 1);
        assert_eq!(workspace.drafts[0].sheet.agency, "Sở Y tế");
        assert_eq!(legacy.lang, Some(Lang::En));
        assert_eq!(legacy.current, Some(3));
        assert_eq!(legacy.custom_sets, vec![CustomSet { file: "a.json".into(), json: "{}".into() }]);
        let text = workspace.to_json();
        assert!(text.starts_with("{\"version\":2,"), "{text}");
        assert!(!text.contains("current") && !text.contains("lang") && !text.contains("custom_sets"), "{text}");
        let Stored::Current { workspace: again, legacy: None } = parse(&text) else { panic!("{text}") };
        assert_eq!(again.drafts, workspace.drafts, "the open draft is not part of the stored value");
    }

    #[test]
    fn a_newer_version_is_read_where_possible_and_marked() {
        let v3 = r#"{"version":3,"shiny":true,"drafts":[{"id":1,"rev":2,"sheet":{"schema":1,"framework":"f","group":"g","agency":"X"},"extra":1},{"id":2,"sheet":{"schema":9,"framework":"f","group":"g"}}]}"#;
        let Stored::Newer { version: 3, workspace: Some(ws) } = parse(v3) else { panic!("{:?}", parse(v3)) };
        assert_eq!(ws.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn text_that_is_not_a_workspace_is_damaged() {
        for raw in ["not json", "{\"drafts\": []}", "{\"version\":0,\"drafts\":[]}", "{\"version\":2,\"drafts\":[{\"id\":1}]}", "{\"version\":1,\"drafts\":[{\"id\":0,\"sheet\":{\"schema\":1,\"framework\":\"laocai-2022\""] {
            assert!(matches!(parse(raw), Stored::Damaged { .. }), "{raw}");
        }
        let sheet9 = r#"{"version":2,"drafts":[{"id":0,"sheet":{"schema":9,"framework":"f","group":"g"}}]}"#;
        assert_eq!(parse(sheet9), Stored::Damaged { reason: "sheet schema 9".into() });
    }

    #[test]
    fn damaged_copies_never_overwrite_one_another() {
        let mut store: BTreeMap<String, String> = BTreeMap::new();
        fn get(s: &BTreeMap<String, String>) -> impl Fn(&str) -> Option<String> + '_ {
            move |k: &str| s.get(k).cloned()
        }
        assert_eq!(damaged_slot("a", get(&store)), Some((DAMAGED_KEY.to_owned(), false)));
        store.insert(DAMAGED_KEY.into(), "a".into());
        assert_eq!(damaged_slot("a", get(&store)), Some((DAMAGED_KEY.to_owned(), true)), "the same text is not kept twice");
        assert_eq!(damaged_slot("b", get(&store)), Some((format!("{DAMAGED_KEY}.2"), false)));
        for k in damaged_keys() {
            store.insert(k, "x".into());
        }
        assert_eq!(damaged_slot("c", get(&store)), None, "full: the caller must not overwrite anything");
        assert!(is_damaged_key("dti.workspace.damaged.2") && is_damaged_key(DAMAGED_KEY));
        assert!(!is_damaged_key("dti.workspace") && !is_damaged_key("dti.workspace.damaged.x") && !is_damaged_key("dti.workspace.damaged.1"));
    }

    #[test]
    fn the_tab_opens_its_own_draft_or_the_latest() {
        let mut ws = Workspace::new("f", "g");
        ws.new_draft("f", "g", "B");
        ws.drafts[0].updated = "2025-01-02".into();
        ws.drafts[1].updated = "2025-01-01".into();
        ws.open_or_latest(Some(1));
        assert_eq!(ws.current, 1);
        ws.open_or_latest(Some(7));
        assert_eq!(ws.current, 0, "a missing id falls back to the latest change");
    }

    #[test]
    fn switching_groups_never_reinterprets_answers() {
        let mut ws = Workspace::new("laocai-2022", "co_tthc");
        ws.current_draft_mut().sheet.agency = "Sở Tài chính".into();
        answered(&mut ws, "1.5", "12");
        let first = ws.current;
        ws.select("laocai-2022", "huyen");
        assert_ne!(ws.current, first, "a draft with answers is kept; another is opened");
        assert_eq!(ws.current().map(|s| s.group.as_str()), Some("huyen"));
        assert_eq!(ws.current().map(|s| s.agency.as_str()), Some("Sở Tài chính"));
        // Straight back: the answered draft again, and no empty draft left behind.
        ws.select("laocai-2022", "co_tthc");
        assert_eq!(ws.current, first);
        assert_eq!(ws.drafts.len(), 1);
        // An empty draft just changes group.
        let mut fresh = Workspace::new("laocai-2022", "co_tthc");
        fresh.select("laocai-2023", "khong_tthc");
        assert_eq!(fresh.drafts.len(), 1);
        assert_eq!(fresh.current().map(|s| (s.framework.as_str(), s.group.as_str())), Some(("laocai-2023", "khong_tthc")));
    }

    #[test]
    fn delete_then_undo_restores_the_draft_in_place() {
        let mut ws = Workspace::new("laocai-2022", "co_tthc");
        answered(&mut ws, "1.5", "12");
        let a = ws.current;
        let b = ws.duplicate(a, " (bản sao)", String::new()).unwrap_or_else(|| panic!("duplicate"));
        assert_eq!(ws.drafts.len(), 2);
        let removed = ws.remove(a).unwrap_or_else(|| panic!("remove"));
        assert_eq!(ws.drafts.len(), 1);
        assert_eq!(ws.current, b);
        ws.restore(removed.0, removed.1);
        assert_eq!(ws.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![a, b]);
        assert_eq!(ws.current, a);
    }

    #[test]
    fn a_group_change_without_answers_counts_as_a_change() {
        let (mut a, b, seen) = two_tabs();
        a.open_draft(0);
        a.select("laocai-2023", "khong_tthc");
        let merged = merge(&a, &seen, &b);
        assert_eq!(merged.workspace.drafts.iter().find(|d| d.id == 0).map(|d| d.sheet.group.as_str()), Some("khong_tthc"));
    }

    #[test]
    fn a_save_overwritten_at_the_same_moment_is_kept_as_a_copy() {
        let (mut a, mut b, seen) = two_tabs();
        a.open_draft(0);
        b.open_draft(0);
        edit(&mut a, &seen, "1.5", "12,5");
        edit(&mut b, &seen, "1.5", "7");
        // Both wrote from the same revision; B's write landed last. A, unchanged since its
        // own write, must not silently take B's version over its own.
        let a_seen = a.seen();
        let merged = merge(&a, &a_seen, &b);
        assert_eq!(merged.conflicts.len(), 1);
        let (_, copy) = merged.conflicts[0];
        assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("7"));
        assert_eq!(text_of(&merged.workspace, copy, "1.5").as_deref(), Some("12,5"));
        // B, reading A's merged save, settles without another copy.
        let settled = merge(&b, &b.seen(), &merged.workspace);
        assert!(settled.conflicts.is_empty());
        assert_eq!(settled.workspace.drafts, merged.workspace.drafts);
    }

    #[test]
    fn a_fresh_tabs_empty_draft_gives_way_to_the_stored_one() {
        // Two tabs opened on empty storage both start draft 0; A types and saves first.
        let b = Workspace::new("laocai-2022", "co_tthc");
        let mut a = b.clone();
        answered(&mut a, "1.5", "12,5");
        let merged = merge(&b, &Seen::new(), &a);
        assert_eq!(merged.workspace.drafts.len(), 1, "no empty copy left behind");
        assert_eq!(merged.workspace.current, 0);
        assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("12,5"));
        // But a draft typed into before it was ever saved is kept beside the stored one.
        let mut c = Workspace::new("laocai-2022", "co_tthc");
        answered(&mut c, "1.1", "3");
        let merged = merge(&c, &Seen::new(), &a);
        assert_eq!(merged.workspace.drafts.len(), 2);
        assert_eq!(merged.workspace.current().and_then(|s| s.entries.get("1.1")).is_some(), true);
    }
}
