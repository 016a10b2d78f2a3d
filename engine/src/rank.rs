//! Ranking tables per group, as in the decision's appendix.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::number::{parse_vn, round2};
use crate::text::{decode_input, name_key};

/// One agency's total, as read from `group,name,total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankInput {
    pub group: String,
    pub name: String,
    pub total: Decimal,
    /// 1-based line in the source file (0 when not from a file).
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedRow {
    pub rank: usize,
    pub name: String,
    pub total: Decimal,
    pub percent: Decimal,
    pub level_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTable {
    pub group_id: String,
    pub max: Decimal,
    pub rows: Vec<RankedRow>,
    /// Exact mean of the totals.
    pub average_exact: Decimal,
    /// Mean rounded half away from zero to 2 decimals, as published.
    pub average: Decimal,
}

/// Competition ranks ("1, 2, 2, 4") of totals already sorted from highest.
#[must_use]
pub fn competition_ranks(sorted_desc: &[Decimal]) -> Vec<usize> {
    let mut ranks = Vec::with_capacity(sorted_desc.len());
    for (i, total) in sorted_desc.iter().enumerate() {
        let rank = if i > 0 && sorted_desc[i - 1] == *total { ranks[i - 1] } else { i + 1 };
        ranks.push(rank);
    }
    ranks
}

/// Exact mean; `None` for no values.
#[must_use]
pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
    Some(sum / Decimal::from(values.len()))
}

/// Ranks entries per group (groups in the framework's order; empty groups left out).
/// Equal totals share a rank and keep their input order.
pub fn rank(framework: &Framework, entries: &[RankInput]) -> Result<Vec<GroupTable>, Error> {
    for e in entries {
        let g = framework.group(&e.group).ok_or_else(|| unknown_group(framework, "", e.line, &e.group))?;
        if e.total < Decimal::ZERO || e.total > g.max_points {
            let max = crate::number::format_compact(g.max_points);
            let total = crate::number::format_compact(e.total);
            return Err(Error::input(
                "",
                e.line,
                format!("{}: tổng điểm {total} nằm ngoài 0..{max} của nhóm {}", e.name, e.group),
                format!("{}: total {total} is outside 0..{max} of group {}", e.name, e.group),
            ));
        }
    }
    let mut tables = Vec::new();
    for group in &framework.groups {
        let mut rows: Vec<&RankInput> = entries.iter().filter(|e| e.group == group.id).collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.total));
        let totals: Vec<Decimal> = rows.iter().map(|r| r.total).collect();
        let ranks = competition_ranks(&totals);
        let average_exact = mean(&totals).unwrap_or_default();
        tables.push(GroupTable {
            group_id: group.id.clone(),
            max: group.max_points,
            rows: rows
                .iter()
                .zip(ranks)
                .map(|(r, rank)| {
                    let percent = percent_of(r.total, group.max_points);
                    RankedRow {
                        rank,
                        name: r.name.clone(),
                        total: r.total,
                        percent,
                        level_id: level_for(&framework.levels, percent).id.clone(),
                    }
                })
                .collect(),
            average_exact,
            average: round2(average_exact),
        });
    }
    Ok(tables)
}

/// Where `total` would stand among `others` of one group: (rank, number ranked).
/// A row whose name matches `agency` (spelling-tolerant) is the agency's own earlier
/// result and is replaced, not counted twice.
#[must_use]
pub fn would_rank(others: &[RankInput], group: &str, agency: &str, total: Decimal) -> (usize, usize) {
    let key = name_key(agency);
    let peers: Vec<&RankInput> = others
        .iter()
        .filter(|r| r.group == group && (key.is_empty() || name_key(&r.name) != key))
        .collect();
    let above = peers.iter().filter(|r| r.total > total).count();
    (above + 1, peers.len() + 1)
}

/// [`would_rank`] among the published results of `group`; `None` when the province published
/// none for that group (districts rank their own agencies and communes), so that no one is
/// shown "1st of 1".
#[must_use]
pub fn published_position(published: &[RankInput], group: &str, agency: &str, total: Decimal) -> Option<(usize, usize)> {
    published.iter().any(|r| r.group == group).then(|| would_rank(published, group, agency, total))
}

/// Column positions of a CSV header, by name; a missing column is an error naming it.
pub(crate) fn columns(file: &str, headers: &csv::StringRecord, wanted: &[&str]) -> Result<Vec<usize>, Error> {
    wanted
        .iter()
        .map(|name| {
            headers.iter().position(|h| h.trim() == *name).ok_or_else(|| {
                Error::input(
                    file,
                    1,
                    format!("thiếu cột “{name}” (cần các cột: {})", wanted.join(",")),
                    format!("missing column “{name}” (columns needed: {})", wanted.join(",")),
                )
            })
        })
        .collect()
}

/// A row names a group the set does not have.
pub(crate) fn unknown_group(framework: &Framework, file: &str, line: usize, group: &str) -> Error {
    let known = framework.groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ");
    Error::input(
        file,
        line,
        format!("nhóm “{group}” không có trong bộ chỉ số {} (có: {known})", framework.id),
        format!("group “{group}” is not in indicator set {} (available: {known})", framework.id),
    )
}

pub(crate) fn missing_name(file: &str, line: usize) -> Error {
    Error::input(file, line, "thiếu tên cơ quan (cột name)", "missing agency name (column name)")
}

pub(crate) fn csv_error(file: &str, e: &csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line() as usize);
    Error::input(file, line, format!("CSV không hợp lệ ({e})"), format!("invalid CSV ({e})"))
}

pub(crate) fn decimal_field(file: &str, line: usize, column: &str, text: &str) -> Result<Decimal, Error> {
    parse_vn(text).map_err(|source| Error::InputNumber { file: file.to_owned(), line, column: column.to_owned(), source })
}

/// Reads `group,name,total` (totals with comma or dot decimals; extra columns ignored).
pub fn parse_rank_csv(file: &str, bytes: &[u8]) -> Result<Vec<RankInput>, Error> {
    let text = decode_input(file, bytes)?;
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let cols = columns(file, &headers, &["group", "name", "total"])?;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| record.get(cols[i]).unwrap_or("").trim();
        if field(1).is_empty() {
            return Err(missing_name(file, line));
        }
        out.push(RankInput {
            group: field(0).to_owned(),
            name: field(1).to_owned(),
            total: decimal_field(file, line, "total", field(2))?,
            line,
        });
    }
    if out.is_empty() {
        return Err(Error::input(file, 0, "tệp không có dòng dữ liệu nào", "the file has no data rows"));
    }
    Ok(out)
}

/// Unknown-group errors from [`rank`] carry no file name; this adds it.
pub fn rank_file(framework: &Framework, file: &str, bytes: &[u8]) -> Result<Vec<GroupTable>, Error> {
    let entries = parse_rank_csv(file, bytes)?;
    rank(framework, &entries).map_err(|e| match e {
        Error::Input { line, reason, reason_en, .. } => Error::Input { file: file.to_owned(), line, reason, reason_en },
        other => other,
    })
}
