//! "What would 612 points give us?": a total typed for a group, without the tree.

use rust_decimal::Decimal;

use crate::error::{Lang, NumberError};
use crate::framework::Framework;
use crate::number::{format_compact, parse_vn};
use crate::rank::{would_rank, RankInput};
use crate::sheet::Standing;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuickError {
    Empty,
    Number(NumberError),
    OutOfRange { value: Decimal, max: Decimal },
    UnknownGroup(String),
}

impl QuickError {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (QuickError::Empty, Lang::Vi) => "Nhập tổng điểm để xem kết quả".into(),
            (QuickError::Empty, Lang::En) => "Enter a total to see the result".into(),
            (QuickError::Number(e), _) => e.message(lang),
            (QuickError::OutOfRange { value, max }, Lang::Vi) => {
                format!("Tổng điểm phải từ 0 đến {}; bạn nhập {}", format_compact(*max), format_compact(*value))
            }
            (QuickError::OutOfRange { value, max }, Lang::En) => {
                format!("The total must be between 0 and {}; you entered {}", format_compact(*max), format_compact(*value))
            }
            (QuickError::UnknownGroup(g), Lang::Vi) => format!("Không có nhóm “{g}”"),
            (QuickError::UnknownGroup(g), Lang::En) => format!("There is no group “{g}”"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickResult {
    pub standing: Standing,
    /// (rank, number ranked) among the published results, when there are any.
    pub position: Option<(usize, usize)>,
}

/// Percentage, level, gap and would-be rank of a typed total.
pub fn quick_check(
    framework: &Framework,
    group: &str,
    text: &str,
    published: Option<&[RankInput]>,
    agency: &str,
) -> Result<QuickResult, QuickError> {
    let max = framework.group(group).map(|g| g.max_points).ok_or_else(|| QuickError::UnknownGroup(group.to_owned()))?;
    if text.trim().is_empty() {
        return Err(QuickError::Empty);
    }
    let value = parse_vn(text).map_err(QuickError::Number)?;
    if value < Decimal::ZERO || value > max {
        return Err(QuickError::OutOfRange { value, max });
    }
    Ok(QuickResult {
        standing: Standing::of(framework, value, max),
        position: published.map(|rows| would_rank(rows, group, agency, value)),
    })
}

/// Where a total would stand among a group's published results, with what a reader needs
/// to weigh it: an estimate against last published totals, not a ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankPreview {
    pub rank: usize,
    /// Agencies ranked, the user's included.
    pub of: usize,
    /// Published rows of the group.
    pub published: usize,
    /// Mean of the group's published totals, rounded half away from zero to 2 decimals as
    /// the decision prints it.
    pub average: Decimal,
    /// Highest published total of the group.
    pub top: Decimal,
    /// The published row taken for the agency's own earlier result, left out of the count.
    pub own_row: Option<RankInput>,
}

/// The estimate for `total` in `group`; `None` when nothing of the group was published.
#[must_use]
pub fn rank_preview(published: &[RankInput], group: &str, agency: &str, total: Decimal) -> Option<RankPreview> {
    let rows: Vec<&RankInput> = published.iter().filter(|r| r.group == group).collect();
    let top = rows.iter().map(|r| r.total).max()?;
    let totals: Vec<Decimal> = rows.iter().map(|r| r.total).collect();
    let average = crate::number::round2(crate::rank::mean(&totals)?);
    let key = crate::text::name_key(agency);
    let own_row = (!key.is_empty()).then(|| rows.iter().find(|r| crate::text::name_key(&r.name) == key).map(|r| (*r).clone())).flatten();
    let (rank, of) = would_rank(published, group, agency, total);
    Some(RankPreview { rank, of, published: rows.len(), average, top, own_row })
}
