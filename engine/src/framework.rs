//! The indicator set ("Bộ chỉ số") of one year, loaded from JSON and validated.
//!
//! A set is data, never code: a new year's official annex is a new JSON file.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::level::LevelRule;
use crate::tagged::{need, unit_enum, Key, Tag};

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

/// How a leaf indicator turns an answer into points.
/// Read by a hand-written visitor (below): the same JSON as `#[serde(tag = "type")]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Method {
    /// Points typed directly, 0 ..= max.
    Points,
    /// Met → max, else 0.
    YesNo,
    /// Exactly one choice; the best is worth max.
    Options { options: Vec<Choice> },
    /// Independent conditions whose points add up to max.
    Parts { parts: Vec<Choice> },
    /// a / b × max, capped at max.
    Ratio {
        numerator_vi: String,
        numerator_en: String,
        denominator_vi: String,
        denominator_en: String,
        zero_denominator: ZeroDenominator,
    },
    /// A count or percentage mapped to points by ascending thresholds.
    Tiers {
        unit_vi: String,
        unit_en: String,
        tiers: Vec<Tier>,
    },
    /// Recorded, never scored (max 0).
    Info,
}

impl Method {
    /// Stable id of the method, as in the JSON `type` field.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Method::Points => "points",
            Method::YesNo => "yes_no",
            Method::Options { .. } => "options",
            Method::Parts { .. } => "parts",
            Method::Ratio { .. } => "ratio",
            Method::Tiers { .. } => "tiers",
            Method::Info => "info",
        }
    }
}

const METHOD_KINDS: &[&str] = &["points", "yes_no", "options", "parts", "ratio", "tiers", "info"];
/// The tag, then every field of every kind.
const METHOD_KEYS: &[&str] = &[
    "type", "options", "parts", "numerator_vi", "numerator_en", "denominator_vi", "denominator_en", "zero_denominator",
    "unit_vi", "unit_en", "tiers",
];

/// The derive for an internally tagged enum buffers the object (serde's `Content`) before
/// it knows the kind; this reads each field as it comes instead. Same JSON, same messages;
/// a field of another kind is read with its own type (the derive ignores it unread) and
/// the `[tag, fields…]` array form the derive also takes is not read (never written).
impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MethodVisitor)
    }
}

struct MethodVisitor;

