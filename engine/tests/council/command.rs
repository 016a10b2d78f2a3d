//! `dti council`: tables, problems, exit status, CSV, JSON and the workbook.

use crate::common::{self, dti, text};
use crate::{fixture_dir, seed_files};

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
