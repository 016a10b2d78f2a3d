//! Checks a published (or draft) ranking appendix against the rules of its set:
//! levels from the exact percentage, ranks from the totals, averages from the totals.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::number::{format_percent, format_points, round2};
use crate::rank::{columns, competition_ranks, csv_error, decimal_field, mean, missing_name, unknown_group};
use crate::text::{decode_input, name_key};

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
                let (t, p, e) = (format_points(*total), format_percent(*percent), level_name(expected_id));
                if vi {
                    format!("dòng {line}, {name}: {t} điểm = {p} → mức “{e}”, nhưng in là “{printed}”")
                } else {
                    format!("line {line}, {name}: {t} points = {p} → level “{e}”, but printed “{printed}”")
                }
            }
            Finding::UnknownLevel { line, name, printed } => {
                if vi {
                    format!("dòng {line}, {name}: mức “{printed}” không có trong bộ chỉ số")
                } else {
                    format!("line {line}, {name}: level “{printed}” is not in the indicator set")
                }
            }
            Finding::Rank { line, name, total, printed, expected } => {
                let t = format_points(*total);
                if vi {
                    format!("dòng {line}, {name}: {t} điểm xếp hạng {expected}, nhưng in là {printed}")
                } else {
                    format!("line {line}, {name}: {t} points ranks {expected}, but printed {printed}")
                }
            }
            Finding::Average { group, printed, expected, exact, rows } => {
                let (p, e) = (format_points(*printed), format_points(*expected));
                let x = crate::number::format_vn(*exact, 6);
                if vi {
                    format!("nhóm {group}: điểm trung bình in là {p}, nhưng trung bình cộng {rows} tổng điểm là {x}… → {e}")
                } else {
                    format!("group {group}: printed average {p}, but the mean of the {rows} totals is {x}… → {e}")
                }
            }
            Finding::AverageVaries { line, group, printed, first } => {
                let (p, f) = (format_points(*printed), format_points(*first));
                if vi {
                    format!("dòng {line}: điểm trung bình nhóm {group} in là {p}, khác {f} ở các dòng trước")
                } else {
                    format!("line {line}: group {group} average printed as {p}, unlike {f} on earlier lines")
                }
            }
            Finding::AboveMax { line, name, total, max } => {
                let (t, m) = (format_points(*total), format_points(*max));
                if vi {
                    format!("dòng {line}, {name}: tổng điểm {t} vượt điểm tối đa của nhóm {m}")
                } else {
                    format!("line {line}, {name}: total {t} exceeds the group maximum {m}")
                }
            }
            Finding::Duplicate { line, name, first_line } => {
                if vi {
                    format!("dòng {line}: {name} đã có ở dòng {first_line}")
                } else {
                    format!("line {line}: {name} already appears on line {first_line}")
                }
            }
            Finding::OutOfBlock { line, name, group } => {
                if vi {
                    format!("dòng {line}, {name}: thuộc nhóm {group} nhưng nằm tách khỏi các dòng của nhóm đó")
                } else {
                    format!("line {line}, {name}: belongs to group {group} but stands apart from that group's rows")
                }
            }
        }
    }
}

/// Reads an appendix CSV; unknown groups and unreadable numbers are input errors.
pub fn parse_published(framework: &Framework, file: &str, bytes: &[u8]) -> Result<Vec<PublishedRow>, Error> {
    let text = decode_input(file, bytes)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let cols = columns(file, &headers, &["group", "rank", "name", "total", "level", "group_average"])?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| record.get(cols[i]).unwrap_or("").trim();
        let group = field(0);
        if framework.group(group).is_none() {
            return Err(unknown_group(framework, file, line, group));
        }
        let rank = field(1).parse::<usize>().map_err(|_| {
            Error::input(
                file,
                line,
                format!("cột rank: “{}” không phải số thứ hạng", field(1)),
                format!("column rank: “{}” is not a rank number", field(1)),
            )
        })?;
        if field(2).is_empty() {
            return Err(missing_name(file, line));
        }
        rows.push(PublishedRow {
            line,
            group: group.to_owned(),
            rank,
            name: field(2).to_owned(),
            total: decimal_field(file, line, "total", field(3))?,
            level: field(4).to_owned(),
            group_average: decimal_field(file, line, "group_average", field(5))?,
        });
    }
    if rows.is_empty() {
        return Err(Error::input(file, 0, "tệp không có dòng dữ liệu nào", "the file has no data rows"));
    }
    Ok(rows)
}

fn level_id_of<'a>(framework: &'a Framework, printed: &str) -> Option<&'a str> {
    let key = name_key(printed);
    framework
        .levels
        .iter()
        .find(|l| l.id == printed || name_key(&l.name_vi) == key || name_key(&l.name_en) == key)
        .map(|l| l.id.as_str())
}

/// Every inconsistency of an appendix, in file order within each kind of check.
#[must_use]
pub fn check(framework: &Framework, rows: &[PublishedRow]) -> Vec<Finding> {
    let mut findings = Vec::new();
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
            match level_id_of(framework, &row.level) {
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
        for row in &members {
            let pos = sorted.iter().position(|t| *t == row.total).unwrap_or(0);
            let expected = ranks.get(pos).copied().unwrap_or(1);
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
        let exact = mean(&sorted).unwrap_or_default();
        let expected = round2(exact);
        if first != expected {
            findings.push(Finding::Average { group: group.id.clone(), printed: first, expected, exact, rows: members.len() });
        }
    }
    findings
}
