use dti_engine::level::level_rank;
use dti_engine::sheet::{evaluate, rescore, score, Answer, AnswerError, Entry, Evidence, Outcome, ScoreSheet};
use dti_engine::{Decimal, Lang};
use proptest::prelude::*;

mod common;
use common::{d, mini};

fn with(entries: &[(&str, Answer)], group: &str) -> ScoreSheet {
    let mut s = ScoreSheet::new("mini", group);
    for (code, answer) in entries {
        s.entries.insert((*code).into(), Entry { self_answer: Some(answer.clone()), ..Entry::default() });
    }
    s
}

fn points(text: &str) -> Answer {
    Answer::Points { text: text.into() }
}

fn ratio(a: &str, b: &str) -> Answer {
    Answer::Ratio { numerator: a.into(), denominator: b.into() }
}

fn leaf<'a>(f: &'a dti_engine::Framework, code: &str) -> &'a dti_engine::framework::Indicator {
    f.nodes("a").into_iter().map(|n| n.indicator).find(|i| i.code == code).unwrap_or_else(|| panic!("{code}"))
}

#[test]
fn each_method_scores_as_its_rule_says() {
    let f = mini();
    let s = |code: &str, a: Answer| score(leaf(&f, code), Some(&a));
    assert_eq!(s("1.1", points("7,5")), Outcome::Scored(d("7.5")));
    assert_eq!(s("1.2", Answer::YesNo { value: true }), Outcome::Scored(d("5")));
    assert_eq!(s("1.2", Answer::YesNo { value: false }), Outcome::Scored(d("0")));
    assert_eq!(s("1.3", Answer::Choice { id: "deputy".into() }), Outcome::Scored(d("5")));
    assert_eq!(s("1.4", Answer::Parts { ids: vec!["chair".into()] }), Outcome::Scored(d("7.5")));
    assert_eq!(s("1.4", Answer::Parts { ids: vec!["chair".into(), "attend".into(), "chair".into()] }), Outcome::Scored(d("15")));
    assert_eq!(s("1.4", Answer::Parts { ids: vec![] }), Outcome::Scored(d("0")));
    // 2/3 × 20 is not rounded to 2 decimals: 13,333… to Decimal's 28 digits.
    assert_eq!(s("2.1", ratio("2", "3")), Outcome::Scored(d("2") / d("3") * d("20")));
    // A share above 100 % earns the maximum (the rule), a and b stay as typed.
    assert_eq!(s("2.1", ratio("5", "4")), Outcome::Scored(d("20")));
    assert_eq!(s("2.1", ratio("0", "0")), Outcome::Scored(d("0")));
    assert_eq!(s("3.1", ratio("0", "0")), Outcome::Scored(d("20")));
    assert_eq!(s("2.2", Answer::Tier { text: "0".into() }), Outcome::Scored(d("0")));
    assert_eq!(s("2.2", Answer::Tier { text: "3".into() }), Outcome::Scored(d("10")));
    assert_eq!(s("2.2", Answer::Tier { text: "4".into() }), Outcome::Scored(d("20")));
    assert_eq!(s("2.2", Answer::Tier { text: "12".into() }), Outcome::Scored(d("20")));
}

#[test]
fn bad_answers_are_invalid_not_clamped_or_zeroed() {
    let f = mini();
    let s = |code: &str, a: Answer| score(leaf(&f, code), Some(&a));
    let Outcome::Invalid(e) = s("1.1", points("25")) else { panic!("25 > 10 must be invalid") };
    assert_eq!(e, AnswerError::AboveMax { code: "1.1".into(), max: d("10"), value: d("25") });
    assert_eq!(e.message(Lang::Vi), "Điểm tối đa của chỉ số 1.1 là 10; bạn nhập 25");
    assert_eq!(e.message(Lang::En), "The maximum of indicator 1.1 is 10; you entered 25");
    assert!(matches!(s("1.1", points("abc")), Outcome::Invalid(AnswerError::Number { .. })));
    assert!(matches!(s("1.1", points("-1")), Outcome::Invalid(AnswerError::Negative { .. })));
    assert!(matches!(s("2.1", ratio("3", "")), Outcome::Invalid(AnswerError::MissingPart { .. })));
    assert!(matches!(s("2.1", ratio("-3", "4")), Outcome::Invalid(AnswerError::Negative { .. })));
    assert!(matches!(s("1.3", Answer::Choice { id: "boss".into() }), Outcome::Invalid(AnswerError::UnknownChoice { .. })));
    assert!(matches!(s("1.3", points("5")), Outcome::Invalid(AnswerError::WrongKind { .. })));
    // Empty is unanswered, not zero.
    assert_eq!(s("1.1", points("  ")), Outcome::Unanswered);
    assert_eq!(s("2.1", ratio("", "")), Outcome::Unanswered);
}

