//! The data a set is made of: groups, indicators, choices, tiers and where each fact
//! comes from.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::tagged::unit_enum;

use super::Method;

/// Whether the indicators are the province's own annex or a stand-in built from public
/// sources while the annex is unavailable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Official,
    Reference,
}

unit_enum!(Status { Official = "official", Reference = "reference" });

/// Where a fact in the set comes from: the seed decision itself, or a public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// `seed` (the 2022 ranking decision) or `external`.
    pub origin: ReferenceOrigin,
    pub citation: String,
    #[serde(default)]
    pub covers: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceOrigin {
    Seed,
    External,
}

unit_enum!(ReferenceOrigin { Seed = "seed", External = "external" });

/// How much of an indicator the province has published: the reference sets mix facts
/// from public pages with indicators modelled on other sets, and say which is which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// Published by the province (the basis names the page or decision).
    Published,
    /// From the seed decision itself.
    Seed,
    /// Not published; the basis says what it is modelled on.
    Inferred,
}

unit_enum!(ProvenanceKind { Published = "published", Seed = "seed", Inferred = "inferred" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    #[serde(default)]
    pub basis_vi: String,
    #[serde(default)]
    pub basis_en: String,
}

/// Largest group maximum a set may declare (see [`Framework::from_json`]).
pub const MAX_GROUP_POINTS: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
    /// The maximum the decision declares; validation checks the tree adds up to it.
    #[serde(deserialize_with = "crate::serde_decimal::decimal")]
    pub max_points: Decimal,
}

/// One labelled choice of an `options` or `parts` indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label_vi: String,
    pub label_en: String,
    #[serde(deserialize_with = "crate::serde_decimal::decimal")]
    pub points: Decimal,
}

/// A band of a `tiers` indicator: a value at or above `min` earns `points`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    #[serde(deserialize_with = "crate::serde_decimal::decimal")]
    pub min: Decimal,
    #[serde(deserialize_with = "crate::serde_decimal::decimal")]
    pub points: Decimal,
}

/// What a ratio with a zero denominator earns; the set must say, since the annexes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator {
    /// Nothing was due, so nothing was missed: full points.
    Full,
    /// No activity earns nothing.
    Zero,
}

unit_enum!(ZeroDenominator { Full = "full", Zero = "zero" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    #[serde(deserialize_with = "crate::serde_decimal::decimal")]
    pub max_points: Decimal,
    /// Groups a top-level indicator applies to; `None` means all. Only top-level
    /// indicators carry it, so a parent's maximum is always the sum of its children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// Present on leaves only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// How the points are determined, in the annex's words.
    #[serde(default)]
    pub rule_vi: String,
    #[serde(default)]
    pub rule_en: String,
    /// "Tài liệu kiểm chứng": what evidence the council expects.
    #[serde(default)]
    pub evidence_vi: String,
    #[serde(default)]
    pub evidence_en: String,
    /// Free-text origin, kept for sets written before `provenance`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Published, from the seed, or inferred — and on what basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Indicator>,
}

impl Indicator {
    #[must_use]
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    pub(super) fn applies_to(&self, group: &str, inherited: bool) -> bool {
        match &self.groups {
            Some(groups) => groups.iter().any(|g| g == group),
            None => inherited,
        }
    }
}
