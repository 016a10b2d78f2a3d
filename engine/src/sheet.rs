//! A score sheet: an agency's answers, kept exactly as typed, and what they are worth.
//!
//! An answer's text is never rewritten: "abc" stays "abc", is reported invalid and earns
//! nothing; an empty answer is unanswered, not 0; a value outside its range is invalid,
//! never clamped. Points keep the full 28-digit precision of `Decimal` (2/3 × 20 is not
//! rounded to 2 decimals); sums are settled at 20 decimals so that thirds adding up to a
//! boundary land on it exactly, and only display rounds to 2.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Lang, NumberError};
use crate::framework::{Framework, Indicator, Method, ZeroDenominator};
use crate::level::{level_for, next_level, percent_of, NextLevel};
use crate::number::{checked_sum, format_compact, parse_vn};

/// Decimals kept in sums: far below anything displayed, far above the ~1e-27 error of a
/// repeating fraction such as 1/3 × 20, so 6,67 + 6,67 + 6,67 (thirds) sums to exactly 20.
const SUM_DECIMALS: u32 = 20;

fn settle(sum: Decimal) -> Decimal {
    sum.round_dp_with_strategy(SUM_DECIMALS, crate::number::DISPLAY_ROUNDING)
}

/// Version of the saved-sheet format; bump with a migration when it changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One answer, shaped by the indicator's method. Number fields hold the text as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    NotStarted,
    InProgress,
    NeedsEvidence,
    Done,
}

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub schema: u32,
    /// Id of the indicator set, e.g. `laocai-2022`.
    pub framework: String,
    pub group: String,
    #[serde(default)]
    pub agency: String,
    /// Answers by indicator code.
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
    /// Digest of the set file the answers were given under (`sets/index.json`), so a
    /// sheet is never re-scored silently under another version of the same set id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_digest: Option<String>,
}

impl ScoreSheet {
    #[must_use]
    pub fn new(framework: &str, group: &str) -> Self {
        ScoreSheet {
            schema: SCHEMA_VERSION,
            framework: framework.to_owned(),
            group: group.to_owned(),
            agency: String::new(),
            entries: BTreeMap::new(),
            framework_digest: None,
        }
    }

    /// Reads a saved sheet; `file` names it in errors. A structural error inside an entry
    /// names the indicator's code (and the field), never serde's English alone.
    pub fn from_json(file: &str, json: &str) -> Result<Self, Error> {
        let mut probe: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            Error::Input {
                file: file.to_owned(),
                line: e.line(),
                reason: format!("không phải JSON hợp lệ (cột {}: {})", e.column(), crate::error::json_reason(&e, Lang::Vi)),
                reason_en: format!("not valid JSON (column {}: {})", e.column(), crate::error::json_reason(&e, Lang::En)),
            }
        })?;
        let schema = probe.get("schema");
        match schema.and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(SCHEMA_VERSION) => {}
            Some(v) => {
                return Err(Error::input(
                    file,
                    0,
                    format!("phiên bản định dạng {v} chưa được hỗ trợ (hỗ trợ {SCHEMA_VERSION})"),
                    format!("format version {v} is not supported (supported: {SCHEMA_VERSION})"),
                ))
            }
            None if schema.is_some() => {
                let shown = crate::text::clip(&schema.map(ToString::to_string).unwrap_or_default());
                return Err(Error::input(
                    file,
                    0,
                    format!("trường “schema” phải là số nguyên (ví dụ {SCHEMA_VERSION}), không phải {shown}"),
                    format!("field “schema” must be a whole number (e.g. {SCHEMA_VERSION}), not {shown}"),
                ));
            }
            None => {
                return Err(Error::input(file, 0, "thiếu trường “schema”", "missing field “schema”"));
            }
        }
        let shape = |what_vi: &str, what_en: &str, e: &serde_json::Error| {
            Error::input(
                file,
                0,
                format!("không đúng định dạng phiếu điểm, {what_vi}: {}", crate::error::json_reason(e, Lang::Vi)),
                format!("not a score sheet, {what_en}: {}", crate::error::json_reason(e, Lang::En)),
            )
        };
        // Entries one by one, so an error names the indicator it is in.
        let entries = match probe.as_object_mut().and_then(|o| o.remove("entries")) {
            None | Some(serde_json::Value::Null) => BTreeMap::new(),
            Some(serde_json::Value::Object(map)) => {
                let mut entries = BTreeMap::new();
                for (code, value) in map {
                    let entry: Entry = serde_json::from_value(value).map_err(|e| {
                        let code = crate::text::clip(&code);
                        shape(&format!("chỉ số {code}"), &format!("indicator {code}"), &e)
                    })?;
                    entries.insert(code, entry);
                }
                entries
            }
            Some(_) => {
                return Err(Error::input(
                    file,
                    0,
                    "không đúng định dạng phiếu điểm: “entries” phải là đối tượng theo mã chỉ số",
                    "not a score sheet: “entries” must be an object keyed by indicator code",
                ))
            }
        };
        let mut sheet: ScoreSheet = serde_json::from_value(probe).map_err(|e| shape("phần đầu", "header", &e))?;
        sheet.entries = entries;
        Ok(sheet)
    }

    /// Pretty JSON, the format `dti score` reads and the app exports.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why an answer earns nothing. Each message names the indicator and what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    Number { code: String, field: Field, source: NumberError },
    AboveMax { code: String, max: Decimal, value: Decimal },
    Negative { code: String, field: Field, value: Decimal },
    UnknownChoice { code: String, id: String },
    MissingPart { code: String, field: Field },
    WrongKind { code: String, expected: &'static str },
    NotScored { code: String },
    /// A ratio's a and b count documents, people, dossiers: whole numbers.
    NotWhole { code: String, field: Field, value: Decimal },
    /// A percentage (a tiers value whose unit is %) above 100.
    PercentAbove100 { code: String, value: Decimal },
}

