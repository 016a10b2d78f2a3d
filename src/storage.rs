//! The browser's storage: the shared drafts (localStorage, each under its own key with a
//! head listing them, merged with other tabs by the engine's [`dti_engine::workspace`]), the draft open in this tab (sessionStorage), the
//! language, loaded indicator sets (each under its own key) and damaged copies.
//!
//! Storage can be missing (private mode, a sandboxed iframe, blocked third-party storage)
//! or full: that is a normal case, reported to the user, and the app keeps working in
//! memory. Nothing here throws into the page.

use std::collections::BTreeMap;

pub use dti_engine::workspace::{CustomSet, Draft, Stored, Workspace, DAMAGED_KEY, KEY, SET_PREFIX};
use dti_engine::workspace::{self, damaged_slot, is_damaged_key};
use dti_engine::Lang;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// The language the user chose (own key: a tab never switches it in another).
pub const LANG_KEY: &str = "dti.lang";
/// The draft open in this tab (sessionStorage: each tab has its own).
pub const OPEN_KEY: &str = "dti.open";

/// What the app could do with storage, shown to the user when not `Ok`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// No localStorage at all, or it throws on use.
    Unavailable,
    /// A write failed (quota); the browser's message. Work goes on in memory.
    WriteFailed(String),
    /// A newer build wrote the drafts: this tab never overwrites them.
    Newer(u64),
    /// A damaged copy could not be kept apart, so nothing was overwritten.
    DamagedNotKept(String),
}

/// A stored text that did not read as a workspace. `key` is where it is kept apart;
/// `None` while it is only in memory (storage refused the copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub key: Option<String>,
    pub raw: String,
    pub reason: String,
}

/// A loaded indicator set as stored under its own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSet {
    #[serde(skip)]
    pub key: String,
    pub file: String,
    pub json: String,
}

