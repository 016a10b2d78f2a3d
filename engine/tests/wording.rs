//! Sense checks that never change what was typed, the reason at a level boundary, named
//! invisible characters, and the glossary the README documents.

mod common;

use common::{d, mini};
use dti_engine::framework::{Indicator, Method};
use dti_engine::level::boundary_note;
use dti_engine::sheet::{score, tier_hit, warnings, Answer, AnswerError, AnswerWarning, Field, Outcome};
use dti_engine::{Lang, NumberError};

fn leaf(code: &str) -> Indicator {
    let f = mini();
    let found = f.nodes("a").into_iter().find(|n| n.indicator.code == code).map(|n| n.indicator.clone());
    found.unwrap_or_else(|| panic!("fixture has {code}"))
}

fn percent_tiers() -> Indicator {
    let mut ind = leaf("2.2");
    if let Some(Method::Tiers { unit_vi, unit_en, .. }) = &mut ind.method {
        *unit_vi = "%".into();
        *unit_en = "%".into();
    }
    ind
}

fn ratio(a: &str, b: &str) -> Answer {
    Answer::Ratio { numerator: a.into(), denominator: b.into() }
}

fn tier(text: &str) -> Answer {
    Answer::Tier { text: text.into() }
}

#[test]
fn counts_in_a_ratio_must_be_whole() {
    let ind = leaf("2.1");
    match score(&ind, Some(&ratio("12,5", "40"))) {
        Outcome::Invalid(e @ AnswerError::NotWhole { .. }) => {
            assert_eq!(e.field(), Field::Numerator);
            assert!(e.message(Lang::Vi).contains("số nguyên"), "{}", e.message(Lang::Vi));
            assert!(e.message(Lang::Vi).contains("12,5"), "{}", e.message(Lang::Vi));
        }
        other => panic!("a fraction of documents is refused, got {other:?}"),
    }
    assert!(matches!(score(&ind, Some(&ratio("12", "40,5"))), Outcome::Invalid(AnswerError::NotWhole { field: Field::Denominator, .. })));
    // 30 of 40 documents: 3/4 of 20 points.
    assert_eq!(score(&ind, Some(&ratio("30", "40"))), Outcome::Scored(d("15")));
    assert_eq!(score(&ind, Some(&ratio("1.000", "2.000"))), Outcome::Scored(d("10")));
}

#[test]
fn numerator_above_denominator_warns_and_keeps_the_rule() {
    let ind = leaf("2.1");
    let answer = ratio("45", "40");
    assert_eq!(score(&ind, Some(&answer)), Outcome::Scored(d("20")), "the rule's result stands");
    let w = warnings(&ind, Some(&answer));
    assert_eq!(w, vec![AnswerWarning::NumeratorAboveDenominator { code: "2.1".into() }]);
    assert_eq!(w[0].field(), Field::Numerator);
    assert!(w[0].message(Lang::Vi).contains("tử số (a) lớn hơn mẫu số (b)"));
    assert!(warnings(&ind, Some(&ratio("40", "40"))).is_empty());
    assert!(warnings(&ind, Some(&ratio("4,5", "4"))).is_empty(), "an invalid answer has its error, not a warning");
}

#[test]
fn percentage_fields_take_a_trailing_sign_and_refuse_above_100() {
    let ind = percent_tiers();
    let typed = tier("85%");
    let by_sign = score(&ind, Some(&typed));
    assert_eq!(by_sign, score(&ind, Some(&tier("85"))));
    assert!(matches!(by_sign, Outcome::Scored(_)));
    assert_eq!(typed, tier("85%"), "the text stays as typed");
    assert_eq!(score(&ind, Some(&tier("85 %"))), by_sign);
    match score(&ind, Some(&tier("62125"))) {
        Outcome::Invalid(e @ AnswerError::PercentAbove100 { .. }) => {
            assert!(e.message(Lang::Vi).contains("không quá 100"), "{}", e.message(Lang::Vi));
        }
        other => panic!("62125 % is refused, got {other:?}"),
    }
    assert_eq!(score(&ind, Some(&tier("100"))), score(&ind, Some(&tier("100%"))));
    // A field whose unit is not % still refuses the sign.
    assert!(matches!(score(&leaf("2.2"), Some(&tier("85%"))), Outcome::Invalid(AnswerError::Number { .. })));
}

