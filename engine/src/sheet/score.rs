//! One answer against its indicator's method: points, unanswered or invalid.

use rust_decimal::Decimal;

use super::{Answer, AnswerError, AnswerWarning, Field};
use crate::framework::{Indicator, Method, ZeroDenominator};
use crate::number::parse_vn;

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

fn score_answer<'a>(ind: &'a Indicator, method: &'a Method, answer: &'a Answer) -> Result<Option<Decimal>, AnswerError> {
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
            // Sets, not scans: a hostile file with many ids stays linear. Filled by insert:
            // collecting into a BTreeSet sorts first, one more sort instance in the wasm.
            let set = |items: &mut dyn Iterator<Item = &'a str>| {
                let mut set = std::collections::BTreeSet::new();
                items.for_each(|i| {
                    set.insert(i);
                });
                set
            };
            let known = set(&mut parts.iter().map(|p| p.id.as_str()));
            if let Some(unknown) = ids.iter().find(|id| !known.contains(id.as_str())) {
                return Err(AnswerError::UnknownChoice { code: code.to_owned(), id: unknown.clone() });
            }
            let chosen = set(&mut ids.iter().map(String::as_str));
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
