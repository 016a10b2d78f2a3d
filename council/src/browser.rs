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
pub use dti_app::files::download_bytes as download;

/// Copies a table for Word: `text/html` with a plain-text copy beside it, through a
/// `copy` event (the async Clipboard API parses the HTML in the page, where the strict CSP
/// refuses the inline styles Word needs). `false` when the browser refused (the caller
/// then selects the table).
pub fn copy_html(html: &str, text: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let (html, text) = (html.to_owned(), text.to_owned());
    let filled = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = filled.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |ev: web_sys::ClipboardEvent| {
        if let Some(data) = ev.clipboard_data() {
            let ok = data.set_data("text/html", &html).is_ok() && data.set_data("text/plain", &text).is_ok();
            flag.set(ok);
            ev.prevent_default();
        }
    });
    let target: &web_sys::EventTarget = doc.as_ref();
    if target.add_event_listener_with_callback("copy", listener.as_ref().unchecked_ref()).is_err() {
        return false;
    }
    let html_doc: Option<&web_sys::HtmlDocument> = doc.dyn_ref();
    let ran = html_doc.is_some_and(|d| d.exec_command("copy").unwrap_or(false));
    let _ = target.remove_event_listener_with_callback("copy", listener.as_ref().unchecked_ref());
    ran && filled.get()
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

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
