//! How a leaf indicator turns an answer into points, and how each way is named.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::tagged::{need, Key, Tag};

use super::{Choice, Tier, ZeroDenominator};

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
