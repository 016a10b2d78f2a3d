//! What an import reports: the two kinds of failure, and every problem with its place.

use crate::error::Error;

use super::layout::{column_letter, SHEET_INDICATORS, SHEET_SET};
use super::words::key;

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

/// Collects every problem found, each with its place.
pub(super) struct Problems<'a> {
    pub(super) file: &'a str,
    pub(super) list: Vec<Error>,
}

impl Problems<'_> {
    /// The problems in reading order: the set sheet, then the table, row by row.
    pub(super) fn into_error(mut self) -> ImportError {
        self.list.sort_by_key(|e| match e {
            Error::Annex { sheet, row, .. } => (*sheet != SHEET_SET, *row),
            _ => (true, usize::MAX),
        });
        ImportError::Invalid(self.list)
    }

    pub(super) fn add(&mut self, sheet: &str, row: usize, column: String, vi: impl Into<String>, en: impl Into<String>) {
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
pub(super) fn canonical_sheet(name: &str) -> &'static str {
    if key(name) == key(SHEET_SET) {
        SHEET_SET
    } else {
        SHEET_INDICATORS
    }
}

pub(super) fn col_name(index: usize, header: &str) -> String {
    format!("{} “{header}”", column_letter(index))
}
