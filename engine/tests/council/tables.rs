//! The 49 sheets give the 2022 appendix back by the rules; the basis each agency ranks by;
//! totals files; which set ranks when none is named.

use dti_engine::check::parse_published;
use dti_engine::council::{self, Basis, Council, ParsedFile, SetGroups, Table};
use dti_engine::number::{format_machine, DISPLAY_ROUNDING};
use dti_engine::{builtin, Decimal, Lang};

use crate::common::{self, d, text};
use crate::{gen, messages, seed_council, seed_files, set, tables, Plain};

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
