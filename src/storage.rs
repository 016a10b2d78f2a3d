//! Saving the open sheets in localStorage (through gloo-storage) with a versioned format.
//!
//! Storage can be missing (private mode, a sandboxed iframe, blocked third-party
//! storage) or full: that is a normal case, reported to the user, and the app keeps
//! working in memory. A stored value that does not parse is moved aside, never
//! overwritten, and shown.

use dti_engine::sheet::ScoreSheet;
use dti_engine::Lang;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub const KEY: &str = "dti.workspace";
pub const DAMAGED_KEY: &str = "dti.workspace.damaged";
pub const VERSION: u32 = 1;

/// One agency's sheet for one set and group, with when it last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: u32,
    pub sheet: ScoreSheet,
    /// ISO 8601 time of the last change, from the browser's clock.
    #[serde(default)]
    pub updated: String,
}

/// An indicator set loaded from a file (e.g. the official annex), kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomSet {
    pub file: String,
    pub json: String,
}

/// Everything the app keeps between visits: the drafts, the open one, the language, and
/// indicator sets loaded from files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub version: u32,
    pub lang: Lang,
    /// Id of the open draft.
    pub current: u32,
    pub next_id: u32,
    pub drafts: Vec<Draft>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_sets: Vec<CustomSet>,
}

impl Workspace {
    #[must_use]
    pub fn new(framework: &str, group: &str) -> Self {
        let mut ws = Workspace { version: VERSION, lang: Lang::Vi, current: 0, next_id: 0, drafts: Vec::new(), custom_sets: Vec::new() };
        ws.new_draft(framework, group, "");
        ws
    }

    #[must_use]
    pub fn current(&self) -> Option<&ScoreSheet> {
        self.drafts.iter().find(|d| d.id == self.current).map(|d| &d.sheet)
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

    /// Adds an empty draft and opens it; returns its id.
    pub fn new_draft(&mut self, framework: &str, group: &str, agency: &str) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        let mut sheet = ScoreSheet::new(framework, group);
        sheet.agency = agency.to_owned();
        self.drafts.push(Draft { id, sheet, updated: String::new() });
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
}

/// What the app could do with storage, shown to the user when not `Ok`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// No localStorage at all, or it throws on use.
    Unavailable,
    /// A write failed (quota); the message from the browser.
    WriteFailed(String),
}

/// Probes localStorage through web-sys first: gloo-storage throws when there is none.
#[must_use]
pub fn probe() -> StorageStatus {
    let Some(window) = web_sys::window() else { return StorageStatus::Unavailable };
    let Ok(Some(storage)) = window.local_storage() else { return StorageStatus::Unavailable };
    let probe_key = "dti.probe";
    if storage.set_item(probe_key, "1").is_err() {
        return StorageStatus::Unavailable;
    }
    let _ = storage.remove_item(probe_key);
    StorageStatus::Ok
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    Nothing,
    Workspace(Workspace),
    /// The stored text did not parse; it has been copied to [`DAMAGED_KEY`].
    Damaged { raw: String, reason: String },
}

#[must_use]
pub fn load() -> Loaded {
    let Ok(raw) = LocalStorage::raw().get_item(KEY) else { return Loaded::Nothing };
    let Some(raw) = raw else { return Loaded::Nothing };
    match parse(&raw) {
        Ok(ws) => Loaded::Workspace(ws),
        Err(reason) => {
            // Never overwrite a damaged copy: a later one goes beside it.
            let storage = LocalStorage::raw();
            let keys = std::iter::once(DAMAGED_KEY.to_owned()).chain((2..100).map(|n| format!("{DAMAGED_KEY}.{n}")));
            for key in keys {
                match storage.get_item(&key) {
                    Ok(Some(existing)) if existing == raw => break,
                    Ok(Some(_)) => continue,
                    _ => {
                        let _ = storage.set_item(&key, &raw);
                        break;
                    }
                }
            }
            Loaded::Damaged { raw, reason }
        }
    }
}

/// A damaged copy kept from an earlier visit, if any (shown until the user discards it).
#[must_use]
pub fn damaged_copy() -> Option<String> {
    LocalStorage::raw().get_item(DAMAGED_KEY).ok().flatten()
}

/// Discards the damaged copy once the user has seen it (and saved what they need).
pub fn discard_damaged() {
    let _ = LocalStorage::raw().remove_item(DAMAGED_KEY);
}

/// Parses a stored workspace, checking its version and every sheet's schema.
pub fn parse(raw: &str) -> Result<Workspace, String> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(format!("version {v}")),
        None => return Err("no version".into()),
    }
    let ws: Workspace = serde_json::from_value(value).map_err(|e| e.to_string())?;
    if let Some(d) = ws.drafts.iter().find(|d| d.sheet.schema != dti_engine::sheet::SCHEMA_VERSION) {
        return Err(format!("sheet schema {}", d.sheet.schema));
    }
    Ok(ws)
}

pub fn save(ws: &Workspace) -> Result<(), String> {
    LocalStorage::set(KEY, ws).map_err(|e| e.to_string())
}
