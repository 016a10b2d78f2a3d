//! The 2022 decision's appendix, recomputed row by row, and the checker on it.

use dti_engine::builtin;
use dti_engine::check::{check, parse_published, Finding};
use dti_engine::level::{level_for, percent_of};
use dti_engine::rank::{rank, RankInput};
use dti_engine::{Framework, Lang};

mod common;
use common::{d, SEED_CSV};

fn f2022() -> Framework {
    builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_printed_level_follows_the_rule() {
    let f = f2022();
    let rows = parse_published(&f, "seed.csv", SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 49);
    for row in &rows {
        let max = f.group(&row.group).map(|g| g.max_points).unwrap_or_default();
        let level = level_for(&f.levels, percent_of(row.total, max));
        if row.name == "Sở Du lịch" {
            // 235,40 of 1.000 is 23,54 %, not above 25 %: Khởi động, printed Hình thành.
            assert_eq!((level.id.as_str(), row.level.as_str()), ("khoi_dong", "Hình thành"));
        } else {
            assert_eq!(level.name_vi, row.level, "{} ({} of {max})", row.name, row.total);
        }
    }
}

#[test]
fn ranking_the_printed_totals_gives_the_printed_tables() {
    let f = f2022();
    let rows = parse_published(&f, "seed.csv", SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let input: Vec<RankInput> =
        rows.iter().map(|r| RankInput { group: r.group.clone(), name: r.name.clone(), total: r.total, line: r.line }).collect();
    let tables = rank(&f, &input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tables.iter().map(|t| t.rows.len()).collect::<Vec<_>>(), vec![18, 22, 9]);
    for t in &tables {
        for ranked in &t.rows {
            let printed = rows.iter().find(|r| r.name == ranked.name).unwrap_or_else(|| panic!("{}", ranked.name));
            assert_eq!(ranked.rank, printed.rank, "{}", ranked.name);
            let level = f.levels.iter().find(|l| l.id == ranked.level_id).map(|l| l.name_vi.as_str());
            let expected = if ranked.name == "Sở Du lịch" { "Khởi động" } else { printed.level.as_str() };
            assert_eq!(level, Some(expected), "{}", ranked.name);
        }
    }
    // Averages: two groups agree with the decision; the no-TTHC group's exact mean is
    // 7.220,53 / 22 = 328,2059…, which rounds to 328,21 — the decision prints 328,20.
    assert_eq!(tables[0].average, d("521.18"));
    assert_eq!(tables[1].average, d("328.21"));
    assert_eq!(tables[2].average, d("546.35"));
}

#[test]
fn the_checker_finds_exactly_the_two_inconsistencies_of_the_decision() {
    let f = f2022();
    let rows = parse_published(&f, "seed.csv", SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let findings = check(&f, &rows).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        findings,
        vec![
            Finding::Level {
                line: 19,
                name: "Sở Du lịch".into(),
                total: d("235.40"),
                percent: d("23.54"),
                printed: "Hình thành".into(),
                expected_id: "khoi_dong".into(),
            },
            Finding::Average {
                group: "khong_tthc".into(),
                printed: d("328.20"),
                expected: d("328.21"),
                exact: d("7220.53") / d("22"),
                rows: 22,
            },
        ]
    );
    let msg = findings[0].message(&f, Lang::Vi);
    assert_eq!(msg, "dòng 19, cột level, Sở Du lịch: 235,40 điểm = 23,54 % → mức “Khởi động”, nhưng in là “Hình thành”");
    let msg = findings[1].message(&f, Lang::Vi);
    assert!(msg.contains("328,20") && msg.contains("328,21"), "{msg}");
}

fn with_edit(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let text = std::str::from_utf8(SEED_CSV).unwrap_or_default();
    edit(text).into_bytes()
}

fn findings_of(bytes: &[u8]) -> Vec<Finding> {
    let f = f2022();
    let rows = parse_published(&f, "fixture.csv", bytes).unwrap_or_else(|e| panic!("{e}"));
    check(&f, &rows).unwrap_or_else(|e| panic!("{e}"))
}

/// The fixtures start from the decision, so its own two findings are set aside.
fn without_seed_finding(findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|x| !matches!(x, Finding::Average { group, .. } if group == "khong_tthc"))
        .filter(|x| !matches!(x, Finding::Level { name, line: 19, .. } if name == "Sở Du lịch"))
        .collect()
}

#[test]
fn a_wrong_level_at_a_boundary_is_reported() {
    // Exactly 50 % of 1.000 is Hình thành; print it as Nâng cao.
    let bytes = with_edit(|t| {
        t.replace("co_tthc,13,\"Sở Ngoại vụ\",502.90,Nâng cao", "co_tthc,13,\"Sở Ngoại vụ\",500.00,Nâng cao")
    });
    let found = without_seed_finding(findings_of(&bytes));
    // Lowering the total also moves the group average: 9.378,40 / 18 = 521,02…
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(matches!(&found[0], Finding::Level { line: 14, expected_id, printed, .. }
        if expected_id == "hinh_thanh" && printed == "Nâng cao"));
    assert!(matches!(&found[1], Finding::Average { group, expected, .. } if group == "co_tthc" && *expected == d("521.02")));
}

#[test]
fn two_swapped_ranks_are_reported() {
    let bytes = with_edit(|t| {
        t.replace("co_tthc,3,\"Sở Thông tin", "co_tthc,X,\"Sở Thông tin")
            .replace("co_tthc,4,\"Sở Nội vụ", "co_tthc,3,\"Sở Nội vụ")
            .replace("co_tthc,X,\"Sở Thông tin", "co_tthc,4,\"Sở Thông tin")
    });
    let found = without_seed_finding(findings_of(&bytes));
    assert_eq!(
        found,
        vec![
            Finding::Rank { line: 4, name: "Sở Thông tin và Truyền thông".into(), total: d("601.90"), printed: 4, expected: 3 },
            Finding::Rank { line: 5, name: "Sở Nội vụ".into(), total: d("591.80"), printed: 3, expected: 4 },
        ]
    );
}

#[test]
fn a_wrong_average_is_reported() {
    let bytes = with_edit(|t| t.replace(",546.35", ",546.36"));
    let found = without_seed_finding(findings_of(&bytes));
    assert_eq!(
        found,
        vec![Finding::Average {
            group: "huyen".into(),
            printed: d("546.36"),
            expected: d("546.35"),
            exact: d("4917.17") / d("9"),
            rows: 9
        }]
    );
}

#[test]
fn a_row_in_the_wrong_group_is_reported() {
    // Sở Du lịch (co_tthc, 235,40) moved into the district block.
    let bytes = with_edit(|t| {
        t.replace("co_tthc,18,\"Sở Du lịch\",235.40,Hình thành,521.18\n", "")
            .replace("huyen,9,\"Huyện Văn Bàn\",449.13,Hình thành,546.35\n",
                     "huyen,9,\"Huyện Văn Bàn\",449.13,Hình thành,546.35\nco_tthc,18,\"Sở Du lịch\",235.40,Hình thành,521.18\n")
    });
    let found = without_seed_finding(findings_of(&bytes));
    assert!(
        found.iter().any(|x| matches!(x, Finding::OutOfBlock { name, group, .. } if name == "Sở Du lịch" && group == "co_tthc")),
        "{found:?}"
    );
    // And had it been relabelled as a district, its 23,54 % is Khởi động, not the
    // printed Hình thành, and the district average no longer holds.
    let bytes = with_edit(|t| {
        t.replace("co_tthc,18,\"Sở Du lịch\",235.40,Hình thành,521.18\n", "")
            .replace("huyen,9,\"Huyện Văn Bàn\",449.13,Hình thành,546.35\n",
                     "huyen,9,\"Huyện Văn Bàn\",449.13,Hình thành,546.35\nhuyen,10,\"Sở Du lịch\",235.40,Hình thành,546.35\n")
    });
    let found = without_seed_finding(findings_of(&bytes));
    let kinds: Vec<&str> = found.iter().map(Finding::kind).collect();
    assert_eq!(kinds, vec!["average", "level", "average"], "{found:?}");
}
