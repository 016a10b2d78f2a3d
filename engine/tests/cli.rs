//! The `dti` command end to end, on good and bad files.

mod common;

use std::process::Output;

use common::text;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/published/laocai-2022.csv");

fn dti(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::dti(args, stdin.unwrap_or_default())
}

fn temp(name: &str, bytes: &[u8]) -> String {
    common::temp("cli", name, bytes)
}

#[test]
fn check_on_the_decision_reports_its_two_inconsistencies() {
    let out = dti(&["check", SEED], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("49 dòng: 2 sai lệch"), "{stdout}");
    assert!(stdout.contains("Sở Du lịch: 235,40 điểm = 23,54 % → mức “Khởi động”"), "{stdout}");
    assert!(stdout.contains("328,205909") && stdout.contains("→ 328,21"), "{stdout}");
    let out = dti(&["check", SEED, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["findings"][0]["kind"], "level");
    assert_eq!(v["findings"][1]["kind"], "average");
}

#[test]
fn rank_output_checks_clean() {
    let ranked = dti(&["rank", SEED, "--format", "csv"], None);
    assert_eq!(ranked.status.code(), Some(0), "{}", text(&ranked.stderr));
    let checked = dti(&["check", "-"], Some(&ranked.stdout));
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stdout));
    assert_eq!(text(&checked.stdout), "49 dòng: không có sai lệch.\n");
}

