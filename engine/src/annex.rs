//! The annex as a table: the layout a department types in Excel (or saves as CSV), read
//! into a validated [`Framework`] and written back from one. The layout is documented in
//! `docs/annex-layout.md`; every error names the sheet, the row as the spreadsheet numbers
//! it, the column and what was expected.
//!
//! Two sheets: "Bộ chỉ số" (the set: id, year, titles, status, groups with their maxima,
//! levels, references) and "Chỉ số" (one row per indicator, as in the decision's annex).
//! A CSV file holds both: the "Bộ chỉ số" rows first, then the "Chỉ số" table from its
//! header row ("STT/Mã") on.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::Error;
use crate::framework::{
    Choice, Framework, Group, Indicator, Method, Provenance, ProvenanceKind, Reference, ReferenceOrigin, Status, Tier,
    ZeroDenominator,
};
use crate::level::LevelRule;
use crate::number::parse_vn;
use crate::text::name_key;

pub const SHEET_SET: &str = "Bộ chỉ số";
pub const SHEET_INDICATORS: &str = "Chỉ số";

/// One cell as read from a spreadsheet: numbers stay numbers when the file says so.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().replace("\r\n", "\n"),
            Cell::Number(n) => n.normalize().to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A row and its number in the spreadsheet (1-based; CSV: the line it starts on).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    fn cell(&self, i: usize) -> &Cell {
        self.cells.get(i).unwrap_or(&Cell::Empty)
    }

    fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Row>,
}

/// Why an annex could not become a set: the file itself is unreadable (not a spreadsheet,
/// not UTF-8, …), or it was read and breaks the layout or the set's rules (every problem
/// found, each with its place).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    Unreadable(Error),
    Invalid(Vec<Error>),
}

impl ImportError {
    #[must_use]
    pub fn errors(&self) -> Vec<&Error> {
        match self {
            ImportError::Unreadable(e) => vec![e],
            ImportError::Invalid(list) => list.iter().collect(),
        }
    }
}

// ---- words of the layout ------------------------------------------------------------

/// Key for comparing headers and words: case, diacritics, spaces and slashes ignored.
fn key(text: &str) -> String {
    name_key(text).chars().filter(|c| !c.is_whitespace() && *c != '/').collect()
}

const METHOD_WORDS: &[(&str, &str)] = &[
    ("points", "Nhập điểm"),
    ("yes_no", "Có/Không"),
    ("options", "Chọn một"),
    ("parts", "Từng điều kiện"),
    ("ratio", "Tỷ lệ"),
    ("tiers", "Theo bậc"),
    ("info", "Thông tin"),
];

fn method_word(kind: &str) -> &'static str {
    METHOD_WORDS.iter().find(|(k, _)| *k == kind).map_or("", |(_, w)| w)
}

fn method_kind(word: &str) -> Option<&'static str> {
    let k = key(word);
    let alias = match k.as_str() {
        "tile" => "ratio",
        "codat" | "datkhongdat" => "yes_no",
        _ => "",
    };
    if !alias.is_empty() {
        return Some(alias);
    }
    METHOD_WORDS.iter().find(|(id, w)| key(w) == k || *id == k).map(|(id, _)| *id)
}

const ZERO_FULL: &str = "đủ điểm";
const ZERO_ZERO: &str = "0 điểm";

fn zero_rule(word: &str) -> Option<ZeroDenominator> {
    match key(word).as_str() {
        "dudiem" | "full" | "toida" | "diemtoida" => Some(ZeroDenominator::Full),
        "0diem" | "0" | "khongdiem" | "zero" => Some(ZeroDenominator::Zero),
        _ => None,
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Official => "Chính thức",
        Status::Reference => "Tham khảo",
    }
}

fn status_of(word: &str) -> Option<Status> {
    match key(word).as_str() {
        "chinhthuc" | "official" => Some(Status::Official),
        "thamkhao" | "reference" => Some(Status::Reference),
        _ => None,
    }
}

fn provenance_word(k: ProvenanceKind) -> &'static str {
    match k {
        ProvenanceKind::Published => "Đã công bố",
        ProvenanceKind::Seed => "Quyết định gốc",
        ProvenanceKind::Inferred => "Suy luận",
    }
}

fn provenance_of(word: &str) -> Option<ProvenanceKind> {
    match key(word).as_str() {
        "dacongbo" | "published" => Some(ProvenanceKind::Published),
        "quyetdinhgoc" | "seed" => Some(ProvenanceKind::Seed),
        "suyluan" | "inferred" => Some(ProvenanceKind::Inferred),
        _ => None,
    }
}

fn origin_word(o: ReferenceOrigin) -> &'static str {
    match o {
        ReferenceOrigin::Seed => "Quyết định gốc",
        ReferenceOrigin::External => "Nguồn ngoài",
    }
}

