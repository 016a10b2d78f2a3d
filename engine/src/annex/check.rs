//! The rules on the indicator tree as read, each reported at its row.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::Error;
use crate::framework::{Group, Indicator, Method};

use super::columns::Columns;
use super::layout::{Col, MAX_PREFIX};
use super::problems::{col_name, Problems};
use super::read::Item;
use super::words::METHOD_WORDS;

/// Rules that need the tree: parents and leaves, groups of children, sums, unique codes.
pub(super) fn check_items(list: &mut [Item], cols: &Columns, groups: &[Group], tname: &str, p: &mut Problems) {
    for i in 0..list.len() {
        let item = &list[i];
        let main = &list[item.main];
        if item.maxes.is_empty() {
            let hint = if item.main == i {
                format!("ghi điểm tối đa vào cột “{MAX_PREFIX}” của mỗi nhóm áp dụng (để trống = không áp dụng)")
            } else {
                format!("ghi điểm tối đa vào các cột nhóm của chỉ số chính {} ({})", main.code, main.maxes.iter().map(|(g, _)| groups[*g].id.as_str()).collect::<Vec<_>>().join(", "))
            };
            p.add(tname, item.row, cols.max_span(), format!("thiếu điểm tối đa: {hint}"), "missing maximum: fill the group columns of the groups it applies to (empty = not applicable)");
        } else if item.main != i {
            let own: Vec<usize> = item.maxes.iter().map(|(g, _)| *g).collect();
            let theirs: Vec<usize> = main.maxes.iter().map(|(g, _)| *g).collect();
            if own != theirs && !theirs.is_empty() {
                let names = |v: &[usize]| v.iter().map(|g| groups[*g].id.as_str()).collect::<Vec<_>>().join(", ");
                p.add(tname, item.row, cols.max_span(),
                    format!("chỉ số con thuộc đúng các nhóm của chỉ số chính {} ({}), dòng này ghi điểm cho: {}", main.code, names(&theirs), names(&own)),
                    format!("a child applies to exactly the groups of its main indicator {} ({}); this row has maxima for: {}", main.code, names(&theirs), names(&own)));
            }
        }
        if item.children.is_empty() {
            if item.method.is_none() && !item.method_given {
                p.add(tname, item.row, cols.name(Col::Method),
                    format!("chỉ số không có chỉ số con cần cách tính ({})", METHOD_WORDS.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(", ")),
                    "a leaf indicator needs a scoring method");
            }
        } else {
            if item.method.is_some() || item.method_cells.is_some() {
                let col = item.method_cells.filter(|_| item.method.is_none()).map_or_else(|| cols.name(Col::Method), |c| col_name(c, &cols.cols.iter().find(|(i, _, _)| *i == c).map(|(_, h, _)| h.clone()).unwrap_or_default()));
                p.add(tname, item.row, col,
                    format!("chỉ số {} có chỉ số con (dòng {}): để trống cách tính và tham số, điểm là tổng các chỉ số con", item.code, list[item.children[0]].row),
                    format!("indicator {} has children (row {}): leave the method and its parameters empty; its points are its children's sum", item.code, list[item.children[0]].row));
            }
            let sum: Option<Decimal> = item.children.iter().map(|&c| list[c].max).sum();
            if let (Some(sum), Some(max)) = (sum, item.max) {
                if sum != max {
                    let rows = format!("{}–{}", list[item.children[0]].row, list[*item.children.last().unwrap_or(&item.children[0])].row);
                    let col = item.maxes.first().map(|(g, _)| cols.name(Col::Max(*g))).unwrap_or_default();
                    p.add(tname, item.row, col,
                        format!("điểm tối đa {} nhưng các chỉ số con (dòng {rows}) cộng lại được {}: tổng các chỉ số con phải bằng điểm của chỉ số cha",
                            crate::number::format_compact(max), crate::number::format_compact(sum)),
                        format!("maximum {} but its children (rows {rows}) add up to {}: children must add up to their parent",
                            crate::number::format_compact(max), crate::number::format_compact(sum)));
                }
            }
        }
        if let (Some(method), true, Some(max)) = (&item.method, item.children.is_empty(), item.max) {
            let probe = Indicator {
                code: item.code.clone(),
                name_vi: String::new(),
                name_en: String::new(),
                max_points: max,
                groups: None,
                method: None,
                rule_vi: String::new(),
                rule_en: String::new(),
                evidence_vi: String::new(),
                evidence_en: String::new(),
                source: String::new(),
                provenance: None,
                children: Vec::new(),
            };
            let err = |_: &str, expected: String, expected_en: String| Error::FrameworkInvalid {
                file: String::new(),
                code: String::new(),
                expected,
                expected_en,
            };
            if let Err(Error::FrameworkInvalid { expected: vi, expected_en: en, .. }) = crate::framework::check_method(&probe, method, &err) {
                let col = match method {
                    Method::Options { .. } | Method::Parts { .. } => cols.name(Col::Choices),
                    Method::Tiers { .. } => cols.name(Col::Tiers),
                    _ => cols.name(Col::Method),
                };
                p.add(tname, item.row, col, format!("cần {vi}"), format!("expected {en}"));
            }
        }
    }
    // Codes are unique within a group (two groups may reuse one).
    for (gi, g) in groups.iter().enumerate() {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for item in list.iter() {
            if !list[item.main].maxes.iter().any(|(i, _)| *i == gi) {
                continue;
            }
            if let Some(first) = seen.get(item.code.as_str()) {
                p.add(tname, item.row, cols.name(Col::Code),
                    format!("mã “{}” đã dùng ở dòng {first} trong nhóm {}: mỗi mã chỉ dùng một lần trong một nhóm", item.code, g.id),
                    format!("code “{}” is already used on row {first} in group {}: a code is used once per group", item.code, g.id));
            } else {
                seen.insert(&item.code, item.row);
            }
        }
    }
}
