//! The annex layout: sets to sheets and back (CSV and xlsx), and every error of a broken
//! annex named by sheet, row and column.

mod common;

use common::mini;
use dti_engine::annex::{self, Cell, ImportError, Sheet};
use dti_engine::{builtin, Framework};

/// Main indicators naming every group mean the same as naming none.
fn normalized(mut f: Framework) -> Framework {
    let all: Vec<String> = f.groups.iter().map(|g| g.id.clone()).collect();
    for ind in &mut f.indicators {
        if ind.groups.as_ref().is_some_and(|g| *g == all) {
            ind.groups = None;
        }
    }
    f
}

fn all_sets() -> Vec<Framework> {
    let mut sets: Vec<Framework> = builtin::ids().into_iter().map(|id| builtin::framework(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    sets.push(mini());
    sets
}

fn messages(e: &ImportError) -> Vec<String> {
    e.errors().iter().map(|e| e.to_string()).collect()
}

fn read(set: &Sheet, table: &Sheet) -> Result<Framework, Vec<String>> {
    annex::read("phu-luc.xlsx", set, table).map_err(|e| messages(&e))
}

#[test]
fn every_set_survives_the_sheets_and_csv() {
    for f in all_sets() {
        let (set, table) = annex::write(&f);
        assert_eq!(read(&set, &table), Ok(normalized(f.clone())), "sheets of {}", f.id);
        let csv = annex::to_csv(&f).unwrap_or_else(|e| panic!("{e}"));
        assert!(csv.starts_with('\u{feff}'), "BOM");
        let back = annex::from_csv("bo.csv", csv.as_bytes()).map_err(|e| messages(&e));
        assert_eq!(back, Ok(normalized(f.clone())), "CSV of {}", f.id);
    }
}

#[test]
fn the_reference_sets_have_the_layout_the_annex_has() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let (set, table) = annex::write(&f);
    let header: Vec<String> = table.rows[0].cells.iter().map(cell_text).collect();
    assert_eq!(&header[..7], ["STT/Mã", "Cấp", "Tên chỉ số", "Tên chỉ số (tiếng Anh)", "Điểm tối đa: co_tthc", "Điểm tối đa: khong_tthc", "Điểm tối đa: huyen"]);
    assert!(header.contains(&"Tài liệu kiểm chứng".to_owned()) && header.contains(&"Cách tính".to_owned()));
    // 1.1 of the agencies: options with their points, in the words of the annex.
    let row = table.rows.iter().find(|r| first(r) == "1.1").unwrap_or_else(|| panic!("row 1.1"));
    let at = |h: &str| cell_text(&row.cells[header.iter().position(|x| x == h).unwrap_or_else(|| panic!("{h}"))]);
    assert_eq!(at("Cách tính"), "Chọn một");
    assert_eq!(at("Điểm tối đa: co_tthc"), "30");
    assert_eq!(at("Điểm tối đa: huyen"), "", "the agencies' block does not apply to districts");
    assert!(at("Lựa chọn/điều kiện: điểm").ends_with(": 0"), "{}", at("Lựa chọn/điều kiện: điểm"));
    // Group maxima on the set sheet, as declared (1.000 / 750 / 1.000).
    let maxima: Vec<String> = set.rows.iter().filter(|r| ["co_tthc", "khong_tthc", "huyen"].contains(&first(r).as_str()))
        .map(|r| cell_text(&r.cells[3])).collect();
    assert_eq!(maxima, ["1000", "750", "1000"]);
}

fn first(r: &dti_engine::annex::Row) -> String {
    r.cells.first().map(cell_text).unwrap_or_default()
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => n.normalize().to_string(),
    }
}

/// The mini fixture's sheets, with helpers to break one cell.
struct Annex {
    set: Sheet,
    table: Sheet,
}

impl Annex {
    fn new() -> Self {
        let (set, table) = annex::write(&mini());
        Annex { set, table }
    }

    fn col(&self, header: &str) -> usize {
        self.table.rows[0].cells.iter().position(|c| cell_text(c) == header).unwrap_or_else(|| panic!("no column {header}"))
    }

    /// Row index (0-based) of an indicator code.
    fn row(&self, code: &str) -> usize {
        self.table.rows.iter().position(|r| first(r) == code).unwrap_or_else(|| panic!("no row {code}"))
    }

