//! Reading the CSV tables of `rank` and `check`: as this engine writes them (`,` between
//! fields, dot decimals) and as a Vietnamese-locale Excel saves them (`;` between fields,
//! a byte-order mark, decimal commas). Line numbers count `\n`, so CRLF files and blank
//! lines are numbered as an editor shows them; messages are in both languages, never
//! with the csv crate's English.

use crate::error::{Error, Lang};
use crate::text::{clip, decode_input, LineCounter};

/// The separator of a table: the one of `,`, `;`, tab that occurs most often (outside
/// quotes) in the header line; `,` when none does.
#[must_use]
pub fn detect_separator(text: &str) -> u8 {
    let header = text.split('\n').next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

fn separator_name(sep: u8, lang: Lang) -> &'static str {
    match (sep, lang) {
        (b';', Lang::Vi) => "dấu chấm phẩy",
        (b';', Lang::En) => "semicolon",
        (b'\t', Lang::Vi) => "tab",
        (b'\t', Lang::En) => "tab",
        (_, Lang::Vi) => "dấu phẩy",
        (_, Lang::En) => "comma",
    }
}

/// Reads every data row of a table with the `wanted` columns (found by name, in any
/// order, extra columns ignored) and hands `row` the line number and those fields,
/// trimmed and with a formula-guard apostrophe removed ([`crate::export::unguard`]).
/// Returns the number of rows; a table without any is an error.
pub(crate) fn read_rows<F>(file: &str, bytes: &[u8], wanted: &[&str], mut row: F) -> Result<usize, Error>
where
    F: FnMut(usize, &[&str]) -> Result<(), Error>,
{
    let text = decode_input(file, bytes)?;
    let sep = detect_separator(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).flexible(false).from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let headers = reader.headers().map_err(|e| csv_error(file, &e, &mut lines))?.clone();
    let cols = columns(file, &headers, wanted, sep)?;
    let mut record = csv::StringRecord::new();
    let mut n = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(file, &e, &mut lines)),
        }
        let line = lines.record_line(record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX)));
        let fields: Vec<&str> = cols.iter().map(|&i| crate::export::unguard(record.get(i).unwrap_or("").trim())).collect();
        row(line, &fields)?;
        n += 1;
    }
    if n == 0 {
        return Err(Error::input(file, 0, "tệp không có dòng dữ liệu nào", "the file has no data rows"));
    }
    Ok(n)
}

/// Column positions of a CSV header, by name; a missing column is an error naming it and
/// the separator that was used.
fn columns(file: &str, headers: &csv::StringRecord, wanted: &[&str], sep: u8) -> Result<Vec<usize>, Error> {
    wanted
        .iter()
        .map(|name| {
            headers.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == *name).ok_or_else(|| {
                let found: Vec<String> = headers.iter().take(12).map(|h| clip(h.trim())).collect();
                Error::input(
                    file,
                    1,
                    format!(
                        "thiếu cột “{name}” (cần các cột: {}; dòng tiêu đề, tách bằng {}, có: {})",
                        wanted.join(", "),
                        separator_name(sep, Lang::Vi),
                        found.join(" | ")
                    ),
                    format!(
                        "missing column “{name}” (columns needed: {}; the header, split on {}, has: {})",
                        wanted.join(", "),
                        separator_name(sep, Lang::En),
                        found.join(" | ")
                    ),
                )
            })
        })
        .collect()
}

/// A csv-crate error in both languages, at the line the reader was on.
fn csv_error(file: &str, e: &csv::Error, lines: &mut LineCounter<'_>) -> Error {
    let line = e.position().map_or(0, |p| lines.record_line(usize::try_from(p.byte()).unwrap_or(usize::MAX)));
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => Error::input(
            file,
            line,
            format!("dòng có {len} cột, nhưng dòng tiêu đề có {expected_len}"),
            format!("the row has {len} columns, but the header has {expected_len}"),
        ),
        csv::ErrorKind::Utf8 { .. } => {
            Error::input(file, line, "không phải văn bản UTF-8; hãy lưu tệp với mã hóa UTF-8", "not UTF-8 text; save the file as UTF-8")
        }
        _ => Error::input(file, line, "CSV không hợp lệ", "invalid CSV"),
    }
}