impl StoredSet {
    #[must_use]
    pub fn custom(&self) -> CustomSet {
        CustomSet { file: self.file.clone(), json: self.json.clone() }
    }
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The name and message of a thrown JS value ("QuotaExceededError: …").
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    let get = |k: &str| js_sys::Reflect::get(e, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let (name, message) = (get("name"), get("message"));
    match (name.is_empty(), message.is_empty()) {
        (false, false) => format!("{name}: {message}"),
        (false, true) => name,
        (true, false) => message,
        (true, true) => e.as_string().unwrap_or_else(|| "error".into()),
    }
}

/// Writes one key; the browser's message when it refuses (quota, storage gone).
pub fn set(key: &str, value: &str) -> Result<(), String> {
    let storage = local().ok_or_else(|| "no localStorage".to_owned())?;
    storage.set_item(key, value).map_err(|e| js_message(&e))
}

#[must_use]
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// A stored text as the browser holds it: compared with another JS string it is not
/// copied into wasm (a draft of 1.000 indicators is some 25 KB of text).
#[must_use]
pub fn get_js(key: &str) -> Option<js_sys::JsString> {
    let storage = local()?;
    let get = js_sys::Reflect::get(&storage, &"getItem".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    get.call1(&storage, &key.into()).ok()?.dyn_into::<js_sys::JsString>().ok()
}

/// Writes a JS string; the browser's message when it refuses.
pub fn set_js(key: &str, value: &js_sys::JsString) -> Result<(), String> {
    let storage = local().ok_or_else(|| "no localStorage".to_owned())?;
    let set = js_sys::Reflect::get(&storage, &"setItem".into()).map_err(|e| js_message(&e))?;
    let set = set.dyn_into::<js_sys::Function>().map_err(|e| js_message(&e))?;
    set.call2(&storage, &key.into(), value).map(|_| ()).map_err(|e| js_message(&e))
}

/// The same JS string (`===`): a comparison inside the browser, no copy.
#[must_use]
pub fn same_js(a: Option<&js_sys::JsString>, b: Option<&js_sys::JsString>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => AsRef::<wasm_bindgen::JsValue>::as_ref(a) == AsRef::<wasm_bindgen::JsValue>::as_ref(b),
        (None, None) => true,
        _ => false,
    }
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

fn keys() -> Vec<String> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// Probes localStorage through web-sys: reading `window.localStorage` throws when refused.
#[must_use]
pub fn probe() -> StorageStatus {
    let Some(storage) = local() else { return StorageStatus::Unavailable };
    let probe_key = "dti.probe";
    if storage.set_item(probe_key, "1").is_err() {
        // A full quota also refuses the probe: storage is there, just full.
        return match storage.get_item(KEY) {
            Ok(_) if storage.length().unwrap_or(0) > 0 => StorageStatus::WriteFailed("QuotaExceededError".into()),
            _ => StorageStatus::Unavailable,
        };
    }
    let _ = storage.remove_item(probe_key);
    StorageStatus::Ok
}

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Nothing,
    /// A single stored value (an older build's, a newer build's, or damaged) and what it
    /// turned out to be.
    Found { raw: String, stored: Stored },
    /// This build's format: the head, the drafts it lists, each draft's text as stored
    /// (kept as the browser holds it) and checksum, and the draft keys that did not read.
    Split { head: js_sys::JsString, stored: Stored, texts: BTreeMap<u32, (js_sys::JsString, String)>, damaged: Vec<Damaged> },
}

/// Reads the stored drafts (nothing is written here).
#[must_use]
pub fn load() -> Loaded {
    let Some(head) = get_js(KEY) else { return Loaded::Nothing };
    let raw = String::from(head.clone());
    let read_texts = std::cell::RefCell::new(Vec::new());
    let read = workspace::load(&raw, |key| {
        let js = get_js(key)?;
        let text = String::from(js.clone());
        if let Some(id) = workspace::draft_id(key) {
            read_texts.borrow_mut().push((id, js, workspace::sum(&text)));
        }
        Some(text)
    });
    if read.whole {
        return Loaded::Found { raw, stored: read.stored };
    }
    // The texts of the drafts that read: those of damaged keys are left out, not removed
    // after (a map's removal code is instantiated per type: issue 15).
    let mut texts = BTreeMap::new();
    for (id, js, sum) in read_texts.into_inner() {
        if !read.damaged.iter().any(|(key, ..)| workspace::draft_id(key) == Some(id)) {
            texts.insert(id, (js, sum));
        }
    }
    let damaged = read.damaged.into_iter().map(|(_, raw, reason)| Damaged { key: None, raw, reason }).collect();
    Loaded::Split { head, stored: read.stored, texts, damaged }
}

/// The stored language, if the user chose one.
#[must_use]
pub fn load_lang() -> Option<Lang> {
    match get(LANG_KEY)?.as_str() {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        _ => None,
    }
}

pub fn save_lang(lang: Lang) -> Result<(), String> {
    set(LANG_KEY, if lang == Lang::En { "en" } else { "vi" })
}

/// The draft this tab had open (kept across reloads of the same tab).
#[must_use]
pub fn open_draft() -> Option<u32> {
    session()?.get_item(OPEN_KEY).ok().flatten()?.parse().ok()
}

pub fn save_open_draft(id: u32) {
    if let Some(s) = session() {
        let _ = s.set_item(OPEN_KEY, &id.to_string());
    }
}

/// Keeps a damaged text apart before anything may overwrite it: under the key already
/// holding the same text, or the first free `dti.workspace.damaged[.N]`.
pub fn keep_damaged(raw: &str) -> Result<String, String> {
    let (key, present) = damaged_slot(raw, get).ok_or_else(|| "every slot for damaged copies is in use".to_owned())?;
    if !present {
        set(&key, raw)?;
    }
    Ok(key)
}

/// Every damaged copy kept apart, in key order, with why it does not read.
#[must_use]
pub fn damaged_copies() -> Vec<Damaged> {
    let mut keys: Vec<String> = keys().into_iter().filter(|k| is_damaged_key(k)).collect();
    let slot = |k: &String| k.rsplit('.').next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(1);
    dti_engine::order::sort_by(&mut keys, |a, b| slot(a).cmp(&slot(b)));
    keys.into_iter()
        .filter_map(|key| {
            let raw = get(&key)?;
            let reason = match dti_engine::workspace::parse(&raw) {
                Stored::Damaged { reason } => reason,
                Stored::Newer { version, .. } => format!("version {version}"),
                Stored::Current { .. } => "readable".into(),
            };
            Some(Damaged { key: Some(key), raw, reason })
        })
        .collect()
}

/// Loaded indicator sets, each under `dti.set.<id>`.
#[must_use]
pub fn load_sets() -> Vec<StoredSet> {
    let mut keys: Vec<String> = keys().into_iter().filter(|k| k.starts_with(SET_PREFIX)).collect();
    dti_engine::order::sort_by(&mut keys, String::cmp);
    keys.into_iter()
        .filter_map(|key| {
            let mut set: StoredSet = serde_json::from_str(&get(&key)?).ok()?;
            set.key = key;
            Some(set)
        })
        .collect()
}

/// Stores a loaded set under its own key.
pub fn save_set(id: &str, loaded: &CustomSet) -> Result<String, String> {
    let key = format!("{SET_PREFIX}{id}");
    let text = serde_json::to_string(&StoredSet { key: String::new(), file: loaded.file.clone(), json: loaded.json.clone() }).map_err(|e| e.to_string())?;
    set(&key, &text)?;
    Ok(key)
}

/// A size as the user reads it: "820 B", "12,4 KB", "1,2 MB" (text length, as stored),
/// formatted by the engine in integers (an f64 here linked the float printer).
#[must_use]
pub fn size_text(bytes: usize) -> String {
    dti_engine::number::format_size(bytes)
}
