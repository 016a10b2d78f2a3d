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

/// Reads an appendix to check, in either form: the CSV `check` reads
/// (`group,rank,name,total,level,group_average`), or the decision's printed form as it
/// comes out of Word or a spreadsheet (pasted: cells split by tabs; or saved as CSV): per
/// group a title line naming the group ("1. Nhóm các huyện, thị xã, thành phố …"), a
/// heading line (Xếp hạng, Tên cơ quan, Tổng điểm, Mức xếp hạng, in any order), the rows,
/// and a "Điểm trung bình" line with the average in the total column. Figures as the
/// decision prints them ("625,30") or with a dot. Line numbers are the text's.
pub fn parse_appendix(framework: &Framework, file: &str, bytes: &[u8]) -> Result<Vec<PublishedRow>, Error> {
    let text = crate::upload::decode(file, bytes)?;
    let sep = if text.contains('\t') { b'\t' } else { crate::table::detect_separator(text) };
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            Error::input(file, line, "dòng không đọc được (dấu ngoặc kép không đóng?)", "unreadable line (an unclosed quote?)")
        })?;
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cells: Vec<String> = record.iter().map(|c| crate::export::unguard(c.trim()).to_owned()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            records.push((line, cells));
        }
    }
    let is_csv_header = |cells: &[String]| ["group", "rank", "name", "total"].iter().all(|w| cells.iter().any(|c| c.trim_start_matches('\u{feff}') == *w));
    match records.first() {
        None => return Err(Error::input(file, 0, "tệp rỗng", "the file is empty")),
        Some((_, cells)) if is_csv_header(cells) => return crate::check::parse_published(framework, file, bytes),
        Some(_) => {}
    }
    printed(framework, file, &records)
}

/// Columns of the printed form, from its heading line.
#[derive(Clone, Copy)]
struct Columns {
    rank: usize,
    name: usize,
    total: usize,
    level: usize,
}

fn heading(cells: &[String]) -> Option<Columns> {
    let find = |test: &dyn Fn(&str) -> bool| cells.iter().position(|c| test(&crate::text::name_key(c)));
    let level = find(&|k| k.starts_with("muc") || k == "level")?;
    let rank = find(&|k| (k.starts_with("xep hang") || k == "rank" || k == "stt") && !k.starts_with("muc"))?;
    let total = find(&|k| k.starts_with("tong diem") || k.starts_with("total") || k == "diem")?;
    let name = find(&|k| k.contains("co quan") || k.starts_with("ten") || k.starts_with("agency") || k.contains("don vi"))?;
    Some(Columns { rank, name, total, level })
}

/// The group a title line names: the longest group name (Vietnamese or English) it
/// contains, or an id alone in a cell, so "… không có thủ tục hành chính" is not taken for "… có thủ tục hành chính".
fn group_of<'a>(framework: &'a Framework, cells: &[String]) -> Option<&'a str> {
    let line = crate::text::name_key(&cells.join(" "));
    // An id only as a whole cell ("huyen" is inside "chuyển đổi"); names anywhere.
    let id_cell = |id: &str| cells.iter().any(|c| c.trim() == id);
    framework
        .groups
        .iter()
        .flat_map(|g| [(g, crate::text::name_key(&g.name_vi)), (g, crate::text::name_key(&g.name_en))])
        .filter(|(_, key)| !key.is_empty() && line.contains(key.as_str()))
        .chain(framework.groups.iter().filter(|g| id_cell(&g.id)).map(|g| (g, g.id.clone())))
        .max_by_key(|(_, key)| key.len())
        .map(|(g, _)| g.id.as_str())
}

