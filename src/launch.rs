//! How the page was opened: embedded in a portal (`?embed=1`), with a set and group
//! preselected (`?nam=2023&nhom=khong_tthc`), inside a frame of another site.

use web_sys::UrlSearchParams;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// Compact layout without the site header and footer.
    pub embed: bool,
    /// `nam`: the year of the indicator set to open.
    pub year: Option<u16>,
    /// `nhom`: the group id to open (`co_tthc`, `khong_tthc`, `huyen`).
    pub group: Option<String>,
    /// Inside a frame whose page is on another origin: storage there is partitioned.
    pub third_party_frame: bool,
}

impl Launch {
    /// Reads the current URL; anything missing or unreadable is simply not set.
    #[must_use]
    pub fn from_location() -> Self {
        let Some(window) = web_sys::window() else { return Launch::default() };
        let search = window.location().search().unwrap_or_default();
        let mut launch = Self::from_query(&search);
        // Framed when the parent is another window; reading its origin throws when it is
        // another site.
        launch.third_party_frame = match window.parent() {
            Ok(Some(parent)) if parent != window => parent.location().origin().is_err(),
            _ => false,
        };
        launch
    }

    #[must_use]
    pub fn from_query(search: &str) -> Self {
        let Ok(params) = UrlSearchParams::new_with_str(search) else { return Launch::default() };
        let embed = params.get("embed").is_some_and(|v| v == "1" || v == "true");
        let year = params.get("nam").and_then(|v| v.trim().parse().ok());
        let group = params.get("nhom").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Launch { embed, year, group, third_party_frame: false }
    }
}
