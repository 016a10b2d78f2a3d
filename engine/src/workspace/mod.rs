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

mod checksum;
mod damaged;
mod drafts;
mod head;
mod merge;
mod migrate;
#[cfg(test)]
mod tests;

pub use checksum::sum;
pub use damaged::{damaged_keys, damaged_slot, is_damaged_key, DAMAGED_KEY, DAMAGED_SLOTS, SET_PREFIX};
pub use head::{draft_id, draft_json, draft_key, head_json, load, parse_draft, read_head, Head, Listed, Read, DRAFT_PREFIX, KEY};
pub use merge::{merge, Merged, Seen};
pub use migrate::{parse, Stored};

use serde::{Deserialize, Serialize};

use crate::sheet::ScoreSheet;
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
