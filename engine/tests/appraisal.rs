// The council's partial appraisal on the real 2022 set (group with TTHC, 30 scoring
// indicators): Chênh lệch = Tự đánh giá − Thẩm định over the appraised indicators only,
// and no percentage or level until every scoring indicator is appraised.

use dti_engine::export::sheet_csv;
use dti_engine::sheet::{evaluate, Answer, Entry, ScoreSheet};
use dti_engine::{builtin, Lang};

mod common;
use common::d;

fn yes() -> Answer {
    Answer::YesNo { value: true }
}
fn ratio(a: &str, b: &str) -> Answer {
    Answer::Ratio { numerator: a.into(), denominator: b.into() }
}
fn choice(id: &str) -> Answer {
    Answer::Choice { id: id.into() }
}

/// Self 275,50 on 11 indicators; the council appraised 6 of them.
fn partly_appraised() -> ScoreSheet {
    let own: [(&str, Answer); 11] = [
        ("1.1", choice("head")),                                 // 30
        ("1.3", yes()),                                          // 15
        ("1.4", yes()),                                          // 15
        ("1.5", Answer::Points { text: "18".into() }),           // 18
        ("2.1", yes()),                                          // 25
        ("2.3", yes()),                                          // 20
        ("3.2", yes()),                                          // 25
        ("4.1", yes()),                                          // 20
        ("5.2", yes()),                                          // 25
        ("6.1", ratio("45", "50")),                              // 45
        ("7.1", ratio("30", "40")),                              // 37,5
    ];
    let council: [(&str, Answer); 6] = [
        ("1.1", choice("deputy")),                               // 15
        ("1.3", Answer::YesNo { value: false }),                 // 0
        ("1.5", Answer::Points { text: "12,5".into() }),         // 12,5
        ("2.1", yes()),                                          // 25
        ("6.1", ratio("40", "50")),                              // 40
        ("7.1", ratio("30", "40")),                              // 37,5
    ];
    let mut s = ScoreSheet::new("laocai-2022", "co_tthc");
    for (code, a) in own {
        s.entries.insert(code.into(), Entry { self_answer: Some(a), ..Entry::default() });
    }
    for (code, a) in council {
        s.entries.entry(code.into()).or_default().appraised = Some(a);
    }
    s
}

#[test]
fn a_partial_appraisal_has_no_level_and_compares_like_with_like() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let r = evaluate(&f, &partly_appraised()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.standing.total, d("275.5"));
    let a = r.appraisal.as_ref().unwrap_or_else(|| panic!("appraised values were entered"));
    assert_eq!((a.count, a.of), (6, 30));
    assert_eq!(a.total, d("130"));
    assert_eq!(a.self_total, d("170.5"));
    // 170,50 − 130,00, not the whole self total 275,50 − 130,00 = 145,50.
    assert_eq!(a.difference(), d("40.5"));
    assert_eq!(r.difference(), Some(d("40.5")));
    assert!(!a.complete());
    assert_eq!(a.standing, None, "no percentage or level for a partial sum");
    assert_eq!(a.progress(Lang::Vi), "6/30 chỉ số đã thẩm định");
    // Block 1: self 78 (30+15+15+18); appraised 27,5 on 1.1, 1.3, 1.5 whose self is 63.
    let m1 = &r.mains[0];
    assert_eq!((m1.points, m1.appraised, m1.appraised_self), (d("78"), Some(d("27.5")), d("63")));
    assert_eq!(m1.difference(), Some(d("35.5")));
    assert_eq!((m1.appraised_count, m1.leaf_count), (3, 5));
    assert!(!m1.appraisal_complete());
}

