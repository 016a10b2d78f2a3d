//! The council's working state in IndexedDB (localStorage's few megabytes hold far fewer
//! than the province's sheets): each imported file's bytes under its own key, so an import
//! adds records instead of rewriting everything, and the choices under `meta`.
//! Raw web-sys rather than a wrapper crate: five small calls, no extra wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::browser::js_message;

const DB: &str = "dti-council";
const FILES: &str = "files";
const META: &str = "meta";

/// One stored file: what the user imported, byte for byte.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFile {
    pub id: u32,
    pub name: String,
    pub bytes: Vec<u8>,
}

fn err(e: &JsValue) -> String {
    let m = js_message(e);
    if m.is_empty() {
        e.as_string().unwrap_or_else(|| "IndexedDB".to_owned())
    } else {
        m
    }
}

/// Resolves with the request's result once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let r = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok_req = r.clone();
        let ok = Closure::once_into_js(move |_e: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok_req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad_req = r.clone();
        let bad = Closure::once_into_js(move |_e: web_sys::Event| {
            let e = bad_req.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(bad.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| err(&e))
}

/// Resolves when the transaction has committed (a quota refusal arrives as an abort).
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let t = tx.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_e: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let bad_tx = t.clone();
        let reject2 = reject.clone();
        let bad = Closure::once_into_js(move |_e: web_sys::Event| {
            let e = bad_tx.error().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let abort_tx = t.clone();
        let abort = Closure::once_into_js(move |_e: web_sys::Event| {
            let e = abort_tx.error().map(JsValue::from).unwrap_or_else(|| JsValue::from_str("abort"));
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(bad.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| err(&e))
}

/// Opens (creating on first use) the council's database; `Err` when the browser refuses
/// storage (private mode, blocked site data) with its reason.
pub async fn open() -> Result<IdbDatabase, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_owned())?;
    let factory = window.indexed_db().map_err(|e| err(&e))?.ok_or_else(|| "IndexedDB unavailable".to_owned())?;
    let req = factory.open_with_u32(DB, 1).map_err(|e| err(&e))?;
    let upgrade_req = req.clone();
    let upgrade = Closure::once_into_js(move |_e: web_sys::Event| {
        if let Ok(result) = upgrade_req.result() {
            let db: IdbDatabase = result.unchecked_into();
            let _ = db.create_object_store(FILES);
            let _ = db.create_object_store(META);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = done(&req).await?;
    Ok(db.unchecked_into())
}

fn tx(db: &IdbDatabase, store: &str, write: bool) -> Result<IdbTransaction, String> {
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    db.transaction_with_str_and_mode(store, mode).map_err(|e| err(&e))
}

/// Adds files in one transaction.
pub async fn put_files(db: &IdbDatabase, files: &[StoredFile]) -> Result<(), String> {
    let t = tx(db, FILES, true)?;
    let store = t.object_store(FILES).map_err(|e| err(&e))?;
    for f in files {
        let value = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&value, &k.into(), v).map_err(|e| err(&e));
        set("id", &JsValue::from(f.id))?;
        set("name", &JsValue::from_str(&f.name))?;
        set("bytes", &js_sys::Uint8Array::from(f.bytes.as_slice()))?;
        store.put_with_key(&value, &JsValue::from(f.id)).map_err(|e| err(&e))?;
    }
    committed(&t).await
}

pub async fn delete_file(db: &IdbDatabase, id: u32) -> Result<(), String> {
    let t = tx(db, FILES, true)?;
    t.object_store(FILES).map_err(|e| err(&e))?.delete(&JsValue::from(id)).map_err(|e| err(&e))?;
    committed(&t).await
}

pub async fn clear_files(db: &IdbDatabase) -> Result<(), String> {
    let t = tx(db, FILES, true)?;
    t.object_store(FILES).map_err(|e| err(&e))?.clear().map_err(|e| err(&e))?;
    committed(&t).await
}

/// Every stored file, in the order imported.
pub async fn load_files(db: &IdbDatabase) -> Result<Vec<StoredFile>, String> {
    let t = tx(db, FILES, false)?;
    let req = t.object_store(FILES).map_err(|e| err(&e))?.get_all().map_err(|e| err(&e))?;
    let all: js_sys::Array = done(&req).await?.unchecked_into();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED);
    Ok(all
        .iter()
        .filter_map(|v| {
            let id = get(&v, "id").as_f64()? as u32;
            let name = get(&v, "name").as_string()?;
            let bytes = get(&v, "bytes").dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
            Some(StoredFile { id, name, bytes })
        })
        .collect())
}

pub async fn put_meta(db: &IdbDatabase, key: &str, json: &str) -> Result<(), String> {
    let t = tx(db, META, true)?;
    t.object_store(META).map_err(|e| err(&e))?.put_with_key(&JsValue::from_str(json), &JsValue::from_str(key)).map_err(|e| err(&e))?;
    committed(&t).await
}

pub async fn get_meta(db: &IdbDatabase, key: &str) -> Result<Option<String>, String> {
    let t = tx(db, META, false)?;
    let req = t.object_store(META).map_err(|e| err(&e))?.get(&JsValue::from_str(key)).map_err(|e| err(&e))?;
    Ok(done(&req).await?.as_string())
}
