//! Loading validates the set; each violation names the file, the indicator and what was expected.

use dti_engine::framework::{Method, ProvenanceKind};
use dti_engine::{builtin, Error, Framework};

mod common;
use common::{d, MINI};

fn load_edited(from: &str, to: &str) -> Error {
    assert!(MINI.contains(from), "fixture lacks {from}");
    match Framework::from_json("edited.json", &MINI.replacen(from, to, 1)) {
        Ok(_) => panic!("edit {from} → {to} must be refused"),
        Err(e) => e,
    }
}

fn invalid(e: &Error) -> (&str, &str) {
    match e {
        Error::FrameworkInvalid { code, expected, .. } => (code.as_str(), expected.as_str()),
        other => panic!("expected FrameworkInvalid, got {other:?}"),
    }
}

#[test]
fn built_in_sets_load_with_the_decisions_maxima() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let maxima: Vec<_> = f.groups.iter().map(|g| (g.id.as_str(), g.max_points)).collect();
    assert_eq!(
        maxima,
        vec![("co_tthc", d("1000")), ("khong_tthc", d("750")), ("huyen", d("1000")), ("co_quan_huyen", d("1000")), ("xa", d("1000"))]
    );
    let f = builtin::framework("laocai-2023").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(f.group("khong_tthc").map(|g| g.max_points), Some(d("800")));
    for id in builtin::ids() {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        for g in &f.groups {
            assert_eq!(f.computed_max(&g.id), Some(g.max_points), "{id} {}", g.id);
            for main in f.mains(&g.id) {
                if !main.max_points.is_zero() {
                    assert!(main.children.len() >= 3, "{id} {}: main indicator {} has < 3 sub-indicators", g.id, main.code);
                }
            }
        }
        let kinds: std::collections::BTreeSet<&str> = f
            .groups
            .iter()
            .flat_map(|g| f.nodes(&g.id))
            .filter_map(|n| n.indicator.method.as_ref().map(|m| m.kind()))
            .collect();
        assert_eq!(kinds.len(), 7, "{id} uses every method: {kinds:?}");
    }
    assert!(matches!(builtin::framework("laocai-1999"), Err(Error::UnknownFramework { .. })));
}

#[test]
fn children_must_add_up_to_the_parent() {
    let e = load_edited("\"code\": \"1.2\", \"name_vi\": \"Chuyên mục\", \"name_en\": \"Portal section\", \"max_points\": \"5\"",
        "\"code\": \"1.2\", \"name_vi\": \"Chuyên mục\", \"name_en\": \"Portal section\", \"max_points\": \"6\"");
    let (code, expected) = invalid(&e);
    assert_eq!(code, "1");
    assert!(expected.contains("40") && expected.contains("41"), "{expected}");
    assert!(e.to_string().contains("edited.json"), "{e}");
}

#[test]
fn group_maxima_must_match_the_declared_maximum() {
    let e = load_edited("\"max_points\": \"80\"", "\"max_points\": \"75\"");
    assert_eq!(invalid(&e).0, "b");
}

#[test]
fn codes_must_be_unique_within_a_group() {
    let e = load_edited("\"code\": \"2.2\"", "\"code\": \"2.1\"");
    assert_eq!(invalid(&e).0, "2.1");
}

#[test]
fn methods_must_be_well_formed() {
    // Options whose best is below the maximum.
    let e = load_edited("\"id\": \"head\", \"label_vi\": \"Thủ trưởng\", \"label_en\": \"Head\", \"points\": \"10\"",
        "\"id\": \"head\", \"label_vi\": \"Thủ trưởng\", \"label_en\": \"Head\", \"points\": \"9\"");
    assert_eq!(invalid(&e).0, "1.3");
    // Parts that do not add up.
    let e = load_edited("\"id\": \"chair\", \"label_vi\": \"Chủ trì\", \"label_en\": \"Chairs\", \"points\": \"7.5\"",
        "\"id\": \"chair\", \"label_vi\": \"Chủ trì\", \"label_en\": \"Chairs\", \"points\": \"7\"");
    assert_eq!(invalid(&e).0, "1.4");
    // Tiers not ascending.
    let e = load_edited("{ \"min\": \"2\", \"points\": \"10\" }", "{ \"min\": \"1\", \"points\": \"10\" }");
    assert_eq!(invalid(&e).0, "2.2");
    // A leaf without a method.
    let e = load_edited("\"max_points\": \"5\", \"method\": { \"type\": \"yes_no\" }", "\"max_points\": \"5\"");
    assert_eq!(invalid(&e).0, "1.2");
    // An unknown method type is a JSON error with its position.
    let e = load_edited("\"type\": \"yes_no\"", "\"type\": \"maybe\"");
    assert!(matches!(e, Error::FrameworkJson { line, .. } if line > 1), "{e:?}");
    // A group id nobody declared.
    let e = load_edited("\"groups\": [\"a\"]", "\"groups\": [\"c\"]");
    assert_eq!(invalid(&e).0, "3");
}

