//! Saving the open sheets in localStorage (through gloo-storage) with a versioned format.
//!
//! Storage can be missing (private mode, a sandboxed iframe, blocked third-party
//! storage) or full: that is a normal case, reported to the user, and the app keeps
//! working in memory. A stored value that does not parse is moved aside, never
//! overwritten, and shown.

use std::collections::BTreeMap;

use dti_engine::sheet::ScoreSheet;
use dti_engine::Lang;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub const KEY: &str = "dti.workspace";
pub const DAMAGED_KEY: &str = "dti.workspace.damaged";
pub const VERSION: u32 = 1;

/// Everything the app keeps between visits: one sheet per (set, group), the open one,
/// and the language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub version: u32,
    pub lang: Lang,
    /// Key of the open sheet: "framework/group".
    pub current: String,
    pub sheets: BTreeMap<String, ScoreSheet>,
}

#[must_use]
pub fn sheet_key(framework: &str, group: &str) -> String {
    format!("{framework}/{group}")
}

impl Workspace {
    #[must_use]
    pub fn new(framework: &str, group: &str) -> Self {
        let key = sheet_key(framework, group);
        let mut sheets = BTreeMap::new();
        sheets.insert(key.clone(), ScoreSheet::new(framework, group));
        Workspace { version: VERSION, lang: Lang::Vi, current: key, sheets }
    }

    /// The open sheet (created on demand, so this never fails).
    pub fn current_mut(&mut self) -> &mut ScoreSheet {
        let key = self.current.clone();
        let (framework, group) = key.split_once('/').unwrap_or((key.as_str(), ""));
        self.sheets.entry(key.clone()).or_insert_with(|| ScoreSheet::new(framework, group))
    }

    #[must_use]
    pub fn current(&self) -> Option<&ScoreSheet> {
        self.sheets.get(&self.current)
    }

    /// Opens the sheet of another set or group, keeping every other sheet as it is.
    /// A new sheet takes the agency name of the one the user leaves.
    pub fn open(&mut self, framework: &str, group: &str) {
        let agency = self.current().map(|s| s.agency.clone()).unwrap_or_default();
        self.current = sheet_key(framework, group);
        let sheet = self.current_mut();
        if sheet.agency.is_empty() {
            sheet.agency = agency;
        }
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
            // Keep the first damaged copy: a second failure must not overwrite it.
            let storage = LocalStorage::raw();
            if matches!(storage.get_item(DAMAGED_KEY), Ok(None)) {
                let _ = storage.set_item(DAMAGED_KEY, &raw);
            }
            Loaded::Damaged { raw, reason }
        }
    }
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
    if let Some(s) = ws.sheets.values().find(|s| s.schema != dti_engine::sheet::SCHEMA_VERSION) {
        return Err(format!("sheet schema {}", s.schema));
    }
    Ok(ws)
}

pub fn save(ws: &Workspace) -> Result<(), String> {
    LocalStorage::set(KEY, ws).map_err(|e| e.to_string())
}
