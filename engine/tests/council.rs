//! The council (issue 14): the 49 sheets of the 2022 appendix give the appendix back, by
//! the rules; every problem is listed; outputs read back; import order does not matter.
#![cfg(feature = "council")]

mod common;
#[path = "../examples/council_sheets/gen.rs"]
mod gen;

use std::path::PathBuf;

use common::{d, dti, text};
use dti_engine::check::{check, parse_published};
use dti_engine::council::{self, Basis, Council, ParsedFile, SetGroups, Table};
use dti_engine::number::{format_machine, DISPLAY_ROUNDING};
use dti_engine::sheet::{Answer, ScoreSheet};
use dti_engine::{builtin, Decimal, Framework, Lang};
use proptest::prelude::*;

/// A table without entry ids: group, (rank, name, total, level[, basis, source]) rows, average.
type Plain = Vec<(String, Vec<(usize, String, Decimal, String)>, Decimal)>;
type PlainWithSource = Vec<(String, Vec<(usize, String, Decimal, String, &'static str, council::Source)>, Decimal)>;

fn set(id: &str) -> Framework {
    builtin::framework(id).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/council")
}

/// The committed 49 sheets: (file name, bytes), by name.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixture_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}"))))
        .collect();
    files.sort();
    files
}

fn seed_council() -> Council {
    let mut c = Council::new(set("laocai-2022"));
    for (name, bytes) in seed_files() {
        c.add_file(&name, &bytes);
    }
    c
}

fn tables(c: &Council) -> Vec<Table> {
    c.tables().unwrap_or_else(|e| panic!("{e}"))
}

fn messages(c: &Council, lang: Lang) -> Vec<String> {
    c.problems().iter().map(|p| p.message(lang)).collect()
}

fn sheet_json(fw: &Framework, group: &str, agency: &str, total: &str) -> Vec<u8> {
    gen::sheet_for_total(fw, group, agency, d(total), gen::Appraise::None, 3)
        .unwrap_or_else(|| panic!("no sheet for {total}"))
        .to_json()
        .into_bytes()
}

#[test]
fn the_49_sheets_give_the_2022_appendix_by_the_rules() {
    let fw = set("laocai-2022");
    let c = seed_council();
    assert_eq!(c.files().len(), 49);
    assert!(c.problems().is_empty(), "{:?}", messages(&c, Lang::En));
    let published = parse_published(&fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let tables = tables(&c);
    assert_eq!(tables.iter().map(|t| t.group_id.as_str()).collect::<Vec<_>>(), ["co_tthc", "khong_tthc", "huyen"]);
    let rows: Vec<(&Table, &council::Row)> = tables.iter().flat_map(|t| t.rows.iter().map(move |r| (t, r))).collect();
    assert_eq!(rows.len(), published.len());
    let level_id = |printed: &str| fw.levels.iter().find(|l| l.name_vi == printed).map(|l| l.id.clone()).unwrap_or_default();
    let mut differences = Vec::new();
    for ((t, r), p) in rows.iter().zip(&published) {
        assert_eq!((t.group_id.as_str(), r.rank, r.name.as_str(), r.total), (p.group.as_str(), p.rank, p.name.as_str(), p.total));
        if r.level_id != level_id(&p.level) {
            differences.push(format!("{}: {} → {}", r.name, p.level, fw.level_name(&r.level_id, Lang::Vi)));
        }
        if t.average != p.group_average && !differences.iter().any(|d| d.starts_with(&t.group_id)) {
            differences.push(format!("{}: {} → {}", t.group_id, format_machine(p.group_average), format_machine(t.average)));
        }
    }
    // The two known differences of the 2022 decision, with the rule's values.
    assert_eq!(differences, ["Sở Du lịch: Hình thành → Khởi động", "khong_tthc: 328.20 → 328.21"]);
    let avg: Vec<Decimal> = tables.iter().map(|t| t.average).collect();
    assert_eq!(avg, [d("521.18"), d("328.21"), d("546.35")]);
    assert_eq!(tables[1].average_exact.round_dp_with_strategy(6, DISPLAY_ROUNDING), d("328.205909"));
}

#[test]
fn a_complete_appraisal_ranks_by_the_appraised_total_else_by_the_self_total() {
    let c = seed_council();
    let tables = tables(&c);
    let by_name = |n: &str| tables.iter().flat_map(|t| &t.rows).find(|r| r.name == n).unwrap_or_else(|| panic!("{n}"));
    // Row 2 (Sở Tài chính): appraised completely at the published 603,20, self 609,45.
    let r = by_name("Sở Tài chính");
    assert_eq!((r.basis, r.total, r.self_total), (Basis::Appraised, d("603.20"), Some(d("609.45"))));
    assert!(r.appraisal.as_ref().is_some_and(|a| a.complete && a.count == a.of && a.total == d("603.20")));
    // Row 3: 3 indicators appraised of 35, so still its self total.
    let r = by_name("Sở Thông tin và Truyền thông");
    assert_eq!((r.basis, r.total, r.self_total), (Basis::SelfAssessed, d("601.90"), Some(d("601.90"))));
    assert!(r.appraisal.as_ref().is_some_and(|a| !a.complete && a.count == 3 && a.of == 35));
    let r = by_name("Sở Giáo dục và Đào tạo");
    assert_eq!((r.basis, r.appraisal.is_none()), (Basis::SelfAssessed, true));
    let counts = |b: Basis| tables.iter().flat_map(|t| &t.rows).filter(|r| r.basis == b).count();
    assert_eq!((counts(Basis::Appraised), counts(Basis::SelfAssessed)), (12, 37));
    assert_eq!((Basis::Appraised.label(Lang::Vi), Basis::SelfAssessed.label(Lang::Vi), Basis::Totals.id()), ("Thẩm định", "Tự đánh giá", "totals"));
    // The sheet behind a row is there to open read-only, as it was imported.
    let sheet = c.sheet(r.entry).unwrap_or_else(|| panic!("sheet"));
    assert_eq!(sheet.agency, "Sở Giáo dục và Đào tạo");
    let file = seed_files().into_iter().find(|(n, _)| n.starts_with("01-")).unwrap_or_else(|| panic!("01"));
    assert_eq!(sheet.to_json() + "\n", text(&file.1));
    assert!(tables.iter().flat_map(|t| &t.rows).all(|r| c.entry(r.entry).is_some_and(|e| e.name == r.name)));
    assert!(c.entry(0).is_none() && c.entry(10_000).is_none());
}

#[test]
fn the_committed_fixtures_are_what_the_generator_writes() {
    let fw = set("laocai-2022");
    let rows = builtin::published("laocai-2022").unwrap_or_else(|| panic!("published")).unwrap_or_else(|e| panic!("{e}"));
    let generated = gen::seed_sheets(&fw, &rows);
    let files = seed_files();
    assert_eq!(files.len(), generated.len());
    for ((name, bytes), (gname, sheet)) in files.iter().zip(&generated) {
        assert_eq!(name, gname);
        assert_eq!(text(bytes), sheet.to_json() + "\n", "{name}: run `cargo run -p dti-engine --example council_sheets -- seed tests/fixtures/council`");
    }
}

#[test]
fn the_tables_as_totals_csv_give_the_same_tables() {
    // The published appendix read as a totals file (extra columns ignored), and the same in
    // Excel's Vietnamese CSV (semicolons, decimal commas, BOM, CRLF).
    let mut a = Council::new(set("laocai-2022"));
    a.add_file("laocai-2022.csv", common::SEED_CSV);
    let mut excel = String::from("\u{feff}group;name;total\r\n");
    for r in builtin::published("laocai-2022").unwrap_or_else(|| panic!("p")).unwrap_or_else(|e| panic!("{e}")) {
        excel.push_str(&format!("{};{};{}\r\n", r.group, r.name, r.total.to_string().replace('.', ",")));
    }
    let mut b = Council::new(set("laocai-2022"));
    b.add_file("excel.csv", excel.as_bytes());
    let seed = seed_council();
    let strip = |ts: Vec<Table>| -> Plain {
        ts.into_iter().map(|t| (t.group_id, t.rows.into_iter().map(|r| (r.rank, r.name, r.total, r.level_id)).collect(), t.average)).collect()
    };
    assert!(a.problems().is_empty() && b.problems().is_empty());
    assert_eq!(strip(tables(&a)), strip(tables(&seed)));
    assert_eq!(strip(tables(&b)), strip(tables(&seed)));
    assert!(tables(&a).iter().flat_map(|t| &t.rows).all(|r| r.basis == Basis::Totals && r.self_total.is_none()));
    assert_eq!(a.files()[0].kind.map(council::FileKind::id), Some("totals"));
}

#[test]
fn the_csv_is_what_check_reads_and_it_finds_nothing() {
    let c = seed_council();
    let csv = council::write_csv(c.framework(), &tables(&c)).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.starts_with("group,rank,name,total,level,group_average\nco_tthc,1,Sở Giáo dục và Đào tạo,625.30,Nâng cao,521.18\n"), "{csv}");
    assert!(csv.contains("co_tthc,18,Sở Du lịch,235.40,Khởi động,521.18\n"));
    assert!(csv.contains(",328.21\n"));
    let rows = parse_published(c.framework(), "council.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 49);
    assert_eq!(check(c.framework(), &rows).unwrap_or_else(|e| panic!("{e}")), []);
    let out = dti(&["check", "-"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // The published appendix itself has the two inconsistencies.
    let out = dti(&["check", "-"], common::SEED_CSV);
    assert_eq!(out.status.code(), Some(1));
}

fn kinds(c: &Council) -> Vec<&'static str> {
    c.problems().iter().map(|p| p.kind_id()).collect()
}

#[test]
fn two_copies_of_one_agency_are_listed_and_neither_is_ranked_until_one_is_removed() {
    let fw = set("laocai-2022");
    let mut c = seed_council();
    // "SỞ TÀI CHÍNH" in capitals and with spaces: the same agency by the engine's fold.
    let second = c.add_file("tai-chinh-ban-2.json", &sheet_json(&fw, "co_tthc", "  SỞ TÀI  CHÍNH ", "590"));
    // And a totals row naming an agency of the sheets, with the old tone-mark placement.
    let csv = c.add_file("tong.csv", "group,name,total\nkhong_tthc,Ban Tuyên giáo Tỉnh u\u{1ef7},400\n".as_bytes());
    assert_eq!(kinds(&c), ["duplicate", "duplicate"]);
    let msgs = messages(&c, Lang::Vi);
    assert!(msgs[0].starts_with("02-so-tai-chinh.json: Sở Tài chính: 2 bản cho cùng một cơ quan"), "{}", msgs[0]);
    assert!(msgs[0].contains("“SỞ TÀI  CHÍNH” (tai-chinh-ban-2.json)") && msgs[0].contains("không bản nào được xếp hạng"), "{}", msgs[0]);
    assert!(msgs[1].contains("(tong.csv, dòng 2)"), "{}", msgs[1]);
    let en = messages(&c, Lang::En);
    assert!(en[0].contains("2 copies for one agency") && en[0].contains("none is ranked"), "{}", en[0]);
    let t = tables(&c);
    let names: Vec<&str> = t.iter().flat_map(|t| &t.rows).map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), 47);
    assert!(!names.iter().any(|n| dti_engine::text::name_key(n) == "so tai chinh"));
    // The second co_tthc row moves up: nothing is merged.
    assert_eq!((t[0].rows[1].rank, t[0].rows[1].name.as_str()), (2, "Sở Thông tin và Truyền thông"));
    assert!(c.remove_file(second) && c.remove_file(csv));
    assert!(c.problems().is_empty());
    assert_eq!(tables(&c)[0].rows[1].name, "Sở Tài chính");
    assert!(!c.remove_file(second));
}

#[test]
fn sheets_of_another_set_version_or_group_are_not_ranked_and_say_why() {
    let fw22 = set("laocai-2022");
    let fw23 = set("laocai-2023");
    let mut c = Council::new(fw22.clone());
    c.add_file("a.json", &sheet_json(&fw22, "huyen", "Huyện Bắc Hà", "585.45"));
    c.add_file("b.json", &sheet_json(&fw23, "huyen", "Huyện Bát Xát", "500"));
    let mut odd = gen::sheet_for_total(&fw22, "huyen", "Huyện Si Ma Cai", d("525.62"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    odd.group = "phuong".into();
    c.add_file("c.json", odd.to_json().as_bytes());
    let mut versioned = gen::sheet_for_total(&fw22, "huyen", "Huyện Văn Bàn", d("449.13"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    versioned.framework_digest = Some("0123456789abcdef".into());
    c.add_file("d.json", versioned.to_json().as_bytes());
    let mut nameless = gen::sheet_for_total(&fw22, "huyen", "", d("1"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    nameless.agency = " ".into();
    c.add_file("e.json", nameless.to_json().as_bytes());
    assert_eq!(kinds(&c), ["other_set", "unknown_group", "no_name"]);
    c.set_digest(Some("fedcba9876543210".into()));
    assert_eq!(kinds(&c), ["other_set", "unknown_group", "other_version", "no_name"]);
    let vi = messages(&c, Lang::Vi);
    assert_eq!(vi[0], "b.json: phiếu theo bộ chỉ số laocai-2023, không phải bộ laocai-2022 của hội đồng; không xếp hạng (chọn bộ laocai-2023 để xếp hạng phiếu này)");
    assert!(vi[1].starts_with("c.json: Huyện Si Ma Cai: nhóm “phuong” không có trong bộ chỉ số laocai-2022 (có: co_tthc, khong_tthc, huyen, co_quan_huyen, xa)"), "{}", vi[1]);
    assert!(vi[2].contains("phiên bản khác") && vi[2].contains("0123456789abcdef"), "{}", vi[2]);
    assert_eq!(vi[3], "e.json: thiếu tên cơ quan; không xếp hạng");
    let en = messages(&c, Lang::En);
    assert!(en[0].contains("not the council's set laocai-2022"), "{}", en[0]);
    assert_eq!(tables(&c).iter().map(|t| t.rows.len()).sum::<usize>(), 1);
    // Under the 2023 set, the 2022 sheet is the one of another set; ids are kept.
    c.set_digest(None);
    c.set_framework(fw23);
    // (The set is checked first: the 2022 sheets with a bad group or no name are of another set.)
    assert_eq!(kinds(&c), ["other_set", "other_set", "other_set", "other_set"]);
    assert_eq!(tables(&c)[0].rows[0].name, "Huyện Bát Xát");
    assert_eq!(c.files().len(), 5);
}

#[test]
fn unreadable_unrecognised_and_oversized_files_are_listed_with_their_reason() {
    let fw = set("laocai-2022");
    let mut c = Council::new(fw.clone());
    c.add_file("hong.json", b"{\"schema\": 1, \"framework\": \"laocai-2022\",\n \"group\": ");
    c.add_file("cp1258.csv", b"group,name,total\nhuyen,S\xF5 Y t\xEA\xEC,5\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("group,name,total".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    c.add_file("unicode.csv", &utf16);
    c.add_file("rong.csv", b"  \n");
    c.add_file("bang.xlsx", b"PK\x03\x04\x14\x00\x00\x00");
    c.add_file("bo-chi-so.json", include_bytes!("../../data/frameworks/laocai-2023.json"));
    c.add_file("khac.json", b"{\"name\": \"x\"}");
    c.add_file("ghi-chu.txt", "Danh sách cơ quan\nSở Y tế\n".as_bytes());
    let mut big = sheet_json(&fw, "huyen", "Huyện Bảo Yên", "553.40");
    big.resize(dti_engine::text::MAX_INPUT_BYTES + 1, b' ');
    c.add_file("lon.json", &big);
    c.add_too_large("rat-lon.csv", 52_428_800);
    c.add_file("tong.csv", "group,name,total\nhuyen,Huyện Bảo Yên,553.4\nhuyen,Huyện Bảo Thắng,abc\nhuyen,,12\nhuyen,Thành phố Lào Cai,\"1000,01\"\nxa,Xã Cốc San,-1\nphuong,Phường Kim Tân,500\n".as_bytes());
    assert_eq!(
        kinds(&c),
        [
            "unreadable", "unreadable", "unreadable", "unreadable", "unrecognised", "unrecognised", "unrecognised", "unrecognised",
            "too_large", "too_large", "unreadable", "no_name", "out_of_range", "out_of_range", "unknown_group"
        ]
    );
    let vi = messages(&c, Lang::Vi);
    let has = |i: usize, s: &str| assert!(vi[i].contains(s), "{i}: {}", vi[i]);
    has(0, "hong.json");
    has(0, "không xếp hạng");
    has(1, "không phải văn bản UTF-8");
    has(2, "UTF-16");
    has(3, "tệp rỗng");
    has(4, "bang.xlsx: tệp Excel (.xlsx); hãy lưu bảng tổng điểm dạng CSV");
    has(5, "đây là tệp bộ chỉ số");
    has(6, "không phải phiếu do công cụ tính điểm xuất");
    has(7, "dòng đầu là “Danh sách cơ quan”");
    has(8, "lon.json: tệp 10.485.761 byte, vượt giới hạn 10.485.760 byte (10 MB); không đọc tệp này");
    has(9, "rat-lon.csv: tệp 52.428.800 byte");
    has(10, "tong.csv, dòng 3, cột total");
    has(11, "tong.csv, dòng 4: thiếu tên cơ quan");
    has(12, "tong.csv, dòng 5: Thành phố Lào Cai: tổng điểm 1.000,01 nằm ngoài 0..1.000 của nhóm; không xếp hạng");
    has(13, "Xã Cốc San: tổng điểm -1");
    has(14, "tong.csv, dòng 7: Phường Kim Tân: nhóm “phuong” không có");
    let en = messages(&c, Lang::En);
    assert!(en[8].contains("over the 10,485,760 byte (10 MB) limit; it was not read"), "{}", en[8]);
    assert!(en[4].contains("an Excel workbook"), "{}", en[4]);
    assert!(c.problems().iter().all(|p| !p.ranked()));
    // What could be read is ranked; nothing else.
    let t = tables(&c);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.iter().map(|r| (r.name.as_str(), r.total)).collect::<Vec<_>>(), [("Huyện Bảo Yên", d("553.4"))]);
    assert_eq!(c.files().iter().map(|f| f.kind.map(council::FileKind::id)).collect::<Vec<_>>()[10], Some("totals"));
}

#[test]
fn invalid_answers_are_said_and_earn_nothing_but_the_sheet_is_ranked() {
    let fw = set("laocai-2022");
    let mut sheet: ScoreSheet = gen::sheet_for_total(&fw, "huyen", "Huyện Mường Khương", d("525.79"), gen::Appraise::None, 4).unwrap_or_else(|| panic!("s"));
    let points_code = sheet.entries.iter().find(|(_, e)| matches!(e.self_answer, Some(Answer::Points { .. }))).map(|(k, _)| k.clone()).unwrap_or_default();
    let before = match &sheet.entries[&points_code].self_answer {
        Some(Answer::Points { text }) => dti_engine::number::parse_vn(text).unwrap_or_default(),
        _ => Decimal::ZERO,
    };
    sheet.entries.get_mut(&points_code).unwrap_or_else(|| panic!("e")).self_answer = Some(Answer::Points { text: "abc".into() });
    let mut c = Council::new(fw);
    c.add_file("m.json", sheet.to_json().as_bytes());
    let p = c.problems();
    assert_eq!((p.len(), p[0].kind_id(), p[0].ranked()), (1, "invalid_answers", true));
    let msg = p[0].message(Lang::Vi);
    assert!(msg.starts_with("m.json: Huyện Mường Khương: 1 câu trả lời không hợp lệ, không được tính điểm") && msg.contains(&points_code), "{msg}");
    assert_eq!(tables(&c)[0].rows[0].total, d("525.79") - before);
}

#[test]
fn the_default_set_of_a_totals_file_is_the_newest_with_all_its_groups() {
    let sets = [SetGroups::of(&set("laocai-2022")), SetGroups::of(&set("laocai-2023"))];
    assert_eq!(council::default_set(&["co_tthc", "huyen"], &sets).map(|s| s.id.as_str()), Some("laocai-2023"));
    let mut narrow = sets.clone();
    narrow[1].groups.retain(|g| g != "xa");
    assert_eq!(council::default_set(&["xa"], &narrow).map(|s| s.id.as_str()), Some("laocai-2022"));
    assert_eq!(council::default_set(&["phuong"], &sets), None);
    let totals = council::parse_file("t.csv", b"group,name,total\nxa,X\xC3\xA3 A,1\n");
    assert_eq!(totals.totals_groups(), ["xa"]);
    assert_eq!(council::suggest_set(std::slice::from_ref(&totals), &narrow).map(|s| s.id.as_str()), Some("laocai-2022"));
    // Sheets name their set: the one most of them name wins over the totals' default.
    let sheets: Vec<ParsedFile> = seed_files().iter().take(3).map(|(n, b)| council::parse_file(n, b)).collect();
    let mut files = sheets;
    files.push(totals);
    assert_eq!(council::suggest_set(&files, &sets).map(|s| s.id.as_str()), Some("laocai-2022"));
    assert_eq!(council::suggest_set(&[ParsedFile::too_large("x", 1)], &sets), None);
}

#[test]
fn html_escapes_every_text_and_prints_figures_the_vietnamese_way() {
    let mut c = Council::new(set("laocai-2022"));
    c.add_file("t.csv", "group,name,total\nhuyen,\"<b>Huyện \"\"A\"\" & B</b>\",585.45\nhuyen,Huyện C,500\n".as_bytes());
    let html = council::html_tables(c.framework(), &tables(&c), Lang::Vi);
    assert!(html.contains("&lt;b&gt;Huyện &quot;A&quot; &amp; B&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>Huyện"));
    assert!(html.contains("<th style=\"border:1px solid #000;padding:2pt 4pt\">Xếp hạng</th>"));
    assert!(html.contains(">585,45</td>") && html.contains("<b>Điểm trung bình</b>") && html.contains("<b>542,73</b>"), "{html}");
    let text = council::text_tables(c.framework(), &tables(&c), Lang::En);
    assert!(text.starts_with("1. ") && text.contains("Rank") && text.contains("Average score"), "{text}");
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbook_has_a_sheet_per_group_with_the_totals_as_numbers() {
    use calamine::{Data, Reader};
    let c = seed_council();
    let bytes = council::write_xlsx(c.framework(), &tables(&c), Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let names = book.sheet_names();
    assert_eq!(names.len(), 3);
    let fw = c.framework();
    for (name, t) in names.iter().zip(tables(&c)) {
        assert!(fw.group_name(&t.group_id, Lang::Vi).starts_with(name.trim_end()), "{name}");
        let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("Xếp hạng".into())));
        for (i, r) in t.rows.iter().enumerate() {
            let row = 2 + i as u32;
            assert_eq!(range.get_value((row, 1)), Some(&Data::String(r.name.clone())));
            match range.get_value((row, 2)) {
                Some(Data::Float(f)) => assert_eq!(format!("{f:.2}"), format_machine(r.total)),
                other => panic!("{}: total is {other:?}, not a number", r.name),
            }
            assert!(matches!(range.get_value((row, 0)), Some(Data::Float(f)) if *f as usize == r.rank));
        }
        let last = 2 + t.rows.len() as u32;
        assert_eq!(range.get_value((last, 1)), Some(&Data::String("Điểm trung bình".into())));
        assert!(matches!(range.get_value((last, 2)), Some(Data::Float(f)) if format!("{f:.2}") == format_machine(t.average)));
    }
}

#[test]
fn dti_council_prints_the_tables_and_the_problems() {
    let dir = fixture_dir();
    let mut args: Vec<String> = vec!["council".into()];
    args.extend(seed_files().into_iter().map(|(n, _)| dir.join(n).to_string_lossy().into_owned()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dti(&argv, b"");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("      18  Sở Du lịch") && stdout.contains("Khởi động") && stdout.contains("328,21"), "{stdout}");
    assert!(stdout.ends_with("Không có vấn đề.\n"));
    // CSV goes straight into `dti check`.
    let mut csv_args = argv.clone();
    csv_args.extend(["--format", "csv"]);
    let out = dti(&csv_args, b"");
    assert_eq!(out.status.code(), Some(0));
    let checked = dti(&["check", "-"], &out.stdout);
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stdout));
    // A duplicate and an unreadable file: exit 1, both named; JSON carries them.
    let extra = common::temp("council", "lap.csv", "group,name,total\nhuyen,HUYỆN BẮC HÀ,1\n".as_bytes());
    let broken = common::temp("council", "hong.json", b"{");
    let mut bad = argv.clone();
    bad.extend([extra.as_str(), broken.as_str(), "--format", "json", "--lang", "en"]);
    let out = dti(&bad, b"");
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["framework"], "laocai-2022");
    let kinds: Vec<&str> = doc["problems"].as_array().map(|a| a.iter().filter_map(|p| p["kind"].as_str()).collect()).unwrap_or_default();
    assert_eq!(kinds, ["unreadable", "duplicate"]);
    assert_eq!(doc["groups"][2]["rows"].as_array().map(Vec::len), Some(8));
    assert_eq!(doc["groups"][0]["rows"][1]["basis"], "appraised");
    assert_eq!(doc["groups"][0]["rows"][1]["self_total"], "609.45");
    // --xlsx writes the workbook too; a totals file alone picks the newest set with its groups.
    let xlsx = common::temp("council", "bang.xlsx", b"");
    let out = dti(&["council", &extra, "--xlsx", &xlsx], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap_or_default().starts_with(b"PK"));
    let out = dti(&["council", &extra, "--format", "json"], b"");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["framework"], "laocai-2023");
}

#[test]
fn dti_council_refuses_a_file_over_the_limit_by_its_size_and_names_a_missing_one() {
    let big = common::temp("council-big", "lon.csv", &vec![b' '; dti_engine::text::MAX_INPUT_BYTES + 5]);
    let good = common::temp("council-big", "tong.csv", "group,name,total\nhuyen,Huyện Bắc Hà,585.45\n".as_bytes());
    let out = dti(&["council", &big, "/khong/co/tep.json", &good, "--framework", "laocai-2022"], b"");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("lon.csv: tệp 10.485.765 byte, vượt giới hạn 10.485.760 byte (10 MB); không đọc tệp này"), "{stdout}");
    assert!(stdout.contains("/khong/co/tep.json: không đọc được tệp (không có tệp này"), "{stdout}");
    assert!(stdout.contains("       1  Huyện Bắc Hà") && stdout.contains("Vấn đề (2):"), "{stdout}");
    let out = dti(&["council", &good, "--framework", "laocai-1999"], b"");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn the_checker_beside_the_recomputation_shows_the_two_differences() {
    let fw = set("laocai-2022");
    let rows = parse_published(&fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let cmp = council::checker::compare(&fw, &rows).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cmp.findings.iter().map(|f| f.kind()).collect::<Vec<_>>(), ["level", "average"]);
    let g = &cmp.groups[0];
    let du_lich = &g.rows[17];
    assert_eq!((du_lich.name.as_str(), du_lich.printed_level.as_str(), du_lich.level_id.as_str(), du_lich.findings.as_slice()), ("Sở Du lịch", "Hình thành", "khoi_dong", &[0][..]));
    assert!(g.rows[..17].iter().all(|r| r.findings.is_empty() && r.rank == r.printed_rank));
    let k = &cmp.groups[1];
    assert_eq!((k.printed_average, k.average, k.findings.as_slice()), (d("328.20"), d("328.21"), &[1][..]));
    assert!(cmp.groups[2].findings.is_empty() && cmp.groups[0].findings.is_empty());
}

/// Tables without entry ids (which follow import order by design).
fn comparable(c: &Council) -> PlainWithSource {
    tables(c)
        .into_iter()
        .map(|t| (t.group_id, t.rows.into_iter().map(|r| (r.rank, r.name, r.total, r.level_id, r.basis.id(), r.source)).collect(), t.average))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn import_order_does_not_change_the_tables(seed in any::<u64>(), ties in 0usize..4) {
        let fw = set("laocai-2022");
        let mut files = seed_files();
        // Equal totals, a duplicate and a refused file make order matter, if anything does.
        for i in 0..ties {
            files.push((format!("tie-{i}.json"), sheet_json(&fw, "huyen", &format!("Huyện Mới {i}"), "585.45")));
        }
        files.push(("lap.csv".into(), "group,name,total\nco_tthc,sở y tế,100\n".as_bytes().to_vec()));
        files.push(("hong.json".into(), b"{".to_vec()));
        let mut straight = Council::new(fw.clone());
        for (n, b) in &files {
            straight.add_file(n, b);
        }
        let mut rng = gen::Lcg(seed);
        for i in (1..files.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            files.swap(i, j);
        }
        let mut shuffled = Council::new(fw);
        for (n, b) in &files {
            shuffled.add_file(n, b);
        }
        prop_assert_eq!(comparable(&straight), comparable(&shuffled));
        let mut a: Vec<&str> = straight.problems().iter().map(|p| p.kind_id()).collect();
        let mut b: Vec<&str> = shuffled.problems().iter().map(|p| p.kind_id()).collect();
        a.sort_unstable();
        b.sort_unstable();
        prop_assert_eq!(a, b);
    }
}

/// The 2022 appendix as it comes out of Word (cells split by tabs, decimal commas): a title
/// per group, the heading, the rows as printed, the printed average.
fn printed_2022(fw: &Framework) -> String {
    let rows = parse_published(fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::from("PHỤ LỤC\nKết quả xếp hạng mức độ chuyển đổi số năm 2022\n\n");
    let mut n = 0;
    for g in &fw.groups {
        let members: Vec<_> = rows.iter().filter(|r| r.group == g.id).collect();
        if members.is_empty() {
            continue;
        }
        n += 1;
        out.push_str(&format!("{n}. {} (tối đa {} điểm)\n", g.name_vi, dti_engine::number::format_compact(g.max_points)));
        out.push_str("Xếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n");
        for r in &members {
            out.push_str(&format!("{}\t{}\t{}\t{}\n", r.rank, r.name, dti_engine::number::format_points(r.total), r.level));
        }
        out.push_str(&format!("\tĐiểm trung bình\t{}\t\n\n", dti_engine::number::format_points(members[0].group_average)));
    }
    out
}

#[test]
fn a_pasted_printed_appendix_is_checked_like_the_csv() {
    let fw = set("laocai-2022");
    let from_csv = parse_published(&fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let text = printed_2022(&fw);
    let pasted = council::checker::parse_appendix(&fw, "dan.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let strip = |rows: &[dti_engine::check::PublishedRow]| -> Vec<(String, usize, String, Decimal, String, Decimal)> {
        rows.iter().map(|r| (r.group.clone(), r.rank, r.name.clone(), r.total, r.level.clone(), r.group_average)).collect()
    };
    assert_eq!(strip(&pasted), strip(&from_csv));
    assert_eq!(pasted[0].line, 6, "lines are the text's");
    let cmp = council::checker::compare(&fw, &pasted).unwrap_or_else(|e| panic!("{e}"));
    let msgs: Vec<String> = cmp.findings.iter().map(|f| f.message(&fw, Lang::Vi)).collect();
    assert_eq!(msgs.len(), 2);
    assert!(msgs[0].starts_with("dòng 23, cột level, Sở Du lịch: 235,40 điểm = 23,54 % → mức “Khởi động”"), "{}", msgs[0]);
    assert!(msgs[1].contains("in là 328,20") && msgs[1].contains("→ 328,21"), "{}", msgs[1]);
    // The CSV form goes through the same door.
    let csv = council::checker::parse_appendix(&fw, "a.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(csv, from_csv);
    // The council's own outputs read back: its text and its workbook saved as CSV by Calc.
    let c = seed_council();
    let own = council::text_tables(c.framework(), &tables(&c), Lang::Vi);
    let tsv: String = own
        .lines()
        .map(|l| if l.starts_with(|c: char| c.is_ascii_digit()) && l.contains(". ") { l.to_owned() } else { l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("\t") })
        .map(|l| if l.starts_with("Điểm trung bình") { format!("\t{}\t", l) } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let back = council::checker::parse_appendix(&fw, "own.txt", tsv.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{tsv}"));
    assert_eq!(back.len(), 49);
    assert_eq!(check(&fw, &back).unwrap_or_else(|e| panic!("{e}")), []);
    let calc = "\"1. Nhóm các huyện, thị xã, thành phố (tối đa 1.000 điểm)\",,,\n\"Xếp hạng\",\"Tên cơ quan\",\"Tổng điểm\",\"Mức xếp hạng\"\n1,\"Thành phố Lào Cai\",651.93,\"Nâng cao\"\n2,\"Huyện Bắc Hà\",585.45,\"Nâng cao\"\n,\"Điểm trung bình\",618.69,\n";
    let rows = council::checker::parse_appendix(&fw, "calc.csv", calc.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.iter().map(|r| (r.group.as_str(), r.total, r.group_average)).collect::<Vec<_>>(), [("huyen", d("651.93"), d("618.69")), ("huyen", d("585.45"), d("618.69"))]);
}

#[test]
fn a_pasted_appendix_that_cannot_be_read_says_where() {
    let fw = set("laocai-2022");
    let err = |text: &str| council::checker::parse_appendix(&fw, "dan.txt", text.as_bytes()).err().map(|e| e.message(Lang::Vi)).unwrap_or_default();
    let head = "3. Nhóm các huyện, thị xã, thành phố\nXếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n";
    assert_eq!(err(&format!("{head}1\tHuyện A\t500\tNâng cao\n")), "dan.txt, dòng 3: nhóm huyen không có dòng “Điểm trung bình” trước dòng này");
    assert!(err(&format!("{head}1\tHuyện A\t5OO\tNâng cao\n")).starts_with("dan.txt, dòng 3, cột Tổng điểm: “5OO”"));
    assert!(err(&format!("{head}1\tHuyện A\t500\tNâng cao\nGhi chú: tạm tính\n")).contains("dòng 4: không hiểu dòng này"));
    assert!(err("Xếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n1\tHuyện A\t500\tNâng cao\n").contains("dòng 2: dòng xếp hạng trước tên nhóm"));
    assert!(err(&format!("{head}1\t\t500\tNâng cao\n")).contains("dòng 3: cột name: thiếu tên cơ quan"));
    assert!(err(&format!("{head}1\tHuyện A\t-5\tNâng cao\n")).contains("tổng điểm -5 âm"));
    assert_eq!(err("  \n"), "dan.txt: tệp rỗng");
}
