//! Why a file, a row or an agency is not ranked as it stands, in both languages.

use rust_decimal::Decimal;

use super::Source;
use crate::error::{Error, Lang};
use crate::number::format_compact;
use crate::text::clip;

/// What an unrecognised file looks like, so the message can say what to do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrecognised {
    /// An Excel workbook (a zip): save the totals as CSV.
    Workbook,
    /// An indicator set's JSON, not a sheet.
    SetFile,
    /// JSON that is neither a sheet nor a set.
    OtherJson,
    /// Text whose header has no `group`, `name`, `total` columns.
    OtherTable,
}

/// A problem of one file, row or agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (and line, for a totals row); for a duplicate, its first copy.
    pub source: Source,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Over the 10 MB input limit; not read.
    TooLarge { size: u64 },
    /// Not UTF-8, empty, damaged JSON, a bad header or number: the engine's own error.
    Unreadable(Error),
    /// Neither a sheet nor a totals CSV.
    Unrecognised { what: Unrecognised, header: String },
    /// A sheet of another set (or year) than the council's.
    OtherSet { found: String, expected: String },
    /// A sheet answered under another version of the council's set (digests differ).
    OtherVersion { found: String, expected: String },
    /// A group the council's set does not have.
    UnknownGroup { name: String, group: String, set: String, known: Vec<String> },
    /// A sheet or row without the agency's name.
    NoName,
    /// A totals row outside 0..the group maximum.
    OutOfRange { name: String, total: Decimal, max: Decimal },
    /// Some answers of a sheet are invalid and earn nothing; the sheet is still ranked,
    /// with its valid answers only. `first` is the first one's message (vi, en).
    InvalidAnswers { name: String, count: usize, first: (String, String) },
    /// One agency (names equal by [`crate::text::name_key`]) imported more than once:
    /// none of its copies is ranked until one is removed.
    Duplicate { name: String, copies: Vec<(Source, String)> },
}

