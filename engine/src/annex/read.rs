//! Reading a set from its two sheets: the indicator tree, then the engine's own checks.

use rust_decimal::Decimal;

use crate::error::Error;
use crate::framework::{Framework, Group, Indicator, Method, Provenance, Status};

use super::check::check_items;
use super::columns::read_header;
use super::item::read_item;
use super::layout::{max_header, Col, GROUP_HEAD, K_ID, K_NOTE, K_NOTE_EN, K_PROVINCE, K_STATUS, K_TITLE, K_TITLE_EN, K_YEAR};
use super::model::{number, Cell, Sheet};
use super::problems::{canonical_sheet, col_name, ImportError, Problems};
use super::set_sheet::read_set_sheet;
use super::words::{or_vi, status_of, status_word};

/// One indicator row as read.
pub(super) struct Item {
    pub(super) row: usize,
    pub(super) depth: usize,
    pub(super) code: String,
    pub(super) name_vi: String,
    pub(super) name_en: String,
    /// (group index, maximum) of every filled group column.
    pub(super) maxes: Vec<(usize, Decimal)>,
    /// The row's maximum when its group columns agree.
    pub(super) max: Option<Decimal>,
    pub(super) method: Option<Method>,
    /// The first method-parameter column filled (for a parent, that is an error).
    pub(super) method_cells: Option<usize>,
    /// The "Cách tính" cell is filled (an unknown word is reported once, where read).
    pub(super) method_given: bool,
    pub(super) rule_vi: String,
    pub(super) rule_en: String,
    pub(super) evidence_vi: String,
    pub(super) evidence_en: String,
    pub(super) source: String,
    pub(super) provenance: Option<Provenance>,
    pub(super) children: Vec<usize>,
    /// Index of the top-level item this one sits under (itself for a main).
    pub(super) main: usize,
}