#[test]
fn a_sheet_reports_totals_levels_gaps_and_what_is_open() {
    let f = mini();
    let mut sheet = with(
        &[
            ("1.1", points("abc")),
            ("1.2", Answer::YesNo { value: true }),
            ("1.3", Answer::Choice { id: "head".into() }),
            ("2.1", ratio("1", "2")),
            ("3.1", ratio("9", "10")),
        ],
        "a",
    );
    let r = evaluate(&f, &sheet).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.standing.total, d("43"));
    assert_eq!(r.standing.percent, d("43"));
    assert_eq!(r.standing.level_id, "hinh_thanh");
    assert_eq!(r.standing.next.as_ref().map(|n| n.points_needed), Some(d("7.01")));
    assert_eq!(r.mains.iter().map(|m| (m.code.as_str(), m.points)).collect::<Vec<_>>(), vec![("0", d("0")), ("1", d("15")), ("2", d("10")), ("3", d("18"))]);
    assert_eq!(r.invalid.len(), 1);
    assert_eq!(r.unanswered, 2);
    assert_eq!(r.open_top, vec![("2.2".to_string(), d("20")), ("1.4".to_string(), d("15")), ("1.1".to_string(), d("10"))]);
    // The typed text survives a save and reload untouched.
    let back = ScoreSheet::from_json("x.json", &sheet.to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, sheet);
    assert_eq!(back.entries["1.1"].self_answer, Some(points("abc")));
    // Group b has no block 3: its maximum is 80 and 3.1 does not count.
    sheet.group = "b".into();
    let r = evaluate(&f, &sheet).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((r.standing.total, r.standing.max), (d("25"), d("80")));
}

#[test]
fn appraised_values_give_the_difference() {
    let f = mini();
    let mut sheet = with(&[("1.1", points("9")), ("1.2", Answer::YesNo { value: true })], "a");
    if let Some(e) = sheet.entries.get_mut("1.1") {
        e.appraised = Some(points("6,5"));
        e.evidence = Evidence { number: "12/KH-STTTT".into(), ..Evidence::default() };
    }
    let r = evaluate(&f, &sheet).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.appraisal.as_ref().map(|a| (a.total, a.count, a.of)), Some((d("6.5"), 1, 7)));
    // Over the appraised indicator only: 9 − 6,5, not the whole self total 14 − 6,5.
    assert_eq!(r.difference(), Some(d("2.5")));
    assert_eq!(r.leaves.iter().find(|l| l.code == "1.1").and_then(|l| l.difference()), Some(d("2.5")));
    assert_eq!(r.without_evidence, 1);
}

#[test]
fn sheet_files_of_another_schema_or_set_are_refused() {
    let f = mini();
    assert!(ScoreSheet::from_json("x", "{\"schema\": 9, \"framework\": \"mini\", \"group\": \"a\"}").is_err());
    assert!(ScoreSheet::from_json("x", "{\"framework\": \"mini\"}").is_err());
    assert!(ScoreSheet::from_json("x", "not json").is_err());
    let other = ScoreSheet::new("laocai-2099", "a");
    assert!(evaluate(&f, &other).is_err());
    let bad_group = ScoreSheet::new("mini", "zzz");
    assert!(evaluate(&f, &bad_group).is_err());
}

fn arb_answers() -> impl Strategy<Value = Vec<(u8, u16, u16, bool)>> {
    proptest::collection::vec((0u8..4, 0u16..3000, 0u16..3000, any::<bool>()), 6)
}

fn sheet_from(raw: &[(u8, u16, u16, bool)]) -> ScoreSheet {
    let codes = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"];
    let mut answers = Vec::new();
    for (code, (skip, a, b, flag)) in codes.iter().zip(raw) {
        if *skip == 0 {
            continue;
        }
        let answer = match *code {
            "1.1" => points(&Decimal::new(i64::from(*a % 1100), 2).to_string()),
            "1.2" => Answer::YesNo { value: *flag },
            "1.3" => Answer::Choice { id: ["head", "deputy", "none"][usize::from(*a % 3)].into() },
            "1.4" => Answer::Parts { ids: if *flag { vec!["attend".into()] } else { vec!["attend".into(), "chair".into()] } },
            "2.1" => ratio(&a.to_string(), &b.to_string()),
            _ => Answer::Tier { text: (a % 7).to_string() },
        };
        answers.push((*code, answer));
    }
    with(&answers, "b")
}

