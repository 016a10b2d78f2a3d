//! The saved sheet and its JSON (what the app exports and `dti score` reads).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Entry;
use crate::error::{Error, Lang};

/// Version of the saved-sheet format; bump with a migration when it changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub schema: u32,
    /// Id of the indicator set, e.g. `laocai-2022`.
    pub framework: String,
    pub group: String,
    #[serde(default)]
    pub agency: String,
    /// Answers by indicator code.
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
    /// Digest of the set file the answers were given under (`sets/index.json`), so a
    /// sheet is never re-scored silently under another version of the same set id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_digest: Option<String>,
}

impl ScoreSheet {
    #[must_use]
    pub fn new(framework: &str, group: &str) -> Self {
        ScoreSheet {
            schema: SCHEMA_VERSION,
            framework: framework.to_owned(),
            group: group.to_owned(),
            agency: String::new(),
            entries: BTreeMap::new(),
            framework_digest: None,
        }
    }

    /// Reads a saved sheet; `file` names it in errors. A structural error inside an entry
    /// names the indicator's code (and the field), never serde's English alone.
    pub fn from_json(file: &str, json: &str) -> Result<Self, Error> {
        let mut probe: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            Error::Input {
                file: file.to_owned(),
                line: e.line(),
                reason: format!("không phải JSON hợp lệ (cột {}: {})", e.column(), crate::error::json_reason(&e, Lang::Vi)),
                reason_en: format!("not valid JSON (column {}: {})", e.column(), crate::error::json_reason(&e, Lang::En)),
            }
        })?;
        let schema = probe.get("schema");
        match schema.and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(SCHEMA_VERSION) => {}
            Some(v) => {
                return Err(Error::input(
                    file,
                    0,
                    format!("phiên bản định dạng {v} chưa được hỗ trợ (hỗ trợ {SCHEMA_VERSION})"),
                    format!("format version {v} is not supported (supported: {SCHEMA_VERSION})"),
                ))
            }
            None if schema.is_some() => {
                let shown = crate::text::clip(&schema.map(ToString::to_string).unwrap_or_default());
                return Err(Error::input(
                    file,
                    0,
                    format!("trường “schema” phải là số nguyên (ví dụ {SCHEMA_VERSION}), không phải {shown}"),
                    format!("field “schema” must be a whole number (e.g. {SCHEMA_VERSION}), not {shown}"),
                ));
            }
            None => {
                return Err(Error::input(file, 0, "thiếu trường “schema”", "missing field “schema”"));
            }
        }
        let shape = |what_vi: &str, what_en: &str, e: &serde_json::Error| {
            Error::input(
                file,
                0,
                format!("không đúng định dạng phiếu điểm, {what_vi}: {}", crate::error::json_reason(e, Lang::Vi)),
                format!("not a score sheet, {what_en}: {}", crate::error::json_reason(e, Lang::En)),
            )
        };
        // Entries one by one, so an error names the indicator it is in.
        // Taken out by swapping in an empty object (which the header reads as no entries),
        // not removed: a map's removal code is instantiated per type (issue 15).
        let taken = probe.as_object_mut().and_then(|o| o.get_mut("entries")).map(|v| std::mem::replace(v, serde_json::Value::Object(serde_json::Map::new())));
        let entries = match taken {
            None | Some(serde_json::Value::Null) => BTreeMap::new(),
            Some(serde_json::Value::Object(map)) => {
                let mut entries = BTreeMap::new();
                for (code, value) in map {
                    let entry: Entry = serde_json::from_value(value).map_err(|e| {
                        let code = crate::text::clip(&code);
                        shape(&format!("chỉ số {code}"), &format!("indicator {code}"), &e)
                    })?;
                    entries.insert(code, entry);
                }
                entries
            }
            Some(_) => {
                return Err(Error::input(
                    file,
                    0,
                    "không đúng định dạng phiếu điểm: “entries” phải là đối tượng theo mã chỉ số",
                    "not a score sheet: “entries” must be an object keyed by indicator code",
                ))
            }
        };
        let mut sheet: ScoreSheet = serde_json::from_value(probe).map_err(|e| shape("phần đầu", "header", &e))?;
        sheet.entries = entries;
        Ok(sheet)
    }

    /// Pretty JSON, the format `dti score` reads and the app exports.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