impl Problem {
    /// Stable id of the kind, for JSON, CSS and tests.
    #[must_use]
    pub fn kind_id(&self) -> &'static str {
        match &self.kind {
            ProblemKind::TooLarge { .. } => "too_large",
            ProblemKind::Unreadable(_) => "unreadable",
            ProblemKind::Unrecognised { .. } => "unrecognised",
            ProblemKind::OtherSet { .. } => "other_set",
            ProblemKind::OtherVersion { .. } => "other_version",
            ProblemKind::UnknownGroup { .. } => "unknown_group",
            ProblemKind::NoName => "no_name",
            ProblemKind::OutOfRange { .. } => "out_of_range",
            ProblemKind::InvalidAnswers { .. } => "invalid_answers",
            ProblemKind::Duplicate { .. } => "duplicate",
        }
    }

    /// Whether what the problem is about still appears in the tables (only a sheet with
    /// invalid answers does, with those answers earning nothing).
    #[must_use]
    pub fn ranked(&self) -> bool {
        matches!(self.kind, ProblemKind::InvalidAnswers { .. })
    }

    /// The message, starting with the file (and line): "b.json: …".
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if let ProblemKind::Unreadable(e) = &self.kind {
            // The engine's error already names the file and line.
            let not_ranked = if lang == Lang::Vi { "không xếp hạng" } else { "not ranked" };
            return format!("{} — {not_ranked}", e.message(lang));
        }
        format!("{}: {}", self.source.label(lang), self.reason(lang))
    }

    /// The reason alone (the page shows the file in its own column).
    #[must_use]
    pub fn reason(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match &self.kind {
            ProblemKind::TooLarge { size } => {
                let e = crate::text::too_large(&self.source.file, Some(*size));
                match e {
                    Error::Input { reason, reason_en, .. } => {
                        if vi {
                            format!("{reason}; không đọc tệp này")
                        } else {
                            format!("{reason_en}; it was not read")
                        }
                    }
                    other => other.message(lang),
                }
            }
            ProblemKind::Unreadable(e) => e.message(lang),
            ProblemKind::Unrecognised { what, header } => {
                let header = clip(header);
                match (what, vi) {
                    (Unrecognised::Workbook, true) => "tệp Excel (.xlsx); hãy lưu bảng tổng điểm dạng CSV với các cột group, name, total".into(),
                    (Unrecognised::Workbook, false) => "an Excel workbook (.xlsx); save the totals as CSV with the columns group, name, total".into(),
                    (Unrecognised::SetFile, true) => "đây là tệp bộ chỉ số, không phải phiếu của một cơ quan; chọn bộ chỉ số ở mục Bộ chỉ số".into(),
                    (Unrecognised::SetFile, false) => "this is an indicator-set file, not an agency's sheet; choose the set under Indicator set".into(),
                    (Unrecognised::OtherJson, true) => "tệp JSON nhưng không phải phiếu do công cụ tính điểm xuất (thiếu “schema”, “framework”, “group”)".into(),
                    (Unrecognised::OtherJson, false) => "a JSON file but not a sheet exported by the calculator (no “schema”, “framework”, “group”)".into(),
                    (Unrecognised::OtherTable, true) => {
                        format!("không phải phiếu (JSON) hay bảng tổng điểm (CSV với các cột group, name, total); dòng đầu là “{header}”")
                    }
                    (Unrecognised::OtherTable, false) => {
                        format!("neither a sheet (JSON) nor a totals table (CSV with the columns group, name, total); the first line is “{header}”")
                    }
                }
            }
            ProblemKind::OtherSet { found, expected } => {
                let (found, expected) = (clip(found), clip(expected));
                if vi {
                    format!("phiếu theo bộ chỉ số {found}, không phải bộ {expected} của hội đồng; không xếp hạng (chọn bộ {found} để xếp hạng phiếu này)")
                } else {
                    format!("a sheet of indicator set {found}, not the council's set {expected}; not ranked (choose set {found} to rank it)")
                }
            }
            ProblemKind::OtherVersion { found, expected } => {
                let (found, expected) = (clip(found), clip(expected));
                if vi {
                    format!("phiếu được trả lời theo một phiên bản khác của bộ chỉ số (mã phiên bản {found}, đang dùng {expected}); không xếp hạng, hãy mở phiếu trong công cụ và tính lại")
                } else {
                    format!("the sheet was answered under another version of the set (version {found}, in use {expected}); not ranked, open it in the calculator and recompute")
                }
            }
            ProblemKind::UnknownGroup { name, group, set, known } => {
                let (name, group) = (clip(name), clip(group));
                let known = known.join(", ");
                if vi {
                    format!("{name}: nhóm “{group}” không có trong bộ chỉ số {set} (có: {known}); không xếp hạng")
                } else {
                    format!("{name}: group “{group}” is not in indicator set {set} (available: {known}); not ranked")
                }
            }
            ProblemKind::NoName => {
                if vi {
                    "thiếu tên cơ quan; không xếp hạng".into()
                } else {
                    "the agency's name is missing; not ranked".into()
                }
            }
            ProblemKind::OutOfRange { name, total, max } => {
                let (name, total, max) = (clip(name), format_compact(*total), format_compact(*max));
                if vi {
                    format!("{name}: tổng điểm {total} nằm ngoài 0..{max} của nhóm; không xếp hạng")
                } else {
                    format!("{name}: total {total} is outside 0..{max} of the group; not ranked")
                }
            }
            ProblemKind::InvalidAnswers { name, count, first } => {
                let name = clip(name);
                let first = if vi { &first.0 } else { &first.1 };
                if vi {
                    format!("{name}: {count} câu trả lời không hợp lệ, không được tính điểm (vẫn xếp hạng theo các câu hợp lệ); câu đầu: {first}")
                } else {
                    format!("{name}: {count} invalid answers earn nothing (ranked on the valid ones); the first: {first}")
                }
            }
            ProblemKind::Duplicate { name, copies } => {
                let list: Vec<String> =
                    copies.iter().map(|(s, n)| format!("“{}” ({})", clip(n), s.label(lang))).collect();
                let name = clip(name);
                if vi {
                    format!(
                        "{name}: {} bản cho cùng một cơ quan (cùng tên khi bỏ qua chữ hoa, dấu và khoảng trắng): {}; không bản nào được xếp hạng cho đến khi bỏ bớt, chỉ giữ một",
                        copies.len(),
                        list.join(", ")
                    )
                } else {
                    format!(
                        "{name}: {} copies for one agency (equal ignoring case, tone marks and spaces): {}; none is ranked until all but one are removed",
                        copies.len(),
                        list.join(", ")
                    )
                }
            }
        }
    }
}
