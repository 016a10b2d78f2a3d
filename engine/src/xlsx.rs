//! The annex layout ([`crate::annex`]) as an Excel workbook: read with calamine, written
//! with rust_xlsxwriter. Native only (the `xlsx-read` / `xlsx` features, which the `cli`
//! feature turns on): the browser bundle does not carry them.

use rust_decimal::Decimal;

use crate::annex::{Cell, ImportError, Row, Sheet, SHEET_INDICATORS, SHEET_SET};
use crate::error::Error;
use crate::framework::Framework;

/// A float as Excel stores it, back to the decimal that was typed: the shortest text that
/// reads back as the same float ("12.5", "0.1"), never the binary expansion.
#[cfg(feature = "xlsx-read")]
fn decimal_of(f: f64) -> Option<Decimal> {
    use std::str::FromStr;
    Decimal::from_str(&format!("{f}")).ok().map(|d| d.normalize())
}

#[cfg(feature = "xlsx-read")]
fn sheet_of(file: &str, range: &calamine::Range<calamine::Data>, name: &'static str) -> Result<Sheet, Error> {
    use calamine::Data;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let number = row0 as usize + i + 1;
        let mut out = vec![Cell::Empty; col0 as usize];
        for (j, data) in cells.iter().enumerate() {
            let place = |what: &str, what_en: &str| Error::Annex {
                file: file.to_owned(),
                sheet: name,
                row: number,
                column: crate::annex::column_letter(col0 as usize + j),
                reason: format!("ô {what}; cần chữ hoặc số (định dạng ô là Văn bản hoặc Số)"),
                reason_en: format!("the cell is {what_en}; expected text or a number (format the cell as Text or Number)"),
            };
            out.push(match data {
                Data::Empty => Cell::Empty,
                Data::String(s) => Cell::Text(s.clone()),
                Data::Int(n) => Cell::Number(Decimal::from(*n)),
                Data::Float(f) => match decimal_of(*f) {
                    Some(d) => Cell::Number(d),
                    None => return Err(place("là số quá lớn", "a number too large")),
                },
                Data::Bool(b) => Cell::Text(if *b { "TRUE".into() } else { "FALSE".into() }),
                Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                    return Err(place("là ngày tháng (Excel đổi “1.2” thành ngày?)", "a date (did Excel turn “1.2” into a date?)"))
                }
                Data::Error(e) => return Err(place(&format!("có lỗi công thức {e}"), &format!("a formula error {e}"))),
            });
        }
        rows.push(Row { number, cells: out });
    }
    Ok(Sheet { name: name.to_owned(), rows })
}

/// Reads a set from an .xlsx workbook with the sheets "Bộ chỉ số" and "Chỉ số".
#[cfg(feature = "xlsx-read")]
pub fn from_xlsx(file: &str, bytes: &[u8]) -> Result<Framework, ImportError> {
    use calamine::Reader;
    let unreadable = |e: String| {
        ImportError::Unreadable(Error::input(
            file,
            0,
            format!("không đọc được tệp Excel ({e})"),
            format!("cannot read the Excel file ({e})"),
        ))
    };
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    for wanted in [SHEET_SET, SHEET_INDICATORS] {
        let found = names.iter().find(|n| crate::text::name_key(n) == crate::text::name_key(wanted)).cloned();
        let Some(name) = found else {
            problems.push(Error::Annex {
                file: file.to_owned(),
                sheet: wanted,
                row: 0,
                column: String::new(),
                reason: format!("không có trang “{wanted}”; tệp có: {}", names.join(", ")),
                reason_en: format!("no sheet “{wanted}”; the file has: {}", names.join(", ")),
            });
            continue;
        };
        let range = book.worksheet_range(&name).map_err(|e| unreadable(e.to_string()))?;
        match sheet_of(file, &range, wanted) {
            Ok(s) => sheets.push(s),
            Err(e) => problems.push(e),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    crate::annex::read(file, &sheets[0], &sheets[1])
}

/// Reads a set from an .xlsx workbook, the CSV layout or JSON.
#[cfg(feature = "xlsx-read")]
pub fn import_any(file: &str, bytes: &[u8]) -> Result<Framework, ImportError> {
    if crate::annex::is_xlsx(bytes) {
        return from_xlsx(file, bytes);
    }
    crate::annex::import(file, bytes)
}

/// The set as an .xlsx workbook: "Chỉ số" first (where the department works), then
/// "Bộ chỉ số". The same set gives the same bytes (fixed creation date).
#[cfg(feature = "xlsx")]
pub fn to_xlsx(f: &Framework) -> Result<Vec<u8>, Error> {
    let (set, table) = crate::annex::write(f);
    sheets_to_xlsx(&set, &table, &f.title_vi, f.year)
}

/// Writes the two sheets of the layout as they are (tests use it for broken annexes).
#[cfg(feature = "xlsx")]
pub fn sheets_to_xlsx(set: &Sheet, table: &Sheet, title: &str, year: u16) -> Result<Vec<u8>, Error> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| Error::input("xlsx", 0, e.to_string(), e.to_string());
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(year.clamp(1900, 9999), 1, 1).map_err(fail)?;
    book.set_properties(&DocProperties::new().set_title(title).set_creation_datetime(&created));
    let head = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_background_color("#DCE6F1");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    // Text cells stay text: a code such as "1.2" must not become a date or a number.
    let text = Format::new().set_num_format("@").set_text_wrap().set_align(FormatAlign::Top);
    for sheet in [table, set] {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(fail)?;
        let is_table = sheet.name == SHEET_INDICATORS;
        for row in &sheet.rows {
            let r = u32::try_from(row.number - 1).unwrap_or(u32::MAX);
            for (c, cell) in row.cells.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                let header = is_table && row.number == 1;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) if header => {
                        ws.write_string_with_format(r, c, t, &head).map_err(fail)?;
                    }
                    Cell::Text(t) => {
                        ws.write_string_with_format(r, c, t, &text).map_err(fail)?;
                    }
                    Cell::Number(n) => {
                        let value = f64::try_from(*n).map_err(|e| Error::input("xlsx", 0, e.to_string(), e.to_string()))?;
                        ws.write_number_with_format(r, c, value, &wrap).map_err(fail)?;
                    }
                }
            }
        }
        if is_table {
            ws.set_freeze_panes(1, 0).map_err(fail)?;
            let headers = &sheet.rows[0].cells;
            for (c, h) in headers.iter().enumerate() {
                let width = match h {
                    Cell::Text(h) if h == "Tên chỉ số" || h.starts_with("Cách xác định") || h.starts_with("Tài liệu") || h.starts_with("Lựa chọn") => 40.0,
                    Cell::Text(h) if h.starts_with("STT") || h == "Cấp" => 8.0,
                    _ => 16.0,
                };
                ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), width).map_err(fail)?;
            }
        } else {
            ws.set_column_width(0, 30).map_err(fail)?;
            ws.set_column_width(1, 50).map_err(fail)?;
            ws.set_column_width(2, 40).map_err(fail)?;
            ws.set_column_width(3, 14).map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}
