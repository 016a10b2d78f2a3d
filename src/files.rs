//! Files in and out of the browser: offering a download, reading a chosen file.

use wasm_bindgen::JsCast;

/// Offers `text` as a file download; `false` when the browser refused.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).is_ok_and(|blob| offer(&blob, name).is_some())
}

/// Offers bytes as a file download (the council's workbooks); `false` when the browser refused.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).is_ok_and(|blob| offer(&blob, name).is_some())
}

/// Saves `blob` as `name` through a temporary link.
fn offer(blob: &web_sys::Blob, name: &str) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The file chosen in a file input's change event; the input is cleared so choosing the
/// same file again fires again.
#[must_use]
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// Why a chosen file could not be used: the engine's message, or the browser's refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Engine(dti_engine::Error),
    /// The browser could not read the file (moved, permission); its message.
    Browser(String),
}

/// The bytes of a chosen file, its size checked from the file's metadata before a byte
/// is read; read as an `ArrayBuffer`, so invalid bytes are never silently replaced.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let name = file.name();
    dti_engine::upload::check_size(&name, file.size()).map_err(ReadError::Engine)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| {
        ReadError::Browser(js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default())
    })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text of a chosen JSON file, with every check the engine makes before parsing:
/// the size, the bytes checked as UTF-8, and the nesting depth. The parse itself is the
/// caller's.
pub async fn read_json(file: &web_sys::File) -> Result<String, ReadError> {
    let name = file.name();
    let bytes = read_bytes(file).await?;
    let text = dti_engine::upload::decode(&name, &bytes).map_err(ReadError::Engine)?;
    dti_engine::upload::check_depth(&name, text).map_err(ReadError::Engine)?;
    Ok(text.to_owned())
}
