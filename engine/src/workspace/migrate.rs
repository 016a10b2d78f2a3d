//! Reading a stored text and migrating older builds' formats.

use serde::Deserialize;

use super::{CustomSet, Draft, Legacy, Workspace, VERSION};
use crate::sheet::SCHEMA_VERSION;
use crate::Lang;

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

pub(super) fn parse_value(value: serde_json::Value) -> Stored {
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
