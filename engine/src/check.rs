//! Checks a published (or draft) ranking appendix against the rules of its set:
//! levels from the exact percentage, ranks from the totals, averages from the totals.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::number::{format_percent, format_points, round2};
use crate::rank::{competition_ranks, decimal_field, mean, mean_overflow, missing_name, unknown_group};
use crate::table::read_rows;
use crate::text::{clip, name_key};

/// One row of `group,rank,name,total,level,group_average`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedRow {
    pub line: usize,
    pub group: String,
    pub rank: usize,
    pub name: String,
    pub total: Decimal,
    /// Level as printed (a name or an id).
    pub level: String,
    pub group_average: Decimal,
}

/// An inconsistency, with the figures that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The printed level is not the one the rule gives for the exact percentage.
    Level { line: usize, name: String, total: Decimal, percent: Decimal, printed: String, expected_id: String },
    /// The printed level names no level of the set.
    UnknownLevel { line: usize, name: String, printed: String },
    /// The printed rank differs from the rank the totals give.
    Rank { line: usize, name: String, total: Decimal, printed: usize, expected: usize },
    /// The printed group average is not the mean of the printed totals, rounded.
    Average { group: String, printed: Decimal, expected: Decimal, exact: Decimal, rows: usize },
    /// Rows of one group print different averages.
    AverageVaries { line: usize, group: String, printed: Decimal, first: Decimal },
    /// A total above the group's maximum.
    AboveMax { line: usize, name: String, total: Decimal, max: Decimal },
    /// The same agency listed twice in one group.
    Duplicate { line: usize, name: String, first_line: usize },
    /// A row separated from the block of its group.
    OutOfBlock { line: usize, name: String, group: String },
}

impl Finding {
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Level { .. } => "level",
            Finding::UnknownLevel { .. } => "unknown_level",
            Finding::Rank { .. } => "rank",
            Finding::Average { .. } => "average",
            Finding::AverageVaries { .. } => "average_varies",
            Finding::AboveMax { .. } => "above_max",
            Finding::Duplicate { .. } => "duplicate",
            Finding::OutOfBlock { .. } => "out_of_block",
        }
    }

    /// Line of the file the finding is about (0 for a whole group).
    #[must_use]
    pub fn line(&self) -> usize {
        match self {
            Finding::Level { line, .. }
            | Finding::UnknownLevel { line, .. }
            | Finding::Rank { line, .. }
            | Finding::AverageVaries { line, .. }
            | Finding::AboveMax { line, .. }
            | Finding::Duplicate { line, .. }
            | Finding::OutOfBlock { line, .. } => *line,
            Finding::Average { .. } => 0,
        }
    }

    #[must_use]
    pub fn message(&self, framework: &Framework, lang: Lang) -> String {
        let level_name = |id: &str| framework.level_name(id, lang);
        let vi = lang == Lang::Vi;
        match self {
            Finding::Level { line, name, total, percent, printed, expected_id } => {
                let name = clip(name);
                let printed = clip(printed);
                let (t, p, e) = (format_points(*total), format_percent(*percent), level_name(expected_id));
                if vi {
                    format!("dòng {line}, cột level, {name}: {t} điểm = {p} → mức “{e}”, nhưng in là “{printed}”")
                } else {
                    format!("line {line}, column level, {name}: {t} points = {p} → level “{e}”, but printed “{printed}”")
                }
            }
            Finding::UnknownLevel { line, name, printed } => {
                let name = clip(name);
                let printed = clip(printed);
                if vi {
                    format!("dòng {line}, cột level, {name}: mức “{printed}” không có trong bộ chỉ số")
                } else {
                    format!("line {line}, column level, {name}: level “{printed}” is not in the indicator set")
                }
            }
            Finding::Rank { line, name, total, printed, expected } => {
                let name = clip(name);
                let t = format_points(*total);
                if vi {
                    format!("dòng {line}, cột rank, {name}: {t} điểm xếp hạng {expected}, nhưng in là {printed}")
                } else {
                    format!("line {line}, column rank, {name}: {t} points ranks {expected}, but printed {printed}")
                }
            }
            Finding::Average { group, printed, expected, exact, rows } => {
                let (p, e) = (format_points(*printed), format_points(*expected));
                let x = crate::number::format_vn(*exact, 6);
                if vi {
                    format!("nhóm {group}, cột group_average: điểm trung bình in là {p}, nhưng trung bình cộng {rows} tổng điểm là {x}… → {e}")
                } else {
                    format!("group {group}, column group_average: printed average {p}, but the mean of the {rows} totals is {x}… → {e}")
                }
            }
            Finding::AverageVaries { line, group, printed, first } => {
                let (p, f) = (format_points(*printed), format_points(*first));
                if vi {
                    format!("dòng {line}, cột group_average: điểm trung bình nhóm {group} in là {p}, khác {f} ở các dòng trước")
                } else {
                    format!("line {line}, column group_average: group {group} average printed as {p}, unlike {f} on earlier lines")
                }
            }
            Finding::AboveMax { line, name, total, max } => {
                let name = clip(name);
                let (t, m) = (format_points(*total), format_points(*max));
                if vi {
                    format!("dòng {line}, cột total, {name}: tổng điểm {t} vượt điểm tối đa của nhóm {m}")
                } else {
                    format!("line {line}, column total, {name}: total {t} exceeds the group maximum {m}")
                }
            }
            Finding::Duplicate { line, name, first_line } => {
                let name = clip(name);
                if vi {
                    format!("dòng {line}, cột name: {name} đã có ở dòng {first_line}")
                } else {
                    format!("line {line}, column name: {name} already appears on line {first_line}")
                }
            }
            Finding::OutOfBlock { line, name, group } => {
                let name = clip(name);
                if vi {
                    format!("dòng {line}, cột group, {name}: thuộc nhóm {group} nhưng nằm tách khỏi các dòng của nhóm đó")
                } else {
                    format!("line {line}, column group, {name}: belongs to group {group} but stands apart from that group's rows")
                }
            }
        }
    }
}

