//! The annex as a table: the layout a department types in Excel (or saves as CSV), read
//! into a validated [`Framework`] and written back from one. The layout is documented in
//! `docs/annex-layout.md`; every error names the sheet, the row as the spreadsheet numbers
//! it, the column and what was expected.
//!
//! Two sheets: "Bộ chỉ số" (the set: id, year, titles, status, groups with their maxima,
//! levels, references) and "Chỉ số" (one row per indicator, as in the decision's annex).
//! A CSV file holds both: the "Bộ chỉ số" rows first, then the "Chỉ số" table from its
//! header row ("STT/Mã") on.

mod check;
mod columns;
mod csv_file;
mod item;
mod layout;
mod model;
mod problems;
mod read;
mod set_sheet;
mod words;
mod write;

pub use csv_file::{from_csv, to_csv};
pub use layout::{column_letter, indicator_headers, SHEET_INDICATORS, SHEET_SET};
pub use model::{Cell, Row, Sheet};
pub use problems::ImportError;
pub use read::read;
pub use write::write;

use crate::error::Error;
use crate::framework::Framework;

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