fn origin_of(word: &str) -> Option<ReferenceOrigin> {
    match key(word).as_str() {
        "quyetdinhgoc" | "seed" => Some(ReferenceOrigin::Seed),
        "nguonngoai" | "external" => Some(ReferenceOrigin::External),
        _ => None,
    }
}

/// Columns of the "Chỉ số" sheet, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Col {
    Code,
    Depth,
    NameVi,
    NameEn,
    /// Điểm tối đa of the group with this index.
    Max(usize),
    Method,
    Choices,
    ChoicesEn,
    ChoiceIds,
    Numerator,
    NumeratorEn,
    Denominator,
    DenominatorEn,
    ZeroDen,
    Tiers,
    Unit,
    UnitEn,
    RuleVi,
    RuleEn,
    EvidenceVi,
    EvidenceEn,
    ProvKind,
    ProvBasisVi,
    ProvBasisEn,
    Source,
}

const FIXED_COLS: &[(Col, &str)] = &[
    (Col::Code, "STT/Mã"),
    (Col::Depth, "Cấp"),
    (Col::NameVi, "Tên chỉ số"),
    (Col::NameEn, "Tên chỉ số (tiếng Anh)"),
    (Col::Method, "Cách tính"),
    (Col::Choices, "Lựa chọn/điều kiện: điểm"),
    (Col::ChoicesEn, "Lựa chọn/điều kiện (tiếng Anh)"),
    (Col::ChoiceIds, "Mã lựa chọn/điều kiện"),
    (Col::Numerator, "Tử số (a)"),
    (Col::NumeratorEn, "Tử số (a) (tiếng Anh)"),
    (Col::Denominator, "Mẫu số (b)"),
    (Col::DenominatorEn, "Mẫu số (b) (tiếng Anh)"),
    (Col::ZeroDen, "Khi mẫu số bằng 0"),
    (Col::Tiers, "Bậc: điểm"),
    (Col::Unit, "Đơn vị"),
    (Col::UnitEn, "Đơn vị (tiếng Anh)"),
    (Col::RuleVi, "Cách xác định và tính điểm"),
    (Col::RuleEn, "Cách xác định và tính điểm (tiếng Anh)"),
    (Col::EvidenceVi, "Tài liệu kiểm chứng"),
    (Col::EvidenceEn, "Tài liệu kiểm chứng (tiếng Anh)"),
    (Col::ProvKind, "Nguồn"),
    (Col::ProvBasisVi, "Căn cứ nguồn"),
    (Col::ProvBasisEn, "Căn cứ nguồn (tiếng Anh)"),
    (Col::Source, "Ghi chú nguồn"),
];

const MAX_PREFIX: &str = "Điểm tối đa";

fn max_header(group_id: &str) -> String {
    format!("{MAX_PREFIX}: {group_id}")
}

fn fixed_header(col: Col) -> &'static str {
    FIXED_COLS.iter().find(|(c, _)| *c == col).map_or("", |(_, h)| h)
}

/// Which method's parameters a column holds.
fn param_owner(col: Col) -> Option<&'static [&'static str]> {
    match col {
        Col::Choices | Col::ChoicesEn | Col::ChoiceIds => Some(&["options", "parts"]),
        Col::Numerator | Col::NumeratorEn | Col::Denominator | Col::DenominatorEn | Col::ZeroDen => Some(&["ratio"]),
        Col::Tiers | Col::Unit | Col::UnitEn => Some(&["tiers"]),
        _ => None,
    }
}

// Keys and block headers of the "Bộ chỉ số" sheet.
const K_ID: &str = "Mã bộ chỉ số";
const K_PROVINCE: &str = "Tỉnh";
const K_YEAR: &str = "Năm";
const K_TITLE: &str = "Tên bộ chỉ số";
const K_TITLE_EN: &str = "Tên bộ chỉ số (tiếng Anh)";
const K_STATUS: &str = "Trạng thái";
const K_NOTE: &str = "Ghi chú trạng thái";
const K_NOTE_EN: &str = "Ghi chú trạng thái (tiếng Anh)";
const KEYS: &[&str] = &[K_ID, K_PROVINCE, K_YEAR, K_TITLE, K_TITLE_EN, K_STATUS, K_NOTE, K_NOTE_EN];
const GROUP_HEAD: &[&str] = &["Mã nhóm", "Tên nhóm", "Tên nhóm (tiếng Anh)", "Điểm tối đa"];
const LEVEL_HEAD: &[&str] = &["Mã mức", "Tên mức", "Tên mức (tiếng Anh)", "Trên (%)"];
const REF_HEAD: &[&str] = &["Văn bản tham chiếu", "Loại", "Nội dung sử dụng"];

/// Spreadsheet column letters: 0 → A, 26 → AA.
#[must_use]
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

// ---- reading ----------------------------------------------------------------------

/// Collects every problem found, each with its place.
struct Problems<'a> {
    file: &'a str,
    list: Vec<Error>,
}

