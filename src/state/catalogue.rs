//! What the server and the user's files give: served sets, the catalogue the picker
//! lists, and under which set (and version of it) a sheet is scored.

use std::collections::BTreeMap;
use std::sync::Arc;

use dti_engine::catalogue::{Entry, Index};
use dti_engine::framework::Framework;
use dti_engine::rank::RankInput;
use dti_engine::sheet::ScoreSheet;

use crate::storage::CustomSet;

/// Digests of the sets compiled into the app before sets were served as files: a draft
/// answered then carries no digest, and is scored only if the served set is still that one.
const LEGACY_DIGESTS: &[(&str, &str)] = &[("laocai-2022", "abc690a1be2f8756"), ("laocai-2023", "e7cb0964d32471c3")];

/// Published results of a set, when the province has published them.
pub type Published = Option<Result<Vec<RankInput>, dti_engine::Error>>;

/// A served set as far as it has been fetched.
#[derive(Debug, Clone)]
pub enum SetLoad {
    Loading,
    Ready(Arc<Framework>),
    Failed(dti_engine::Error),
}

impl PartialEq for SetLoad {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (SetLoad::Loading, SetLoad::Loading) => true,
            (SetLoad::Ready(a), SetLoad::Ready(b)) => Arc::ptr_eq(a, b),
            (SetLoad::Failed(a), SetLoad::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// What the server has given so far: the catalogue (`None` while it loads) and the sets
/// and results fetched: sets by (set id, group), the group empty for a whole set's file
/// (a set the catalogue lists by group is fetched one group at a time), results by set id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Served {
    pub index: Option<Result<Index, dti_engine::Error>>,
    pub sets: BTreeMap<(String, String), SetLoad>,
    pub published: BTreeMap<String, Published>,
}

/// The key of what holds `group` of the set `entry`: its group's file, or the whole file.
#[must_use]
pub fn set_key(entry: &Entry, group: &str) -> (String, String) {
    let group = if entry.groups.is_empty() { "" } else { group };
    (entry.id.clone(), group.to_owned())
}

impl Served {
    /// A set of the catalogue, as far as the file holding `group` has been fetched.
    #[must_use]
    pub fn get(&self, id: &str, group: &str) -> Option<&SetLoad> {
        let index = self.index.as_ref()?.as_ref().ok()?;
        self.sets.get(&set_key(index.get(id)?, group))
    }

    /// Any file of the set at hand (the whole one first): its headings, groups and levels.
    #[must_use]
    pub fn any(&self, id: &str) -> Option<&Arc<Framework>> {
        self.sets.range((id.to_owned(), String::new())..).take_while(|((i, _), _)| i == id).find_map(|(_, l)| match l {
            SetLoad::Ready(f) => Some(f),
            _ => None,
        })
    }
}

/// A set the picker lists: from the served catalogue, or loaded from a file by the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub entry: Entry,
    pub from_file: bool,
}

/// Sets the user can pick, sets loaded from files, and the messages of what failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    /// By year, then id.
    pub entries: Vec<Listed>,
    pub custom: Vec<Arc<Framework>>,
    pub errors: Vec<dti_engine::Error>,
}

