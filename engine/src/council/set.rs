//! Which set a council ranks under when the files do not say (a totals CSV has no year).

use super::import::ParsedFile;
use crate::framework::Framework;

/// What the choice needs to know of a set: its id, year and group ids (from a loaded
/// [`Framework`]; the catalogue does not list groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetGroups {
    pub id: String,
    pub year: u16,
    pub groups: Vec<String>,
}

impl SetGroups {
    #[must_use]
    pub fn of(framework: &Framework) -> Self {
        SetGroups { id: framework.id.clone(), year: framework.year, groups: framework.groups.iter().map(|g| g.id.clone()).collect() }
    }
}

/// The newest set that has every one of `groups` (equal years: the smaller id, as the
/// catalogue orders them); `None` when no set has them all.
#[must_use]
pub fn default_set<'a, S: AsRef<str>>(groups: &[S], sets: &'a [SetGroups]) -> Option<&'a SetGroups> {
    sets.iter()
        .filter(|s| groups.iter().all(|g| s.groups.iter().any(|h| h == g.as_ref())))
        .max_by(|a, b| a.year.cmp(&b.year).then_with(|| b.id.cmp(&a.id)))
}

/// The set to open for these files: the set most of the sheets name (when it is one of
/// `sets`; equal counts: the newer), else the newest set with every group of the totals
/// files ([`default_set`]), else `None` (the page keeps its current choice).
#[must_use]
pub fn suggest_set<'a>(files: &[ParsedFile], sets: &'a [SetGroups]) -> Option<&'a SetGroups> {
    let mut counts: Vec<(&SetGroups, usize)> = sets.iter().map(|s| (s, 0)).collect();
    for id in files.iter().filter_map(ParsedFile::sheet_set) {
        if let Some(c) = counts.iter_mut().find(|(s, _)| s.id == id) {
            c.1 += 1;
        }
    }
    let by_sheets = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.year.cmp(&b.0.year)).then_with(|| b.0.id.cmp(&a.0.id)))
        .map(|(s, _)| *s);
    if by_sheets.is_some() {
        return by_sheets;
    }
    let mut groups: Vec<&str> = Vec::new();
    for f in files {
        for g in f.totals_groups() {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
    }
    if groups.is_empty() {
        return None;
    }
    default_set(&groups, sets)
}
