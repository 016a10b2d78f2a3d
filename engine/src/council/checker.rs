//! The checker beside the recomputation: a published appendix row by row with the rank
//! and level the rules give, and each group's printed average with the mean of its
//! printed totals. The findings are [`crate::check::check`]'s, unchanged.

use rust_decimal::Decimal;

use crate::check::{check, Finding, PublishedRow};
use crate::error::Error;
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::number::round2;
use crate::rank::{competition_ranks, mean, mean_overflow};

/// One printed row and what the rules give for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedRow {
    pub line: usize,
    pub name: String,
    pub total: Decimal,
    pub printed_rank: usize,
    pub rank: usize,
    /// As printed (a name or an id).
    pub printed_level: String,
    /// The rule's level for the exact percentage.
    pub level_id: String,
    pub percent: Decimal,
    /// Indices into [`Comparison::findings`] about this row.
    pub findings: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedGroup {
    pub group_id: String,
    pub max: Decimal,
    /// In file order.
    pub rows: Vec<ComparedRow>,
    /// The first row's printed average.
    pub printed_average: Decimal,
    pub average_exact: Decimal,
    /// The mean rounded half away from zero to 2 decimals.
    pub average: Decimal,
    /// Indices into [`Comparison::findings`] about the whole group.
    pub findings: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub groups: Vec<ComparedGroup>,
    pub findings: Vec<Finding>,
}

/// Compares a parsed appendix ([`crate::check::parse_published`]) with the rules.
pub fn compare(framework: &Framework, rows: &[PublishedRow]) -> Result<Comparison, Error> {
    let findings = check(framework, rows)?;
    let mut by_line: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.line() > 0 {
            by_line.entry(f.line()).or_default().push(i);
        }
    }
    let mut groups = Vec::new();
    for group in &framework.groups {
        let members: Vec<&PublishedRow> = rows.iter().filter(|r| r.group == group.id).collect();
        if members.is_empty() {
            continue;
        }
        let mut sorted: Vec<Decimal> = members.iter().map(|r| r.total).collect();
        sorted.sort_by(|a, b| b.cmp(a));
        let ranks = competition_ranks(&sorted);
        // Sorted from highest: the first place of a total is where the higher ones end.
        let rank_of = |total: Decimal| ranks.get(sorted.partition_point(|t| *t > total)).copied().unwrap_or(1);
        let average_exact = mean(&sorted).ok_or_else(|| mean_overflow(&group.id))?;
        let compared = members
            .iter()
            .map(|r| {
                let percent = percent_of(r.total, group.max_points);
                ComparedRow {
                    line: r.line,
                    name: r.name.clone(),
                    total: r.total,
                    printed_rank: r.rank,
                    rank: rank_of(r.total),
                    printed_level: r.level.clone(),
                    level_id: level_for(&framework.levels, percent).id.clone(),
                    percent,
                    findings: by_line.get(&r.line).cloned().unwrap_or_default(),
                }
            })
            .collect();
        let group_findings = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f, Finding::Average { group: g, .. } if *g == group.id))
            .map(|(i, _)| i)
            .collect();
        groups.push(ComparedGroup {
            group_id: group.id.clone(),
            max: group.max_points,
            rows: compared,
            printed_average: members[0].group_average,
            average_exact,
            average: round2(average_exact),
            findings: group_findings,
        });
    }
    Ok(Comparison { groups, findings })
}
