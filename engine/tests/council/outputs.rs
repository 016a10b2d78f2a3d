//! The council's outputs: CSV that `check` reads, HTML, the workbook.

use dti_engine::check::{check, parse_published};
use dti_engine::council::{self, Council};
use dti_engine::Lang;

use crate::common::{self, dti, text};
use crate::{seed_council, set, tables};
#[cfg(feature = "xlsx")]
use dti_engine::number::format_machine;

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
