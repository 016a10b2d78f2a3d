use dti_engine::export::{answer_text, csv_record, evidence_text, sheet_csv, CSV_SEPARATOR};
use dti_engine::sheet::{Answer, Entry, Evidence, ScoreSheet, WorkStatus};
use dti_engine::Lang;

mod common;
use common::mini;

fn sheet() -> ScoreSheet {
    let mut s = ScoreSheet::new("mini", "a");
    s.entries.insert(
        "1.1".into(),
        Entry {
            self_answer: Some(Answer::Points { text: "9,5".into() }),
            appraised: Some(Answer::Points { text: "7".into() }),
            evidence: Evidence { number: "12/KH-UBND".into(), date: "15/3/2022".into(), summary: "Kế hoạch chuyển đổi số".into(), ..Evidence::default() },
            status: Some(WorkStatus::Done),
        },
    );
    s.entries.insert("1.2".into(), Entry { self_answer: Some(Answer::Points { text: "abc".into() }), ..Entry::default() });
    s.entries.insert("2.1".into(), Entry { self_answer: Some(Answer::Ratio { numerator: "2".into(), denominator: "3".into() }), ..Entry::default() });
    s
}

#[test]
fn csv_opens_in_a_vietnamese_spreadsheet() {
    let f = mini();
    let csv = sheet_csv(&f, &sheet(), Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.starts_with('\u{feff}'), "UTF-8 byte-order mark");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Mã;Chỉ số;Điểm tối đa;Tự đánh giá;Thẩm định;Chênh lệch (Tự đánh giá − Thẩm định);Trạng thái;Minh chứng");
    assert!(lines.contains(&"1;Nhận thức số;40,00;9,50;7,00;2,50;;"), "{csv}");
    assert!(lines.contains(&"1.1;Điểm trực tiếp;10,00;9,50;7,00;2,50;Hoàn thành;12/KH-UBND, 15/3/2022: Kế hoạch chuyển đổi số"), "{csv}");
    // 1.2 is yes/no: a points answer there is the wrong kind, kept and labelled.
    assert!(lines.contains(&"1.2;Chuyên mục;5,00;không hợp lệ: abc;;;;"), "{csv}");
    assert!(lines.contains(&"2.1;Văn bản ký số;20,00;13,33;;;;"), "{csv}");
    assert_eq!(lines.last().copied(), Some(";Tổng điểm;100,00;22,83;7,00;2,50;đã thẩm định một trên bảy chỉ số (chưa đủ, chưa xếp mức);"));
}

#[test]
fn answers_in_words() {
    let f = mini();
    let ind = |code: &str| f.nodes("a").into_iter().map(|n| n.indicator).find(|i| i.code == code).and_then(|i| i.method.clone());
    assert_eq!(answer_text(ind("1.3").as_ref(), Some(&Answer::Choice { id: "deputy".into() }), Lang::Vi), "Cấp phó");
    assert_eq!(answer_text(ind("1.4").as_ref(), Some(&Answer::Parts { ids: vec!["chair".into(), "attend".into()] }), Lang::En), "Attends all; Chairs");
    assert_eq!(answer_text(ind("1.2").as_ref(), Some(&Answer::YesNo { value: true }), Lang::Vi), "Có");
    assert_eq!(answer_text(ind("2.1").as_ref(), Some(&Answer::Ratio { numerator: "45".into(), denominator: "50".into() }), Lang::Vi), "a = 45; b = 50");
    assert_eq!(answer_text(None, None, Lang::Vi), "");
    let e = Evidence { link: "https://x.gov.vn/a".into(), note: "bản scan".into(), ..Evidence::default() };
    assert_eq!(evidence_text(&e), "https://x.gov.vn/a — bản scan");
}

/// Results are matched to rows in tree order; a main indicator that is a leaf itself takes
/// its result too, so the rows after it keep theirs.
#[test]
fn a_main_indicator_that_is_a_leaf_keeps_every_row_its_result() {
    let mut set: serde_json::Value = serde_json::from_str(common::MINI).unwrap();
    set["groups"][0]["max_points"] = "110".into();
    let leaf_main = serde_json::json!({"code": "9", "name_vi": "Chỉ số lá", "name_en": "Leaf main", "max_points": "10", "groups": ["a"], "method": {"type": "yes_no"}});
    set["indicators"].as_array_mut().unwrap().insert(1, leaf_main);
    let f = dti_engine::Framework::from_json("leaf-main.json", &set.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let mut s = sheet();
    s.entries.insert("9".into(), Entry { self_answer: Some(Answer::YesNo { value: true }), ..Entry::default() });
    let csv = sheet_csv(&f, &s, Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines.contains(&"9;Chỉ số lá;10,00;10,00;;;;"), "{csv}");
    assert!(lines.contains(&"1.1;Điểm trực tiếp;10,00;9,50;7,00;2,50;Hoàn thành;12/KH-UBND, 15/3/2022: Kế hoạch chuyển đổi số"), "{csv}");
    assert!(lines.contains(&"2.1;Văn bản ký số;20,00;13,33;;;;"), "{csv}");
}

/// The sheet CSV is written without the csv crate's writer (wasm size); it writes what the
/// crate writes, for every kind of field.
#[test]
fn csv_lines_are_the_csv_crate_lines() {
    let fields = ["", "a", "Sở Tư pháp", "a;b", "say \"hi\"", "\"", "line\nbreak", "cr\r", "=1+2", " space ", "1.234,50", "a,b", "'quote"];
    let mut records: Vec<Vec<&str>> = vec![vec![], vec![""], vec!["", ""], fields.to_vec()];
    for a in fields {
        for b in fields {
            records.push(vec![a, b]);
            records.push(vec![a]);
        }
    }
    for record in records {
        let mut ours = String::new();
        csv_record(&mut ours, &record);
        let mut w = csv::WriterBuilder::new().delimiter(CSV_SEPARATOR).flexible(true).from_writer(Vec::new());
        if record.is_empty() {
            w.write_record(None::<&str>).unwrap();
        } else {
            w.write_record(&record).unwrap();
        }
        let theirs = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(ours, theirs, "{record:?}");
    }
}