fn printed(framework: &Framework, file: &str, records: &[(usize, Vec<String>)]) -> Result<Vec<PublishedRow>, Error> {
    let cell = |cells: &[String], i: usize| cells.get(i).map_or("", String::as_str).to_owned();
    let mut rows: Vec<PublishedRow> = Vec::new();
    let mut group: Option<(&str, usize)> = None; // id, index of its first row in `rows`
    let mut columns: Option<Columns> = None;
    let mut averaged: Vec<&str> = Vec::new();
    let close = |group: Option<(&str, usize)>, averaged: &[&str], line: usize| -> Result<(), Error> {
        match group {
            Some((id, _)) if !averaged.contains(&id) => Err(Error::input(
                file,
                line,
                format!("nhóm {id} không có dòng “Điểm trung bình” trước dòng này"),
                format!("group {id} has no “Điểm trung bình” (average) line before this line"),
            )),
            _ => Ok(()),
        }
    };
    for (line, cells) in records {
        let line = *line;
        if let Some(c) = heading(cells) {
            columns = Some(c);
            continue;
        }
        let is_average = cells.iter().any(|c| {
            let k = crate::text::name_key(c);
            k == "diem trung binh" || k == "average" || k == "average score" || k == "trung binh"
        });
        if is_average {
            let (Some((id, first)), Some(cols)) = (group, columns) else {
                return Err(Error::input(file, line, "dòng “Điểm trung bình” trước tên nhóm và dòng tiêu đề", "an average line before the group's title and heading"));
            };
            let average = crate::rank::decimal_field(file, line, "Tổng điểm", &cell(cells, cols.total))?;
            for r in &mut rows[first..] {
                r.group_average = average;
            }
            averaged.push(id);
            continue;
        }
        let rank_text = columns.map(|c| cell(cells, c.rank)).unwrap_or_default();
        let is_row = !rank_text.is_empty() && rank_text.chars().all(|c| c.is_ascii_digit());
        if !is_row {
            if let Some(id) = group_of(framework, cells) {
                close(group, &averaged, line)?;
                group = Some((id, rows.len()));
                continue;
            }
            if group.is_none() {
                // Before the first group: the document's own title lines.
                continue;
            }
            let shown = crate::text::clip(&cells.join(" | "));
            return Err(Error::input(
                file,
                line,
                format!("không hiểu dòng này (không phải tên nhóm của bộ chỉ số {}, dòng tiêu đề, dòng xếp hạng hay “Điểm trung bình”): “{shown}”", framework.id),
                format!("cannot read this line (not a group title of set {}, a heading, a ranked row or “Điểm trung bình”): “{shown}”", framework.id),
            ));
        }
        let (Some((id, _)), Some(cols)) = (group, columns) else {
            return Err(Error::input(
                file,
                line,
                "dòng xếp hạng trước tên nhóm (ví dụ “1. Nhóm các huyện, thị xã, thành phố”)",
                "a ranked row before the group's title (e.g. “1. Nhóm các huyện, thị xã, thành phố”)",
            ));
        };
        let name = cell(cells, cols.name);
        if name.is_empty() {
            return Err(crate::rank::missing_name(file, line));
        }
        let total = crate::rank::decimal_field(file, line, "Tổng điểm", &cell(cells, cols.total))?;
        if total < Decimal::ZERO {
            let shown = crate::number::format_compact(total);
            return Err(Error::input(
                file,
                line,
                format!("cột Tổng điểm, {}: tổng điểm {shown} âm", crate::text::clip(&name)),
                format!("column Tổng điểm, {}: total {shown} is negative", crate::text::clip(&name)),
            ));
        }
        rows.push(PublishedRow {
            line,
            group: id.to_owned(),
            rank: rank_text.parse().unwrap_or(0),
            name,
            total,
            level: cell(cells, cols.level),
            group_average: Decimal::ZERO,
        });
    }
    let last = records.last().map_or(0, |r| r.0);
    close(group, &averaged, last)?;
    if rows.is_empty() {
        return Err(Error::input(file, 0, "không có dòng xếp hạng nào", "no ranked rows"));
    }
    Ok(rows)
}