impl Problems<'_> {
    /// The problems in reading order: the set sheet, then the table, row by row.
    fn into_error(mut self) -> ImportError {
        self.list.sort_by_key(|e| match e {
            Error::Annex { sheet, row, .. } => (*sheet != SHEET_SET, *row),
            _ => (true, usize::MAX),
        });
        ImportError::Invalid(self.list)
    }

    fn add(&mut self, sheet: &str, row: usize, column: String, vi: impl Into<String>, en: impl Into<String>) {
        self.list.push(Error::Annex {
            file: self.file.to_owned(),
            sheet: canonical_sheet(sheet),
            row,
            column,
            reason: vi.into(),
            reason_en: en.into(),
        });
    }
}

/// The layout's name of a sheet (errors carry one of the two).
fn canonical_sheet(name: &str) -> &'static str {
    if key(name) == key(SHEET_SET) {
        SHEET_SET
    } else {
        SHEET_INDICATORS
    }
}

fn col_name(index: usize, header: &str) -> String {
    format!("{} “{header}”", column_letter(index))
}

/// A number cell: as the file stores it, or typed text read the Vietnamese way.
fn number(cell: &Cell) -> Result<Decimal, (String, String)> {
    match cell {
        Cell::Number(n) => Ok(*n),
        Cell::Empty => Err(("chưa có số".into(), "no number".into())),
        Cell::Text(t) => parse_vn(t).map_err(|e| (e.message(crate::Lang::Vi), e.message(crate::Lang::En))),
    }
}

struct SetPart {
    values: BTreeMap<&'static str, (usize, String)>,
    groups: Vec<(usize, Group)>,
    levels: Vec<LevelRule>,
    references: Vec<Reference>,
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    None,
    Groups,
    Levels,
    Refs,
}