/// Which input of an indicator a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Numerator,
    Denominator,
}

impl Field {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Value, Lang::Vi) => "giá trị",
            (Field::Numerator, Lang::Vi) => "tử số (a)",
            (Field::Denominator, Lang::Vi) => "mẫu số (b)",
            (Field::Value, Lang::En) => "value",
            (Field::Numerator, Lang::En) => "numerator (a)",
            (Field::Denominator, Lang::En) => "denominator (b)",
        }
    }
}

impl AnswerError {
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            AnswerError::Number { code, .. }
            | AnswerError::AboveMax { code, .. }
            | AnswerError::Negative { code, .. }
            | AnswerError::UnknownChoice { code, .. }
            | AnswerError::MissingPart { code, .. }
            | AnswerError::WrongKind { code, .. }
            | AnswerError::NotWhole { code, .. }
            | AnswerError::PercentAbove100 { code, .. }
            | AnswerError::NotScored { code } => code,
        }
    }

    /// The field the message belongs to, so the app can tie it to that input.
    #[must_use]
    pub fn field(&self) -> Field {
        match self {
            AnswerError::Number { field, .. }
            | AnswerError::Negative { field, .. }
            | AnswerError::MissingPart { field, .. }
            | AnswerError::NotWhole { field, .. } => *field,
            _ => Field::Value,
        }
    }

    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            AnswerError::Number { code, field, source } => {
                if vi {
                    format!("Chỉ số {code}, {}: {}", field.name(lang), source.message(lang))
                } else {
                    format!("Indicator {code}, {}: {}", field.name(lang), source.message(lang))
                }
            }
            AnswerError::AboveMax { code, max, value } => {
                let (max, value) = (format_compact(*max), format_compact(*value));
                if vi {
                    format!("Điểm tối đa của chỉ số {code} là {max}; bạn nhập {value}")
                } else {
                    format!("The maximum of indicator {code} is {max}; you entered {value}")
                }
            }
            AnswerError::Negative { code, field, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}, {}: không được âm; bạn nhập {value}", field.name(lang))
                } else {
                    format!("Indicator {code}, {}: cannot be negative; you entered {value}", field.name(lang))
                }
            }
            AnswerError::UnknownChoice { code, id } => {
                if vi {
                    format!("Chỉ số {code}: không có lựa chọn “{}”", crate::text::clip(id))
                } else {
                    format!("Indicator {code}: there is no option “{}”", crate::text::clip(id))
                }
            }
            AnswerError::MissingPart { code, field } => {
                if vi {
                    format!("Chỉ số {code}: cần nhập cả {}", field.name(lang))
                } else {
                    format!("Indicator {code}: the {} is missing", field.name(lang))
                }
            }
            AnswerError::WrongKind { code, expected } => {
                let method = crate::framework::method_name(expected, lang);
                if vi {
                    format!("Chỉ số {code}: câu trả lời không khớp cách tính của chỉ số ({method})")
                } else {
                    format!("Indicator {code}: the answer does not match how the indicator is scored ({method})")
                }
            }
            AnswerError::NotWhole { code, field, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}, {}: là số đếm nên phải là số nguyên; bạn nhập {value}", field.name(lang))
                } else {
                    format!("Indicator {code}, {}: a count must be a whole number; you entered {value}", field.name(lang))
                }
            }
            AnswerError::PercentAbove100 { code, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}: tỷ lệ phần trăm không quá 100; bạn nhập {value}")
                } else {
                    format!("Indicator {code}: a percentage cannot exceed 100; you entered {value}")
                }
            }
            AnswerError::NotScored { code } => {
                if vi {
                    format!("Chỉ số {code} chỉ ghi nhận thông tin, không tính điểm")
                } else {
                    format!("Indicator {code} is recorded for information and not scored")
                }
            }
        }
    }
}

