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

/// What the files say about their set, gathered file by file (so that files need not be
/// kept parsed): the sets the sheets name, with counts, and the totals files' groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetHints {
    sheets: Vec<(String, usize)>,
    groups: Vec<String>,
}

impl SetHints {
    pub fn add(&mut self, file: &ParsedFile) {
        if let Some(id) = file.sheet_set() {
            match self.sheets.iter_mut().find(|(s, _)| s == id) {
                Some(c) => c.1 += 1,
                None => self.sheets.push((id.to_owned(), 1)),
            }
        }
        for g in file.totals_groups() {
            if !self.groups.iter().any(|h| h == g) {
                self.groups.push(g.to_owned());
            }
        }
    }

    /// The set most of the sheets name (when it is one of `sets`; equal counts: the
    /// newer), else the newest set with every group of the totals files ([`default_set`]),
    /// else `None` (the page keeps its current choice).
    #[must_use]
    pub fn suggest<'a>(&self, sets: &'a [SetGroups]) -> Option<&'a SetGroups> {
        let count = |s: &SetGroups| self.sheets.iter().find(|(id, _)| *id == s.id).map_or(0, |c| c.1);
        let by_sheets = sets
            .iter()
            .filter(|s| count(s) > 0)
            .max_by(|a, b| count(a).cmp(&count(b)).then_with(|| a.year.cmp(&b.year)).then_with(|| b.id.cmp(&a.id)));
        if by_sheets.is_some() {
            return by_sheets;
        }
        if self.groups.is_empty() {
            return None;
        }
        default_set(&self.groups, sets)
    }
}

/// [`SetHints::suggest`] for files already parsed.
#[must_use]
pub fn suggest_set<'a>(files: &[ParsedFile], sets: &'a [SetGroups]) -> Option<&'a SetGroups> {
    let mut hints = SetHints::default();
    for f in files {
        hints.add(f);
    }
    hints.suggest(sets)
}
