//! User-facing text: Vietnamese first, English on the toggle.

pub use dti_engine::Lang;

#[must_use]
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Picks between two strings of a data file (English may be missing).
#[must_use]
pub fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        _ => vi,
    }
}
