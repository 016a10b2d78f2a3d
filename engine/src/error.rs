//! The engine's one error type. Every variant carries what the user needs to find and fix
//! the problem (file, line, indicator code, the text as typed); `Display` is Vietnamese,
//! [`Error::message`] gives either language.

use thiserror::Error;

/// Language of user-facing text: Vietnamese first, English as the alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// Why a typed number was not understood.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("chưa nhập số")]
    Empty,
    /// `ch` is named in words when it is invisible ("dấu cách", "dấu cách không ngắt").
    #[error("“{input}” có {}; chỉ nhập số (chữ số, dấu chấm, dấu phẩy), không kèm đơn vị", char_name(*ch, Lang::Vi))]
    InvalidChar { input: String, ch: char },
    #[error("“{input}” không có chữ số")]
    NoDigits { input: String },
    #[error("“{input}” có nhiều dấu thập phân; viết ví dụ 1.234,5")]
    Ambiguous { input: String },
    #[error("“{input}”: dấu phân cách hàng nghìn phải tách từng nhóm 3 chữ số, ví dụ 1.234.567")]
    BadGrouping { input: String },
    #[error("“{input}” quá lớn")]
    TooLarge { input: String },
}

impl NumberError {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.to_string(),
            Lang::En => match self {
                NumberError::Empty => "no number entered".into(),
                NumberError::InvalidChar { input, ch } => {
                    format!("“{input}” contains {}; type only the number (digits, dot, comma), without a unit", char_name(*ch, Lang::En))
                }
                NumberError::NoDigits { input } => format!("“{input}” has no digits"),
                NumberError::Ambiguous { input } => {
                    format!("“{input}” has more than one decimal mark; write e.g. 1.234,5")
                }
                NumberError::BadGrouping { input } => {
                    format!("“{input}”: thousands separators must split groups of 3 digits, e.g. 1.234.567")
                }
                NumberError::TooLarge { input } => format!("“{input}” is too large"),
            },
        }
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// A framework file is not valid JSON for the schema.
    #[error("tệp bộ chỉ số {file}, dòng {line}, cột {column}: không đọc được ({reason})")]
    FrameworkJson { file: String, line: usize, column: usize, reason: String },
    /// A framework file parsed but breaks a rule; `code` names the indicator (or group).
    #[error("tệp bộ chỉ số {file}, chỉ số {code}: cần {expected}")]
    FrameworkInvalid { file: String, code: String, expected: String },
    #[error("không có bộ chỉ số “{id}”; có: {}", known.join(", "))]
    UnknownFramework { id: String, known: Vec<String> },
    #[error("bộ chỉ số {framework} không có nhóm “{group}”; có: {}", known.join(", "))]
    UnknownGroup { group: String, framework: String, known: Vec<String> },
    /// A CSV or JSON input file is unusable; `line` is 1-based (0 when the whole file).
    #[error("{file}, dòng {line}: {reason}")]
    Input { file: String, line: usize, reason: String, reason_en: String },
    /// A number in an input file.
    #[error("{file}, dòng {line}, cột {column}: {source}")]
    InputNumber { file: String, line: usize, column: String, source: NumberError },
}

impl Error {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.to_string(),
            Lang::En => match self {
                Error::FrameworkJson { file, line, column, reason } => {
                    format!("indicator-set file {file}, line {line}, column {column}: unreadable ({reason})")
                }
                Error::FrameworkInvalid { file, code, expected } => {
                    format!("indicator-set file {file}, indicator {code}: expected {expected}")
                }
                Error::UnknownFramework { id, known } => {
                    format!("no indicator set “{id}”; available: {}", known.join(", "))
                }
                Error::UnknownGroup { group, framework, known } => {
                    format!("indicator set {framework} has no group “{group}”; available: {}", known.join(", "))
                }
                Error::Input { file, line, reason_en, .. } => format!("{file}, line {line}: {reason_en}"),
                Error::InputNumber { file, line, column, source } => {
                    format!("{file}, line {line}, column {column}: {}", source.message(Lang::En))
                }
            },
        }
    }

    pub(crate) fn input(file: &str, line: usize, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Input { file: file.to_owned(), line, reason: vi.into(), reason_en: en.into() }
    }
}
