//! Reading the "Chỉ số" header row: which column is which.

use crate::framework::Group;

use super::layout::{column_letter, fixed_header, max_header, Col, FIXED_COLS, MAX_PREFIX, SHEET_SET};
use super::model::{Row, Sheet};
use super::problems::{col_name, Problems};
use super::words::key;

pub(super) struct Columns {
    /// (column index, header as typed, column) of every recognised column.
    pub(super) cols: Vec<(usize, String, Col)>,
}

impl Columns {
    pub(super) fn index(&self, col: Col) -> Option<usize> {
        self.cols.iter().find(|(_, _, c)| *c == col).map(|(i, _, _)| *i)
    }

    pub(super) fn name(&self, col: Col) -> String {
        self.cols.iter().find(|(_, _, c)| *c == col).map_or_else(
            || format!("“{}”", fixed_header(col)),
            |(i, h, _)| col_name(*i, h),
        )
    }

    /// The group-maximum columns together: "E–G “Điểm tối đa: …”".
    pub(super) fn max_span(&self) -> String {
        let idx: Vec<usize> = self.cols.iter().filter(|(_, _, c)| matches!(c, Col::Max(_))).map(|(i, _, _)| *i).collect();
        match (idx.iter().min(), idx.iter().max()) {
            (Some(a), Some(b)) if a != b => format!("{}–{} “{MAX_PREFIX}: …”", column_letter(*a), column_letter(*b)),
            (Some(a), _) => format!("{} “{MAX_PREFIX}: …”", column_letter(*a)),
            _ => String::new(),
        }
    }

    pub(super) fn get(&self, row: &Row, col: Col) -> String {
        self.index(col).map(|i| row.cell(i).text()).unwrap_or_default()
    }
}

pub(super) fn read_header(sheet: &Sheet, groups: &[Group], p: &mut Problems) -> Option<(usize, Columns)> {
    let name = sheet.name.as_str();
    let Some(pos) = sheet.rows.iter().position(|r| !r.is_empty()) else {
        p.add(name, 0, String::new(), "trang không có dòng nào; cần dòng tiêu đề bắt đầu bằng “STT/Mã”", "the sheet is empty; expected a header row starting with “STT/Mã”");
        return None;
    };
    let head = &sheet.rows[pos];
    let mut cols: Vec<(usize, String, Col)> = Vec::new();
    for (i, cell) in head.cells.iter().enumerate() {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        let k = key(&text);
        let col = if let Some((c, _)) = FIXED_COLS.iter().find(|(_, h)| key(h) == k) {
            Some(*c)
        } else if let Some(rest) = k.strip_prefix(&key(MAX_PREFIX)) {
            let g = rest.trim_matches(|c: char| c == ':' || c == '-' || c == '–' || c == '(' || c == ')');
            let found = groups.iter().position(|gr| gr.id.to_lowercase() == g || key(&gr.name_vi) == g);
            if found.is_none() {
                p.add(name, head.number, col_name(i, &text),
                    format!("nhóm không có trong trang “{SHEET_SET}”; cần “{MAX_PREFIX}: <mã nhóm>”, mã nhóm là một trong: {}", group_ids(groups)),
                    format!("a group not in the “{SHEET_SET}” sheet; expected “{MAX_PREFIX}: <group id>” with one of: {}", group_ids(groups)));
            }
            found.map(Col::Max)
        } else {
            p.add(name, head.number, col_name(i, &text),
                format!("cột không có trong mẫu; các cột là: {}, “{MAX_PREFIX}: <mã nhóm>”", FIXED_COLS.iter().map(|(_, h)| format!("“{h}”")).collect::<Vec<_>>().join(", ")),
                format!("a column the layout does not have; the columns are: {}, “{MAX_PREFIX}: <group id>”", FIXED_COLS.iter().map(|(_, h)| format!("“{h}”")).collect::<Vec<_>>().join(", ")));
            None
        };
        if let Some(col) = col {
            if let Some((j, h, _)) = cols.iter().find(|(_, _, c)| *c == col) {
                p.add(name, head.number, col_name(i, &text), format!("cột trùng với cột {}", col_name(*j, h)), format!("the same column as {}", col_name(*j, h)));
            } else {
                cols.push((i, text, col));
            }
        }
    }
    let columns = Columns { cols };
    if columns.index(Col::Code) != Some(0) && columns.index(Col::Code).is_some() {
        p.add(name, head.number, columns.name(Col::Code), "cột “STT/Mã” là cột đầu tiên", "“STT/Mã” is the first column");
    }
    for col in [Col::Code, Col::NameVi, Col::Method] {
        if columns.index(col).is_none() {
            p.add(name, head.number, String::new(), format!("thiếu cột “{}”", fixed_header(col)), format!("the column “{}” is missing", fixed_header(col)));
        }
    }
    for (gi, g) in groups.iter().enumerate() {
        if columns.index(Col::Max(gi)).is_none() {
            p.add(name, head.number, String::new(), format!("thiếu cột “{}” (nhóm {})", max_header(&g.id), g.name_vi),
                format!("the column “{}” (group {}) is missing", max_header(&g.id), g.name_en));
        }
    }
    Some((pos, columns))
}

fn group_ids(groups: &[Group]) -> String {
    groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ")
}