/// What one answer is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Unanswered,
    Scored(Decimal),
    Invalid(AnswerError),
}

impl Outcome {
    #[must_use]
    pub fn points(&self) -> Decimal {
        match self {
            Outcome::Scored(p) => *p,
            _ => Decimal::ZERO,
        }
    }
}

/// A count (a or b of a ratio): a non-negative whole number.
fn count(code: &str, field: Field, text: &str) -> Result<Decimal, AnswerError> {
    let value = number(code, field, text)?;
    if !value.fract().is_zero() {
        return Err(AnswerError::NotWhole { code: code.to_owned(), field, value });
    }
    Ok(value)
}

/// Whether a tiers unit is a percentage, where "85%" is how people type the value.
fn is_percent_unit(unit_vi: &str) -> bool {
    unit_vi.trim_start().starts_with('%')
}

/// The value of a tiers answer, as the score reads it (a trailing "%" allowed in a
/// percentage field; the text itself is never rewritten).
fn tier_value(code: &str, unit_vi: &str, text: &str) -> Result<Decimal, AnswerError> {
    if !is_percent_unit(unit_vi) {
        return number(code, Field::Value, text);
    }
    let trimmed = text.trim();
    let digits = trimmed.strip_suffix('%').map_or(trimmed, str::trim_end);
    let value = number(code, Field::Value, digits)?;
    if value > Decimal::ONE_HUNDRED {
        return Err(AnswerError::PercentAbove100 { code: code.to_owned(), value });
    }
    Ok(value)
}

fn number(code: &str, field: Field, text: &str) -> Result<Decimal, AnswerError> {
    let value = parse_vn(text).map_err(|source| AnswerError::Number { code: code.to_owned(), field, source })?;
    if value < Decimal::ZERO {
        return Err(AnswerError::Negative { code: code.to_owned(), field, value });
    }
    Ok(value)
}

/// Scores one answer against its indicator. Never panics, never clamps.
#[must_use]
pub fn score(indicator: &Indicator, answer: Option<&Answer>) -> Outcome {
    let Some(answer) = answer else { return Outcome::Unanswered };
    let Some(method) = &indicator.method else { return Outcome::Unanswered };
    match score_answer(indicator, method, answer) {
        Ok(Some(points)) => Outcome::Scored(points),
        Ok(None) => Outcome::Unanswered,
        Err(e) => Outcome::Invalid(e),
    }
}

