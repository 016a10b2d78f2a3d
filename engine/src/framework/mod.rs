//! The indicator set ("Bộ chỉ số") of one year, loaded from JSON and validated.
//!
//! A set is data, never code: a new year's official annex is a new JSON file.

mod check;
mod method;
mod model;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::level::LevelRule;

pub(crate) use check::check_method;
pub use method::{method_name, Method};
pub use model::{
    Choice, Group, Indicator, Provenance, ProvenanceKind, Reference, ReferenceOrigin, Status, Tier, ZeroDenominator,
    MAX_GROUP_POINTS,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    /// Stable id such as `laocai-2022`; score sheets refer to it.
    pub id: String,
    pub province: String,
    pub year: u16,
    pub title_vi: String,
    pub title_en: String,
    pub status: Status,
    /// Shown in the banner when `status` is `reference`.
    #[serde(default)]
    pub status_note_vi: String,
    #[serde(default)]
    pub status_note_en: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    pub groups: Vec<Group>,
    pub levels: Vec<LevelRule>,
    pub indicators: Vec<Indicator>,
}

/// A node of a group's tree, flattened in document order with its depth.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub indicator: &'a Indicator,
    pub depth: usize,
    /// Code of the top-level ("main") indicator this node sits under.
    pub main_code: &'a str,
}

impl Framework {
    /// Parses and validates a set; `file` names it in error messages.
    pub fn from_json(file: &str, json: &str) -> Result<Self, Error> {
        let framework: Framework = serde_json::from_str(json).map_err(|e| Error::framework_json(file, &e))?;
        framework.validate(file)?;
        Ok(framework)
    }

    #[must_use]
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// A level's name in `lang`; an id the table lacks is shown as it is.
    #[must_use]
    pub fn level_name(&self, id: &str, lang: crate::Lang) -> String {
        self.levels.iter().find(|l| l.id == id).map_or_else(|| id.to_owned(), |l| match lang {
            crate::Lang::Vi => l.name_vi.clone(),
            crate::Lang::En => l.name_en.clone(),
        })
    }

    /// A group's name in `lang`; an unknown id is shown as it is.
    #[must_use]
    pub fn group_name(&self, id: &str, lang: crate::Lang) -> String {
        self.group(id).map_or_else(|| id.to_owned(), |g| match lang {
            crate::Lang::Vi => g.name_vi.clone(),
            crate::Lang::En => g.name_en.clone(),
        })
    }

    /// The group, or an error listing the valid ids.
    pub fn require_group(&self, id: &str) -> Result<&Group, Error> {
        self.group(id).ok_or_else(|| Error::UnknownGroup {
            group: id.to_owned(),
            framework: self.id.clone(),
            known: self.groups.iter().map(|g| g.id.clone()).collect(),
        })
    }

    /// The group's indicators, depth first, in the order of the file.
    #[must_use]
    pub fn nodes(&self, group: &str) -> Vec<Node<'_>> {
        fn walk<'a>(
            list: &'a [Indicator],
            group: &str,
            inherited: bool,
            depth: usize,
            main: Option<&'a str>,
            out: &mut Vec<Node<'a>>,
        ) {
            for ind in list {
                if !ind.applies_to(group, inherited) {
                    continue;
                }
                let main_code = main.unwrap_or(&ind.code);
                out.push(Node { indicator: ind, depth, main_code });
                walk(&ind.children, group, true, depth + 1, Some(main_code), out);
            }
        }
        let mut out = Vec::new();
        walk(&self.indicators, group, true, 0, None, &mut out);
        out
    }

    /// Top-level indicators of a group.
    #[must_use]
    pub fn mains(&self, group: &str) -> Vec<&Indicator> {
        self.indicators.iter().filter(|i| i.applies_to(group, true)).collect()
    }

    /// Leaves that carry points in a group (information-only items left out), in tree order.
    #[must_use]
    pub fn scoring_leaves(&self, group: &str) -> Vec<&Indicator> {
        self.nodes(group)
            .into_iter()
            .map(|n| n.indicator)
            .filter(|i| i.is_leaf() && !matches!(i.method, Some(Method::Info)))
            .collect()
    }

    /// Sum of the group's top-level maxima (validation makes it equal the declared max);
    /// `None` when it overflows.
    #[must_use]
    pub fn computed_max(&self, group: &str) -> Option<Decimal> {
        crate::number::checked_sum(self.mains(group).iter().map(|i| i.max_points))
    }

    /// The set cut down to one group, as served to a first visit (`dti sets index
    /// --groups`): every heading (titles, notes, references, all groups, levels) and that
    /// group's indicators only, each main one naming that group alone, so no other
    /// group's tree can be read from it by mistake. `None` for a group the set lacks.
    #[must_use]
    pub fn only_group(&self, group: &str) -> Option<Framework> {
        self.group(group)?;
        let indicators = self
            .mains(group)
            .into_iter()
            .map(|i| Indicator { groups: Some(vec![group.to_owned()]), ..i.clone() })
            .collect();
        Some(Framework { indicators, ..self.clone() })
    }

    /// Checks a set cut down to `group` ([`Framework::only_group`]) as a whole set is
    /// checked, that group's tree and maximum included, and that it holds nothing else.
    pub(crate) fn validate_group_part(&self, file: &str, group: &str) -> Result<(), Error> {
        self.check(file, Some(group))
    }

    fn validate(&self, file: &str) -> Result<(), Error> {
        self.check(file, None)
    }
}
