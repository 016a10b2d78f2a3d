//! `dti framework import | export | check` end to end, on good and broken annexes.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use dti_engine::{builtin, Framework};

fn dti(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dti")).args(args).output().unwrap_or_else(|e| panic!("spawn dti: {e}"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dti-annex-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{e}"));
    d
}

fn p(path: &std::path::Path) -> &str {
    path.to_str().unwrap_or_else(|| panic!("path"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_then_import_gives_the_same_set_for_every_built_in_set() {
    let d = dir("roundtrip");
    for id in builtin::ids() {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        for format in ["xlsx", "csv"] {
            let annex = d.join(format!("{id}.{format}"));
            let out = dti(&["framework", "export", id, "--format", format, "-o", p(&annex)]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let check = dti(&["framework", "check", p(&annex)]);
            assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
            assert!(String::from_utf8_lossy(&check.stdout).contains(&format!("hợp lệ — {id} ({})", f.year)));
            let json = d.join(format!("{id}-{format}.json"));
            let out = dti(&["framework", "import", p(&annex), "-o", p(&json)]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let text = std::fs::read_to_string(&json).unwrap_or_else(|e| panic!("{e}"));
            let back = Framework::from_json("x", &text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back.groups, f.groups);
            assert_eq!(back.levels, f.levels);
            for g in &f.groups {
                let codes = |f: &Framework| f.nodes(&g.id).iter().map(|n| (n.indicator.code.clone(), n.indicator.max_points, n.indicator.method.clone())).collect::<Vec<_>>();
                assert_eq!(codes(&back), codes(&f), "{id} {format} group {}", g.id);
            }
            // The JSON written is itself a set the command takes.
            let again = dti(&["framework", "check", p(&json)]);
            assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
        }
    }
}

#[test]
fn export_reads_a_set_file_too() {
    let d = dir("file");
    let set = d.join("mini.json");
    std::fs::write(&set, common::MINI).unwrap_or_else(|e| panic!("{e}"));
    let csv = d.join("mini.csv");
    assert_eq!(dti(&["framework", "export", p(&set), "--format", "csv", "-o", p(&csv)]).status.code(), Some(0));
    let text = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.starts_with("\u{feff}Mã bộ chỉ số;mini"), "{text}");
    assert!(text.contains("\nSTT/Mã;Cấp;Tên chỉ số;Tên chỉ số (tiếng Anh);Điểm tối đa: a;Điểm tối đa: b;Cách tính;"), "{text}");
    assert!(text.contains("\n1.4;2;Hội nghị;Meetings;15;15;Từng điều kiện;\"Dự đủ: 7,5; Chủ trì: 7,5\";"), "{text}");
}

#[test]
fn a_broken_annex_is_listed_and_import_writes_nothing() {
    let d = dir("broken");
    let set = d.join("mini.json");
    std::fs::write(&set, common::MINI).unwrap_or_else(|e| panic!("{e}"));
    let csv = d.join("mini.csv");
    assert_eq!(dti(&["framework", "export", p(&set), "--format", "csv", "-o", p(&csv)]).status.code(), Some(0));
    let text = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{e}"));
    let line = |prefix: &str| text.lines().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix}")) + 1;
    let (l11, l22) = (line("1.1;"), line("2.2;"));
    let broken = text.replace("Nhập điểm", "Chấm điểm").replace("≥ 4: 20", "≥ 4: hai mươi");
    let bad = d.join("phu-luc.csv");
    std::fs::write(&bad, broken).unwrap_or_else(|e| panic!("{e}"));

    let check = dti(&["framework", "check", p(&bad)]);
    assert_eq!(check.status.code(), Some(1));
    let err = stderr(&check);
    assert!(err.contains(": 2 lỗi"), "{err}");
    assert!(err.contains(&format!("trang “Chỉ số”, dòng {l11}, cột G “Cách tính”: “Chấm điểm” không phải cách tính")), "{err}");
    assert!(err.contains(&format!("trang “Chỉ số”, dòng {l22}, cột P “Bậc: điểm”: “≥ 4: hai mươi”")), "{err}");
    let en = dti(&["--lang", "en", "framework", "check", p(&bad)]);
    assert!(stderr(&en).contains(&format!("sheet “Chỉ số”, row {l11}, column G “Cách tính”: “Chấm điểm” is not a scoring method")), "{}", stderr(&en));

    let out = d.join("out.json");
    let import = dti(&["framework", "import", p(&bad), "-o", p(&out)]);
    assert_eq!(import.status.code(), Some(2));
    assert!(stderr(&import).contains("Chấm điểm"));
    assert!(!out.exists(), "a failed import writes nothing");
}

#[test]
fn an_unreadable_file_exits_2() {
    let d = dir("unreadable");
    let junk = d.join("junk.xlsx");
    std::fs::write(&junk, b"PK\x03\x04 not a workbook").unwrap_or_else(|e| panic!("{e}"));
    let out = dti(&["framework", "check", p(&junk)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("không đọc được tệp Excel"), "{}", stderr(&out));
    assert_eq!(dti(&["framework", "check", p(&d.join("missing.csv"))]).status.code(), Some(2));
    assert_eq!(dti(&["framework", "export", "khong-co", "--format", "csv", "-o", "-"]).status.code(), Some(2));
}
