//! The indicator sets served beside the app (`sets/`, the same catalogue the calculator
//! reads): the catalogue is asked of the network first, a set by a URL carrying its digest.

use dti_engine::catalogue::{Entry, Index, INDEX_FILE};
use dti_engine::framework::Framework;
use dti_engine::Error;
use wasm_bindgen::JsCast;

pub const DIR: &str = "sets/";

async fn fetch_text(url: &str, revalidate: bool) -> Result<String, (String, String)> {
    let offline = || {
        (
            "không kết nối được máy chủ, và chưa có bản lưu để dùng khi mất mạng".to_owned(),
            "the server cannot be reached and no copy is kept for offline use".to_owned(),
        )
    };
    let window = web_sys::window().ok_or_else(offline)?;
    let init = web_sys::RequestInit::new();
    if revalidate {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        let status = response.status();
        return Err((format!("máy chủ trả lời mã {status}"), format!("the server answered {status}")));
    }
    let text = response.text().map_err(|_| offline())?;
    wasm_bindgen_futures::JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(offline)
}

fn failed(file: &str, (vi, en): (String, String)) -> Error {
    Error::catalogue(file, format!("không tải được: {vi}"), format!("could not be loaded: {en}"))
}

pub async fn fetch_index() -> Result<Index, Error> {
    let file = format!("{DIR}{INDEX_FILE}");
    let text = fetch_text(&file, true).await.map_err(|r| failed(&file, r))?;
    Index::from_json(&file, &text)
}

/// A set of the catalogue, validated as any file.
pub async fn fetch_set(entry: &Entry) -> Result<Framework, Error> {
    let shown = format!("{DIR}{}", entry.file);
    let json = fetch_text(&format!("{DIR}{}", entry.set_file().url()), false).await.map_err(|r| failed(&shown, r))?;
    Framework::from_json(&shown, &json)
}

/// The published appendix of a set (its CSV text) and the name to show for it.
pub async fn fetch_published(entry: &Entry) -> Option<Result<(String, String), Error>> {
    let file = entry.published.as_ref()?;
    let shown = format!("{DIR}{}", file.file);
    Some(fetch_text(&format!("{DIR}{}", file.url()), false).await.map(|t| (shown.clone(), t)).map_err(|r| failed(&shown, r)))
}