fn score_answer(ind: &Indicator, method: &Method, answer: &Answer) -> Result<Option<Decimal>, AnswerError> {
    let code = ind.code.as_str();
    let max = ind.max_points;
    let wrong = || AnswerError::WrongKind { code: code.to_owned(), expected: method.kind() };
    match (method, answer) {
        (Method::Points, Answer::Points { text }) => {
            if text.trim().is_empty() {
                return Ok(None);
            }
            let value = number(code, Field::Value, text)?;
            if value > max {
                return Err(AnswerError::AboveMax { code: code.to_owned(), max, value });
            }
            Ok(Some(value))
        }
        (Method::YesNo, Answer::YesNo { value }) => Ok(Some(if *value { max } else { Decimal::ZERO })),
        (Method::Options { options }, Answer::Choice { id }) => options
            .iter()
            .find(|c| &c.id == id)
            .map(|c| Some(c.points))
            .ok_or_else(|| AnswerError::UnknownChoice { code: code.to_owned(), id: id.clone() }),
        (Method::Parts { parts }, Answer::Parts { ids }) => {
            // Sets, not scans: a hostile file with many ids stays linear.
            let known: std::collections::BTreeSet<&str> = parts.iter().map(|p| p.id.as_str()).collect();
            if let Some(unknown) = ids.iter().find(|id| !known.contains(id.as_str())) {
                return Err(AnswerError::UnknownChoice { code: code.to_owned(), id: unknown.clone() });
            }
            let chosen: std::collections::BTreeSet<&str> = ids.iter().map(String::as_str).collect();
            // Each condition counts once, however often its id is listed. Validation makes
            // the parts add up to the maximum without overflow, so this sum cannot overflow.
            Ok(Some(parts.iter().filter(|p| chosen.contains(p.id.as_str())).map(|p| p.points).sum()))
        }
        (Method::Ratio { zero_denominator, .. }, Answer::Ratio { numerator, denominator }) => {
            match (numerator.trim().is_empty(), denominator.trim().is_empty()) {
                (true, true) => return Ok(None),
                (false, true) => return Err(AnswerError::MissingPart { code: code.to_owned(), field: Field::Denominator }),
                (true, false) => return Err(AnswerError::MissingPart { code: code.to_owned(), field: Field::Numerator }),
                (false, false) => {}
            }
            let a = count(code, Field::Numerator, numerator)?;
            let b = count(code, Field::Denominator, denominator)?;
            if b.is_zero() {
                return Ok(Some(match zero_denominator {
                    ZeroDenominator::Full => max,
                    ZeroDenominator::Zero => Decimal::ZERO,
                }));
            }
            // A share above 100 % earns the maximum: that is the scoring rule, not a clamp
            // of what was typed (a and b stay as entered).
            // a < b here, so a / b < 1 and the product cannot overflow.
            Ok(Some(if a >= b { max } else { a / b * max }))
        }
        (Method::Tiers { tiers, unit_vi, .. }, Answer::Tier { text }) => {
            if text.trim().is_empty() {
                return Ok(None);
            }
            let value = tier_value(code, unit_vi, text)?;
            Ok(Some(tiers.iter().rev().find(|t| value >= t.min).map_or(Decimal::ZERO, |t| t.points)))
        }
        (Method::Info, _) => Err(AnswerError::NotScored { code: code.to_owned() }),
        _ => Err(wrong()),
    }
}

/// Scores the council's (appraised) value. Besides an answer in the indicator's own
/// method, the council may type the points it gives directly (`Answer::Points`, as in its
/// Excel grid), whatever the method: validated as 0..max, never clamped.
#[must_use]
pub fn score_appraised(indicator: &Indicator, answer: Option<&Answer>) -> Outcome {
    match (&indicator.method, answer) {
        (Some(method), Some(Answer::Points { text })) if !matches!(method, Method::Points | Method::Info) => {
            score_answer(indicator, &Method::Points, &Answer::Points { text: text.clone() })
                .map_or_else(Outcome::Invalid, |p| p.map_or(Outcome::Unanswered, Outcome::Scored))
        }
        _ => score(indicator, answer),
    }
}

/// Where a valid tiers value falls: `Some(Some(i))` in band `i`, `Some(None)` below the
/// lowest band; `None` when the value is empty or invalid, so the band line never
/// contradicts the error shown above it.
#[must_use]
pub fn tier_hit(indicator: &Indicator, text: &str) -> Option<Option<usize>> {
    let Some(Method::Tiers { tiers, unit_vi, .. }) = &indicator.method else { return None };
    if text.trim().is_empty() {
        return None;
    }
    let value = tier_value(&indicator.code, unit_vi, text).ok()?;
    Some(tiers.iter().rposition(|t| value >= t.min))
}

