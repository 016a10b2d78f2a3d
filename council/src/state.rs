//! What the whole page shares: the language and the indicator sets of the catalogue.

use std::sync::Arc;

use dti_engine::catalogue::Index;
use dti_engine::{Error, Framework, Lang};
use leptos::prelude::*;

/// A set of the catalogue, fetched.
#[derive(Debug, Clone)]
pub struct LoadedSet {
    pub entry: dti_engine::catalogue::Entry,
    pub framework: Arc<Framework>,
}

#[derive(Clone, Copy)]
pub struct Page {
    pub lang: RwSignal<Lang>,
    /// Every set of the catalogue that loaded, in catalogue order; `None` while loading.
    pub sets: RwSignal<Option<Vec<LoadedSet>>>,
    pub index: RwSignal<Option<Index>>,
    /// Catalogue or set files that could not be read.
    pub load_errors: RwSignal<Vec<Error>>,
    /// Whether the page prints: the print view is built only then (10.000 rows on every
    /// import would freeze the page for a view nobody sees on screen).
    pub printing: dti_app::state::Printing,
}

impl Page {
    #[must_use]
    pub fn new() -> Self {
        Self { lang: RwSignal::new(Lang::Vi), sets: RwSignal::new(None), index: RwSignal::new(None), load_errors: RwSignal::new(Vec::new()), printing: dti_app::state::Printing::new() }
    }

    /// Fetches the catalogue and every set it lists (a handful of files).
    pub fn load_sets(self) {
        leptos::task::spawn_local(async move {
            let index = match crate::sets::fetch_index().await {
                Ok(i) => i,
                Err(e) => {
                    self.load_errors.update(|v| v.push(e));
                    self.sets.set(Some(Vec::new()));
                    return;
                }
            };
            let mut loaded = Vec::new();
            for entry in &index.sets {
                match crate::sets::fetch_set(entry).await {
                    Ok(f) => loaded.push(LoadedSet { entry: entry.clone(), framework: Arc::new(f) }),
                    Err(e) => self.load_errors.update(|v| v.push(e)),
                }
            }
            self.index.set(Some(index));
            self.sets.set(Some(loaded));
        });
    }

    #[must_use]
    pub fn set(&self, id: &str) -> Option<LoadedSet> {
        self.sets.with(|s| s.as_ref().and_then(|s| s.iter().find(|l| l.entry.id == id).cloned()))
    }
}

impl Default for Page {
    fn default() -> Self {
        Self::new()
    }
}

#[must_use]
pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or_default()
}
