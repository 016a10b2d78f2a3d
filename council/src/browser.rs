//! The browser's services the page needs: reading dropped or chosen files, offering
//! downloads, the clipboard, and yielding to the browser between chunks of work.

use wasm_bindgen::{JsCast, JsValue};

/// Every file of a `FileList` (input or drop), in order.
#[must_use]
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The bytes of a file, or the browser's reason why not.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A JS error's message (empty when it has none).
#[must_use]
pub fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default()
}

/// Lets the browser paint and handle input: resolves on a `setTimeout(0)`.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Offers bytes as a file download; `false` when the browser refused.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> bool {
    let run = || -> Option<()> {
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// Copies a table for Word: `text/html` with a plain-text copy beside it. `Err` when the
/// browser has no such clipboard or refused it (the caller then selects the table).
pub async fn copy_html(html: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or_else(String::new)?;
    let clipboard = window.navigator().clipboard();
    let item = js_sys::Object::new();
    let blob = |s: &str, mime: &str| -> Result<web_sys::Blob, String> {
        let parts = js_sys::Array::of1(&JsValue::from_str(s));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_message(&e))
    };
    js_sys::Reflect::set(&item, &"text/html".into(), &JsValue::from(blob(html, "text/html")?)).map_err(|e| js_message(&e))?;
    js_sys::Reflect::set(&item, &"text/plain".into(), &JsValue::from(blob(text, "text/plain")?)).map_err(|e| js_message(&e))?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&item).map_err(|e| js_message(&e))?;
    let items = js_sys::Array::of1(&item);
    wasm_bindgen_futures::JsFuture::from(clipboard.write(&items)).await.map(|_| ()).map_err(|e| js_message(&e))
}

/// Selects the contents of the element with `id`, so Ctrl+C copies it as a table.
pub fn select_element(id: &str) -> bool {
    let run = || -> Option<()> {
        let doc = web_sys::window()?.document()?;
        let el = doc.get_element_by_id(id)?;
        let range = doc.create_range().ok()?;
        range.select_node_contents(&el).ok()?;
        let selection = web_sys::window()?.get_selection().ok()??;
        selection.remove_all_ranges().ok()?;
        selection.add_range(&range).ok()?;
        Some(())
    };
    run().is_some()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