#[test]
fn level_table_must_be_well_formed() {
    let e = load_edited("\"above_percent\": \"50\"", "\"above_percent\": \"80\"");
    assert_eq!(invalid(&e).0, "levels");
    let e = load_edited("{ \"id\": \"khoi_dong\", \"name_vi\": \"Khởi động\", \"name_en\": \"Starting\" }",
        "{ \"id\": \"khoi_dong\", \"name_vi\": \"Khởi động\", \"name_en\": \"Starting\", \"above_percent\": \"0\" }");
    assert_eq!(invalid(&e).0, "levels");
}

/// (group, main indicators that carry points, scoring leaves, maximum), as the province
/// published them for 2644/QĐ-UBND (2022) and 3019/QĐ-UBND (2023).
type GroupRow = (&'static str, usize, usize, &'static str);

const PUBLISHED_STRUCTURE: &[(&str, &[GroupRow])] = &[
    (
        "laocai-2022",
        &[("co_tthc", 6, 35, "1000"), ("khong_tthc", 6, 28, "750"), ("huyen", 8, 65, "1000"), ("co_quan_huyen", 6, 30, "1000"), ("xa", 8, 62, "1000")],
    ),
    (
        "laocai-2023",
        &[("co_tthc", 6, 55, "1000"), ("khong_tthc", 6, 43, "800"), ("huyen", 8, 109, "1000"), ("co_quan_huyen", 6, 47, "1000"), ("xa", 8, 85, "1000")],
    ),
];

#[test]
fn reference_sets_have_the_published_structure() {
    for (id, groups) in PUBLISHED_STRUCTURE {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = f.groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, groups.iter().map(|g| g.0).collect::<Vec<_>>(), "{id}");
        for &(group, mains, leaves, max) in *groups {
            let scored_mains = f.mains(group).iter().filter(|m| !m.max_points.is_zero()).count();
            assert_eq!(scored_mains, mains, "{id} {group}: main indicators");
            assert_eq!(f.scoring_leaves(group).len(), leaves, "{id} {group}: sub-indicators");
            assert_eq!(f.group(group).map(|g| g.max_points), Some(d(max)), "{id} {group}: maximum");
            assert_eq!(f.computed_max(group), Some(d(max)), "{id} {group}: main indicators add up");
        }
    }
}

#[test]
fn district_main_indicators_carry_the_published_points() {
    let expected = [
        ("Nhận thức số", "100"),
        ("Thể chế số", "100"),
        ("Hạ tầng số", "100"),
        ("Nhân lực số", "100"),
        ("An toàn thông tin mạng", "100"),
        ("Chính quyền số", "200"),
        ("Kinh tế số", "150"),
        ("Xã hội số", "150"),
    ];
    for id in ["laocai-2022", "laocai-2023"] {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        let mains: Vec<(&str, _)> =
            f.mains("huyen").iter().filter(|m| !m.max_points.is_zero()).map(|m| (m.name_vi.as_str(), m.max_points)).collect();
        assert_eq!(mains, expected.iter().map(|(n, p)| (*n, d(p))).collect::<Vec<_>>(), "{id}");
    }
    // 2022: names and points are published (aita.gov.vn); the page is named.
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    for m in f.mains("huyen").iter().filter(|m| !m.max_points.is_zero()) {
        let p = m.provenance.as_ref().unwrap_or_else(|| panic!("huyen {} has no provenance", m.code));
        assert_eq!(p.kind, ProvenanceKind::Published, "huyen {}", m.code);
        assert!(p.basis_vi.contains("aita.gov.vn"), "huyen {}: {}", m.code, p.basis_vi);
    }
}

