//! The head and each draft's own key: the stored format of this build.

use serde::{Deserialize, Serialize};

use super::migrate::parse_value;
use super::{Draft, Stored, Workspace, HEAD_VERSION, VERSION};
use crate::sheet::SCHEMA_VERSION;

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
            // Ids seen so far, sorted (a set of its own type would add its code to the bundle).
            let mut ids: Vec<u32> = Vec::with_capacity(head.drafts.len());
            match head.drafts.iter().find(|l| !crate::order::insert_sorted(&mut ids, l.id)) {
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