/// Something worth a second look that does not change the score (the rule's result stands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerWarning {
    /// a > b: a share above 100 % earns the maximum, but is usually a typing slip.
    NumeratorAboveDenominator { code: String },
}

impl AnswerWarning {
    /// The field the warning belongs to.
    #[must_use]
    pub fn field(&self) -> Field {
        match self {
            AnswerWarning::NumeratorAboveDenominator { .. } => Field::Numerator,
        }
    }

    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AnswerWarning::NumeratorAboveDenominator { code }, Lang::Vi) => format!(
                "Chỉ số {code}: tử số (a) lớn hơn mẫu số (b), tỷ lệ trên 100 %. Theo cách tính, chỉ số vẫn được điểm tối đa; hãy kiểm tra lại hai số đã nhập."
            ),
            (AnswerWarning::NumeratorAboveDenominator { code }, Lang::En) => format!(
                "Indicator {code}: the numerator (a) is larger than the denominator (b), a share above 100 %. By the rule it still earns the maximum; please check both numbers."
            ),
        }
    }
}

/// Warnings on a valid answer (an invalid one has its error instead).
#[must_use]
pub fn warnings(indicator: &Indicator, answer: Option<&Answer>) -> Vec<AnswerWarning> {
    let mut out = Vec::new();
    if let (Some(Method::Ratio { .. }), Some(Answer::Ratio { numerator, denominator })) = (&indicator.method, answer) {
        let code = indicator.code.as_str();
        if let (Ok(a), Ok(b)) = (count(code, Field::Numerator, numerator), count(code, Field::Denominator, denominator)) {
            if a > b && !b.is_zero() {
                out.push(AnswerWarning::NumeratorAboveDenominator { code: code.to_owned() });
            }
        }
    }
    out
}

/// Result for one leaf indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafResult {
    pub code: String,
    pub main_code: String,
    pub max: Decimal,
    pub outcome: Outcome,
    pub appraised: Option<Outcome>,
    pub has_evidence: bool,
}

impl LeafResult {
    /// Self − appraised, where an appraised value has been scored.
    #[must_use]
    pub fn difference(&self) -> Option<Decimal> {
        match &self.appraised {
            Some(Outcome::Scored(a)) => Some(self.outcome.points() - a),
            _ => None,
        }
    }
}

/// Points of a main indicator against its maximum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainResult {
    pub code: String,
    pub max: Decimal,
    pub points: Decimal,
    /// Sum of appraised points, when any leaf under it has one.
    pub appraised: Option<Decimal>,
    /// Self points of the leaves the council scored: Chênh lệch compares like with like.
    pub appraised_self: Decimal,
    /// Scored leaves under it, and how many of them the council scored.
    pub leaf_count: usize,
    pub appraised_count: usize,
}

impl MainResult {
    /// Share of the maximum earned, exact (0 for an unscored block).
    #[must_use]
    pub fn percent(&self) -> Decimal {
        percent_of(self.points, self.max)
    }

    /// Share of the maximum the council gave, where it gave any.
    #[must_use]
    pub fn appraised_percent(&self) -> Option<Decimal> {
        self.appraised.map(|a| percent_of(a, self.max))
    }

    /// Chênh lệch (Tự đánh giá − Thẩm định) over the appraised leaves of the block only.
    #[must_use]
    pub fn difference(&self) -> Option<Decimal> {
        self.appraised.map(|a| self.appraised_self - a)
    }

    /// Every scored leaf of the block has an appraised value.
    #[must_use]
    pub fn appraisal_complete(&self) -> bool {
        self.appraised.is_some() && self.appraised_count == self.leaf_count
    }
}

/// The council's side of a sheet. Until every scoring indicator is appraised the sum is
/// partial: it has no percentage or level, and Chênh lệch covers the appraised ones only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appraisal {
    /// Sum of the appraised points.
    pub total: Decimal,
    /// Self points of the same indicators.
    pub self_total: Decimal,
    /// Indicators appraised, of the scoring indicators of the group.
    pub count: usize,
    pub of: usize,
    /// Percentage and level, only once every scoring indicator is appraised.
    pub standing: Option<Standing>,
}

