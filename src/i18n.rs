//! User-facing text: Vietnamese first, English on the toggle. Names of sets, groups,
//! indicators and levels come from the data files in both languages.

pub use dti_engine::Lang;
use dti_engine::framework::{Choice, Group, Indicator};

/// Picks the string of the current language.
#[must_use]
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Picks between two owned strings (data files carry both).
#[must_use]
pub fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        _ => vi,
    }
}

#[must_use]
pub fn indicator_name(lang: Lang, i: &Indicator) -> String {
    pick(lang, &i.name_vi, &i.name_en).to_owned()
}

#[must_use]
pub fn group_name(lang: Lang, g: &Group) -> String {
    pick(lang, &g.name_vi, &g.name_en).to_owned()
}

#[must_use]
pub fn choice_label(lang: Lang, c: &Choice) -> String {
    pick(lang, &c.label_vi, &c.label_en).to_owned()
}

/// The `lang` attribute value for the document.
#[must_use]
pub fn html_lang(lang: Lang) -> &'static str {
    tr(lang, "vi", "en")
}
