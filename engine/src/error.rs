//! The engine's one error type. Every variant carries what the user needs to find and fix
//! the problem (file, line, indicator code, the text as typed); `Display` is Vietnamese,
//! [`Error::message`] gives either language, never both at once. Values echoed back are
//! cut short ([`crate::text::clip`]) so a 9 MB cell does not become a 9 MB message.

use std::fmt;

use crate::text::clip;

/// Language of user-facing text: Vietnamese first, English as the alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

crate::tagged::unit_enum!(Lang { Vi = "vi", En = "en" });

/// Why a typed number was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    InvalidChar { input: String, ch: char },
    NoDigits { input: String },
    Ambiguous { input: String },
    BadGrouping { input: String },
    TooLarge { input: String },
    /// More than 28 significant digits (or decimals): `Decimal` would round it silently.
    TooPrecise { input: String },
}

impl NumberError {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            NumberError::Empty => if vi { "chưa nhập số" } else { "no number entered" }.into(),
            NumberError::InvalidChar { input, ch } => {
                // `ch` is named in words when it is invisible ("dấu cách", "dấu cách không ngắt").
                let input = clip(input);
                if vi {
                    format!("“{input}” có {}; chỉ nhập số (chữ số, dấu chấm, dấu phẩy), không kèm đơn vị", char_name(*ch, lang))
                } else {
                    format!("“{input}” contains {}; type only the number (digits, dot, comma), without a unit", char_name(*ch, lang))
                }
            }
            NumberError::NoDigits { input } => {
                if vi { format!("“{}” không có chữ số", clip(input)) } else { format!("“{}” has no digits", clip(input)) }
            }
            NumberError::Ambiguous { input } => {
                if vi {
                    format!("“{}” có nhiều dấu thập phân; viết ví dụ 1.234,5", clip(input))
                } else {
                    format!("“{}” has more than one decimal mark; write e.g. 1.234,5", clip(input))
                }
            }
            NumberError::BadGrouping { input } => {
                if vi {
                    format!("“{}”: dấu phân cách hàng nghìn phải tách từng nhóm 3 chữ số, ví dụ 1.234.567", clip(input))
                } else {
                    format!("“{}”: thousands separators must split groups of 3 digits, e.g. 1.234.567", clip(input))
                }
            }
            NumberError::TooLarge { input } => {
                if vi { format!("“{}” quá lớn", clip(input)) } else { format!("“{}” is too large", clip(input)) }
            }
            NumberError::TooPrecise { input } => {
                if vi {
                    format!("“{}” có quá 28 chữ số có nghĩa; không làm tròn ngầm, hãy nhập ít chữ số hơn", clip(input))
                } else {
                    format!("“{}” has more than 28 significant digits; it is not rounded silently, enter fewer digits", clip(input))
                }
            }
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for NumberError {}

/// A character as a person can find it: invisible ones by name (a quoted space is
/// invisible on screen), visible ones quoted.
#[must_use]
pub fn char_name(ch: char, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let named = |vi_name: &str, en_name: &str| if vi { vi_name.to_owned() } else { en_name.to_owned() };
    match ch {
        ' ' => named("dấu cách", "a space"),
        '\u{a0}' | '\u{202f}' => named("dấu cách không ngắt", "a non-breaking space"),
        '\t' => named("dấu tab", "a tab"),
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {
            let u = format!("U+{:04X}", u32::from(ch));
            if vi { format!("ký tự vô hình ({u})") } else { format!("an invisible character ({u})") }
        }
        c if c.is_whitespace() => {
            let u = format!("U+{:04X}", u32::from(c));
            if vi { format!("dấu cách đặc biệt ({u})") } else { format!("a special space ({u})") }
        }
        c if c.is_control() => {
            let u = format!("U+{:04X}", u32::from(c));
            if vi { format!("ký tự điều khiển ({u})") } else { format!("a control character ({u})") }
        }
        c => if vi { format!("ký tự “{c}”") } else { format!("“{c}”") },
    }
}

/// Everything that can go wrong in the engine, as values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A framework file is not valid JSON for the schema.
    FrameworkJson { file: String, line: usize, column: usize, reason: String, reason_en: String },
    /// A framework file parsed but breaks a rule; `code` names the indicator (or group).
    FrameworkInvalid { file: String, code: String, expected: String, expected_en: String },
    UnknownFramework { id: String, known: Vec<String> },
    UnknownGroup { group: String, framework: String, known: Vec<String> },
    /// A CSV or JSON input file is unusable; `line` is 1-based, 0 for the whole file (then
    /// no line is printed).
    Input { file: String, line: usize, reason: String, reason_en: String },
    /// The catalogue of served sets (`sets/index.json`) or a file it lists is unusable:
    /// unreadable, not found, or in conflict with another file.
    Catalogue { file: String, reason: String, reason_en: String },
    /// A number in an input file; `column` is the column's name.
    InputNumber { file: String, line: usize, column: String, source: NumberError },
    /// A cell of an annex table (xlsx or CSV layout of a set): the sheet ("Chỉ số" or "Bộ
    /// chỉ số"), the row as the spreadsheet numbers it (0 when the whole sheet) and the
    /// column ("E “Cách tính”", empty when the whole row).
    Annex { file: String, sheet: &'static str, row: usize, column: String, reason: String, reason_en: String },
    /// A sum or product of the user's figures is beyond what `Decimal` holds (~7,9e28).
    Overflow { what: String, what_en: String },
    /// Two sheets compared year over year belong to different groups; each side is named
    /// with its year and group (“Nhóm … (2022)”).
    DifferentGroups { first: String, first_en: String, second: String, second_en: String },
}

/// Longest reason of an annex message (a reason quotes cells, each clipped on its own).
const ANNEX_REASON_CHARS: usize = 400;

fn annex_place(file: &str, sheet: &str, row: usize, column: &str, reason: &str, en: bool) -> String {
    let mut out = format!("{file}, {} “{sheet}”", if en { "sheet" } else { "trang" });
    if row > 0 {
        out.push_str(&format!(", {} {row}", if en { "row" } else { "dòng" }));
    }
    if !column.is_empty() {
        // A column is named by its header, which a spreadsheet lets be any length.
        out.push_str(&format!(", {} {}", if en { "column" } else { "cột" }, crate::text::clip(column)));
    }
    out.push_str(": ");
    // Reasons quote cells; a long cell is cut in the message, never in the file.
    match reason.char_indices().nth(ANNEX_REASON_CHARS) {
        Some((at, _)) => {
            out.push_str(&reason[..at]);
            out.push('…');
        }
        None => out.push_str(reason),
    }
    out
}

impl Error {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Error::FrameworkJson { file, line, column, reason, reason_en } => {
                if vi {
                    format!("tệp bộ chỉ số {file}, dòng {line}, cột {column}: không đọc được ({reason})")
                } else {
                    format!("indicator-set file {file}, line {line}, column {column}: unreadable ({reason_en})")
                }
            }
            Error::FrameworkInvalid { file, code, expected, expected_en } => {
                if vi {
                    format!("tệp bộ chỉ số {file}, chỉ số {}: cần {expected}", clip(code))
                } else {
                    format!("indicator-set file {file}, indicator {}: expected {expected_en}", clip(code))
                }
            }
            Error::UnknownFramework { id, known } => {
                if vi {
                    format!("không có bộ chỉ số “{}”; có: {}", clip(id), known.join(", "))
                } else {
                    format!("no indicator set “{}”; available: {}", clip(id), known.join(", "))
                }
            }
            Error::UnknownGroup { group, framework, known } => {
                if vi {
                    format!("bộ chỉ số {framework} không có nhóm “{}”; có: {}", clip(group), known.join(", "))
                } else {
                    format!("indicator set {framework} has no group “{}”; available: {}", clip(group), known.join(", "))
                }
            }
            Error::Input { file, line, reason, reason_en } => {
                let reason = if vi { reason } else { reason_en };
                match (*line, vi) {
                    (0, _) => format!("{file}: {reason}"),
                    (n, true) => format!("{file}, dòng {n}: {reason}"),
                    (n, false) => format!("{file}, line {n}: {reason}"),
                }
            }
            Error::Catalogue { file, reason, reason_en } => {
                if vi {
                    format!("danh mục bộ chỉ số, tệp {file}: {reason}")
                } else {
                    format!("indicator-set catalogue, file {file}: {reason_en}")
                }
            }
            Error::InputNumber { file, line, column, source } => {
                if vi {
                    format!("{file}, dòng {line}, cột {column}: {}", source.message(lang))
                } else {
                    format!("{file}, line {line}, column {column}: {}", source.message(lang))
                }
            }
            Error::Overflow { what, what_en } => {
                if vi {
                    format!("{what}: vượt giới hạn tính toán (khoảng 7,9 × 10²⁸); hãy kiểm tra lại các số")
                } else {
                    format!("{what_en}: beyond the arithmetic limit (about 7.9 × 10²⁸); check the figures")
                }
            }
            Error::Annex { file, sheet, row, column, reason, reason_en } => {
                annex_place(file, sheet, *row, column, if vi { reason } else { reason_en }, !vi)
            }
            Error::DifferentGroups { first, first_en, second, second_en } => {
                if vi {
                    format!("hai phiếu thuộc hai nhóm khác nhau: {first} và {second}; chỉ so sánh được hai phiếu cùng một nhóm")
                } else {
                    format!("the two sheets are of different groups: {first_en} and {second_en}; only sheets of the same group can be compared")
                }
            }
        }
    }

    /// A catalogue problem with its reason in both languages.
    #[must_use]
    pub fn catalogue(file: &str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Catalogue { file: file.to_owned(), reason: vi.into(), reason_en: en.into() }
    }

    pub fn input(file: &str, line: usize, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Input { file: file.to_owned(), line, reason: vi.into(), reason_en: en.into() }
    }

    /// A set that breaks a rule, with what was expected in each language.
    #[must_use]
    pub fn framework_invalid(file: &str, code: &str, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error::FrameworkInvalid { file: file.to_owned(), code: code.to_owned(), expected: vi.into(), expected_en: en.into() }
    }

    pub(crate) fn overflow(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Overflow { what: vi.into(), what_en: en.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A set file (whole or one group's) that is not JSON of the set's shape, with the
    /// position and serde's reason in both languages.
    #[must_use]
    pub fn framework_json(file: &str, e: &serde_json::Error) -> Self {
        Error::FrameworkJson {
            file: file.to_owned(),
            line: e.line(),
            column: e.column(),
            reason: json_reason(e, Lang::Vi),
            reason_en: json_reason(e, Lang::En),
        }
    }
}

/// A serde_json error in words of `lang`: the position is reported by the caller, and
/// serde's English ("missing field `x`", "expected value") is turned into a sentence.
#[must_use]
pub fn json_reason(e: &serde_json::Error, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let text = e.to_string();
    // serde_json appends " at line L column C"; the caller reports the position.
    let text = text.rsplit_once(" at line ").map_or(text.as_str(), |(head, _)| head);
    let quoted = |s: &str| -> String {
        // `a`, `b` → “a”, “b”
        let mut out = String::new();
        let mut open = true;
        for ch in s.chars() {
            if ch == '`' {
                out.push(if open { '“' } else { '”' });
                open = !open;
            } else {
                out.push(ch);
            }
        }
        clip(&out)
    };
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => if vi { "tệp bị cắt cụt, JSON chưa kết thúc" } else { "the file ends before the JSON does" }.into(),
        Category::Io => if vi { "lỗi đọc tệp" } else { "read error" }.into(),
        Category::Syntax => {
            let what = match text {
                t if t.starts_with("recursion limit exceeded") => {
                    if vi { "lồng nhau quá sâu" } else { "nested too deeply" }
                }
                t if t.starts_with("trailing") => if vi { "có nội dung thừa sau JSON" } else { "trailing content after the JSON" },
                t if t.contains("number out of range") => if vi { "số vượt phạm vi" } else { "number out of range" },
                t if t.contains("control character") => {
                    if vi { "ký tự điều khiển trong chuỗi" } else { "control character inside a string" }
                }
                t if t.contains("escape") => if vi { "chuỗi thoát (\\) không hợp lệ" } else { "invalid escape (\\) in a string" },
                _ => if vi { "sai cú pháp JSON" } else { "JSON syntax error" },
            };
            what.into()
        }
        Category::Data => {
            if let Some(field) = text.strip_prefix("missing field ") {
                return if vi { format!("thiếu trường {}", quoted(field)) } else { format!("missing field {}", quoted(field)) };
            }
            if let Some(rest) = text.strip_prefix("unknown variant ") {
                let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
                let expected = expected.trim_start_matches("one of ");
                return if vi {
                    format!("giá trị {} không hợp lệ; cần một trong: {}", quoted(value), quoted(expected))
                } else {
                    format!("invalid value {}; expected one of: {}", quoted(value), quoted(expected))
                };
            }
            if let Some(field) = text.strip_prefix("duplicate field ") {
                return if vi { format!("trường {} lặp lại", quoted(field)) } else { format!("field {} repeats", quoted(field)) };
            }
            if let Some(rest) = text.strip_prefix("invalid type: ") {
                let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
                return if vi {
                    format!("sai kiểu dữ liệu: có {}, cần {}", kind_vi(found), kind_vi(expected))
                } else {
                    format!("wrong type: found {}, expected {}", quoted(found), quoted(expected))
                };
            }
            if text.starts_with("invalid value") || text.contains("Decimal") || text.contains("decimal") {
                return if vi { "giá trị không hợp lệ (số thập phân viết sai hoặc quá lớn)" } else { "invalid value (a malformed or too large decimal)" }
                    .into();
            }
            if vi { "dữ liệu không đúng định dạng".into() } else { format!("data does not fit the format ({})", quoted(text)) }
        }
    }
}

/// serde's "string \"x\"", "a sequence" … in Vietnamese (values cut short).
fn kind_vi(s: &str) -> String {
    let s = s.trim();
    let table = [
        ("string", "chuỗi"),
        ("a string", "chuỗi"),
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("boolean", "giá trị đúng/sai"),
        ("a boolean", "giá trị đúng/sai"),
        ("sequence", "danh sách"),
        ("a sequence", "danh sách"),
        ("map", "đối tượng"),
        ("a map", "đối tượng"),
        ("null", "null"),
        ("u32", "số nguyên không âm"),
        ("u16", "số nguyên không âm"),
        ("usize", "số nguyên không âm"),
        ("a Decimal type representing a fixed-point number", "số thập phân"),
    ];
    for (en, vi) in table {
        if s == en {
            return vi.into();
        }
        if let Some(rest) = s.strip_prefix(en).filter(|r| r.starts_with(' ')) {
            return format!("{vi}{}", clip(rest));
        }
    }
    if s.starts_with("struct ") || s.starts_with("internally tagged enum") {
        return "đối tượng".into();
    }
    clip(s)
}