impl Appraisal {
    #[must_use]
    pub fn complete(&self) -> bool {
        self.standing.is_some()
    }

    /// Chênh lệch = Tự đánh giá − Thẩm định, over the appraised indicators only.
    #[must_use]
    pub fn difference(&self) -> Decimal {
        self.self_total - self.total
    }

    /// "6/30 chỉ số đã thẩm định".
    #[must_use]
    pub fn progress(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{}/{} chỉ số đã thẩm định", self.count, self.of),
            Lang::En => format!("{}/{} indicators appraised", self.count, self.of),
        }
    }

    /// The one line that states the council's side, on screen, in `dti score` and in the
    /// text view: "Thẩm định: 130,00 điểm · 6/30 chỉ số đã thẩm định — chưa đủ, chưa xếp
    /// mức", or with percentage and level once complete.
    #[must_use]
    pub fn headline(&self, framework: &Framework, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let label = if vi { "Thẩm định:" } else { "Appraised:" };
        let total = crate::number::format_points(self.total);
        match &self.standing {
            Some(st) => format!(
                "{label} {total} / {} ({}) — {} · {}",
                format_compact(st.max),
                crate::number::format_percent(st.percent),
                framework.level_name(&st.level_id, lang),
                self.progress(lang)
            ),
            None => format!(
                "{label} {total} {} · {} — {}",
                if vi { "điểm" } else { "points" },
                self.progress(lang),
                if vi { "chưa đủ, chưa xếp mức" } else { "incomplete, no level" }
            ),
        }
    }

    /// The progress in words, for cells a spreadsheet must not read as a number or date:
    /// "đã thẩm định sáu trên ba mươi chỉ số (chưa đủ, chưa xếp mức)".
    #[must_use]
    pub fn progress_words(&self, lang: Lang) -> String {
        let (count, of) = (crate::words::count_words(self.count, lang), crate::words::count_words(self.of, lang));
        match (lang, self.complete()) {
            (Lang::Vi, true) => format!("đã thẩm định đủ {of} chỉ số"),
            (Lang::Vi, false) => format!("đã thẩm định {count} trên {of} chỉ số (chưa đủ, chưa xếp mức)"),
            (Lang::En, true) => format!("all {of} indicators appraised"),
            (Lang::En, false) => format!("{count} of {of} indicators appraised (incomplete, no level)"),
        }
    }
}

/// Chênh lệch with its direction, wherever it is shown: "Chênh lệch (Tự đánh giá − Thẩm
/// định)", from the glossary's terms.
#[must_use]
pub fn difference_label(lang: Lang) -> String {
    use crate::terms::{APPRAISAL, DIFFERENCE, SELF_ASSESSMENT};
    format!("{} ({} − {})", DIFFERENCE.get(lang), SELF_ASSESSMENT.get(lang), APPRAISAL.get(lang))
}

/// Total, percentage and level of one side (self or appraised).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub total: Decimal,
    pub max: Decimal,
    /// Exact; the level is decided on it.
    pub percent: Decimal,
    pub level_id: String,
    pub next: Option<NextLevel>,
}

impl Standing {
    #[must_use]
    pub fn of(framework: &Framework, total: Decimal, max: Decimal) -> Self {
        let percent = percent_of(total, max);
        Standing {
            total,
            max,
            percent,
            level_id: level_for(&framework.levels, percent).id.clone(),
            next: next_level(&framework.levels, total, max),
        }
    }
}

/// Everything the summary shows, computed in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetResult {
    pub leaves: Vec<LeafResult>,
    pub mains: Vec<MainResult>,
    pub standing: Standing,
    /// The council's side, when at least one appraised value was scored.
    pub appraisal: Option<Appraisal>,
    /// Invalid self answers.
    pub invalid: Vec<AnswerError>,
    /// Invalid appraised (council) values.
    pub invalid_appraised: Vec<AnswerError>,
    /// Scoring leaves with no answer (information-only items are not counted).
    pub unanswered: usize,
    /// Unanswered or invalid scored leaves, largest maximum first (ties in tree order).
    pub open_top: Vec<(String, Decimal)>,
    /// Leaves that earn points but have no evidence.
    pub without_evidence: usize,
}