/// Reads an appendix CSV; unknown groups, unreadable numbers and negative totals are
/// input errors (as in `rank`). `,`, `;` or tab between fields, as detected.
pub fn parse_published(framework: &Framework, file: &str, bytes: &[u8]) -> Result<Vec<PublishedRow>, Error> {
    let mut rows = Vec::new();
    let wanted = ["group", "rank", "name", "total", "level", "group_average"];
    read_rows(file, bytes, &wanted, |line, f| {
        if framework.group(f[0]).is_none() {
            return Err(unknown_group(framework, file, line, f[0]));
        }
        let rank = f[1].parse::<usize>().map_err(|_| {
            Error::input(
                file,
                line,
                format!("cột rank: “{}” không phải số thứ hạng", clip(f[1])),
                format!("column rank: “{}” is not a rank number", clip(f[1])),
            )
        })?;
        if f[2].is_empty() {
            return Err(missing_name(file, line));
        }
        let total = decimal_field(file, line, "total", f[3])?;
        if total < Decimal::ZERO {
            let shown = crate::number::format_compact(total);
            return Err(Error::input(
                file,
                line,
                format!("cột total, {}: tổng điểm {shown} âm", clip(f[2])),
                format!("column total, {}: total {shown} is negative", clip(f[2])),
            ));
        }
        rows.push(PublishedRow {
            line,
            group: f[0].to_owned(),
            rank,
            name: f[2].to_owned(),
            total,
            level: f[4].to_owned(),
            group_average: decimal_field(file, line, "group_average", f[5])?,
        });
        Ok(())
    })?;
    Ok(rows)
}

/// Printed level → level id, by id or by either name (spelling-tolerant); the names'
/// keys are computed once per check, not once per row.
fn level_keys(framework: &Framework) -> Vec<(&str, String, String)> {
    framework.levels.iter().map(|l| (l.id.as_str(), name_key(&l.name_vi), name_key(&l.name_en))).collect()
}

fn level_id_of<'a>(keys: &[(&'a str, String, String)], printed: &str) -> Option<&'a str> {
    let key = name_key(printed);
    keys.iter().find(|(id, vi, en)| *id == printed || *vi == key || *en == key).map(|(id, _, _)| *id)
}

/// Every inconsistency of an appendix, in file order within each kind of check. Linear
/// in the rows (maps, not scans); an error only when a group's totals overflow their sum.
pub fn check(framework: &Framework, rows: &[PublishedRow]) -> Result<Vec<Finding>, Error> {
    let mut findings = Vec::new();
    let keys = level_keys(framework);
    // Blocks: a group's rows must stand together, as the decision prints them.
    let mut closed: Vec<&str> = Vec::new();
    let mut current: Option<&str> = None;
    for row in rows {
        if current != Some(row.group.as_str()) {
            if closed.contains(&row.group.as_str()) {
                findings.push(Finding::OutOfBlock { line: row.line, name: row.name.clone(), group: row.group.clone() });
                continue;
            }
            if let Some(c) = current {
                closed.push(c);
            }
            current = Some(&row.group);
        }
    }
    for group in &framework.groups {
        let members: Vec<&PublishedRow> = rows.iter().filter(|r| r.group == group.id).collect();
        if members.is_empty() {
            continue;
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &members {
            if let Some(first_line) = seen.get(&name_key(&row.name)) {
                findings.push(Finding::Duplicate { line: row.line, name: row.name.clone(), first_line: *first_line });
            } else {
                seen.insert(name_key(&row.name), row.line);
            }
            if row.total > group.max_points {
                findings.push(Finding::AboveMax { line: row.line, name: row.name.clone(), total: row.total, max: group.max_points });
            }
            let percent = percent_of(row.total, group.max_points);
            let expected = level_for(&framework.levels, percent);
            match level_id_of(&keys, &row.level) {
                None => findings.push(Finding::UnknownLevel { line: row.line, name: row.name.clone(), printed: row.level.clone() }),
                Some(id) if id != expected.id => findings.push(Finding::Level {
                    line: row.line,
                    name: row.name.clone(),
                    total: row.total,
                    percent,
                    printed: row.level.clone(),
                    expected_id: expected.id.clone(),
                }),
                Some(_) => {}
            }
        }
        let mut sorted: Vec<Decimal> = members.iter().map(|r| r.total).collect();
        sorted.sort_by(|a, b| b.cmp(a));
        let ranks = competition_ranks(&sorted);
        // A total's rank is the rank of its first place in the sorted list.
        let mut rank_of: std::collections::HashMap<Decimal, usize> = std::collections::HashMap::with_capacity(sorted.len());
        for (total, rank) in sorted.iter().zip(&ranks) {
            rank_of.entry(*total).or_insert(*rank);
        }
        for row in &members {
            let expected = rank_of.get(&row.total).copied().unwrap_or(1);
            if row.rank != expected {
                findings.push(Finding::Rank { line: row.line, name: row.name.clone(), total: row.total, printed: row.rank, expected });
            }
        }
        let first = members[0].group_average;
        for row in &members[1..] {
            if row.group_average != first {
                findings.push(Finding::AverageVaries { line: row.line, group: group.id.clone(), printed: row.group_average, first });
            }
        }
        let exact = mean(&sorted).ok_or_else(|| mean_overflow(&group.id))?;
        let expected = round2(exact);
        if first != expected {
            findings.push(Finding::Average { group: group.id.clone(), printed: first, expected, exact, rows: members.len() });
        }
    }
    Ok(findings)
}