#[test]
fn the_csv_total_row_keeps_its_shape_with_the_count_in_words() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let csv = sheet_csv(&f, &partly_appraised(), Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Mã;Chỉ số;Điểm tối đa;Tự đánh giá;Thẩm định;Chênh lệch (Tự đánh giá − Thẩm định);Trạng thái;Minh chứng");
    assert!(lines.contains(&"1;Nhận thức số;100,00;78,00;27,50;35,50;;"), "{csv}");
    assert_eq!(
        lines.last().copied(),
        Some(";Tổng điểm;1000,00;275,50;130,00;40,50;đã thẩm định sáu trên ba mươi chỉ số (chưa đủ, chưa xếp mức);")
    );
    let en = sheet_csv(&f, &partly_appraised(), Lang::En).unwrap_or_else(|e| panic!("{e}"));
    assert!(en.trim_end().ends_with(";Total score;1000,00;275,50;130,00;40,50;six of thirty indicators appraised (incomplete, no level);"), "{en}");
}

#[test]
fn a_complete_appraisal_gets_its_percentage_and_level() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let mut s = partly_appraised();
    // The council gives 0 to every indicator it had not looked at: 30 of 30.
    for node in f.nodes("co_tthc") {
        let ind = node.indicator;
        if !ind.is_leaf() {
            continue;
        }
        let zero = match ind.method.as_ref().map(dti_engine::framework::Method::kind) {
            Some("yes_no") => Answer::YesNo { value: false },
            Some("ratio") => ratio("0", "1"),
            Some("parts") => Answer::Parts { ids: vec![] },
            Some("tiers") => Answer::Tier { text: "0".into() },
            Some("options") => choice("none"),
            _ => Answer::Points { text: "0".into() },
        };
        s.entries.entry(ind.code.clone()).or_default().appraised.get_or_insert(zero);
    }
    let r = evaluate(&f, &s).unwrap_or_else(|e| panic!("{e}"));
    let a = r.appraisal.as_ref().unwrap_or_else(|| panic!("appraised"));
    assert_eq!((a.count, a.of), (30, 30));
    assert_eq!(a.total, d("130"));
    // Now every self point is compared: 275,50 − 130,00.
    assert_eq!(a.difference(), d("145.5"));
    let st = a.standing.as_ref().unwrap_or_else(|| panic!("complete appraisal has a standing"));
    assert_eq!((st.percent, st.level_id.as_str()), (d("13"), "khoi_dong"));
    let csv = sheet_csv(&f, &s, Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.trim_end().ends_with(";Tổng điểm;1000,00;275,50;130,00;145,50;đã thẩm định đủ ba mươi chỉ số;"), "{csv}");
}

#[test]
fn a_blank_sheet_is_blank_until_the_first_answer() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let mut s = ScoreSheet::new("laocai-2022", "co_tthc");
    assert!(evaluate(&f, &s).unwrap_or_else(|e| panic!("{e}")).is_blank());
    s.entries.insert("1.3".into(), Entry { self_answer: Some(Answer::YesNo { value: false }), ..Entry::default() });
    let r = evaluate(&f, &s).unwrap_or_else(|e| panic!("{e}"));
    assert!(!r.is_blank(), "“Không” is an answer, worth 0");
    assert_eq!(r.standing.total, d("0"));
}

#[test]
fn the_rank_preview_names_its_basis() {
    use dti_engine::quick::rank_preview;
    let rows = dti_engine::builtin::published("laocai-2022").unwrap_or_else(|| panic!("2022 published")).unwrap_or_else(|e| panic!("{e}"));
    // No name: 18 published agencies plus this one.
    let p = rank_preview(&rows, "co_tthc", "", d("0")).unwrap_or_else(|| panic!("group published"));
    assert_eq!((p.rank, p.of, p.published), (19, 19, 18));
    // The decision prints 521,18 as the group's average; the top is Sở Giáo dục và Đào tạo.
    assert_eq!((p.average, p.top), (d("521.18"), d("625.30")));
    assert_eq!(p.own_row, None);
    // Typed name matching a published row (spelling-tolerant): that row is left out, 18/18.
    let p = rank_preview(&rows, "co_tthc", "sở thông tin và truyền thông", d("602")).unwrap_or_else(|| panic!("group"));
    // 625,30 and 603,20 stay above 602.
    assert_eq!((p.rank, p.of), (3, 18));
    assert_eq!(p.own_row.map(|r| (r.name, r.total)), Some(("Sở Thông tin và Truyền thông".to_string(), d("601.90"))));
    assert!(rank_preview(&rows, "nowhere", "", d("1")).is_none());
}
