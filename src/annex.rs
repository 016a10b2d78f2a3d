//! The annex CSV reader and writer, loaded on demand: a second wasm module (crate
//! annex-module, built into `annex/` by scripts/post-build.sh) imported the first time a
//! CSV set file is chosen or the open set is downloaded as CSV. The first visit does not
//! download it (issue 15: ~33 kB gzip); the service worker precaches it for offline use.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The module's script, relative to the page (the app works under any path).
pub const MODULE: &str = "annex/dti_annex.js";

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    fn import_module(url: &str) -> Promise;
}

/// A message in both languages, [vi, en].
pub type Both = [String; 2];

/// What the module answered (src of annex-module: `import_csv`, `set_to_csv`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Reply {
    pub set: Option<String>,
    pub unreadable: Option<Both>,
    pub invalid: Option<Vec<Both>>,
    pub csv: Option<String>,
    pub error: Option<Both>,
}

/// Why the module gave no answer (not downloaded, offline before it was cached).
#[must_use]
pub fn unavailable() -> Both {
    [
        "không tải được phần đọc tệp CSV (annex/dti_annex.js); hãy kiểm tra kết nối rồi thử lại".to_owned(),
        "the CSV reader (annex/dti_annex.js) could not be loaded; check the connection and try again".to_owned(),
    ]
}

/// Imports a wasm module of this build loaded on demand (its script `path`, relative to
/// the page) and runs wasm-bindgen's initialiser; `name` of its exports.
pub async fn load(path: &str, name: &str) -> Result<Function, JsValue> {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).ok_or(JsValue::NULL)?;
    let url = web_sys::Url::new_with_base(path, &base)?.href();
    let module = JsFuture::from(import_module(&url)).await?;
    let init: Function = Reflect::get(&module, &"default".into())?.dyn_into()?;
    JsFuture::from(init.call0(&JsValue::NULL)?.dyn_into::<Promise>()?).await?;
    Reflect::get(&module, &name.into())?.dyn_into()
}

async fn call(name: &str, args: &[JsValue]) -> Result<Reply, Both> {
    let run = async {
        let f = load(MODULE, name).await?;
        let out = match args {
            [a] => f.call1(&JsValue::NULL, a)?,
            [a, b] => f.call2(&JsValue::NULL, a, b)?,
            _ => return Err(JsValue::NULL),
        };
        out.as_string().ok_or(JsValue::NULL)
    };
    let text = run.await.map_err(|_| unavailable())?;
    serde_json::from_str(&text).map_err(|_| unavailable())
}

/// An annex table (CSV bytes) read into a set: see `annex-module`'s `import_csv`.
pub async fn import_csv(file: &str, bytes: &[u8]) -> Result<Reply, Both> {
    call("import_csv", &[JsValue::from_str(file), Uint8Array::from(bytes).into()]).await
}

/// The set (its JSON) as the annex CSV.
pub async fn set_to_csv(set_json: &str) -> Result<Reply, Both> {
    call("set_to_csv", &[JsValue::from_str(set_json)]).await
}
