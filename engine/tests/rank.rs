use dti_engine::rank::{competition_ranks, rank, would_rank, RankInput};
use dti_engine::Decimal;
use proptest::prelude::*;

mod common;
use common::{d, mini};

fn input(group: &str, name: &str, total: &str) -> RankInput {
    RankInput { group: group.into(), name: name.into(), total: d(total), line: 0 }
}

#[test]
fn ties_share_a_rank() {
    assert_eq!(competition_ranks(&[d("9"), d("8"), d("8"), d("7")]), vec![1, 2, 2, 4]);
    assert_eq!(competition_ranks(&[d("5"), d("5"), d("5")]), vec![1, 1, 1]);
}

#[test]
fn would_rank_replaces_the_agencys_own_row_whatever_the_spelling() {
    let published = vec![
        input("a", "Ban Tuyên giáo Tỉnh u\u{1ef7}", "402.00"),
        input("a", "Văn phòng UBND tỉnh", "428.67"),
        input("a", "Báo Lào Cai", "282.00"),
        input("b", "Khác", "999"),
    ];
    // New spelling "ủy" for the same agency: its old row does not count against it.
    assert_eq!(would_rank(&published, "a", "ban tuyên giáo tỉnh ủy", d("300")), (2, 3));
    assert_eq!(would_rank(&published, "a", "", d("300")), (3, 4));
    assert_eq!(would_rank(&published, "a", "Sở mới", d("428.67")), (1, 4));
    assert_eq!(would_rank(&published, "a", "Sở mới", d("0")), (4, 4));
}

#[test]
fn unknown_group_is_an_error_with_its_line() {
    let f = mini();
    let e = rank(&f, &[RankInput { group: "zz".into(), name: "X".into(), total: d("1"), line: 7 }]);
    assert!(matches!(e, Err(dti_engine::Error::Input { line: 7, .. })), "{e:?}");
}

proptest! {
    #[test]
    // Totals within 0..=80, the smaller of the fixture's two group maxima.
    fn ranking_is_a_permutation_ordered_by_total(cents in proptest::collection::vec(0i64..=8_000, 1..40)) {
        let f = mini();
        let entries: Vec<RankInput> = cents
            .iter()
            .enumerate()
            .map(|(i, c)| RankInput { group: if i % 3 == 0 { "b".into() } else { "a".into() }, name: format!("CQ {i}"), total: Decimal::new(*c, 2), line: i + 2 })
            .collect();
        let tables = rank(&f, &entries).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut names: Vec<String> = tables.iter().flat_map(|t| t.rows.iter().map(|r| r.name.clone())).collect();
        names.sort();
        let mut expected: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
        expected.sort();
        prop_assert_eq!(names, expected);
        for t in &tables {
            for w in t.rows.windows(2) {
                prop_assert!(w[0].total >= w[1].total);
                prop_assert!(w[0].rank <= w[1].rank);
                prop_assert_eq!(w[0].rank == w[1].rank, w[0].total == w[1].total);
            }
            prop_assert_eq!(t.rows.first().map(|r| r.rank), Some(1));
        }
    }
}

#[test]
fn name_keys_ignore_case_tone_placement_and_decomposition() {
    use dti_engine::text::name_key;
    use unicode_normalization::UnicodeNormalization;
    assert_eq!(name_key("Ban Tuyên giáo Tỉnh u\u{1ef7}"), name_key("ban tuyên giáo  tỉnh ủy"));
    assert_eq!(name_key("Sở Giáo dục và Đào tạo"), "so giao duc va dao tao");
    assert_ne!(name_key("Sở Y tế"), name_key("Sở Tư pháp"));
    // Every published name: composed (NFC) and decomposed (NFD) give the same key.
    let csv = std::str::from_utf8(common::SEED_CSV).unwrap_or_default();
    for line in csv.lines().skip(1) {
        let name = line.split('"').nth(1).unwrap_or_default();
        assert!(!name.is_empty(), "{line}");
        let nfd: String = name.nfd().collect();
        let upper: String = name.to_uppercase();
        assert_eq!(name_key(name), name_key(&nfd), "{name}");
        assert_eq!(name_key(name), name_key(&upper), "{name}");
        assert!(name_key(name).is_ascii(), "{name} → {}", name_key(name));
    }
}