impl SheetResult {
    /// Chênh lệch (self − appraised) over the appraised indicators.
    #[must_use]
    pub fn difference(&self) -> Option<Decimal> {
        self.appraisal.as_ref().map(Appraisal::difference)
    }

    /// Nothing answered yet, by the agency or the council: level, gap and rank would
    /// describe an empty sheet, so they wait.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.leaves.iter().all(|l| l.outcome == Outcome::Unanswered && l.appraised.is_none())
    }
}

fn overflow(code: &str) -> Error {
    let code = crate::text::clip(code);
    Error::overflow(format!("tổng điểm của {code}"), format!("the total of {code}"))
}

/// Scores a whole sheet against its framework.
pub fn evaluate(framework: &Framework, sheet: &ScoreSheet) -> Result<SheetResult, Error> {
    if sheet.framework != framework.id {
        return Err(Error::UnknownFramework { id: sheet.framework.clone(), known: vec![framework.id.clone()] });
    }
    let group = framework.require_group(&sheet.group)?;
    let leaves = framework
        .nodes(&group.id)
        .into_iter()
        .filter(|n| n.indicator.is_leaf() && !matches!(n.indicator.method, Some(Method::Info)))
        .map(|n| leaf_result(n.indicator, n.main_code, sheet.entries.get(&n.indicator.code)))
        .collect();
    aggregate(framework, &group.id, leaves)
}

/// One scoring leaf: its own and appraised outcomes, and whether it has evidence.
fn leaf_result(ind: &Indicator, main_code: &str, entry: Option<&Entry>) -> LeafResult {
    LeafResult {
        code: ind.code.clone(),
        main_code: main_code.to_owned(),
        max: ind.max_points,
        outcome: score(ind, entry.and_then(|e| e.self_answer.as_ref())),
        appraised: entry.and_then(|e| e.appraised.as_ref()).map(|a| score_appraised(ind, Some(a))),
        has_evidence: entry.is_some_and(|e| !e.evidence.is_empty()),
    }
}

/// The leaf `code` of a group's tree and the code of its main indicator.
fn find_leaf<'a>(framework: &'a Framework, group: &str, code: &str) -> Option<(&'a Indicator, &'a str)> {
    fn walk<'a>(ind: &'a Indicator, code: &str) -> Option<&'a Indicator> {
        if ind.code == code && ind.is_leaf() {
            return Some(ind);
        }
        ind.children.iter().find_map(|c| walk(c, code))
    }
    framework.mains(group).into_iter().find_map(|m| walk(m, code).map(|l| (l, m.code.as_str())))
}

/// `previous` (the result of this sheet before a change to the entries `codes` only)
/// brought up to date: those leaves are scored again, every other leaf is kept, and the
/// sums are redone. What typing in one field costs, instead of scoring every indicator
/// again; the same result as [`evaluate`] (tested). Returns whether anything changed.
/// A `previous` of another set, group or shape is replaced by a full evaluation.
pub fn rescore(framework: &Framework, sheet: &ScoreSheet, previous: &mut SheetResult, codes: &[String]) -> Result<bool, Error> {
    let group = framework.require_group(&sheet.group)?;
    let mut changed = false;
    for code in codes {
        let Some(i) = previous.leaves.iter().position(|l| l.code == *code) else {
            // Not a scoring leaf of this group (an information item): nothing to redo,
            // unless the result is of another group.
            if find_leaf(framework, &group.id, code).is_some_and(|(l, _)| !matches!(l.method, Some(Method::Info))) {
                *previous = evaluate(framework, sheet)?;
                return Ok(true);
            }
            continue;
        };
        let Some((ind, main)) = find_leaf(framework, &group.id, code) else {
            *previous = evaluate(framework, sheet)?;
            return Ok(true);
        };
        let fresh = leaf_result(ind, main, sheet.entries.get(code));
        if previous.leaves[i] != fresh {
            previous.leaves[i] = fresh;
            changed = true;
        }
    }
    if changed {
        *previous = aggregate(framework, &group.id, std::mem::take(&mut previous.leaves))?;
    }
    Ok(changed)
}