impl<'de> Visitor<'de> for MethodVisitor {
    type Value = Method;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("internally tagged enum Method")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Method, A::Error> {
        let mut kind = None;
        let (mut options, mut parts, mut tiers, mut zero) = (None, None, None, None);
        // numerator_vi, numerator_en, denominator_vi, denominator_en, unit_vi, unit_en
        let mut text: [Option<String>; 6] = Default::default();
        let (mut seen, mut dup) = (0u32, 0u32);
        while let Some(key) = map.next_key_seed(Key(METHOD_KEYS))? {
            let Some(i) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if seen & (1 << i) != 0 {
                if i == 0 {
                    return Err(de::Error::duplicate_field("type"));
                }
                dup |= 1 << i;
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            seen |= 1 << i;
            match i {
                0 => kind = Some(map.next_value_seed(Tag(METHOD_KINDS))?),
                1 => options = Some(map.next_value()?),
                2 => parts = Some(map.next_value()?),
                7 => zero = Some(map.next_value()?),
                10 => tiers = Some(map.next_value()?),
                _ => text[if i < 7 { i - 3 } else { i - 4 }] = Some(map.next_value()?),
            }
        }
        let kind = need(kind, "type")?;
        let fields: &[usize] = match kind {
            2 => &[1],
            3 => &[2],
            4 => &[3, 4, 5, 6, 7],
            5 => &[8, 9, 10],
            _ => &[],
        };
        if let Some(&i) = fields.iter().find(|&&i| dup & (1 << i) != 0) {
            return Err(de::Error::duplicate_field(METHOD_KEYS[i]));
        }
        let [nv, ne, dv, dn, uv, ue] = text;
        Ok(match kind {
            0 => Method::Points,
            1 => Method::YesNo,
            2 => Method::Options { options: need(options, "options")? },
            3 => Method::Parts { parts: need(parts, "parts")? },
            4 => Method::Ratio {
                numerator_vi: need(nv, "numerator_vi")?,
                numerator_en: need(ne, "numerator_en")?,
                denominator_vi: need(dv, "denominator_vi")?,
                denominator_en: need(dn, "denominator_en")?,
                zero_denominator: need(zero, "zero_denominator")?,
            },
            5 => Method::Tiers { unit_vi: need(uv, "unit_vi")?, unit_en: need(ue, "unit_en")?, tiers: need(tiers, "tiers")? },
            _ => Method::Info,
        })
    }
}

/// How a method is named to the user (never its JSON id).
#[must_use]
pub fn method_name(kind: &str, lang: crate::Lang) -> &'static str {
    let vi = lang == crate::Lang::Vi;
    match kind {
        "points" => if vi { "nhập điểm" } else { "points entered" },
        "yes_no" => if vi { "có / không" } else { "yes / no" },
        "options" => if vi { "chọn một mức" } else { "one option" },
        "parts" => if vi { "cộng điểm từng điều kiện" } else { "conditions added up" },
        "ratio" => if vi { "tỷ lệ a / b" } else { "ratio a / b" },
        "tiers" => if vi { "theo bậc" } else { "tiers" },
        "info" => if vi { "chỉ ghi nhận thông tin" } else { "information only" },
        _ => if vi { "cách tính khác" } else { "another method" },
    }
}

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

    fn applies_to(&self, group: &str, inherited: bool) -> bool {
        match &self.groups {
            Some(groups) => groups.iter().any(|g| g == group),
            None => inherited,
        }
    }
}

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

    /// Validation of the whole set, or of the part of one group (`only`). Never inlined:
    /// its two callers would otherwise each get a copy in the app's wasm.
    #[inline(never)]
    fn check(&self, file: &str, only: Option<&str>) -> Result<(), Error> {
        let err = |code: &str, vi: String, en: String| Error::framework_invalid(file, code, vi, en);
        if self.groups.is_empty() {
            return Err(err("-", "ít nhất một nhóm".into(), "at least one group".into()));
        }
        let mut seen_groups = std::collections::BTreeSet::new();
        for g in &self.groups {
            if !seen_groups.insert(g.id.as_str()) {
                return Err(err(&g.id, format!("mã nhóm duy nhất, '{}' bị lặp", g.id), format!("a unique group id, '{}' repeats", g.id)));
            }
            if g.max_points <= Decimal::ZERO {
                return Err(err(&g.id, "điểm tối đa của nhóm > 0".into(), "group maximum > 0".into()));
            }
            // Far above any DTI set (1.000 points), low enough that every figure derived
            // from it keeps its hundredths exact in Decimal's 28 digits.
            if g.max_points > MAX_GROUP_POINTS {
                return Err(err(
                    &g.id,
                    format!("điểm tối đa của nhóm không quá 1.000.000.000, không phải {}", crate::number::format_compact(g.max_points)),
                    format!("a group maximum of at most 1,000,000,000, not {}", g.max_points.normalize()),
                ));
            }
        }
        crate::level::validate_levels(&self.levels).map_err(|(vi, en)| err("levels", vi, en))?;
        check_group_refs(&self.indicators, &seen_groups, &err)?;
        if let Some(nested) = self.indicators.iter().flat_map(|i| &i.children).find_map(first_with_groups) {
            return Err(err(nested, "chỉ chỉ số chính mới khai báo nhóm (groups)".into(), "only top-level indicators name groups".into()));
        }
        check_tree(&self.indicators, &err)?;
        if let Some(only) = only {
            self.require_group(only)?;
            let alone = Some(vec![only.to_owned()]);
            if let Some(other) = self.indicators.iter().find(|i| i.groups != alone) {
                return Err(err(
                    &other.code,
                    format!("chỉ số chính của nhóm {only} và chỉ của nhóm đó (tệp của một nhóm)"),
                    format!("a main indicator of group {only} alone (the file of one group)"),
                ));
            }
        }
        for g in self.groups.iter().filter(|g| only.is_none_or(|o| o == g.id)) {
            let mut codes = std::collections::BTreeSet::new();
            for node in self.nodes(&g.id) {
                if !codes.insert(node.indicator.code.as_str()) {
                    return Err(err(
                        &node.indicator.code,
                        format!("mã chỉ số duy nhất trong nhóm {}", g.id),
                        format!("a unique code in group {}", g.id),
                    ));
                }
            }
            let Some(computed) = self.computed_max(&g.id) else {
                return Err(err(
                    &g.id,
                    format!("tổng điểm tối đa các chỉ số chính = {} (khai báo), nhưng tổng vượt giới hạn tính toán", g.max_points),
                    format!("main indicators adding up to the declared {}, but their sum overflows", g.max_points),
                ));
            };
            if computed != g.max_points {
                return Err(err(
                    &g.id,
                    format!("tổng điểm tối đa các chỉ số chính = {} (khai báo), tính được {computed}", g.max_points),
                    format!("main indicators adding up to the declared {}, found {computed}", g.max_points),
                ));
            }
        }
        Ok(())
    }
}

