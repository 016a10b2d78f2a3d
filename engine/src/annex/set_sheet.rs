//! Reading the "Bộ chỉ số" sheet: the set's values, groups, levels and references.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::framework::{Group, Reference, ReferenceOrigin};
use crate::level::LevelRule;

use super::layout::{column_letter, GROUP_HEAD, KEYS, K_ID, K_PROVINCE, K_STATUS, K_TITLE, K_YEAR, LEVEL_HEAD, REF_HEAD};
use super::model::{number, Sheet};
use super::problems::{col_name, Problems};
use super::words::{key, or_vi, origin_of, origin_word};

pub(super) struct SetPart {
    pub(super) values: BTreeMap<&'static str, (usize, String)>,
    pub(super) groups: Vec<(usize, Group)>,
    pub(super) levels: Vec<LevelRule>,
    pub(super) references: Vec<Reference>,
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    None,
    Groups,
    Levels,
    Refs,
}

pub(super) fn read_set_sheet(sheet: &Sheet, p: &mut Problems) -> SetPart {
    let name = sheet.name.as_str();
    let mut part = SetPart { values: BTreeMap::new(), groups: Vec::new(), levels: Vec::new(), references: Vec::new() };
    let mut block = Block::None;
    let heads = [(Block::Groups, GROUP_HEAD), (Block::Levels, LEVEL_HEAD), (Block::Refs, REF_HEAD)];
    for row in sheet.rows.iter().filter(|r| !r.is_empty()) {
        let first = key(&row.cell(0).text());
        if let Some((b, head)) = heads.iter().find(|(_, h)| key(h[0]) == first) {
            block = *b;
            for (i, expected) in head.iter().enumerate() {
                let found = row.cell(i).text();
                if key(&found) != key(expected) {
                    p.add(name, row.number, col_name(i, &found), format!("cần tiêu đề “{expected}”"), format!("expected the header “{expected}”"));
                }
            }
            if let Some(extra) = (head.len()..row.cells.len()).find(|i| !row.cell(*i).is_empty()) {
                p.add(name, row.number, col_name(extra, &row.cell(extra).text()),
                    format!("bảng này chỉ có các cột {}", head.join(", ")),
                    format!("this table has only the columns {}", head.join(", ")));
            }
            continue;
        }
        if let Some(k) = KEYS.iter().find(|k| key(k) == first) {
            block = Block::None;
            if part.values.contains_key(k) {
                p.add(name, row.number, col_name(0, k), format!("“{k}” đã có ở dòng {}", part.values[k].0),
                    format!("“{k}” is already given on row {}", part.values[k].0));
            }
            part.values.insert(k, (row.number, row.cell(1).text()));
            if let Some(extra) = (2..row.cells.len()).find(|i| !row.cell(*i).is_empty()) {
                p.add(name, row.number, column_letter(extra), format!("“{k}” chỉ có một giá trị, ở cột B"), format!("“{k}” has one value, in column B"));
            }
            continue;
        }
        match block {
            Block::None => p.add(
                name,
                row.number,
                col_name(0, &row.cell(0).text()),
                format!("cần một trong: {}; hoặc tiêu đề bảng “{}”, “{}”, “{}”", KEYS.join(", "), GROUP_HEAD[0], LEVEL_HEAD[0], REF_HEAD[0]),
                format!("expected one of: {}; or the table header “{}”, “{}”, “{}”", KEYS.join(", "), GROUP_HEAD[0], LEVEL_HEAD[0], REF_HEAD[0]),
            ),
            Block::Groups => {
                let max = match number(row.cell(3)) {
                    Ok(m) => m,
                    Err((vi, en)) => {
                        p.add(name, row.number, col_name(3, GROUP_HEAD[3]), format!("cần điểm tối đa của nhóm: {vi}"), format!("expected the group maximum: {en}"));
                        Decimal::ZERO
                    }
                };
                let id = row.cell(0).text();
                let name_vi = row.cell(1).text();
                if name_vi.is_empty() {
                    p.add(name, row.number, col_name(1, GROUP_HEAD[1]), "cần tên nhóm", "expected the group name");
                }
                let name_en = or_vi(row.cell(2).text(), &name_vi);
                part.groups.push((row.number, Group { id, name_vi, name_en, max_points: max }));
            }
            Block::Levels => {
                let above = row.cell(3);
                let above_percent = if above.is_empty() {
                    None
                } else {
                    match number(above) {
                        Ok(v) => Some(v),
                        Err((vi, en)) => {
                            p.add(name, row.number, col_name(3, LEVEL_HEAD[3]), format!("cần ngưỡng phần trăm: {vi}"), format!("expected a percentage threshold: {en}"));
                            None
                        }
                    }
                };
                let name_vi = row.cell(1).text();
                let name_en = or_vi(row.cell(2).text(), &name_vi);
                part.levels.push(LevelRule { id: row.cell(0).text(), name_vi, name_en, above_percent });
            }
            Block::Refs => {
                let kind = row.cell(1).text();
                let origin = origin_of(&kind).unwrap_or_else(|| {
                    p.add(name, row.number, col_name(1, REF_HEAD[1]),
                        format!("“{kind}”: cần “{}” hoặc “{}”", origin_word(ReferenceOrigin::Seed), origin_word(ReferenceOrigin::External)),
                        format!("“{kind}”: expected “{}” or “{}”", origin_word(ReferenceOrigin::Seed), origin_word(ReferenceOrigin::External)));
                    ReferenceOrigin::External
                });
                part.references.push(Reference { origin, citation: row.cell(0).text(), covers: row.cell(2).text() });
            }
        }
    }
    for k in [K_ID, K_PROVINCE, K_YEAR, K_TITLE, K_STATUS] {
        if part.values.get(k).is_none_or(|(_, v)| v.is_empty()) {
            let row = part.values.get(k).map_or(0, |(r, _)| *r);
            p.add(name, row, String::new(), format!("cần dòng “{k}” và giá trị ở cột B"), format!("expected a row “{k}” with its value in column B"));
        }
    }
    if part.groups.is_empty() {
        p.add(name, 0, String::new(), format!("cần bảng nhóm (dòng tiêu đề “{}”) với ít nhất một nhóm", GROUP_HEAD.join(" | ")),
            format!("expected the group table (header “{}”) with at least one group", GROUP_HEAD.join(" | ")));
    }
    if part.levels.is_empty() {
        p.add(name, 0, String::new(), format!("cần bảng mức xếp hạng (dòng tiêu đề “{}”)", LEVEL_HEAD.join(" | ")),
            format!("expected the level table (header “{}”)", LEVEL_HEAD.join(" | ")));
    }
    part
}
