//! The indicator sets and published results shipped with the app, embedded at build time
//! from `data/`. Each is also loadable from a file at run time ([`Framework::from_json`]).

use crate::error::Error;
use crate::framework::Framework;

/// (id, file name, JSON) of every built-in set, newest last.
pub const FRAMEWORKS: &[(&str, &str, &str)] = &[
    ("laocai-2022", "data/frameworks/laocai-2022.json", include_str!("../../data/frameworks/laocai-2022.json")),
    ("laocai-2023", "data/frameworks/laocai-2023.json", include_str!("../../data/frameworks/laocai-2023.json")),
];

/// (framework id, file name, CSV) of published ranking appendices.
pub const PUBLISHED: &[(&str, &str, &str)] = &[(
    "laocai-2022",
    "data/published/laocai-2022.csv",
    include_str!("../../data/published/laocai-2022.csv"),
)];

#[must_use]
pub fn ids() -> Vec<&'static str> {
    FRAMEWORKS.iter().map(|(id, _, _)| *id).collect()
}

/// Loads and validates a built-in set by id.
pub fn framework(id: &str) -> Result<Framework, Error> {
    let (_, file, json) = FRAMEWORKS.iter().find(|(fid, _, _)| *fid == id).ok_or_else(|| {
        Error::UnknownFramework { id: id.to_owned(), known: ids().into_iter().map(str::to_owned).collect() }
    })?;
    Framework::from_json(file, json)
}

/// The published appendix for a set, if the province has published one.
#[must_use]
pub fn published_csv(framework_id: &str) -> Option<(&'static str, &'static str)> {
    PUBLISHED.iter().find(|(id, _, _)| *id == framework_id).map(|(_, file, csv)| (*file, *csv))
}

/// The published results of a set as rankable rows; `None` where none are published.
#[must_use]
pub fn published(framework_id: &str) -> Option<Result<Vec<crate::rank::RankInput>, Error>> {
    published_csv(framework_id).map(|(file, csv)| crate::rank::parse_rank_csv(file, csv.as_bytes()))
}