fn first_with_groups(ind: &Indicator) -> Option<&str> {
    if ind.groups.is_some() {
        return Some(&ind.code);
    }
    ind.children.iter().find_map(first_with_groups)
}

fn check_group_refs<F>(
    list: &[Indicator],
    groups: &std::collections::BTreeSet<&str>,
    err: &F,
) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    for ind in list {
        if let Some(gs) = &ind.groups {
            if let Some(unknown) = gs.iter().find(|g| !groups.contains(g.as_str())) {
                return Err(err(&ind.code, format!("nhóm đã khai báo, không phải '{unknown}'"), format!("a declared group, not '{unknown}'")));
            }
        }
        check_group_refs(&ind.children, groups, err)?;
    }
    Ok(())
}

fn check_tree<F>(list: &[Indicator], err: &F) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    for ind in list {
        if ind.code.trim().is_empty() {
            return Err(err("?", format!("mã chỉ số không rỗng (chỉ số '{}')", crate::text::clip(&ind.name_vi)), format!("a non-empty code (indicator '{}')", crate::text::clip(&ind.name_en))));
        }
        if ind.max_points < Decimal::ZERO {
            return Err(err(&ind.code, "điểm tối đa ≥ 0".into(), "maximum ≥ 0".into()));
        }
        if let Some(p) = &ind.provenance {
            // A claim of publication or an inference is only checkable if it names its basis.
            if p.kind != ProvenanceKind::Seed && p.basis_vi.trim().is_empty() {
                return Err(err(
                    &ind.code,
                    "nguồn gốc (provenance) loại published hoặc inferred phải nêu căn cứ trong basis_vi".into(),
                    "a published or inferred provenance names its basis in basis_vi".into(),
                ));
            }
        }
        match (&ind.method, ind.children.is_empty()) {
            (Some(_), false) => {
                return Err(err(&ind.code, "chỉ số có chỉ số con thì không có cách tính điểm riêng".into(), "a parent has no method of its own".into()))
            }
            (None, true) => {
                return Err(err(&ind.code, "chỉ số lá phải có cách tính điểm (method)".into(), "a leaf needs a method".into()))
            }
            (Some(method), true) => check_method(ind, method, err)?,
            (None, false) => {
                let Some(sum) = crate::number::checked_sum(ind.children.iter().map(|c| c.max_points)) else {
                    return Err(err(
                        &ind.code,
                        format!("tổng điểm tối đa các chỉ số con = {}, nhưng tổng vượt giới hạn tính toán", ind.max_points),
                        format!("children adding up to {}, but their sum overflows", ind.max_points),
                    ));
                };
                if sum != ind.max_points {
                    return Err(err(
                        &ind.code,
                        format!("tổng điểm tối đa các chỉ số con = {} nhưng được {sum}", ind.max_points),
                        format!("children adding up to {}, found {sum}", ind.max_points),
                    ));
                }
                check_tree(&ind.children, err)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn check_method<F>(ind: &Indicator, method: &Method, err: &F) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    let max = ind.max_points;
    let code = ind.code.as_str();
    let unique = |choices: &[Choice]| -> Result<(), Error> {
        let mut ids = std::collections::BTreeSet::new();
        for c in choices {
            if !ids.insert(c.id.as_str()) {
                return Err(err(code, format!("mã lựa chọn duy nhất, '{}' bị lặp", c.id), format!("unique choice ids, '{}' repeats", c.id)));
            }
            if c.points < Decimal::ZERO || c.points > max {
                return Err(err(code, format!("điểm mỗi lựa chọn trong 0..{max}"), format!("choice points within 0..{max}")));
            }
        }
        Ok(())
    };
    match method {
        Method::Info if !max.is_zero() => Err(err(code, "chỉ số thông tin có điểm tối đa 0".into(), "an info indicator has maximum 0".into())),
        Method::Info => Ok(()),
        _ if max.is_zero() => Err(err(code, "điểm tối đa > 0 (chỉ số không tính điểm dùng loại info)".into(), "maximum > 0 (use info for unscored)".into())),
        Method::Points | Method::YesNo | Method::Ratio { .. } => Ok(()),
        Method::Options { options } => {
            if options.len() < 2 {
                return Err(err(code, "ít nhất 2 lựa chọn".into(), "at least 2 options".into()));
            }
            unique(options)?;
            let best = options.iter().map(|c| c.points).max().unwrap_or_default();
            if best != max {
                return Err(err(code, format!("lựa chọn cao nhất = {max} điểm, được {best}"), format!("best option worth {max}, found {best}")));
            }
            Ok(())
        }
        Method::Parts { parts } => {
            if parts.is_empty() {
                return Err(err(code, "ít nhất 1 điều kiện".into(), "at least 1 part".into()));
            }
            unique(parts)?;
            let Some(sum) = crate::number::checked_sum(parts.iter().map(|c| c.points)) else {
                return Err(err(
                    code,
                    format!("tổng điểm các điều kiện = {max}, nhưng tổng vượt giới hạn tính toán"),
                    format!("parts adding up to {max}, but their sum overflows"),
                ));
            };
            if sum != max {
                return Err(err(code, format!("tổng điểm các điều kiện = {max}, được {sum}"), format!("parts adding up to {max}, found {sum}")));
            }
            Ok(())
        }
        Method::Tiers { tiers, .. } => {
            if tiers.is_empty() {
                return Err(err(code, "ít nhất 1 bậc".into(), "at least 1 tier".into()));
            }
            for pair in tiers.windows(2) {
                if pair[1].min <= pair[0].min || pair[1].points < pair[0].points {
                    return Err(err(code, "các bậc tăng dần theo ngưỡng và điểm".into(), "tiers ascending by threshold and points".into()));
                }
            }
            if tiers.iter().any(|t| t.points < Decimal::ZERO || t.min < Decimal::ZERO) {
                return Err(err(code, "ngưỡng và điểm ≥ 0".into(), "thresholds and points ≥ 0".into()));
            }
            let top = tiers.last().map(|t| t.points).unwrap_or_default();
            if top != max {
                return Err(err(code, format!("bậc cao nhất = {max} điểm, được {top}"), format!("top tier worth {max}, found {top}")));
            }
            Ok(())
        }
    }
}