#[test]
fn rank_prints_the_decisions_tables() {
    let input = "group,name,total\nhuyen,Huyện A,\"512,5\"\nhuyen,Huyện B,600.25\nhuyen,Huyện C,\"512,50\"\nkhong_tthc,Ban X,375\n";
    let out = dti(&["rank", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("Nhóm các cơ quan, đơn vị không có thủ tục hành chính (tối đa 750 điểm)"), "{s}");
    assert!(s.contains("Xếp hạng  Tên cơ quan"), "{s}");
    // Ties share a rank; 375 of 750 is exactly 50 %: Hình thành.
    let rows: Vec<Vec<&str>> = s.lines().map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()).collect();
    assert!(rows.contains(&vec!["2", "Huyện A", "512,50", "Nâng cao"]), "{s}");
    assert!(rows.contains(&vec!["2", "Huyện C", "512,50", "Nâng cao"]), "{s}");
    assert!(rows.contains(&vec!["1", "Ban X", "375,00", "Hình thành"]), "{s}");
    assert!(rows.contains(&vec!["Điểm trung bình", "541,75"]), "{s}");
    let out = dti(&["rank", "-", "--format", "json"], Some(input.as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["groups"][0]["group"], "khong_tthc");
    assert_eq!(v["groups"][1]["rows"][0]["total"], "600.25");
    assert_eq!(v["groups"][1]["rows"][0]["level"]["id"], "nang_cao");
    assert_eq!(v["groups"][1]["average"], "541.75");
    let en = dti(&["--lang", "en", "rank", "-"], Some(input.as_bytes()));
    assert!(text(&en.stdout).contains("Advanced"), "{}", text(&en.stdout));
}

#[test]
fn bad_input_names_the_line_and_exits_2() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("missing column", b"group,name\nhuyen,A\n".to_vec(), "thiếu cột “total”"),
        ("unknown group", b"group,name,total\nhuyen,A,1\nso,B,2\n".to_vec(), "dòng 3: cột group: nhóm “so”"),
        ("abc total", b"group,name,total\nhuyen,A,abc\n".to_vec(), "dòng 2, cột total: “abc”"),
        ("unit in total", "group,name,total\nhuyen,A,625đ\n".as_bytes().to_vec(), "ký tự “đ”"),
        ("empty file", b"".to_vec(), "tệp rỗng"),
        ("header only", b"group,name,total\n".to_vec(), "không có dòng dữ liệu"),
        ("not utf-8", b"group,name,total\nhuyen,S\xe1,1\n".to_vec(), "dòng 2: không phải văn bản UTF-8"),
        ("ragged row", b"group,name,total\nhuyen,A\n".to_vec(), "dòng 2"),
    ];
    for (what, bytes, needle) in cases {
        let path = temp(&format!("{}.csv", what.replace(' ', "-")), &bytes);
        let out = dti(&["rank", &path], None);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(err.contains(needle), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
    let big = vec![b'a'; 10 * 1024 * 1024 + 10];
    let out = dti(&["check", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("vượt giới hạn"), "{}", text(&out.stderr));
    let out = dti(&["--lang", "en", "rank", "/nonexistent/x.csv"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read the file"), "{}", text(&out.stderr));
}

#[test]
fn score_reads_a_saved_sheet() {
    let sheet = r#"{"schema":1,"framework":"laocai-2022","group":"khong_tthc","agency":"Sở thử",
        "entries":{"1.1":{"self":{"kind":"choice","id":"head"}},
                   "3.1":{"self":{"kind":"ratio","numerator":"45","denominator":"50"}}}}"#;
    let path = temp("sheet.json", sheet.as_bytes());
    let out = dti(&["score", &path, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["max_points"], "750.00");
    assert_eq!(v["level"]["id"], "khoi_dong");
    // 30 (head of agency) + 45/50 × 20 = 48 of 750; 2 of the group's 28 scored indicators answered.
    assert_eq!(v["total"], "48.00");
    assert_eq!(v["scoring_leaves"], 28);
    assert_eq!(v["unanswered"], 26);
    let codes = v["unanswered_codes"].as_array().cloned().unwrap_or_default();
    assert_eq!(codes.len(), 26);
    assert!(!codes.iter().any(|c| c == "1.1" || c == "3.1"), "{codes:?}");
    let out = dti(&["score", &path], None);
    assert!(text(&out.stdout).contains("Chưa trả lời: 26 / 28 chỉ số tính điểm"), "{}", text(&out.stdout));
    // A district sheet: the information-only items are not counted as unanswered.
    let district = temp("district.json", br#"{"schema":1,"framework":"laocai-2022","group":"huyen","entries":{}}"#);
    let out = dti(&["score", &district, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((v["unanswered"].as_u64(), v["scoring_leaves"].as_u64()), (Some(65), Some(65)));
    let bad = sheet.replace("\"45\"", "\"4x5\"");
    let out = dti(&["score", &temp("bad.json", bad.as_bytes())], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("“4x5”"), "{}", text(&out.stdout));
    let out = dti(&["score", &temp("broken.json", b"{\"schema\":1,")], None);
    assert_eq!(out.status.code(), Some(2));
    let out = dti(&["score", &temp("future.json", b"{\"schema\":7,\"framework\":\"laocai-2022\",\"group\":\"huyen\"}")], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("phiên bản định dạng 7"), "{}", text(&out.stderr));
}

#[test]
fn rank_refuses_totals_outside_the_group_range() {
    for (total, needle) in [("1000.01", "1.000,01 nằm ngoài 0..1.000"), ("-5", "-5 nằm ngoài"), ("750.004", "750.004 nằm ngoài")] {
        let input = format!("group,name,total\nco_tthc,Sở A,{total}\n");
        let out = dti(&["rank", "-"], Some(input.as_bytes()));
        assert_eq!(out.status.code(), Some(2), "{total}");
        let err = text(&out.stderr);
        assert!(err.contains("dòng 2") && err.contains(needle), "{total}: {err}");
    }
    let out = dti(&["rank", "-"], Some(b"group,name,total\nco_tthc,A,99999999999999999999999999999\n"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn rank_csv_keeps_exact_totals_so_check_agrees() {
    let input = "group,name,total\nco_tthc,A,\"750,004\"\nco_tthc,B,\"625,304\"\nco_tthc,C,\"625,301\"\n";
    let ranked = dti(&["rank", "-", "--format", "csv"], Some(input.as_bytes()));
    assert_eq!(ranked.status.code(), Some(0), "{}", text(&ranked.stderr));
    assert!(text(&ranked.stdout).contains("\"750,004\""), "{}", text(&ranked.stdout));
    let checked = dti(&["check", "-"], Some(&ranked.stdout));
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stdout));
    let out = dti(&["check", SEED, "--format", "csv"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sets_index_writes_the_catalogue_and_refuses_an_invalid_set_by_name() {
    let dir = std::env::temp_dir().join(format!("dti-cli-sets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mini = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini-framework.json")).unwrap_or_default();
    std::fs::write(dir.join("mini.json"), &mini).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.to_string_lossy().into_owned();
    let out = dti(&["sets", "index", &path], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1 bộ chỉ số"), "{}", text(&out.stdout));
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap_or_default();
    assert!(index.contains("\"file\": \"mini.json\""), "{index}");

    std::fs::write(dir.join("hong.json"), mini.replacen("\"id\": \"mini\"", "\"id\": \"hong\"", 1).replacen("\"max_points\": \"5\"", "\"max_points\": \"6\"", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = dti(&["--lang", "en", "sets", "index", &path], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("hong.json") && stderr.contains("indicator 1"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.join("index.json")).unwrap_or_default(), index, "left as it was");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn score_reports_a_partial_appraisal_as_partial() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/partly-appraised-2022.json");
    // The sheet answers the 2022 set as the codes-dependent tests know it (frozen fixture).
    let set = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/sets/laocai-2022.json");
    let out = dti(&["score", path, "--framework-file", set], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let o = text(&out.stdout);
    assert!(o.contains("Thẩm định: 130,00 điểm · 6/30 chỉ số đã thẩm định — chưa đủ, chưa xếp mức\n"), "{o}");
    assert!(o.contains("Chênh lệch (Tự đánh giá − Thẩm định) trên 6 chỉ số đã thẩm định: 170,50 − 130,00 = 40,50\n"), "{o}");
    let out = dti(&["--lang", "en", "score", path, "--framework-file", set], None);
    assert!(text(&out.stdout).contains("Appraised: 130,00 points · 6/30 indicators appraised — incomplete, no level\n"), "{}", text(&out.stdout));
    let out = dti(&["score", path, "--framework-file", set, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["total"], "275.50");
    assert_eq!(v["difference"], "40.50");
    let a = &v["appraisal"];
    assert_eq!((a["total"].as_str(), a["self_total"].as_str()), (Some("130.00"), Some("170.50")));
    assert_eq!((a["appraised"].as_u64(), a["of"].as_u64(), a["complete"].as_bool()), (Some(6), Some(30), Some(false)));
    assert!(a["level"].is_null() && a["percent"].is_null(), "{a}");
}