    fn put(&mut self, code: &str, header: &str, value: Cell) -> usize {
        let (r, c) = (self.row(code), self.col(header));
        self.table.rows[r].cells[c] = value;
        self.table.rows[r].number
    }

    fn errors(&self) -> Vec<String> {
        match read(&self.set, &self.table) {
            Ok(_) => panic!("the broken annex was accepted"),
            Err(list) => list,
        }
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn has(list: &[String], needle: &str) {
    assert!(list.iter().any(|m| m.contains(needle)), "no message containing\n  {needle}\nin\n  {}", list.join("\n  "));
}

#[test]
fn children_that_do_not_add_up_to_their_parent_are_named_at_the_parent_row() {
    let mut a = Annex::new();
    a.put("1.1", "Điểm tối đa: a", text("11"));
    a.put("1.1", "Điểm tối đa: b", text("11"));
    let parent = a.table.rows[a.row("1")].number;
    let (first, last) = (a.table.rows[a.row("1.1")].number, a.table.rows[a.row("1.4")].number);
    has(&a.errors(), &format!(
        "phu-luc.xlsx, trang “Chỉ số”, dòng {parent}, cột E “Điểm tối đa: a”: điểm tối đa 40 nhưng các chỉ số con (dòng {first}–{last}) cộng lại được 41"
    ));
}

#[test]
fn a_duplicate_code_names_both_rows_and_the_group() {
    let mut a = Annex::new();
    let first = a.table.rows[a.row("1.1")].number;
    let row = a.put("1.2", "STT/Mã", text("1.1"));
    let errors = a.errors();
    has(&errors, &format!("dòng {row}, cột A “STT/Mã”: mã “1.1” đã dùng ở dòng {first} trong nhóm a"));
    has(&errors, &format!("dòng {row}, cột A “STT/Mã”: mã “1.1” đã dùng ở dòng {first} trong nhóm b"));
}

#[test]
fn the_same_code_in_two_groups_is_allowed() {
    // Group b gets its own main "3" (the mini set's "3" is group a's only).
    let mut f = mini();
    let mut copy = f.indicators[3].clone();
    copy.groups = Some(vec!["b".into()]);
    copy.max_points = common::d("20");
    f.indicators[1].max_points = common::d("40");
    f.groups[1].max_points = common::d("100");
    f.indicators.push(copy);
    let (set, table) = annex::write(&f);
    let back = read(&set, &table).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert_eq!(back.nodes("a").iter().filter(|n| n.indicator.code == "3").count(), 1);
    assert_eq!(back.nodes("b").iter().filter(|n| n.indicator.code == "3").count(), 1);
    assert_eq!(back, normalized(f));
}

#[test]
fn an_unknown_method_is_named_with_the_known_ones() {
    let mut a = Annex::new();
    let row = a.put("1.1", "Cách tính", text("Chấm điểm"));
    has(&a.errors(), &format!("dòng {row}, cột G “Cách tính”: “Chấm điểm” không phải cách tính; dùng một trong: “Nhập điểm”, “Có/Không”"));
}

#[test]
fn a_missing_maximum_is_named() {
    let mut a = Annex::new();
    a.put("1.2", "Điểm tối đa: a", Cell::Empty);
    let row = a.put("1.2", "Điểm tối đa: b", Cell::Empty);
    has(&a.errors(), &format!("trang “Chỉ số”, dòng {row}, cột E–F “Điểm tối đa: …”: thiếu điểm tối đa"));
}

#[test]
fn a_group_maximum_other_than_declared_is_named_on_the_set_sheet() {
    let mut a = Annex::new();
    let r = a.set.rows.iter().position(|r| first(r) == "b").unwrap_or_else(|| panic!("group b"));
    a.set.rows[r].cells[3] = text("90");
    let row = a.set.rows[r].number;
    has(&a.errors(), &format!(
        "trang “Bộ chỉ số”, dòng {row}, cột D “Điểm tối đa”: nhóm b khai báo 90 điểm, nhưng các chỉ số chính của nhóm (trang “Chỉ số”, cột “Điểm tối đa: b”) cộng lại được 80"
    ));
}

#[test]
fn unparsable_method_parameters_are_named_with_the_expected_form() {
    let mut a = Annex::new();
    let tiers = a.put("2.2", "Bậc: điểm", text("≥ 4: hai mươi; ≥ 2: 10; ≥ 1: 5"));
    let options = a.put("1.3", "Lựa chọn/điều kiện: điểm", text("Thủ trưởng 10; Cấp phó: 5; Không: 0"));
    let zero = a.put("2.1", "Khi mẫu số bằng 0", text("tùy"));
    let errors = a.errors();
    has(&errors, &format!("dòng {tiers}, cột P “Bậc: điểm”: “≥ 4: hai mươi”:"));
    has(&errors, &format!("dòng {options}, cột H “Lựa chọn/điều kiện: điểm”: “Thủ trưởng 10”: cần “tên lựa chọn: điểm”"));
    has(&errors, &format!("dòng {zero}, cột O “Khi mẫu số bằng 0”: “tùy”: cần “đủ điểm” hoặc “0 điểm”"));
}

#[test]
fn different_maxima_across_groups_ask_for_a_row_per_group() {
    let mut a = Annex::new();
    let row = a.put("1", "Điểm tối đa: b", text("35"));
    has(&a.errors(), &format!("dòng {row}, cột E–F “Điểm tối đa: …”: điểm tối đa khác nhau giữa các nhóm (a = 40, b = 35)"));
    has(&a.errors(), "tách thành các dòng riêng cho từng nhóm");
}

#[test]
fn the_method_rules_are_checked_per_row() {
    let mut a = Annex::new();
    let options = a.put("1.3", "Lựa chọn/điều kiện: điểm", text("Thủ trưởng: 8; Cấp phó: 5; Không: 0"));
    let parent = a.put("1", "Cách tính", text("Có/Không"));
    let param = a.put("1.2", "Bậc: điểm", text("≥ 1: 5"));
    let errors = a.errors();
    has(&errors, &format!("dòng {options}, cột H “Lựa chọn/điều kiện: điểm”: cần lựa chọn cao nhất = 10 điểm, được 8"));
    has(&errors, &format!("dòng {parent}, cột G “Cách tính”: chỉ số 1 có chỉ số con"));
    has(&errors, &format!("dòng {param}, cột P “Bậc: điểm”: cột này chỉ dùng cho cách tính “Theo bậc”"));
}

#[test]
fn numbers_are_read_as_the_department_types_them() {
    let mut a = Annex::new();
    a.put("1.4", "Lựa chọn/điều kiện: điểm", text("Dự đủ: 7,5; Chủ trì: 7.5"));
    a.put("1.4", "Điểm tối đa: a", text("15,0"));
    let r = a.set.rows.iter().position(|r| first(r) == "a").unwrap_or_else(|| panic!("group a"));
    a.set.rows[r].cells[3] = text("100,00");
    assert_eq!(read(&a.set, &a.table), Ok(normalized(mini())));
    // One per line instead of ";".
    a.put("1.4", "Lựa chọn/điều kiện: điểm", text("Dự đủ: 7,5\nChủ trì: 7,5"));
    assert_eq!(read(&a.set, &a.table), Ok(normalized(mini())));
}

#[test]
fn an_unknown_column_or_group_is_refused_not_ignored() {
    let mut a = Annex::new();
    let last = a.table.rows[0].cells.len();
    a.table.rows[0].cells.push(text("Ghi chú"));
    let b = a.col("Điểm tối đa: b");
    a.table.rows[0].cells[b] = text("Điểm tối đa: c");
    let errors = a.errors();
    has(&errors, &format!("dòng 1, cột {} “Ghi chú”: cột không có trong mẫu", annex::column_letter(last)));
    has(&errors, "dòng 1, cột F “Điểm tối đa: c”: nhóm không có trong trang “Bộ chỉ số”");
}

#[test]
fn without_the_level_column_codes_give_the_tree() {
    let mut a = Annex::new();
    let depth = a.col("Cấp");
    for r in &mut a.table.rows {
        r.cells.remove(depth);
    }
    assert_eq!(read(&a.set, &a.table), Ok(normalized(mini())));
    // A sub-indicator under the wrong main is named.
    let r = a.row("1.2");
    a.table.rows[r].cells[0] = text("2.9");
    has(&a.errors(), &format!("dòng {}, cột A “STT/Mã”: mã “2.9” nằm sau chỉ số “1”", a.table.rows[r].number));
}

#[test]
fn csv_with_commas_and_no_bom_is_read_and_errors_name_the_line() {
    let f = mini();
    let semi = annex::to_csv(&f).unwrap_or_else(|e| panic!("{e}"));
    // Re-written with ',' and without the BOM, as another spreadsheet might save it.
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).flexible(true).from_reader(semi.trim_start_matches('\u{feff}').as_bytes());
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in reader.records() {
        w.write_record(&r.unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|e| panic!("{e}"));
    }
    let comma = w.into_inner().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(annex::from_csv("bo.csv", &comma).map_err(|e| messages(&e)), Ok(normalized(f)));
    // The line of 1.1 in the file.
    let text = String::from_utf8(comma).unwrap_or_else(|e| panic!("{e}"));
    let line = text.lines().position(|l| l.starts_with("1.1,")).unwrap_or_else(|| panic!("1.1")) + 1;
    let broken = text.replace("Nhập điểm", "Chấm điểm");
    let err = annex::from_csv("bo.csv", broken.as_bytes()).err().unwrap_or_else(|| panic!("accepted"));
    assert!(matches!(err, ImportError::Invalid(_)));
    has(&messages(&err), &format!("bo.csv, trang “Chỉ số”, dòng {line}, cột G “Cách tính”: “Chấm điểm” không phải cách tính"));
}

#[test]
fn import_tells_json_csv_and_unreadable_apart() {
    let json = common::MINI.as_bytes();
    assert_eq!(annex::import("mini.json", json).map_err(|e| messages(&e)), Ok(mini()));
    assert!(matches!(annex::import("x.csv", b"\xff\xfe"), Err(ImportError::Unreadable(_))));
    assert!(matches!(annex::import("x.json", b"{ \"id\": "), Err(ImportError::Unreadable(_))));
    let broken = common::MINI.replace("\"max_points\": \"80\"", "\"max_points\": \"90\"");
    assert!(matches!(annex::import("x.json", broken.as_bytes()), Err(ImportError::Invalid(_))));
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;
    use dti_engine::xlsx::{from_xlsx, sheets_to_xlsx, to_xlsx};

    #[test]
    fn every_set_survives_a_workbook_and_the_bytes_are_stable() {
        for f in all_sets() {
            let bytes = to_xlsx(&f).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(to_xlsx(&f).ok().as_ref(), Some(&bytes), "same set, same bytes ({})", f.id);
            assert_eq!(from_xlsx("bo.xlsx", &bytes).map_err(|e| messages(&e)), Ok(normalized(f.clone())), "{}", f.id);
        }
    }

    #[test]
    fn a_broken_workbook_names_sheet_row_and_column() {
        let mut a = Annex::new();
        let row = a.put("2.2", "Bậc: điểm", text("≥ 4: hai mươi"));
        let bytes = sheets_to_xlsx(&a.set, &a.table, "x", 2022).unwrap_or_else(|e| panic!("{e}"));
        let err = from_xlsx("phu-luc.xlsx", &bytes).err().unwrap_or_else(|| panic!("accepted"));
        has(&messages(&err), &format!("phu-luc.xlsx, trang “Chỉ số”, dòng {row}, cột P “Bậc: điểm”: “≥ 4: hai mươi”"));
        let mut renamed = a.set.clone();
        renamed.name = "Sheet2".into();
        let bytes = sheets_to_xlsx(&renamed, &a.table, "x", 2022).unwrap_or_else(|e| panic!("{e}"));
        let err = from_xlsx("phu-luc.xlsx", &bytes).err().unwrap_or_else(|| panic!("accepted"));
        has(&messages(&err), "không có trang “Bộ chỉ số”; tệp có: Chỉ số, Sheet2");
        assert!(matches!(from_xlsx("x.xlsx", b"PK\x03\x04broken"), Err(ImportError::Unreadable(_))));
    }

    #[test]
    fn the_browser_import_refuses_a_workbook_with_what_to_do_and_the_command_reads_it() {
        let bytes = to_xlsx(&mini()).unwrap_or_else(|e| panic!("{e}"));
        let refused = annex::import("phu-luc.xlsx", &bytes).err().unwrap_or_else(|| panic!("accepted"));
        assert!(matches!(refused, ImportError::Unreadable(_)));
        has(&messages(&refused), "phu-luc.xlsx: tệp Excel (.xlsx) không đọc được ở đây; trong Excel chọn Lưu thành “CSV UTF-8");
        assert_eq!(dti_engine::xlsx::import_any("phu-luc.xlsx", &bytes).map_err(|e| messages(&e)), Ok(normalized(mini())));
    }
}
