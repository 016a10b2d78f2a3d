//! The indicator sets served beside the app (`sets/`, the same catalogue the calculator
//! reads, through the calculator's fetching): the catalogue is asked of the network first,
//! a set by a URL carrying its digest.

use dti_app::sets::fetch_file;
use dti_engine::catalogue::Entry;
use dti_engine::framework::Framework;
use dti_engine::Error;

pub use dti_app::sets::{fetch_index, DIR};

/// A set of the catalogue, validated as any file.
pub async fn fetch_set(entry: &Entry) -> Result<Framework, Error> {
    let shown = format!("{DIR}{}", entry.file);
    fetch_file(&entry.set_file()).await.and_then(|json| Framework::from_json(&shown, &json))
}

/// The published appendix of a set (its CSV text) and the name to show for it.
pub async fn fetch_published(entry: &Entry) -> Option<Result<(String, String), Error>> {
    let file = entry.published.as_ref()?;
    let shown = format!("{DIR}{}", file.file);
    Some(fetch_file(file).await.map(|text| (shown, text)))
}
