//! The layout's columns, keys and headers, shared by reading and writing.

use crate::framework::Group;

pub const SHEET_SET: &str = "Bộ chỉ số";
pub const SHEET_INDICATORS: &str = "Chỉ số";

/// Columns of the "Chỉ số" sheet, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Col {
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

pub(super) const FIXED_COLS: &[(Col, &str)] = &[
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

pub(super) const MAX_PREFIX: &str = "Điểm tối đa";

pub(super) fn max_header(group_id: &str) -> String {
    format!("{MAX_PREFIX}: {group_id}")
}

pub(super) fn fixed_header(col: Col) -> &'static str {
    FIXED_COLS.iter().find(|(c, _)| *c == col).map_or("", |(_, h)| h)
}

/// Which method's parameters a column holds.
pub(super) fn param_owner(col: Col) -> Option<&'static [&'static str]> {
    match col {
        Col::Choices | Col::ChoicesEn | Col::ChoiceIds => Some(&["options", "parts"]),
        Col::Numerator | Col::NumeratorEn | Col::Denominator | Col::DenominatorEn | Col::ZeroDen => Some(&["ratio"]),
        Col::Tiers | Col::Unit | Col::UnitEn => Some(&["tiers"]),
        _ => None,
    }
}

// Keys and block headers of the "Bộ chỉ số" sheet.
pub(super) const K_ID: &str = "Mã bộ chỉ số";
pub(super) const K_PROVINCE: &str = "Tỉnh";
pub(super) const K_YEAR: &str = "Năm";
pub(super) const K_TITLE: &str = "Tên bộ chỉ số";
pub(super) const K_TITLE_EN: &str = "Tên bộ chỉ số (tiếng Anh)";
pub(super) const K_STATUS: &str = "Trạng thái";
pub(super) const K_NOTE: &str = "Ghi chú trạng thái";
pub(super) const K_NOTE_EN: &str = "Ghi chú trạng thái (tiếng Anh)";
pub(super) const KEYS: &[&str] = &[K_ID, K_PROVINCE, K_YEAR, K_TITLE, K_TITLE_EN, K_STATUS, K_NOTE, K_NOTE_EN];
pub(super) const GROUP_HEAD: &[&str] = &["Mã nhóm", "Tên nhóm", "Tên nhóm (tiếng Anh)", "Điểm tối đa"];
pub(super) const LEVEL_HEAD: &[&str] = &["Mã mức", "Tên mức", "Tên mức (tiếng Anh)", "Trên (%)"];
pub(super) const REF_HEAD: &[&str] = &["Văn bản tham chiếu", "Loại", "Nội dung sử dụng"];

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
