//! Regression tests for the hostile-input review of issue 12: each test feeds the input
//! that broke the engine or `dti` (a panic, a wrong result, a message in the wrong
//! language) and asserts the fixed behaviour.

use dti_engine::check::{check, parse_published};
use dti_engine::export::{guard, sheet_csv, unguard};
use dti_engine::level::next_level;
use dti_engine::number::{format_machine, format_points, format_vn, parse_vn};
use dti_engine::rank::{parse_rank_csv, rank_file};
use dti_engine::sheet::{evaluate, Answer, Entry, Evidence, ScoreSheet};
use dti_engine::{builtin, Decimal, Error, Framework, Lang, NumberError};

mod common;
use common::{d, dti, mini, text, MINI};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/published/laocai-2022.csv");

fn temp(name: &str, bytes: &[u8]) -> String {
    common::temp("hardening", name, bytes)
}

fn f2022() -> Framework {
    builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"))
}

fn err_of<T: std::fmt::Debug>(r: Result<T, Error>) -> Error {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

// ---- panics ----

#[test]
fn format_vn_is_total_for_every_decimal() {
    // `dti check` on a 26-digit total died in the average message: format_vn(x, 6)
    // overflowed rust_decimal's 32-character print buffer.
    let big = d("12345678901234567890123456");
    assert_eq!(format_vn(big, 6), "12.345.678.901.234.567.890.123.456,000000");
    assert_eq!(format_vn(Decimal::MAX, 28), "79.228.162.514.264.337.593.543.950.335,0000000000000000000000000000");
    assert_eq!(format_vn(Decimal::MIN, 2), "-79.228.162.514.264.337.593.543.950.335,00");
    assert_eq!(format_vn(d("0.0000000000000000000000000001"), 40).len(), "0,".len() + 28);
    assert_eq!(format_machine(Decimal::MAX), "79228162514264337593543950335.00");
    assert_eq!(format_machine(d("-4")), "-4.00");
    assert_eq!(format_points(d("625.305")), "625,31");
}

#[test]
fn check_on_a_26_digit_total_reports_instead_of_dying() {
    let csv = "group,rank,name,total,level,group_average\nco_tthc,1,Sở A,12345678901234567890123456,Dẫn dắt,12345678901234567890123456\n";
    let out = dti(&["check", "-"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("tổng điểm 12.345.678.901.234.567.890.123.456,00 vượt điểm tối đa"), "{s}");
}

/// A copy of the mini fixture with one text replaced (the replacement must apply).
fn mini_with(from: &str, to: &str) -> String {
    assert!(MINI.contains(from), "fixture lacks {from}");
    MINI.replacen(from, to, 1)
}

#[test]
fn set_sums_near_decimal_max_are_errors_not_panics() {
    let max = "79228162514264337593543950335";
    // Children: 1.1 at the top of the range plus its siblings overflow the sum.
    let json = mini_with(r#""code": "1.1", "name_vi": "Điểm trực tiếp", "name_en": "Direct points", "max_points": "10""#,
        &format!(r#""code": "1.1", "name_vi": "Điểm trực tiếp", "name_en": "Direct points", "max_points": "{max}""#));
    let e = err_of(Framework::from_json("children.json", &json));
    assert!(matches!(&e, Error::FrameworkInvalid { code, .. } if code == "1"), "{e:?}");
    assert!(e.message(Lang::Vi).contains("vượt giới hạn tính toán"), "{}", e.message(Lang::Vi));
    // Main indicators: two mains near the top overflow the group's sum.
    let json = mini_with(r#""code": "2", "name_vi": "Chính quyền số", "name_en": "Digital government", "max_points": "40""#,
        &format!(r#""code": "2", "name_vi": "Chính quyền số", "name_en": "Digital government", "max_points": "{max}""#));
    let e = err_of(Framework::from_json("mains.json", &json));
    assert!(matches!(&e, Error::FrameworkInvalid { .. }), "{e:?}");
    // Parts: two conditions near the top of the range, under a parent that still adds up
    // (10 + 5 + 10 + (MAX − 25) = MAX), so validation reaches the parts' own sum.
    let json = mini_with(r#""name_en": "Digital awareness", "max_points": "40""#, &format!(r#""name_en": "Digital awareness", "max_points": "{max}""#));
    let json = json.replacen(r#""max_points": "15""#, r#""max_points": "79228162514264337593543950310""#, 1);
    let json = json.replace(r#""points": "7.5""#, r#""points": "79228162514264337593543950000""#);
    let e = err_of(Framework::from_json("parts.json", &json));
    assert!(matches!(&e, Error::FrameworkInvalid { code, .. } if code == "1.4"), "{e:?}");
    assert!(e.message(Lang::En).contains("overflows"), "{}", e.message(Lang::En));
}

#[test]
fn points_still_needed_at_the_top_of_the_range() {
    // 25 % of this maximum is Decimal::MAX / 100, so (boundary − 0) × 100 is Decimal::MAX
    // and the old `floor() + 1` panicked.
    let f = mini();
    let max = d("3169126500570573503741758013.4");
    let n = next_level(&f.levels, Decimal::ZERO, max).unwrap_or_else(|| panic!("a next level"));
    assert_eq!(n.level_id, "hinh_thanh");
    assert_eq!(n.boundary, d("792281625142643375935439503.35"));
    assert_eq!(n.points_needed, d("792281625142643375935439503.36"));
    // The ordinary case is unchanged: 750,01 from 0 for 75 % of 1.000.
    let n = next_level(&f.levels, d("500.004"), d("1000")).unwrap_or_else(|| panic!("a next level"));
    assert_eq!(n.points_needed, d("250.00"));
}

#[test]
fn a_group_maximum_beyond_any_set_is_refused() {
    // Past ~10^26 Decimal cannot keep hundredths, and "points still needed" came out
    // equal to the gap instead of lifting the total above the boundary.
    let json = mini_with(r#""max_points": "100" }"#, r#""max_points": "9031355887495156447386368940" }"#);
    let e = err_of(Framework::from_json("huge.json", &json));
    assert!(matches!(&e, Error::FrameworkInvalid { code, .. } if code == "a"), "{e:?}");
    assert!(e.message(Lang::Vi).contains("không quá 1.000.000.000"), "{}", e.message(Lang::Vi));
}

// ---- wrong results ----

#[test]
fn crlf_files_and_blank_lines_keep_the_right_line_numbers() {
    let crlf = b"group,name,total\r\nhuyen,A,1\r\nhuyen,B,abc\r\n";
    let e = err_of(parse_rank_csv("crlf.csv", crlf));
    assert!(matches!(e, Error::InputNumber { line: 3, .. }), "{e:?}");
    let blank = b"group,name,total\n\nhuyen,A,1\n\n\nhuyen,B,abc\n";
    let e = err_of(parse_rank_csv("blank.csv", blank));
    assert!(matches!(e, Error::InputNumber { line: 6, .. }), "{e:?}");
    // The published appendix saved by Excel on Windows: findings on the same lines.
    let seed = std::fs::read_to_string(SEED).unwrap_or_else(|e| panic!("{e}")).replace('\n', "\r\n");
    let f = f2022();
    let rows = parse_published(&f, "seed-crlf.csv", seed.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let findings = check(&f, &rows).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(findings[0].line(), 19, "{findings:?}");
}

#[test]
fn check_refuses_a_negative_total_as_rank_does() {
    let csv = "group,rank,name,total,level,group_average\nco_tthc,1,Sở A,-5,Khởi động,-5\n";
    let out = dti(&["check", "-"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("dòng 2: cột total, Sở A: tổng điểm -5 âm"), "{err}");
    let out = dti(&["rank", "-"], b"group,name,total\nco_tthc,S\xe1\xbb\x9f A,-5\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rank_refuses_the_same_agency_twice_naming_both_lines() {
    // Names differing only in case and tone-mark placement: `rank | check -` exited 1.
    let csv = "group,name,total\nkhong_tthc,Ban Tuyên giáo Tỉnh u\u{1ef7},402\nkhong_tthc,Báo Lào Cai,282\nkhong_tthc,BAN TUYÊN GIÁO TỈNH ỦY,300\n";
    let out = dti(&["rank", "-"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("dòng 4") && err.contains("ở dòng 2"), "{err}");
    assert!(err.contains("BAN TUYÊN GIÁO TỈNH ỦY") && err.contains("Ban Tuyên giáo Tỉnh u\u{1ef7}"), "{err}");
    let en = dti(&["--lang", "en", "rank", "-"], csv.as_bytes());
    assert!(text(&en.stderr).contains("line 4") && text(&en.stderr).contains("on line 2"), "{}", text(&en.stderr));
}

#[test]
fn more_than_28_significant_digits_are_refused_not_rounded() {
    for input in ["1234567890.1234567890123456789", "0.00000000000000000000000000001", "1,00000000000000000000000000001"] {
        assert!(matches!(parse_vn(input), Err(NumberError::TooPrecise { .. })), "{input}: {:?}", parse_vn(input));
    }
    assert!(matches!(parse_vn("99999999999999999999999999999"), Err(NumberError::TooPrecise { .. })));
    assert!(matches!(parse_vn("100000000000000000000000000000"), Err(NumberError::TooLarge { .. })));
    assert!(matches!(parse_vn("90000000000000000000000000000"), Err(NumberError::TooLarge { .. })));
    // 28 digits are kept exactly.
    assert_eq!(parse_vn("123456789012345678.9012345678"), Ok(d("123456789012345678.9012345678")));
    assert_eq!(parse_vn("0,0000000000000000000000000001"), Ok(d("0.0000000000000000000000000001")));
    let out = dti(&["rank", "-"], b"group,name,total\nco_tthc,A,625.3000000000000000000000000001\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("dòng 2, cột total: “625.3000000000000000000000000001” có quá 28 chữ số"), "{}", text(&out.stderr));
}

#[test]
fn an_overflowing_sum_is_an_error_not_a_mean_of_zero() {
    let csv = "group,rank,name,total,level,group_average\nco_tthc,1,A,50000000000000000000000000000,Dẫn dắt,0\nco_tthc,1,B,50000000000000000000000000000,Dẫn dắt,0\n";
    // One significant digit, 29 integer digits: exact in Decimal, so it is read.
    assert_eq!(parse_vn("50000000000000000000000000000"), Ok(d("50000000000000000000000000000")));
    let f = f2022();
    let rows = parse_published(&f, "big.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let e = err_of(check(&f, &rows));
    assert!(matches!(e, Error::Overflow { .. }), "{e:?}");
    assert!(e.message(Lang::Vi).contains("nhóm co_tthc"), "{e}");
    let out = dti(&["check", "-"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
}

// ---- Excel in a Vietnamese locale ----

#[test]
fn vietnamese_excel_csv_is_read_by_rank_and_check() {
    let seed = std::fs::read_to_string(SEED).unwrap_or_else(|e| panic!("{e}"));
    // What Excel (vi-VN) saves: BOM, `;` between fields, decimal commas, CRLF.
    let mut excel = String::from("\u{feff}");
    for (i, line) in seed.lines().enumerate() {
        let cells: Vec<String> = dti_engine_cells(line);
        let cells: Vec<String> = cells.into_iter().map(|c| if i > 0 && c.parse::<f64>().is_ok() { c.replace('.', ",") } else { c }).collect();
        excel.push_str(&cells.join(";"));
        excel.push_str("\r\n");
    }
    let f = f2022();
    let rows = parse_published(&f, "excel.csv", excel.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 49);
    assert_eq!(rows[0].total, d("625.30"));
    let findings = check(&f, &rows).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(findings.len(), 2, "{findings:?}");
    let out = dti(&["check", "-"], excel.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("49 dòng: 2 sai lệch"), "{}", text(&out.stdout));
    let totals = "\u{feff}group;name;total\r\nco_tthc;Sở A;625,30\r\nco_tthc;Sở B;1.000\r\n";
    let tables = rank_file(&f, "totals.csv", totals.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tables[0].rows[0].total, d("1000"));
    assert_eq!(tables[0].rows[1].total, d("625.30"));
}

/// The seed's cells (names are quoted; no quote inside).
fn dti_engine_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

// ---- messages ----

#[test]
fn messages_are_in_the_chosen_language_and_name_line_and_column() {
    // csv crate's English inside a Vietnamese message.
    let e = err_of(parse_rank_csv("ragged.csv", b"group,name,total\nhuyen,A\n"));
    let vi = e.message(Lang::Vi);
    assert_eq!(vi, "ragged.csv, dòng 2: dòng có 2 cột, nhưng dòng tiêu đề có 3");
    assert_eq!(e.message(Lang::En), "ragged.csv, line 2: the row has 2 columns, but the header has 3");
    // Whole-file errors have no "dòng 0".
    let e = err_of(parse_rank_csv("empty.csv", b"\xef\xbb\xbf \n"));
    assert_eq!(e.message(Lang::Vi), "empty.csv: tệp rỗng");
    let e = err_of(parse_rank_csv("header.csv", b"group,name,total\n"));
    assert_eq!(e.message(Lang::Vi), "header.csv: tệp không có dòng dữ liệu nào");
    // Set errors in one language at a time.
    let e = err_of(Framework::from_json("edited.json", &mini_with(r#""max_points": "80""#, r#""max_points": "75""#)));
    let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
    assert!(vi.contains("tổng điểm tối đa các chỉ số chính = 75") && !vi.contains("main indicators"), "{vi}");
    assert!(en.contains("main indicators adding up to the declared 75") && !en.contains("tổng điểm"), "{en}");
    // serde's English for a set: translated, position kept.
    let e = err_of(Framework::from_json("bad.json", &mini_with(r#""type": "yes_no""#, r#""type": "maybe""#)));
    let vi = e.message(Lang::Vi);
    assert!(vi.contains("giá trị “maybe” không hợp lệ") && !vi.contains("unknown variant"), "{vi}");
    assert!(matches!(e, Error::FrameworkJson { line, .. } if line > 1));
}

#[test]
fn sheet_errors_name_the_indicator_and_accept_no_float_schema_as_missing() {
    let sheet = r#"{"schema":1,"framework":"mini","group":"a","entries":{"1.3":{"self":{"kind":"maybe","id":"head"}}}}"#;
    let e = err_of(ScoreSheet::from_json("s.json", sheet));
    let vi = e.message(Lang::Vi);
    assert!(vi.contains("chỉ số 1.3") && vi.contains("“maybe”") && !vi.contains("dòng 0"), "{vi}");
    assert!(e.message(Lang::En).contains("indicator 1.3"), "{}", e.message(Lang::En));
    let e = err_of(ScoreSheet::from_json("s.json", r#"{"schema":1.0,"framework":"mini","group":"a"}"#));
    let vi = e.message(Lang::Vi);
    assert!(vi.contains("“schema” phải là số nguyên") && vi.contains("1.0") && !vi.contains("thiếu"), "{vi}");
    let e = err_of(ScoreSheet::from_json("s.json", "{\"schema\":1,\n\"framework\":"));
    assert!(e.message(Lang::Vi).starts_with("s.json, dòng 2: không phải JSON hợp lệ"), "{}", e.message(Lang::Vi));
}

#[test]
fn long_values_are_cut_short_in_messages() {
    // A 9 MB bad value used to come back whole.
    let value = "9".repeat(9 * 1024 * 1024) + "x";
    let csv = format!("group,name,total\nhuyen,A,{value}\n");
    let e = err_of(parse_rank_csv("big.csv", csv.as_bytes()));
    let vi = e.message(Lang::Vi);
    assert!(vi.len() < 300, "{} bytes", vi.len());
    assert!(vi.contains(&format!("“{}…”", "9".repeat(40))), "{vi}");
    let name = "Đ".repeat(5000);
    let csv = format!("group,name,total\nzz,{name},1\n");
    let e = err_of(parse_rank_csv("n.csv", csv.as_bytes()).and_then(|rows| dti_engine::rank::rank(&f2022(), &rows)));
    assert!(e.message(Lang::Vi).chars().count() < 300, "{}", e.message(Lang::Vi));
}

#[test]
fn the_read_cap_is_reported_as_the_cap_and_os_errors_are_translated() {
    let big = vec![b'a'; 10 * 1024 * 1024 + 10];
    let out = dti(&["check", "-"], &big);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("vượt giới hạn 10.485.760 byte") && !err.contains("10485761") && !err.contains("dòng 0"), "{err}");
    let path = temp("big.csv", &vec![b'a'; 11 * 1024 * 1024]);
    let out = dti(&["check", &path], b"");
    assert!(text(&out.stderr).contains("tệp 11.534.336 byte, vượt giới hạn 10.485.760 byte"), "{}", text(&out.stderr));
    let out = dti(&["rank", "/nonexistent/x.csv"], b"");
    let err = text(&out.stderr);
    assert!(err.contains("không đọc được tệp (không có tệp này") && !err.contains("No such file"), "{err}");
    let out = dti(&["rank", std::env::temp_dir().to_str().unwrap_or("/tmp")], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("thư mục"), "{}", text(&out.stderr));
}

// ---- streaming output ----

#[test]
fn rank_json_is_streamed_with_the_same_content() {
    let out = dti(&["rank", SEED, "--format", "json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["framework"], "laocai-2022");
    assert_eq!(v["groups"][0]["rows"][0]["name"], "Sở Giáo dục và Đào tạo");
    assert_eq!(v["groups"][0]["rows"][0]["total"], "625.30");
    assert_eq!(v["groups"][0]["rows"][0]["level"]["id"], "nang_cao");
    assert_eq!(v["groups"][1]["average"], "328.21");
    assert_eq!(v["groups"][2]["rows"].as_array().map(Vec::len), Some(9));
}

// ---- CSV formula injection (item 5) ----

#[test]
fn formula_starts_get_an_apostrophe_and_numbers_stay_numbers() {
    for (raw, shown) in [("=1+1", "'=1+1"), ("+84", "'+84"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx")] {
        assert_eq!(guard(raw), shown);
        assert_eq!(unguard(shown), raw);
    }
    assert_eq!(guard("Sở A"), "Sở A");
    assert_eq!(unguard("'quoted'"), "'quoted'");
    // A sheet whose evidence and agency would run as formulas, and a negative Chênh lệch.
    let f = mini();
    let mut s = ScoreSheet::new("mini", "a");
    s.entries.insert(
        "1.1".into(),
        Entry {
            self_answer: Some(Answer::Points { text: "3".into() }),
            appraised: Some(Answer::Points { text: "7".into() }),
            evidence: Evidence { summary: "=HYPERLINK(\"http://x\",\"bấm\")".into(), ..Evidence::default() },
            status: None,
        },
    );
    s.entries.insert(
        "1.2".into(),
        Entry { self_answer: Some(Answer::YesNo { value: true }), evidence: Evidence { link: "@cmd".into(), ..Evidence::default() }, ..Entry::default() },
    );
    let csv = sheet_csv(&f, &s, Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.contains("\n1.1;Điểm trực tiếp;10,00;3,00;7,00;-4,00;;\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"\n"), "{csv}");
    assert!(csv.contains("\n1.2;Chuyên mục;5,00;5,00;;;;'@cmd\n"), "{csv}");
    // An indicator named like a formula (a set is data anyone can load).
    let f = Framework::from_json("f.json", &mini_with(r#""name_vi": "Văn bản ký số""#, r#""name_vi": "-Văn bản ký số""#))
        .unwrap_or_else(|e| panic!("{e}"));
    let csv = sheet_csv(&f, &ScoreSheet::new("mini", "a"), Lang::Vi).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.contains("\n2.1;'-Văn bản ký số;20,00;"), "{csv}");
    let r = evaluate(&f, &ScoreSheet::new("mini", "a")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.standing.total, Decimal::ZERO);
}

#[test]
fn rank_csv_guards_names_and_check_reads_them_back() {
    let input = "group,name,total\nco_tthc,=cmd|' /C calc'!A0,600\nco_tthc,Sở B,500\n";
    let ranked = dti(&["rank", "-", "--format", "csv"], input.as_bytes());
    assert_eq!(ranked.status.code(), Some(0), "{}", text(&ranked.stderr));
    assert!(text(&ranked.stdout).contains("co_tthc,1,'=cmd|' /C calc'!A0,600.00,Nâng cao,550.00"), "{}", text(&ranked.stdout));
    let checked = dti(&["check", "-"], &ranked.stdout);
    assert_eq!(checked.status.code(), Some(0), "{}{}", text(&checked.stdout), text(&checked.stderr));
}

#[test]
fn an_annex_with_a_header_hundreds_of_characters_long_gets_a_short_message() {
    // Found by the annex-csv fuzz target: a header cell grown to ~1.300 characters was
    // echoed whole in every message about its column.
    let bytes = include_bytes!("fixtures/annex-long-header.csv");
    let list = match dti_engine::annex::import("annex.csv", bytes) {
        Err(dti_engine::annex::ImportError::Invalid(list)) => list,
        Err(dti_engine::annex::ImportError::Unreadable(e)) => vec![e],
        Ok(_) => panic!("the damaged annex was accepted"),
    };
    assert!(!list.is_empty());
    for e in &list {
        for lang in [dti_engine::Lang::Vi, dti_engine::Lang::En] {
            let m = e.message(lang);
            assert!(m.chars().count() < 600, "{} chars: {m}", m.chars().count());
        }
    }
}