proptest! {
    #[test]
    fn total_is_the_sum_of_indicator_points_and_within_bounds(raw in arb_answers()) {
        let f = mini();
        let r = evaluate(&f, &sheet_from(&raw)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // The total is the sum of the points, settled at 20 decimals (see sheet.rs).
        let settle = |x: Decimal| x.round_dp_with_strategy(20, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let sum: Decimal = r.leaves.iter().map(|l| l.outcome.points()).sum();
        prop_assert_eq!(r.standing.total, settle(sum));
        let mains: Decimal = r.mains.iter().map(|m| m.points).sum();
        prop_assert_eq!(settle(mains), r.standing.total);
        prop_assert!(r.standing.percent >= Decimal::ZERO && r.standing.percent <= Decimal::ONE_HUNDRED);
    }

    /// Typing rescoring one indicator at a time gives exactly what scoring the whole sheet
    /// gives: every leaf, sum, count, appraisal and the unanswered list, after each edit.
    #[test]
    fn rescoring_the_edited_indicator_equals_scoring_the_sheet(start in arb_answers(), edits in arb_answers(), appraise in any::<bool>()) {
        let f = mini();
        let mut sheet = sheet_from(&start);
        let mut result = evaluate(&f, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let target = sheet_from(&edits);
        for code in ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"] {
            let mut entry = target.entries.get(code).cloned();
            if appraise {
                if let Some(e) = entry.as_mut() {
                    e.appraised = Some(points("1"));
                    e.evidence.number = "12/QĐ".into();
                }
            }
            match entry {
                Some(e) => sheet.entries.insert(code.into(), e),
                None => sheet.entries.remove(code),
            };
            let before = result.clone();
            let changed = rescore(&f, &sheet, &mut result, &[code.to_owned()]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let full = evaluate(&f, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&result, &full, "after editing {}", code);
            prop_assert_eq!(changed, before != full, "changed is reported for {}", code);
        }
    }

    #[test]
    fn level_never_drops_when_a_score_rises(raw in arb_answers(), extra in 1u16..1000) {
        let f = mini();
        let mut sheet = sheet_from(&raw);
        let before = evaluate(&f, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Raise 1.1 by `extra` hundredths (staying within its maximum of 10).
        let current = before.leaves.iter().find(|l| l.code == "1.1").map(|l| l.outcome.points()).unwrap_or_default();
        let raised = (current + Decimal::new(i64::from(extra), 2)).min(d("10"));
        sheet.entries.insert("1.1".into(), Entry { self_answer: Some(points(&raised.to_string())), ..Entry::default() });
        let after = evaluate(&f, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(after.standing.total >= before.standing.total);
        prop_assert!(level_rank(&f.levels, &after.standing.level_id) <= level_rank(&f.levels, &before.standing.level_id));
    }
}

#[test]
fn thirds_that_add_up_to_a_boundary_sit_on_it() {
    // Ratios of 1/3 and 2/3 whose exact sum is 250 of 1.000 (exactly 25 %): Khởi động.
    let f = dti_engine::builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let sheet = ScoreSheet::from_json("boundary-sheet.json", include_str!("fixtures/boundary-sheet.json")).unwrap_or_else(|e| panic!("{e}"));
    let r = evaluate(&f, &sheet).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.standing.total, d("250"));
    assert_eq!(r.standing.percent, d("25"));
    assert_eq!(r.standing.level_id, "khoi_dong");
}

#[test]
fn huge_numbers_are_answers_not_crashes() {
    let f = mini();
    let big = "5000000000000000000000000000";
    let s = |code: &str, a: Answer| score(leaf(&f, code), Some(&a));
    assert_eq!(s("2.1", ratio(big, "6000000000000000000000000000")), Outcome::Scored(d("5") / d("6") * d("20")));
    assert_eq!(s("2.1", ratio(big, "1")), Outcome::Scored(d("20")));
    assert!(matches!(s("1.1", points(big)), Outcome::Invalid(AnswerError::AboveMax { .. })));
    assert_eq!(s("2.2", Answer::Tier { text: big.into() }), Outcome::Scored(d("20")));
    let pct = dti_engine::level::percent_of(d(big), d("750"));
    assert!(pct > d("100"));
}
