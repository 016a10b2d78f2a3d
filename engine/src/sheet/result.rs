//! What the summary shows: per leaf, per main indicator, the council's side, the standing.

use rust_decimal::Decimal;

use super::{AnswerError, Outcome};
use crate::error::Lang;
use crate::framework::Framework;
use crate::level::{level_for, next_level, percent_of, NextLevel};
use crate::number::format_compact;

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
