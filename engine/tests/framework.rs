//! Loading validates the set; each violation names the file, the indicator and what was expected.

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
    assert_eq!(maxima, vec![("co_tthc", d("1000")), ("khong_tthc", d("750")), ("huyen", d("1000"))]);
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