fn read_set_sheet(sheet: &Sheet, p: &mut Problems) -> SetPart {
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

fn or_vi(en: String, vi: &str) -> String {
    if en.is_empty() {
        vi.to_owned()
    } else {
        en
    }
}

/// One indicator row as read.
struct Item {
    row: usize,
    depth: usize,
    code: String,
    name_vi: String,
    name_en: String,
    /// (group index, maximum) of every filled group column.
    maxes: Vec<(usize, Decimal)>,
    /// The row's maximum when its group columns agree.
    max: Option<Decimal>,
    method: Option<Method>,
    /// The first method-parameter column filled (for a parent, that is an error).
    method_cells: Option<usize>,
    /// The "Cách tính" cell is filled (an unknown word is reported once, where read).
    method_given: bool,
    rule_vi: String,
    rule_en: String,
    evidence_vi: String,
    evidence_en: String,
    source: String,
    provenance: Option<Provenance>,
    children: Vec<usize>,
    /// Index of the top-level item this one sits under (itself for a main).
    main: usize,
}

/// Items of a cell list: one a line when the cell has line breaks, else split on `;`.
fn items(text: &str) -> Vec<String> {
    let sep = if text.contains('\n') { '\n' } else { ';' };
    text.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn split_points(item: &str) -> Option<(&str, &str)> {
    let (label, points) = item.rsplit_once(':')?;
    Some((label.trim(), points.trim()))
}

struct Columns {
    /// (column index, header as typed, column) of every recognised column.
    cols: Vec<(usize, String, Col)>,
}

impl Columns {
    fn index(&self, col: Col) -> Option<usize> {
        self.cols.iter().find(|(_, _, c)| *c == col).map(|(i, _, _)| *i)
    }

    fn name(&self, col: Col) -> String {
        self.cols.iter().find(|(_, _, c)| *c == col).map_or_else(
            || format!("“{}”", fixed_header(col)),
            |(i, h, _)| col_name(*i, h),
        )
    }

    /// The group-maximum columns together: "E–G “Điểm tối đa: …”".
    fn max_span(&self) -> String {
        let idx: Vec<usize> = self.cols.iter().filter(|(_, _, c)| matches!(c, Col::Max(_))).map(|(i, _, _)| *i).collect();
        match (idx.iter().min(), idx.iter().max()) {
            (Some(a), Some(b)) if a != b => format!("{}–{} “{MAX_PREFIX}: …”", column_letter(*a), column_letter(*b)),
            (Some(a), _) => format!("{} “{MAX_PREFIX}: …”", column_letter(*a)),
            _ => String::new(),
        }
    }

    fn get(&self, row: &Row, col: Col) -> String {
        self.index(col).map(|i| row.cell(i).text()).unwrap_or_default()
    }
}

fn read_header(sheet: &Sheet, groups: &[Group], p: &mut Problems) -> Option<(usize, Columns)> {
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

fn read_item(row: &Row, cols: &Columns, groups: &[Group], tname: &str, p: &mut Problems) -> Option<Item> {
    let code = cols.get(row, Col::Code);
    if code.is_empty() {
        p.add(tname, row.number, cols.name(Col::Code), "dòng có nội dung nhưng thiếu STT/Mã", "the row has content but no STT/Mã (code)");
        return None;
    }
    let depth = if let Some(i) = cols.index(Col::Depth) {
        match number(row.cell(i)).ok().filter(|d| d.fract().is_zero() && *d >= Decimal::ONE && *d <= Decimal::from(9)) {
            Some(d) => usize::try_from(d.mantissa() / 10_i128.pow(d.scale())).unwrap_or(1),
            None => {
                p.add(tname, row.number, cols.name(Col::Depth), format!("cần cấp 1, 2, 3…; ô ghi “{}”", row.cell(i).text()),
                    format!("expected level 1, 2, 3…; the cell holds “{}”", row.cell(i).text()));
                return None;
            }
        }
    } else {
        if code.split('.').any(str::is_empty) {
            p.add(tname, row.number, cols.name(Col::Code), format!("mã “{code}” có phần rỗng; viết ví dụ 1, 1.2, 1.2.3"), format!("code “{code}” has an empty part; write e.g. 1, 1.2, 1.2.3"));
            return None;
        }
        code.matches('.').count() + 1
    };
    let name_vi = cols.get(row, Col::NameVi);
    if name_vi.is_empty() {
        p.add(tname, row.number, cols.name(Col::NameVi), "cần tên chỉ số", "expected the indicator's name");
    }
    let mut maxes = Vec::new();
    for gi in 0..groups.len() {
        let Some(ci) = cols.index(Col::Max(gi)) else { continue };
        let cell = row.cell(ci);
        if cell.is_empty() {
            continue;
        }
        match number(cell) {
            Ok(v) if v >= Decimal::ZERO => maxes.push((gi, v)),
            Ok(v) => p.add(tname, row.number, cols.name(Col::Max(gi)), format!("điểm tối đa ≥ 0, ô ghi {v}"), format!("a maximum ≥ 0, the cell holds {v}")),
            Err((vi, en)) => p.add(tname, row.number, cols.name(Col::Max(gi)), format!("cần điểm tối đa: {vi}"), format!("expected the maximum: {en}")),
        }
    }
    let mut max = maxes.first().map(|(_, v)| *v);
    if maxes.iter().any(|(_, v)| Some(*v) != max) {
        let listed = maxes.iter().map(|(gi, v)| format!("{} = {}", groups[*gi].id, crate::number::format_compact(*v))).collect::<Vec<_>>().join(", ");
        p.add(tname, row.number, cols.max_span(),
            format!("điểm tối đa khác nhau giữa các nhóm ({listed}): mỗi dòng có một điểm tối đa; tách thành các dòng riêng cho từng nhóm (mỗi nhóm một chỉ số chính riêng)"),
            format!("different maxima across groups ({listed}): a row has one maximum; split it into rows per group (a main indicator per group)"));
        max = None;
    }
    let (method, method_cells) = read_method(row, cols, tname, p);
    let prov_kind = cols.get(row, Col::ProvKind);
    let basis_vi = cols.get(row, Col::ProvBasisVi);
    let basis_en = cols.get(row, Col::ProvBasisEn);
    let provenance = if prov_kind.is_empty() {
        if !basis_vi.is_empty() || !basis_en.is_empty() {
            p.add(tname, row.number, cols.name(Col::ProvKind), "có căn cứ nguồn thì cần loại nguồn", "a basis needs the kind of source");
        }
        None
    } else if let Some(kind) = provenance_of(&prov_kind) {
        Some(Provenance { kind, basis_vi, basis_en })
    } else {
        let words = [ProvenanceKind::Published, ProvenanceKind::Seed, ProvenanceKind::Inferred].map(provenance_word).join("”, “");
        p.add(tname, row.number, cols.name(Col::ProvKind), format!("“{prov_kind}”: cần một trong “{words}”"), format!("“{prov_kind}”: expected one of “{words}”"));
        None
    };
    Some(Item {
        row: row.number,
        depth,
        name_en: or_vi(cols.get(row, Col::NameEn), &name_vi),
        code,
        name_vi,
        maxes,
        max,
        method,
        method_cells,
        method_given: !cols.get(row, Col::Method).is_empty(),
        rule_vi: cols.get(row, Col::RuleVi),
        rule_en: cols.get(row, Col::RuleEn),
        evidence_vi: cols.get(row, Col::EvidenceVi),
        evidence_en: cols.get(row, Col::EvidenceEn),
        source: cols.get(row, Col::Source),
        provenance,
        children: Vec::new(),
        main: 0,
    })
}

/// The method and its parameters; (method, first parameter column filled).
fn read_method(row: &Row, cols: &Columns, tname: &str, p: &mut Problems) -> (Option<Method>, Option<usize>) {
    let filled: Vec<(usize, Col)> = cols
        .cols
        .iter()
        .filter(|(i, _, c)| param_owner(*c).is_some() && !row.cell(*i).is_empty())
        .map(|(i, _, c)| (*i, *c))
        .collect();
    let first = filled.first().map(|(i, _)| *i);
    let word = cols.get(row, Col::Method);
    if word.is_empty() {
        return (None, first);
    }
    let Some(kind) = method_kind(&word) else {
        let words = METHOD_WORDS.iter().map(|(_, w)| format!("“{w}”")).collect::<Vec<_>>().join(", ");
        p.add(tname, row.number, cols.name(Col::Method), format!("“{word}” không phải cách tính; dùng một trong: {words}"),
            format!("“{word}” is not a scoring method; use one of: {words}"));
        return (None, None);
    };
    for (_, col) in &filled {
        if let Some(owners) = param_owner(*col) {
            if !owners.contains(&kind) {
                let owner_words = owners.iter().map(|k| format!("“{}”", method_word(k))).collect::<Vec<_>>().join(" hoặc ");
                p.add(tname, row.number, cols.name(*col),
                    format!("cột này chỉ dùng cho cách tính {owner_words}, dòng này là “{}”: để trống hoặc sửa cách tính", method_word(kind)),
                    format!("this column is for the method {owner_words} only; this row is “{}”: leave it empty or change the method", method_word(kind)));
            }
        }
    }
    let before = p.list.len();
    let mut bad = |col: Col, vi: String, en: String| p.add(tname, row.number, cols.name(col), vi, en);
    let method = match kind {
        "points" => Method::Points,
        "yes_no" => Method::YesNo,
        "info" => Method::Info,
        "options" | "parts" => {
            let text = cols.get(row, Col::Choices);
            let list = items(&text);
            let mut choices = Vec::new();
            if list.is_empty() {
                bad(Col::Choices, "cần các lựa chọn và điểm, ví dụ “Chủ tịch/Bí thư: 20; Phó: 10; Không: 0”".into(),
                    "expected the choices and their points, e.g. “Chủ tịch/Bí thư: 20; Phó: 10; Không: 0”".into());
            }
            for (n, item) in list.iter().enumerate() {
                match split_points(item).map(|(l, pts)| (l, parse_vn(pts))) {
                    Some((label, Ok(points))) if !label.is_empty() => choices.push(Choice {
                        id: (n + 1).to_string(),
                        label_vi: label.to_owned(),
                        label_en: label.to_owned(),
                        points,
                    }),
                    Some((_, Err(e))) => bad(Col::Choices, format!("“{item}”: điểm không đọc được ({})", e.message(crate::Lang::Vi)),
                        format!("“{item}”: unreadable points ({})", e.message(crate::Lang::En))),
                    _ => bad(Col::Choices, format!("“{item}”: cần “tên lựa chọn: điểm”, các lựa chọn cách nhau bằng “;” hoặc xuống dòng"),
                        format!("“{item}”: expected “choice: points”, choices separated by “;” or line breaks")),
                }
            }
            let en = items(&cols.get(row, Col::ChoicesEn));
            if !en.is_empty() {
                if en.len() == list.len() {
                    for (c, label) in choices.iter_mut().zip(&en) {
                        c.label_en.clone_from(label);
                    }
                } else {
                    bad(Col::ChoicesEn, format!("{} tên tiếng Anh cho {} lựa chọn: cần bằng nhau, cùng thứ tự", en.len(), list.len()),
                        format!("{} English names for {} choices: expected as many, in the same order", en.len(), list.len()));
                }
            }
            let ids = items(&cols.get(row, Col::ChoiceIds));
            if !ids.is_empty() {
                if ids.len() == list.len() {
                    for (c, id) in choices.iter_mut().zip(&ids) {
                        c.id.clone_from(id);
                    }
                } else {
                    bad(Col::ChoiceIds, format!("{} mã cho {} lựa chọn: cần bằng nhau, cùng thứ tự", ids.len(), list.len()),
                        format!("{} ids for {} choices: expected as many, in the same order", ids.len(), list.len()));
                }
            }
            if kind == "options" {
                Method::Options { options: choices }
            } else {
                Method::Parts { parts: choices }
            }
        }
        "ratio" => {
            let numerator_vi = cols.get(row, Col::Numerator);
            let denominator_vi = cols.get(row, Col::Denominator);
            if numerator_vi.is_empty() {
                bad(Col::Numerator, "cần tên tử số a (ví dụ “Số văn bản ký số”)".into(), "expected the numerator a (e.g. “Số văn bản ký số”)".into());
            }
            if denominator_vi.is_empty() {
                bad(Col::Denominator, "cần tên mẫu số b (ví dụ “Tổng số văn bản”)".into(), "expected the denominator b (e.g. “Tổng số văn bản”)".into());
            }
            let zero_text = cols.get(row, Col::ZeroDen);
            let zero_denominator = zero_rule(&zero_text).unwrap_or_else(|| {
                bad(Col::ZeroDen, format!("“{zero_text}”: cần “{ZERO_FULL}” hoặc “{ZERO_ZERO}” (điểm khi mẫu số b = 0)"),
                    format!("“{zero_text}”: expected “{ZERO_FULL}” (full points) or “{ZERO_ZERO}” (zero) for b = 0"));
                ZeroDenominator::Zero
            });
            Method::Ratio {
                numerator_en: or_vi(cols.get(row, Col::NumeratorEn), &numerator_vi),
                denominator_en: or_vi(cols.get(row, Col::DenominatorEn), &denominator_vi),
                numerator_vi,
                denominator_vi,
                zero_denominator,
            }
        }
        _ => {
            let text = cols.get(row, Col::Tiers);
            let list = items(&text);
            if list.is_empty() {
                bad(Col::Tiers, "cần các bậc, ví dụ “≥ 4: 20; ≥ 3: 15; ≥ 1: 5”".into(), "expected the tiers, e.g. “≥ 4: 20; ≥ 3: 15; ≥ 1: 5”".into());
            }
            let mut tiers = Vec::new();
            for item in &list {
                let parsed = split_points(item).map(|(min, pts)| {
                    let min = min.trim_start_matches('≥').trim_start_matches(">=").trim();
                    (parse_vn(min), parse_vn(pts))
                });
                match parsed {
                    Some((Ok(min), Ok(points))) => tiers.push(Tier { min, points }),
                    Some((Err(e), _) | (_, Err(e))) => bad(Col::Tiers, format!("“{item}”: {}", e.message(crate::Lang::Vi)), format!("“{item}”: {}", e.message(crate::Lang::En))),
                    None => bad(Col::Tiers, format!("“{item}”: cần “≥ ngưỡng: điểm”, ví dụ “≥ 4: 20”"), format!("“{item}”: expected “≥ threshold: points”, e.g. “≥ 4: 20”")),
                }
            }
            // The annex lists the highest band first; the set keeps them ascending.
            tiers.sort_by_key(|t| t.min);
            let unit_vi = cols.get(row, Col::Unit);
            Method::Tiers { unit_en: or_vi(cols.get(row, Col::UnitEn), &unit_vi), unit_vi, tiers }
        }
    };
    // A method with an unreadable parameter is not checked further (no follow-on errors).
    if p.list.len() > before {
        return (None, None);
    }
    (Some(method), None)
}

/// Rules that need the tree: parents and leaves, groups of children, sums, unique codes.
fn check_items(list: &mut [Item], cols: &Columns, groups: &[Group], tname: &str, p: &mut Problems) {
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

// ---- writing ----------------------------------------------------------------------

fn choices_text(choices: &[Choice]) -> (String, String, String) {
    let join = |v: Vec<String>| {
        let sep = if v.iter().any(|s| s.contains(';') || s.contains('\n')) { "\n" } else { "; " };
        v.join(sep)
    };
    (
        join(choices.iter().map(|c| format!("{}: {}", c.label_vi, number_text(c.points))).collect()),
        join(choices.iter().map(|c| c.label_en.clone()).collect()),
        join(choices.iter().map(|c| c.id.clone()).collect()),
    )
}

/// A number inside text the Vietnamese way: comma decimal, no thousands dots ("12,5").
fn number_text(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// The headers of the "Chỉ số" sheet for a set's groups.
#[must_use]
pub fn indicator_headers(groups: &[Group]) -> Vec<String> {
    let mut out = Vec::new();
    for (col, h) in FIXED_COLS {
        if *col == Col::Method {
            out.extend(groups.iter().map(|g| max_header(&g.id)));
        }
        out.push((*h).to_owned());
    }
    out
}

/// The set as its two sheets ("Bộ chỉ số", "Chỉ số").
#[must_use]
pub fn write(f: &Framework) -> (Sheet, Sheet) {
    let mut set = Vec::new();
    let kv = |k: &str, v: Cell| vec![Cell::Text(k.to_owned()), v];
    set.push(kv(K_ID, text(&f.id)));
    set.push(kv(K_PROVINCE, text(&f.province)));
    set.push(kv(K_YEAR, Cell::Number(Decimal::from(f.year))));
    set.push(kv(K_TITLE, text(&f.title_vi)));
    set.push(kv(K_TITLE_EN, text(&f.title_en)));
    set.push(kv(K_STATUS, text(status_word(f.status))));
    set.push(kv(K_NOTE, text(&f.status_note_vi)));
    set.push(kv(K_NOTE_EN, text(&f.status_note_en)));
    set.push(Vec::new());
    set.push(GROUP_HEAD.iter().map(|h| text(h)).collect());
    for g in &f.groups {
        set.push(vec![text(&g.id), text(&g.name_vi), text(&g.name_en), Cell::Number(g.max_points)]);
    }
    set.push(Vec::new());
    set.push(LEVEL_HEAD.iter().map(|h| text(h)).collect());
    for l in &f.levels {
        set.push(vec![text(&l.id), text(&l.name_vi), text(&l.name_en), l.above_percent.map_or(Cell::Empty, Cell::Number)]);
    }
    if !f.references.is_empty() {
        set.push(Vec::new());
        set.push(REF_HEAD.iter().map(|h| text(h)).collect());
        for r in &f.references {
            set.push(vec![text(&r.citation), text(origin_word(r.origin)), text(&r.covers)]);
        }
    }
    let headers = indicator_headers(&f.groups);
    let mut table = vec![headers.iter().map(|h| text(h)).collect::<Vec<_>>()];
    fn walk(f: &Framework, list: &[Indicator], depth: usize, groups: &[bool], out: &mut Vec<Vec<Cell>>) {
        for ind in list {
            let applies: Vec<bool> = match (&ind.groups, depth) {
                (Some(gs), 1) => f.groups.iter().map(|g| gs.contains(&g.id)).collect(),
                _ => groups.to_vec(),
            };
            let mut row = Vec::new();
            for (col, _) in FIXED_COLS {
                if *col == Col::Method {
                    row.extend(applies.iter().map(|a| if *a { Cell::Number(ind.max_points) } else { Cell::Empty }));
                }
                row.push(cell_of(ind, depth, *col));
            }
            out.push(row);
            walk(f, &ind.children, depth + 1, &applies, out);
        }
    }
    walk(f, &f.indicators, 1, &vec![true; f.groups.len()], &mut table);
    let rows = |v: Vec<Vec<Cell>>| v.into_iter().enumerate().map(|(i, cells)| Row { number: i + 1, cells }).collect();
    (Sheet { name: SHEET_SET.into(), rows: rows(set) }, Sheet { name: SHEET_INDICATORS.into(), rows: rows(table) })
}

fn cell_of(ind: &Indicator, depth: usize, col: Col) -> Cell {
    let m = ind.method.as_ref();
    let choices = match m {
        Some(Method::Options { options: c } | Method::Parts { parts: c }) => Some(choices_text(c)),
        _ => None,
    };
    let ratio = |pick: fn(&str, &str, &str, &str, ZeroDenominator) -> String| match m {
        Some(Method::Ratio { numerator_vi, numerator_en, denominator_vi, denominator_en, zero_denominator }) => {
            text(&pick(numerator_vi, numerator_en, denominator_vi, denominator_en, *zero_denominator))
        }
        _ => Cell::Empty,
    };
    match col {
        Col::Code => text(&ind.code),
        Col::Depth => Cell::Number(Decimal::from(depth)),
        Col::NameVi => text(&ind.name_vi),
        Col::NameEn => text(&ind.name_en),
        Col::Max(_) => Cell::Empty,
        Col::Method => m.map_or(Cell::Empty, |m| text(method_word(m.kind()))),
        Col::Choices => choices.map_or(Cell::Empty, |c| text(&c.0)),
        Col::ChoicesEn => choices.map_or(Cell::Empty, |c| text(&c.1)),
        Col::ChoiceIds => choices.map_or(Cell::Empty, |c| text(&c.2)),
        Col::Numerator => ratio(|a, _, _, _, _| a.to_owned()),
        Col::NumeratorEn => ratio(|_, a, _, _, _| a.to_owned()),
        Col::Denominator => ratio(|_, _, b, _, _| b.to_owned()),
        Col::DenominatorEn => ratio(|_, _, _, b, _| b.to_owned()),
        Col::ZeroDen => ratio(|_, _, _, _, z| if z == ZeroDenominator::Full { ZERO_FULL } else { ZERO_ZERO }.to_owned()),
        Col::Tiers | Col::Unit | Col::UnitEn => match m {
            Some(Method::Tiers { unit_vi, unit_en, tiers }) => match col {
                Col::Tiers => text(
                    &tiers.iter().rev().map(|t| format!("≥ {}: {}", number_text(t.min), number_text(t.points))).collect::<Vec<_>>().join("; "),
                ),
                Col::Unit => text(unit_vi),
                _ => text(unit_en),
            },
            _ => Cell::Empty,
        },
        Col::RuleVi => text(&ind.rule_vi),
        Col::RuleEn => text(&ind.rule_en),
        Col::EvidenceVi => text(&ind.evidence_vi),
        Col::EvidenceEn => text(&ind.evidence_en),
        Col::ProvKind => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(provenance_word(p.kind))),
        Col::ProvBasisVi => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(&p.basis_vi)),
        Col::ProvBasisEn => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(&p.basis_en)),
        Col::Source => text(&ind.source),
    }
}

// ---- CSV ----------------------------------------------------------------------------

/// The set as one CSV file for a Vietnamese-locale spreadsheet: UTF-8 with a BOM, `;`
/// between fields, numbers with a decimal comma; the "Bộ chỉ số" rows, a blank line, then
/// the "Chỉ số" table.
pub fn to_csv(f: &Framework) -> Result<String, Error> {
    let (set, table) = write(f);
    let io = |e: String| Error::input("csv", 0, e.clone(), e);
    let cell = |c: &Cell| match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => number_text(*n),
    };
    // Row by row, so blank rows stay blank lines (the writer would quote an empty field).
    let mut out = String::from("\u{feff}");
    for (i, sheet) in [&set, &table].into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for row in &sheet.rows {
            if row.cells.is_empty() {
                out.push('\n');
                continue;
            }
            let mut w = csv::WriterBuilder::new().delimiter(crate::export::CSV_SEPARATOR).from_writer(Vec::new());
            w.write_record(row.cells.iter().map(cell)).map_err(|e| io(e.to_string()))?;
            let bytes = w.into_inner().map_err(|e| io(e.to_string()))?;
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    Ok(out)
}

fn is_table_header(first_cell: &str) -> bool {
    key(first_cell) == key(fixed_header(Col::Code))
}

/// `;` or `,`, from the "Chỉ số" header line (its cells hold neither), else the first line.
fn detect_separator(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|l| {
            let first = l.split([';', ',']).next().unwrap_or("").trim().trim_matches('"');
            is_table_header(first)
        })
        .or_else(|| text.lines().next())
        .unwrap_or("");
    if line.matches(',').count() > line.matches(';').count() {
        b','
    } else {
        b';'
    }
}

/// Reads a set from the CSV layout (UTF-8, with or without BOM; `;` or `,` detected).
pub fn from_csv(file: &str, bytes: &[u8]) -> Result<Framework, ImportError> {
    let text = crate::text::decode_input(file, bytes).map_err(ImportError::Unreadable)?;
    let sep = detect_separator(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            ImportError::Unreadable(Error::input(file, line, format!("CSV không đọc được ({e})"), format!("unreadable CSV ({e})")))
        })?;
        let number = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cells = record.iter().map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c.to_owned()) }).collect();
        rows.push(Row { number, cells });
    }
    let split = rows.iter().position(|r| is_table_header(&r.cell(0).text())).ok_or_else(|| {
        ImportError::Invalid(vec![Error::Annex {
            file: file.to_owned(),
            sheet: SHEET_INDICATORS,
            row: 0,
            column: String::new(),
            reason: "không thấy dòng tiêu đề bảng chỉ số (ô đầu là “STT/Mã”); các dòng “Bộ chỉ số” đứng trước nó".into(),
            reason_en: "no indicator table header row (first cell “STT/Mã”); the “Bộ chỉ số” rows come before it".into(),
        }])
    })?;
    let table = Sheet { name: SHEET_INDICATORS.into(), rows: rows.split_off(split) };
    let set = Sheet { name: SHEET_SET.into(), rows };
    read(file, &set, &table)
}

