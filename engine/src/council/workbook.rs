//! The council's tables as an .xlsx workbook (rust_xlsxwriter, the `xlsx-write` feature):
//! one worksheet per group, laid out as the appendix, figures as numbers shown with two
//! decimals. Builds for wasm32; in the browser the page crate must also turn on
//! rust_xlsxwriter's `wasm` feature (its clock), see /work/notes/council-api.md.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::output::{headings, table_title};
use super::Table;
use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::number::round2;
use crate::terms::AVERAGE;

fn fail(e: &XlsxError) -> Error {
    Error::input("xlsx", 0, format!("không ghi được tệp Excel ({e})"), format!("cannot write the Excel file ({e})"))
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in
/// the book (a number is appended when two groups' names cut to the same text).
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).collect();
    let clean = clean.trim_matches('\'').trim().to_owned();
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>().trim_end().to_owned();
    let mut out = cut(&clean, 31);
    let mut i = 2;
    while out.is_empty() || taken.iter().any(|t| t.to_lowercase() == out.to_lowercase()) {
        let suffix = format!(" ({i})");
        out = format!("{}{suffix}", cut(&clean, 31 - suffix.chars().count()));
        i += 1;
    }
    out
}

/// The workbook's bytes. Totals and averages are numbers (rounded half away from zero to
/// 2 decimals by the engine, format `0.00`), ranks whole numbers, names and levels text.
/// The same tables give the same bytes (the creation date is fixed to the set's year).
pub fn write_xlsx(framework: &Framework, tables: &[Table], lang: Lang) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(framework.year.clamp(1900, 9999), 1, 1).map_err(|e| fail(&e))?;
    book.set_properties(&DocProperties::new().set_title(&framework.title_vi).set_creation_datetime(&created));
    let title = Format::new().set_bold();
    let head = Format::new().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center).set_text_wrap();
    let text = Format::new().set_border(FormatBorder::Thin).set_num_format("@");
    let rank = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Center).set_num_format("0");
    let number = Format::new().set_border(FormatBorder::Thin).set_num_format("0.00");
    let bold_text = Format::new().set_bold().set_border(FormatBorder::Thin);
    let bold_number = Format::new().set_bold().set_border(FormatBorder::Thin).set_num_format("0.00");
    let mut taken = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        let name = sheet_name(&framework.group_name(&t.group_id, lang), &taken);
        taken.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(|e| fail(&e))?;
        ws.write_string_with_format(0, 0, table_title(framework, t, i + 1, lang), &title).map_err(|e| fail(&e))?;
        for (c, h) in headings(lang).iter().enumerate() {
            ws.write_string_with_format(1, c as u16, *h, &head).map_err(|e| fail(&e))?;
        }
        let mut r: u32 = 2;
        let as_f64 = |d: rust_decimal::Decimal| f64::try_from(round2(d)).map_err(|e| Error::input("xlsx", 0, e.to_string(), e.to_string()));
        for row in &t.rows {
            ws.write_number_with_format(r, 0, row.rank as f64, &rank).map_err(|e| fail(&e))?;
            ws.write_string_with_format(r, 1, &row.name, &text).map_err(|e| fail(&e))?;
            ws.write_number_with_format(r, 2, as_f64(row.total)?, &number).map_err(|e| fail(&e))?;
            ws.write_string_with_format(r, 3, framework.level_name(&row.level_id, lang), &text).map_err(|e| fail(&e))?;
            r += 1;
        }
        ws.write_string_with_format(r, 0, "", &bold_text).map_err(|e| fail(&e))?;
        ws.write_string_with_format(r, 1, AVERAGE.get(lang), &bold_text).map_err(|e| fail(&e))?;
        ws.write_number_with_format(r, 2, as_f64(t.average)?, &bold_number).map_err(|e| fail(&e))?;
        ws.write_string_with_format(r, 3, "", &bold_text).map_err(|e| fail(&e))?;
        ws.set_column_width(0, 10).map_err(|e| fail(&e))?;
        ws.set_column_width(1, 45).map_err(|e| fail(&e))?;
        ws.set_column_width(2, 12).map_err(|e| fail(&e))?;
        ws.set_column_width(3, 16).map_err(|e| fail(&e))?;
        ws.set_freeze_panes(2, 0).map_err(|e| fail(&e))?;
    }
    if tables.is_empty() {
        // A workbook needs a sheet; an empty council still gets a valid file.
        let ws = book.add_worksheet();
        ws.write_string(0, 0, if lang == Lang::Vi { "Chưa có cơ quan nào được xếp hạng" } else { "No agency ranked yet" }).map_err(|e| fail(&e))?;
    }
    book.save_to_buffer().map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "Các cơ quan, đơn vị không có thủ tục hành chính [cấp tỉnh]";
        let a = sheet_name(long, &[]);
        assert!(a.chars().count() <= 31 && !a.contains('['), "{a}");
        let b = sheet_name(long, std::slice::from_ref(&a));
        assert!(b.chars().count() <= 31 && b != a && b.ends_with("(2)"), "{b}");
    }
}