/// Reads a set from its two sheets.
pub fn read(file: &str, set: &Sheet, table: &Sheet) -> Result<Framework, ImportError> {
    let mut p = Problems { file, list: Vec::new() };
    let part = read_set_sheet(set, &mut p);
    if part.groups.is_empty() {
        return Err(p.into_error());
    }
    let groups: Vec<Group> = part.groups.iter().map(|(_, g)| g.clone()).collect();
    let Some((head_pos, cols)) = read_header(table, &groups, &mut p) else {
        return Err(p.into_error());
    };
    if cols.index(Col::Code).is_none() || cols.index(Col::Method).is_none() {
        return Err(p.into_error());
    }
    let tname = table.name.as_str();
    let mut list: Vec<Item> = Vec::new();
    // Parents by depth while walking down the rows.
    let mut stack: Vec<usize> = Vec::new();
    let has_depth = cols.index(Col::Depth).is_some();
    for row in table.rows[head_pos + 1..].iter().filter(|r| !r.is_empty()) {
        let Some(item) = read_item(row, &cols, &groups, tname, &mut p) else { continue };
        let depth_ok = if has_depth {
            item.depth >= 1 && item.depth <= stack.len() + 1
        } else {
            item.depth <= stack.len() + 1
        };
        if !depth_ok {
            p.add(tname, row.number, cols.name(if has_depth { Col::Depth } else { Col::Code }),
                format!("cấp {} ngay sau một chỉ số cấp {}: chỉ số con chỉ sâu hơn chỉ số cha một cấp", item.depth, stack.len()),
                format!("level {} right after a level-{} indicator: a child is one level below its parent", item.depth, stack.len()));
            continue;
        }
        stack.truncate(item.depth - 1);
        let index = list.len();
        let mut item = item;
        if let Some(&parent) = stack.last() {
            let pc = &list[parent].code;
            if !has_depth && !item.code.starts_with(&format!("{pc}.")) {
                p.add(tname, row.number, cols.name(Col::Code),
                    format!("mã “{}” nằm sau chỉ số “{pc}” (dòng {}): mã chỉ số con bắt đầu bằng “{pc}.”, hoặc thêm cột “Cấp”", item.code, list[parent].row),
                    format!("code “{}” follows indicator “{pc}” (row {}): a child's code starts with “{pc}.”, or add the column “Cấp”", item.code, list[parent].row));
            }
            item.main = list[parent].main;
            list[parent].children.push(index);
        } else {
            item.main = index;
        }
        stack.push(index);
        list.push(item);
    }
    check_items(&mut list, &cols, &groups, tname, &mut p);
    let mains: Vec<usize> = (0..list.len()).filter(|&i| list[i].main == i).collect();
    // Each group's main indicators add up to its declared maximum.
    for (gi, (grow, g)) in part.groups.iter().enumerate() {
        let mut sum = Decimal::ZERO;
        let mut complete = true;
        for &m in &mains {
            if list[m].maxes.iter().any(|(i, _)| *i == gi) {
                match list[m].max {
                    Some(v) => sum += v,
                    None => complete = false,
                }
            }
        }
        if complete && sum != g.max_points {
            p.add(set.name.as_str(), *grow, col_name(3, GROUP_HEAD[3]),
                format!("nhóm {} khai báo {} điểm, nhưng các chỉ số chính của nhóm (trang “{tname}”, cột “{}”) cộng lại được {}",
                    g.id, crate::number::format_compact(g.max_points), max_header(&g.id), crate::number::format_compact(sum)),
                format!("group {} declares {} points, but its main indicators (sheet “{tname}”, column “{}”) add up to {}",
                    g.id, crate::number::format_compact(g.max_points), max_header(&g.id), crate::number::format_compact(sum)));
        }
    }
    if !p.list.is_empty() {
        return Err(p.into_error());
    }
    let value = |k: &str| part.values.get(k).map(|(_, v)| v.clone()).unwrap_or_default();
    let year_row = part.values.get(K_YEAR).map_or(0, |(r, _)| *r);
    let year = match number(&Cell::Text(value(K_YEAR))).ok().and_then(|d| u16::try_from(d.trunc().mantissa()).ok().filter(|_| d.fract().is_zero())) {
        Some(y) if (1900..=9999).contains(&y) => y,
        _ => {
            p.add(set.name.as_str(), year_row, col_name(1, K_YEAR), format!("cần năm, ví dụ 2023; ô ghi “{}”", value(K_YEAR)), format!("expected a year such as 2023; the cell holds “{}”", value(K_YEAR)));
            0
        }
    };
    let status_row = part.values.get(K_STATUS).map_or(0, |(r, _)| *r);
    let status = status_of(&value(K_STATUS)).unwrap_or_else(|| {
        p.add(set.name.as_str(), status_row, col_name(1, K_STATUS),
            format!("“{}”: cần “{}” hoặc “{}”", value(K_STATUS), status_word(Status::Official), status_word(Status::Reference)),
            format!("“{}”: expected “{}” or “{}”", value(K_STATUS), status_word(Status::Official), status_word(Status::Reference)));
        Status::Reference
    });
    if !p.list.is_empty() {
        return Err(p.into_error());
    }
    let all_groups = groups.len();
    let indicators = mains.iter().map(|&m| build(&list, m, Some(all_groups), &groups)).collect();
    let framework = Framework {
        id: value(K_ID),
        province: value(K_PROVINCE),
        year,
        title_vi: value(K_TITLE),
        title_en: or_vi(value(K_TITLE_EN), &value(K_TITLE)),
        status,
        status_note_vi: value(K_NOTE),
        status_note_en: value(K_NOTE_EN),
        references: part.references,
        groups,
        levels: part.levels,
        indicators,
    };
    // The engine's own rules, once more, on exactly what a JSON file would hold.
    let json = serde_json::to_string(&framework).map_err(|e| ImportError::Unreadable(Error::input(file, 0, e.to_string(), e.to_string())))?;
    Framework::from_json(file, &json).map_err(|e| ImportError::Invalid(vec![place_engine_error(e, &list, &part.groups, set, tname)]))
}

/// Finds the row the engine's message is about (an indicator code or a group id).
fn place_engine_error(e: Error, list: &[Item], groups: &[(usize, Group)], set: &Sheet, tname: &str) -> Error {
    let Error::FrameworkInvalid { file, code, expected, expected_en } = &e else { return e };
    let (sheet, row) = if let Some(item) = list.iter().find(|i| &i.code == code) {
        (canonical_sheet(tname), item.row)
    } else if let Some((row, _)) = groups.iter().find(|(_, g)| &g.id == code) {
        (canonical_sheet(&set.name), *row)
    } else {
        (canonical_sheet(&set.name), 0)
    };
    Error::Annex { file: file.clone(), sheet, row, column: String::new(), reason: format!("cần {expected}"), reason_en: format!("expected {expected_en}") }
}

fn build(list: &[Item], i: usize, all_groups: Option<usize>, groups: &[Group]) -> Indicator {
    let item = &list[i];
    let groups_field = all_groups.and_then(|n| {
        (item.maxes.len() != n).then(|| item.maxes.iter().map(|(gi, _)| groups[*gi].id.clone()).collect())
    });
    Indicator {
        code: item.code.clone(),
        name_vi: item.name_vi.clone(),
        name_en: item.name_en.clone(),
        max_points: item.max.unwrap_or_default(),
        groups: groups_field,
        method: item.method.clone(),
        rule_vi: item.rule_vi.clone(),
        rule_en: item.rule_en.clone(),
        evidence_vi: item.evidence_vi.clone(),
        evidence_en: item.evidence_en.clone(),
        source: item.source.clone(),
        provenance: item.provenance.clone(),
        children: item.children.iter().map(|&c| build(list, c, None, groups)).collect(),
    }
}