/// Sums, standing, appraisal and counts from the scored leaves of `group`, in tree order.
fn aggregate(framework: &Framework, group: &str, leaves: Vec<LeafResult>) -> Result<SheetResult, Error> {
    let group = framework.require_group(group)?;
    let mut mains: Vec<MainResult> = framework
        .mains(&group.id)
        .into_iter()
        .map(|ind| MainResult {
            code: ind.code.clone(),
            max: ind.max_points,
            points: Decimal::ZERO,
            appraised: None,
            appraised_self: Decimal::ZERO,
            leaf_count: 0,
            appraised_count: 0,
        })
        .collect();
    let mut invalid = Vec::new();
    let mut invalid_appraised = Vec::new();
    let mut any_appraised = false;
    // Leaves come in tree order, so their mains come in the same order as `mains`.
    let mut m = 0;
    for leaf in &leaves {
        if let Outcome::Invalid(e) = &leaf.outcome {
            invalid.push(e.clone());
        }
        if let Some(Outcome::Invalid(e)) = &leaf.appraised {
            invalid_appraised.push(e.clone());
        }
        while mains.get(m).is_some_and(|x| x.code != leaf.main_code) {
            m += 1;
        }
        if let Some(main) = mains.get_mut(m) {
            // Checked: a set built in code (not validated) could overflow `+`.
            main.points = main.points.checked_add(leaf.outcome.points()).ok_or_else(|| overflow(&main.code))?;
            main.leaf_count += 1;
            if let Some(Outcome::Scored(p)) = &leaf.appraised {
                main.appraised = Some(main.appraised.unwrap_or_default().checked_add(*p).ok_or_else(|| overflow(&main.code))?);
                main.appraised_self = main.appraised_self.checked_add(leaf.outcome.points()).ok_or_else(|| overflow(&main.code))?;
                main.appraised_count += 1;
                any_appraised = true;
            }
        }
    }
    for main in &mut mains {
        main.points = settle(main.points);
        main.appraised = main.appraised.map(settle);
        main.appraised_self = settle(main.appraised_self);
    }
    let total = settle(checked_sum(leaves.iter().map(|l| l.outcome.points())).ok_or_else(|| overflow(&group.id))?);
    let standing = Standing::of(framework, total, group.max_points);
    let appraisal = any_appraised.then(|| -> Result<Appraisal, Error> {
        let scored: Vec<(Decimal, Decimal)> = leaves
            .iter()
            .filter_map(|l| match &l.appraised {
                Some(Outcome::Scored(p)) => Some((l.outcome.points(), *p)),
                _ => None,
            })
            .collect();
        let sum = |values: Vec<Decimal>| checked_sum(values).map(settle).ok_or_else(|| overflow(&group.id));
        let total = sum(scored.iter().map(|s| s.1).collect())?;
        let complete = scored.len() == leaves.len();
        Ok(Appraisal {
            total,
            self_total: sum(scored.iter().map(|s| s.0).collect())?,
            count: scored.len(),
            of: leaves.len(),
            standing: complete.then(|| Standing::of(framework, total, group.max_points)),
        })
    });
    let appraisal = appraisal.transpose()?;
    // Largest maximum first, ties in tree order: five passes picking the next largest
    // (no sort of every open leaf, nor copies of their codes).
    let mut open: Vec<(String, Decimal)> = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    for _ in 0..5 {
        let next = leaves
            .iter()
            .enumerate()
            .filter(|(i, l)| !matches!(l.outcome, Outcome::Scored(_)) && !taken.contains(i))
            .fold(None::<(usize, &LeafResult)>, |best, (i, l)| match best {
                Some((_, b)) if b.max >= l.max => best,
                _ => Some((i, l)),
            });
        let Some((i, l)) = next else { break };
        taken.push(i);
        open.push((l.code.clone(), l.max));
    }
    Ok(SheetResult {
        unanswered: leaves.iter().filter(|l| l.outcome == Outcome::Unanswered).count(),
        without_evidence: leaves.iter().filter(|l| l.outcome.points() > Decimal::ZERO && !l.has_evidence).count(),
        leaves,
        mains,
        standing,
        appraisal,
        invalid,
        invalid_appraised,
        open_top: open,
    })
}
