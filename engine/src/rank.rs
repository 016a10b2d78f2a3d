//! Ranking tables per group, as in the decision's appendix.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::number::{parse_vn, round2};
use crate::text::name_key;

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

/// Exact mean; `None` for no values or when the sum overflows (callers report that, a
/// mean is never taken as 0).
#[must_use]
pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let sum = crate::number::checked_sum(values.iter().copied())?;
    sum.checked_div(Decimal::from(values.len()))
}

/// The error for a group whose totals cannot be averaged.
pub(crate) fn mean_overflow(group: &str) -> Error {
    let group = crate::text::clip(group);
    Error::overflow(format!("tổng các tổng điểm của nhóm {group}"), format!("the sum of the totals of group {group}"))
}

/// Ranks entries per group (groups in the framework's order; empty groups left out).
/// Equal totals share a rank and keep their input order. The same agency twice (names
/// equal by [`name_key`]: case, tone marks, spacing) is an error naming both lines, since
/// a ranking that lists it twice is wrong and `check` would say so.
pub fn rank(framework: &Framework, entries: &[RankInput]) -> Result<Vec<GroupTable>, Error> {
    let mut seen: std::collections::HashMap<String, (usize, &str)> = std::collections::HashMap::with_capacity(entries.len());
    for e in entries {
        let g = framework.group(&e.group).ok_or_else(|| unknown_group(framework, "", e.line, &e.group))?;
        if e.total < Decimal::ZERO || e.total > g.max_points {
            let max = crate::number::format_compact(g.max_points);
            let total = crate::number::format_compact(e.total);
            let name = crate::text::clip(&e.name);
            return Err(Error::input(
                "",
                e.line,
                format!("cột total, {name}: tổng điểm {total} nằm ngoài 0..{max} của nhóm {}", e.group),
                format!("column total, {name}: total {total} is outside 0..{max} of group {}", e.group),
            ));
        }
        if let Some((first_line, first_name)) = seen.insert(name_key(&e.name), (e.line, &e.name)) {
            let (a, b) = (crate::text::clip(first_name), crate::text::clip(&e.name));
            return Err(Error::input(
                "",
                e.line,
                format!("cột name: “{b}” trùng với “{a}” ở dòng {first_line} (cùng tên khi bỏ qua chữ hoa, dấu và khoảng trắng); mỗi cơ quan chỉ một dòng"),
                format!("column name: “{b}” is the same agency as “{a}” on line {first_line} (equal ignoring case, tone marks and spaces); one row per agency"),
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
        let average_exact = mean(&totals).ok_or_else(|| mean_overflow(&group.id))?;
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

/// A row names a group the set does not have.
pub(crate) fn unknown_group(framework: &Framework, file: &str, line: usize, group: &str) -> Error {
    let known = framework.groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ");
    let group = crate::text::clip(group);
    Error::input(
        file,
        line,
        format!("cột group: nhóm “{group}” không có trong bộ chỉ số {} (có: {known})", framework.id),
        format!("column group: group “{group}” is not in indicator set {} (available: {known})", framework.id),
    )
}

pub(crate) fn missing_name(file: &str, line: usize) -> Error {
    Error::input(file, line, "cột name: thiếu tên cơ quan", "column name: missing agency name")
}

pub(crate) fn decimal_field(file: &str, line: usize, column: &str, text: &str) -> Result<Decimal, Error> {
    parse_vn(text).map_err(|source| Error::InputNumber { file: file.to_owned(), line, column: column.to_owned(), source })
}

/// Reads `group,name,total` (totals with comma or dot decimals; extra columns ignored;
/// `,`, `;` or tab between fields, as detected from the header).
pub fn parse_rank_csv(file: &str, bytes: &[u8]) -> Result<Vec<RankInput>, Error> {
    let mut out = Vec::new();
    crate::table::read_rows(file, bytes, &["group", "name", "total"], |line, f| {
        if f[1].is_empty() {
            return Err(missing_name(file, line));
        }
        out.push(RankInput { group: f[0].to_owned(), name: f[1].to_owned(), total: decimal_field(file, line, "total", f[2])?, line });
        Ok(())
    })?;
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

/// The ranking as the CSV `check` reads (`group,rank,name,total,level,group_average`), so
/// `dti rank X --format csv | dti check -` agrees. Text cells are guarded against formula
/// injection ([`crate::export::guard`]); the reader removes the guard.
pub fn write_rank_csv<W: std::io::Write>(out: W, framework: &Framework, tables: &[GroupTable]) -> std::io::Result<()> {
    use crate::export::guard;
    use crate::number::format_machine;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["group", "rank", "name", "total", "level", "group_average"])?;
    for t in tables {
        let avg = format_machine(t.average);
        for r in &t.rows {
            let rank = r.rank.to_string();
            let level = framework.level_name(&r.level_id, crate::Lang::Vi);
            // The exact total, so `check` sees what `rank` saw: "625.30" as published when
            // it has at most 2 decimals, else with a decimal comma ("750,004"), which
            // the reader cannot take for a thousands separator.
            let total = if r.total.normalize().scale() <= 2 {
                format_machine(r.total)
            } else {
                r.total.normalize().to_string().replace('.', ",")
            };
            w.write_record([guard(&t.group_id).as_ref(), &rank, &guard(&r.name), &total, &guard(&level), &avg])?;
        }
    }
    w.flush()
}