#[test]
fn agencies_have_the_six_published_main_indicators() {
    let names = ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chuyển đổi số"];
    for id in builtin::ids() {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        for group in ["co_tthc", "khong_tthc", "co_quan_huyen"] {
            let got: Vec<&str> = f.mains(group).iter().map(|m| m.name_vi.as_str()).collect();
            assert_eq!(got, names, "{id} {group}");
        }
        // The no-procedure group lacks exactly the online-service part of the activity indicator.
        let (with, without) = (f.scoring_leaves("co_tthc"), f.scoring_leaves("khong_tthc"));
        assert!(without.iter().all(|w| with.iter().any(|c| c.code == w.code && c.max_points == w.max_points)), "{id}");
    }
}

#[test]
fn every_group_is_scored_by_typed_points_and_yes_no_and_every_indicator_says_where_it_comes_from() {
    for id in builtin::ids() {
        let f = builtin::framework(id).unwrap_or_else(|e| panic!("{e}"));
        for g in &f.groups {
            let leaves = f.scoring_leaves(&g.id);
            assert!(
                leaves.iter().any(|l| matches!(l.method, Some(Method::Points)) && l.max_points >= d("20")),
                "{id} {}: a typed-points indicator worth 20 or more",
                g.id
            );
            assert!(leaves.iter().any(|l| matches!(l.method, Some(Method::YesNo))), "{id} {}: a yes/no indicator", g.id);
            let kinds: std::collections::BTreeSet<&str> = leaves.iter().filter_map(|l| l.method.as_ref().map(Method::kind)).collect();
            assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["options", "parts", "points", "ratio", "tiers", "yes_no"], "{id} {}", g.id);
            for l in &leaves {
                if let Some(Method::Tiers { unit_vi, unit_en, .. }) = &l.method {
                    assert!(!unit_vi.is_empty() && !unit_en.is_empty(), "{id} {} {}: tier unit", g.id, l.code);
                }
            }
            for node in f.nodes(&g.id) {
                let ind = node.indicator;
                let p = ind.provenance.as_ref().unwrap_or_else(|| panic!("{id} {} {}: no provenance", g.id, ind.code));
                assert!(!p.basis_vi.trim().is_empty() && !p.basis_en.trim().is_empty(), "{id} {} {}: basis", g.id, ind.code);
                if ind.is_leaf() {
                    // No sub-indicator of either annex is published: each says what it is modelled on.
                    assert_eq!(p.kind, ProvenanceKind::Inferred, "{id} {} {}", g.id, ind.code);
                }
            }
        }
    }
}

#[test]
fn a_published_or_inferred_provenance_must_name_its_basis() {
    let e = load_edited("\"basis_vi\": \"Trang tin thử\"", "\"basis_vi\": \" \"");
    let (code, expected) = invalid(&e);
    assert_eq!(code, "2");
    assert!(expected.contains("basis_vi"), "{expected}");
    let e = load_edited("\"basis_vi\": \"Mô phỏng theo bộ thử\"", "\"basis_vi\": \"\"");
    assert_eq!(invalid(&e).0, "2.2");
    // A seed fact needs no basis (the seed is the basis); an unknown kind is a JSON error.
    assert!(Framework::from_json("x.json", &MINI.replacen("\"kind\": \"published\", \"basis_vi\": \"Trang tin thử\"", "\"kind\": \"seed\", \"basis_vi\": \"\"", 1)).is_ok());
    let e = load_edited("\"kind\": \"published\"", "\"kind\": \"rumoured\"");
    assert!(matches!(e, Error::FrameworkJson { .. }), "{e:?}");
    // The field survives a round trip through the engine's own serialisation.
    let f = common::mini();
    let back = Framework::from_json("back.json", &serde_json::to_string(&f).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, f);
}