#[test]
fn the_band_line_never_contradicts_the_error() {
    let ind = leaf("2.2");
    assert_eq!(tier_hit(&ind, "100 Mbps"), None, "an invalid value has no band");
    assert_eq!(tier_hit(&ind, ""), None);
    let Some(Method::Tiers { tiers, .. }) = &ind.method else { panic!("2.2 is tiers") };
    let lowest = tiers[0].min;
    if lowest > d("0") {
        assert_eq!(tier_hit(&ind, "0"), Some(None), "a valid value below the lowest band");
    }
    assert_eq!(tier_hit(&ind, &lowest.to_string()), Some(Some(0)));
    assert_eq!(tier_hit(&percent_tiers(), "250"), None, "above 100 % is an error, not a band");
}

#[test]
fn invisible_characters_are_named() {
    let space = dti_engine::number::parse_vn("100 Mbps").unwrap_err();
    assert!(matches!(space, NumberError::InvalidChar { ch: ' ', .. }));
    assert!(space.message(Lang::Vi).contains("có dấu cách"), "{}", space.message(Lang::Vi));
    assert!(space.message(Lang::En).contains("a space"), "{}", space.message(Lang::En));
    let nbsp = dti_engine::number::parse_vn("1\u{a0}000").unwrap_err();
    assert!(nbsp.message(Lang::Vi).contains("dấu cách không ngắt"), "{}", nbsp.message(Lang::Vi));
    let zw = dti_engine::number::parse_vn("12\u{200b}").unwrap_err();
    assert!(zw.message(Lang::Vi).contains("ký tự vô hình (U+200B)"), "{}", zw.message(Lang::Vi));
    let letter = dti_engine::number::parse_vn("12a").unwrap_err();
    assert!(letter.message(Lang::Vi).contains("ký tự “a”"), "{}", letter.message(Lang::Vi));
}

#[test]
fn a_rounded_percentage_on_a_boundary_says_why() {
    let f = mini();
    // 75 % of 750 is 562,5: 562,51 shows 75,00 % and is above; 562,50 is exactly on it.
    let above = boundary_note(&f.levels, d("562.51") * d("100") / d("750")).expect("rounds to 75,00");
    assert_eq!(above.level_id, "dan_dat");
    assert_eq!(above.message("Dẫn dắt", Lang::Vi), "75,00 % là số làm tròn; điểm vượt 75 % nên đạt Dẫn dắt.");
    let on = boundary_note(&f.levels, d("562.50") * d("100") / d("750")).expect("exactly 75");
    assert_eq!(on.level_id, "nang_cao");
    assert_eq!(on.message("Nâng cao", Lang::Vi), "Đúng 75 %, chưa vượt 75 %, nên là Nâng cao.");
    let below = boundary_note(&f.levels, d("74.996")).expect("rounds up to 75,00");
    assert_eq!(below.level_id, "nang_cao");
    assert!(below.message("Nâng cao", Lang::En).contains("below 75 %"));
    assert_eq!(boundary_note(&f.levels, d("62.53")), None);
    assert_eq!(boundary_note(&f.levels, d("75.01")), None, "75,01 % needs no note");
}

#[test]
fn wrong_kind_names_the_method_in_words() {
    let e = match score(&leaf("2.1"), Some(&tier("5"))) {
        Outcome::Invalid(e) => e,
        other => panic!("wrong kind is invalid, got {other:?}"),
    };
    let vi = e.message(Lang::Vi);
    assert!(vi.contains("tỷ lệ a / b") && !vi.contains("“ratio”"), "{vi}");
}

#[test]
fn the_readme_glossary_is_the_code_glossary() {
    let readme = include_str!("../../README.md");
    let section = readme.split("## Glossary").nth(1).expect("README has a Glossary section");
    let rows: Vec<(String, String)> = section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| Tiếng Việt"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            (cells[0].to_owned(), cells[1].to_owned())
        })
        .collect();
    let code: Vec<(String, String)> =
        dti_engine::terms::ALL.iter().map(|t| (t.vi.to_owned(), t.en.to_owned())).collect();
    assert_eq!(rows, code);
}
