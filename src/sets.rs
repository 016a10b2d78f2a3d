//! Indicator sets served beside the app (`sets/`): the catalogue is asked of the network
//! first (the service worker answers offline), a set by a URL carrying its digest, so a
//! cached copy is never taken for a newer version.

use dti_engine::catalogue::{Entry, FileRef, GroupFile, GroupRef, Index, INDEX_FILE};
use dti_engine::framework::Framework;
use dti_engine::Error;
use wasm_bindgen::JsCast;

use crate::state::Published;

/// The folder of the sets, relative to the page (the app works under any path).
pub const DIR: &str = "sets/";

/// The body of `url`, or why not (both languages).
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

/// The catalogue, revalidated with the server on every start.
pub async fn fetch_index() -> Result<Index, Error> {
    let file = format!("{DIR}{INDEX_FILE}");
    let text = fetch_text(&file, true).await.map_err(|r| failed(&file, r))?;
    Index::from_json(&file, &text)
}

/// The text of a catalogue file, fetched by its digest URL; errors name `sets/FILE`.
pub async fn fetch_file(file: &FileRef) -> Result<String, Error> {
    let shown = format!("{DIR}{}", file.file);
    fetch_text(&format!("{DIR}{}", file.url()), false).await.map_err(|r| failed(&shown, r))
}

/// The published results of a set, when it has any.
pub async fn fetch_published(entry: &Entry) -> Published {
    let file = entry.published.as_ref()?;
    let shown = format!("{DIR}{}", file.file);
    Some(fetch_file(file).await.and_then(|csv| dti_engine::rank::parse_rank_csv(&shown, csv.as_bytes())))
}

/// A set, validated as any file the user loads, and its published results.
pub async fn fetch_set(entry: &Entry) -> (Result<Framework, Error>, Published) {
    let shown = format!("{DIR}{}", entry.file);
    let set = fetch_file(&entry.set_file()).await.and_then(|json| Framework::from_json(&shown, &json));
    let set = set.and_then(|f| {
        if f.id == entry.id {
            Ok(f)
        } else {
            Err(Error::catalogue(
                &shown,
                format!("tệp có mã bộ “{}”, danh mục ghi “{}”; hãy chạy lại dti sets index", f.id, entry.id),
                format!("the file holds set “{}”, the catalogue says “{}”; run dti sets index again", f.id, entry.id),
            ))
        }
    });
    (set, fetch_published(entry).await)
}

/// One group's file of a set, validated as the set cut down to that group and checked
/// against the catalogue (set, group and version of the whole file).
pub async fn fetch_group(entry: &Entry, part: &GroupRef) -> Result<Framework, Error> {
    let shown = format!("{DIR}{}", part.file);
    let json = fetch_file(&part.file_ref()).await?;
    GroupFile::read(&shown, &json, entry, &part.group)
}
