//! What an agency types, kept as typed: answers, evidence, status.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::tagged::{need, unit_enum, Key, Tag};

/// One answer, shaped by the indicator's method. Number fields hold the text as typed.
/// Read by a hand-written visitor (below): the same JSON as `#[serde(tag = "kind")]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    Points { text: String },
    YesNo { value: bool },
    Choice { id: String },
    /// Ids of the conditions met; an empty list is an answer ("none met").
    Parts { ids: Vec<String> },
    Ratio { numerator: String, denominator: String },
    Tier { text: String },
}

const ANSWER_KINDS: &[&str] = &["points", "yes_no", "choice", "parts", "ratio", "tier"];
/// The tag, then every field of every kind.
const ANSWER_KEYS: &[&str] = &["kind", "text", "value", "id", "ids", "numerator", "denominator"];

/// As `framework::Method`'s: each field read as it comes (no `Content` buffer), the same
/// JSON and messages as the derive; a field of another kind is read with its own type and
/// the `[tag, fields…]` array form is not read (never written).
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("internally tagged enum Answer")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
        let (mut kind, mut value, mut ids) = (None, None, None);
        // text, id, numerator, denominator
        let mut text: [Option<String>; 4] = Default::default();
        let (mut seen, mut dup) = (0u32, 0u32);
        while let Some(key) = map.next_key_seed(Key(ANSWER_KEYS))? {
            let Some(i) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if seen & (1 << i) != 0 {
                if i == 0 {
                    return Err(de::Error::duplicate_field("kind"));
                }
                dup |= 1 << i;
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            seen |= 1 << i;
            match i {
                0 => kind = Some(map.next_value_seed(Tag(ANSWER_KINDS))?),
                2 => value = Some(map.next_value()?),
                4 => ids = Some(map.next_value()?),
                1 => text[0] = Some(map.next_value()?),
                3 => text[1] = Some(map.next_value()?),
                _ => text[i - 3] = Some(map.next_value()?),
            }
        }
        let kind = need(kind, "kind")?;
        let fields: &[usize] = match kind {
            0 | 5 => &[1],
            1 => &[2],
            2 => &[3],
            3 => &[4],
            _ => &[5, 6],
        };
        if let Some(&i) = fields.iter().find(|&&i| dup & (1 << i) != 0) {
            return Err(de::Error::duplicate_field(ANSWER_KEYS[i]));
        }
        let [t, id, numerator, denominator] = text;
        Ok(match kind {
            0 => Answer::Points { text: need(t, "text")? },
            1 => Answer::YesNo { value: need(value, "value")? },
            2 => Answer::Choice { id: need(id, "id")? },
            3 => Answer::Parts { ids: need(ids, "ids")? },
            4 => Answer::Ratio { numerator: need(numerator, "numerator")?, denominator: need(denominator, "denominator")? },
            _ => Answer::Tier { text: need(t, "text")? },
        })
    }
}

/// "Tài liệu kiểm chứng": the document that proves the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// Số hiệu văn bản.
    pub number: String,
    /// Ngày văn bản, as typed.
    pub date: String,
    /// Trích yếu.
    pub summary: String,
    pub link: String,
    pub note: String,
}

impl Evidence {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        [&self.number, &self.date, &self.summary, &self.link, &self.note].iter().all(|s| s.trim().is_empty())
    }
}

/// Progress of an indicator as agencies track it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    NotStarted,
    InProgress,
    NeedsEvidence,
    Done,
}

unit_enum!(WorkStatus { NotStarted = "not_started", InProgress = "in_progress", NeedsEvidence = "needs_evidence", Done = "done" });

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    /// Tự đánh giá.
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_answer: Option<Answer>,
    /// Thẩm định (the council's value), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appraised: Option<Answer>,
    #[serde(skip_serializing_if = "Evidence::is_empty")]
    pub evidence: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkStatus>,
}