/// Reads a set from JSON or the CSV layout, told apart by their first bytes. An .xlsx
/// workbook is refused with what to do instead: reading it is [`crate::xlsx::import_any`]
/// (native only), so the browser bundle never links the workbook reader, whatever
/// features a workspace build unifies.
pub fn import(file: &str, bytes: &[u8]) -> Result<Framework, ImportError> {
    import_json(file, bytes).unwrap_or_else(|| from_csv(file, bytes))
}

/// The part of [`import`] that needs no CSV reader: an .xlsx refused, a JSON set read and
/// validated; `None` when the file is an annex table, for [`from_csv`]. The browser app
/// calls this at once and loads the CSV reader only for a table (issue 15: ~33 kB gzip).
pub fn import_json(file: &str, bytes: &[u8]) -> Option<Result<Framework, ImportError>> {
    if is_xlsx(bytes) {
        return Some(Err(ImportError::Unreadable(Error::input(
            file,
            0,
            "tệp Excel (.xlsx) không đọc được ở đây; trong Excel chọn Lưu thành “CSV UTF-8 (phân cách bằng dấu phẩy)”, hoặc dùng lệnh dti framework import",
            "an Excel (.xlsx) file cannot be read here; in Excel use Save As “CSV UTF-8 (comma delimited)”, or the dti framework import command",
        ))));
    }
    // The same checks as every chosen file: UTF-16 named, and JSON depth before parsing.
    let text = match crate::upload::decode(file, bytes) {
        Ok(text) => text,
        Err(e) => return Some(Err(ImportError::Unreadable(e))),
    };
    if !text.trim_start().starts_with('{') {
        return None;
    }
    Some(crate::upload::check_depth(file, text).map_err(ImportError::Unreadable).and_then(|()| {
        Framework::from_json(file, text).map_err(|e| match e {
            Error::FrameworkInvalid { .. } => ImportError::Invalid(vec![e]),
            other => ImportError::Unreadable(other),
        })
    }))
}

/// A zip archive, as every .xlsx is.
#[must_use]
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}
