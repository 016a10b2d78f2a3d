//! The set as one CSV file, written and read.

use crate::error::Error;
use crate::framework::Framework;

use super::layout::{fixed_header, Col, SHEET_INDICATORS, SHEET_SET};
use super::model::{Cell, Row, Sheet};
use super::problems::ImportError;
use super::read::read;
use super::words::key;
use super::write::{number_text, write};

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