impl Catalogue {
    /// The served catalogue plus sets the user loaded from files (kept as their JSON text
    /// and validated again on every start). A loaded set with a served id replaces it:
    /// that is how the official annex takes the place of a reference set.
    #[must_use]
    pub fn with_custom(index: Option<&Index>, custom: &[CustomSet]) -> Self {
        let mut entries: Vec<Listed> = index.map(|i| i.sets.iter().map(|e| Listed { entry: e.clone(), from_file: false }).collect()).unwrap_or_default();
        let mut frameworks: Vec<Arc<Framework>> = Vec::new();
        let mut errors = Vec::new();
        for set in custom {
            match Framework::from_json(&set.file, &set.json) {
                Ok(f) => {
                    let entry = Entry {
                        id: f.id.clone(),
                        year: f.year,
                        title_vi: f.title_vi.clone(),
                        title_en: f.title_en.clone(),
                        status: f.status,
                        file: set.file.clone(),
                        digest: String::new(),
                        published: None,
                        groups: Vec::new(),
                    };
                    match entries.iter_mut().find(|l| l.entry.id == f.id) {
                        Some(slot) => *slot = Listed { entry: Entry { published: slot.entry.published.take(), ..entry }, from_file: true },
                        None => entries.push(Listed { entry, from_file: true }),
                    }
                    frameworks.retain(|g| g.id != f.id);
                    frameworks.push(Arc::new(f));
                }
                Err(e) => errors.push(e),
            }
        }
        dti_engine::order::sort_by(&mut entries, |a, b| a.entry.year.cmp(&b.entry.year).then_with(|| a.entry.id.cmp(&b.entry.id)));
        Catalogue { entries, custom: frameworks, errors }
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Listed> {
        self.entries.iter().find(|l| l.entry.id == id)
    }

    /// A set loaded from a file with this id.
    #[must_use]
    pub fn custom(&self, id: &str) -> Option<&Arc<Framework>> {
        self.custom.iter().find(|f| f.id == id)
    }
}

/// Whether a sheet can be scored, and under which set.
#[derive(Debug, Clone)]
pub enum OpenSet {
    /// The catalogue or the set is still being fetched.
    Loading,
    Ready(Arc<Framework>),
    Failed(dti_engine::Error),
    /// The sheet names a set the catalogue no longer lists.
    Missing(String),
    /// The sheet was answered under another version of the set than the one served: it is
    /// kept as it is and not scored until the user chooses to.
    Stale { id: String, answered: Option<String>, served: String },
}

impl PartialEq for OpenSet {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (OpenSet::Ready(a), OpenSet::Ready(b)) => Arc::ptr_eq(a, b),
            (OpenSet::Loading, OpenSet::Loading) => true,
            (OpenSet::Failed(a), OpenSet::Failed(b)) => a == b,
            (OpenSet::Missing(a), OpenSet::Missing(b)) => a == b,
            (OpenSet::Stale { id: a, answered: b, served: c }, OpenSet::Stale { id: x, answered: y, served: z }) => a == x && b == y && c == z,
            _ => false,
        }
    }
}

/// The digest of the served version of a set a sheet's answers count under, if served.
pub(super) fn served_digest(catalogue: &Catalogue, id: &str) -> Option<String> {
    catalogue.get(id).filter(|l| !l.from_file).map(|l| l.entry.digest.clone())
}

/// Under which set `sheet` is scored: a set loaded from a file wins; a served set only
/// when the sheet is empty or was answered under the version served now.
#[must_use]
pub fn open_set(catalogue: &Catalogue, served: &Served, sheet: &ScoreSheet) -> OpenSet {
    let id = sheet.framework.as_str();
    if let Some(f) = catalogue.custom(id) {
        return OpenSet::Ready(Arc::clone(f));
    }
    match &served.index {
        None => return OpenSet::Loading,
        Some(Err(e)) => return OpenSet::Failed(e.clone()),
        Some(Ok(_)) => {}
    }
    let Some(listed) = catalogue.get(id) else {
        return if id.is_empty() { OpenSet::Loading } else { OpenSet::Missing(id.to_owned()) };
    };
    // A set served by group: the file of the sheet's group (one the set lacks is named).
    if !listed.entry.groups.is_empty() && listed.entry.group_file(&sheet.group).is_none() {
        if sheet.group.is_empty() {
            return OpenSet::Loading;
        }
        return OpenSet::Failed(dti_engine::Error::UnknownGroup {
            group: sheet.group.clone(),
            framework: id.to_owned(),
            known: listed.entry.groups.iter().map(|g| g.group.clone()).collect(),
        });
    }
    match served.sets.get(&set_key(&listed.entry, &sheet.group)) {
        None | Some(SetLoad::Loading) => OpenSet::Loading,
        Some(SetLoad::Failed(e)) => OpenSet::Failed(e.clone()),
        Some(SetLoad::Ready(f)) => {
            let digest = &listed.entry.digest;
            let current = match &sheet.framework_digest {
                _ if sheet.entries.is_empty() => true,
                Some(d) => d == digest,
                None => LEGACY_DIGESTS.iter().any(|(i, d)| *i == id && d == digest),
            };
            if current {
                OpenSet::Ready(Arc::clone(f))
            } else {
                OpenSet::Stale { id: id.to_owned(), answered: sheet.framework_digest.clone(), served: digest.clone() }
            }
        }
    }
}
