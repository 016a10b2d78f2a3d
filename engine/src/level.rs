//! The four levels ("mức xếp hạng"), decided on the exact percentage of the group maximum.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One row of the level table. Rules are listed from the highest level down; a level is
/// reached when the percentage is strictly above `above_percent` (the decision's "lớn
/// hơn"), and the last rule has no threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelRule {
    /// `dan_dat`, `nang_cao`, `hinh_thanh`, `khoi_dong` for Lào Cai.
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
    #[serde(default, deserialize_with = "crate::serde_decimal::option", skip_serializing_if = "Option::is_none")]
    pub above_percent: Option<Decimal>,
}

/// Checks the table is well formed; the error says what was expected (Vietnamese, English).
pub(crate) fn validate_levels(levels: &[LevelRule]) -> Result<(), (String, String)> {
    let Some((last, rest)) = levels.split_last() else {
        return Err(("ít nhất một mức".into(), "at least one level".into()));
    };
    if last.above_percent.is_some() {
        return Err((format!("mức cuối ({}) không có ngưỡng", last.id), format!("the last level ({}) has no threshold", last.id)));
    }
    let mut previous: Option<Decimal> = None;
    for rule in rest {
        let Some(t) = rule.above_percent else {
            return Err((format!("mức {} cần ngưỡng above_percent", rule.id), format!("level {} needs above_percent", rule.id)));
        };
        if t < Decimal::ZERO || t >= Decimal::ONE_HUNDRED {
            return Err((format!("ngưỡng của mức {} trong [0, 100)", rule.id), format!("threshold of {} within [0, 100)", rule.id)));
        }
        if previous.is_some_and(|p| t >= p) {
            return Err(("ngưỡng giảm dần từ mức cao xuống thấp".into(), "thresholds strictly descending".into()));
        }
        previous = Some(t);
    }
    let mut ids: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != levels.len() {
        return Err(("mã mức duy nhất".into(), "unique level ids".into()));
    }
    Ok(())
}

/// The level of an exact percentage: the first rule whose threshold it exceeds.
#[must_use]
pub fn level_for(levels: &[LevelRule], percent: Decimal) -> &LevelRule {
    levels
        .iter()
        .find(|l| l.above_percent.is_none_or(|t| percent > t))
        // Validation guarantees a last rule without threshold; an empty table cannot load.
        .unwrap_or(&levels[levels.len() - 1])
}

/// Index of a level in the table (0 = highest), for "level never drops" comparisons.
#[must_use]
pub fn level_rank(levels: &[LevelRule], id: &str) -> Option<usize> {
    levels.iter().position(|l| l.id == id)
}

/// Exact percentage of `total` in `max` (no rounding: the level is decided on it).
#[must_use]
pub fn percent_of(total: Decimal, max: Decimal) -> Decimal {
    if max.is_zero() {
        return Decimal::ZERO;
    }
    // Typed totals can have 28 digits: never overflow, saturate instead (such a total is
    // reported above the maximum anyway).
    total
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|t| t.checked_div(max))
        .or_else(|| total.checked_div(max).map(|q| q.saturating_mul(Decimal::ONE_HUNDRED)))
        .unwrap_or(Decimal::MAX)
}

/// The next level up and the least amount, in steps of 0,01 point, that lifts `total`
/// strictly above its boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextLevel {
    pub level_id: String,
    /// Total at the boundary (e.g. 750 for 75 % of 1.000); the total must exceed it.
    pub boundary: Decimal,
    /// Smallest multiple of 0,01 that, added to the total, exceeds the boundary.
    pub points_needed: Decimal,
}

#[must_use]
pub fn next_level(levels: &[LevelRule], total: Decimal, max: Decimal) -> Option<NextLevel> {
    let current = level_for(levels, percent_of(total, max));
    let idx = level_rank(levels, &current.id)?;
    let up = levels.get(idx.checked_sub(1)?)?;
    let threshold = up.above_percent?;
    let boundary = threshold
        .checked_mul(max)
        .map(|p| p / Decimal::ONE_HUNDRED)
        .or_else(|| (max / Decimal::ONE_HUNDRED).checked_mul(threshold))?;
    // Floor to the hundredth, then one hundredth more; no `× 100`, whose overflow near the
    // top of Decimal's range (and `floor() + 1`) used to panic. `None` only past that range.
    let gap = boundary.checked_sub(total)?;
    let points_needed = gap
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToNegativeInfinity)
        .checked_add(Decimal::new(1, 2))?;
    Some(NextLevel { level_id: up.id.clone(), boundary, points_needed })
}

/// Why a printed percentage that sits on a boundary ("75,00 %") has the level it has:
/// the level is decided on the exact percentage, which the display rounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryNote {
    pub threshold: Decimal,
    pub level_id: String,
    /// Exact percentage against the threshold: below, on, or above it.
    pub side: std::cmp::Ordering,
}

/// A note when the percentage rounds (2 decimals) to a level threshold; `None` otherwise.
#[must_use]
pub fn boundary_note(levels: &[LevelRule], percent: Decimal) -> Option<BoundaryNote> {
    let shown = crate::number::round2(percent);
    let threshold = levels.iter().filter_map(|l| l.above_percent).find(|t| *t == shown)?;
    Some(BoundaryNote { threshold, level_id: level_for(levels, percent).id.clone(), side: percent.cmp(&threshold) })
}

impl BoundaryNote {
    #[must_use]
    pub fn message(&self, level_name: &str, lang: crate::Lang) -> String {
        use std::cmp::Ordering;
        let t = crate::number::format_compact(self.threshold);
        let shown = crate::number::format_percent(self.threshold);
        match (self.side, lang) {
            (Ordering::Equal, crate::Lang::Vi) => format!("Đúng {t} %, chưa vượt {t} %, nên là {level_name}."),
            (Ordering::Equal, crate::Lang::En) => format!("Exactly {t} %, not above {t} %, so {level_name}."),
            (Ordering::Greater, crate::Lang::Vi) => {
                format!("{shown} là số làm tròn; điểm vượt {t} % nên đạt {level_name}.")
            }
            (Ordering::Greater, crate::Lang::En) => {
                format!("{shown} is rounded; the score is above {t} %, so {level_name}.")
            }
            (Ordering::Less, crate::Lang::Vi) => {
                format!("{shown} là số làm tròn; điểm chưa tới {t} % nên là {level_name}.")
            }
            (Ordering::Less, crate::Lang::En) => {
                format!("{shown} is rounded; the score is below {t} %, so {level_name}.")
            }
        }
    }
}
