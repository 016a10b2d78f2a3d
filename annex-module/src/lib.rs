//! The annex CSV reader and writer of the engine, built as a wasm module of its own
//! (scripts/post-build.sh → `annex/` beside the app). The app's first-visit bundle leaves
//! them out (~33 kB gzip, BENCHMARKS.md) and imports this module when a CSV set file is
//! chosen or the open set is downloaded as CSV. Answers are JSON strings the app reads
//! (src/annex.rs): every message in both languages, since the language can change later.
#![forbid(unsafe_code)]

use dti_engine::annex::ImportError;
use dti_engine::framework::Framework;
use dti_engine::{Error, Lang};
use serde_json::json;
use wasm_bindgen::prelude::wasm_bindgen;

fn both(e: &Error) -> [String; 2] {
    [e.message(Lang::Vi), e.message(Lang::En)]
}

/// An annex table saved as CSV → `{"set": JSON}`, `{"unreadable": [vi, en]}` or
/// `{"invalid": [[vi, en], …]}` (one per problem, with its row).
#[wasm_bindgen]
#[must_use]
pub fn import_csv(file: &str, bytes: &[u8]) -> String {
    let reply = match dti_engine::annex::import(file, bytes) {
        Ok(set) => match serde_json::to_string(&set) {
            Ok(json) => json!({ "set": json }),
            Err(e) => json!({ "unreadable": [e.to_string(), e.to_string()] }),
        },
        Err(ImportError::Unreadable(e)) => json!({ "unreadable": both(&e) }),
        Err(ImportError::Invalid(list)) => json!({ "invalid": list.iter().map(both).collect::<Vec<_>>() }),
    };
    reply.to_string()
}

/// A set (its JSON) → the annex CSV `{"csv": text}` or `{"error": [vi, en]}`.
#[wasm_bindgen]
#[must_use]
pub fn set_to_csv(set_json: &str) -> String {
    let reply = match Framework::from_json("set", set_json).and_then(|f| dti_engine::annex::to_csv(&f)) {
        Ok(csv) => json!({ "csv": csv }),
        Err(e) => json!({ "error": both(&e) }),
    };
    reply.to_string()
}
