//! The council types one number per indicator (its appraised points), whatever the
//! indicator's method — as in its Excel grid. Checked on the 2022 set with the 2022
//! decision's printed figures.

use dti_engine::builtin;
use dti_engine::check::parse_published;
use dti_engine::sheet::{evaluate, score, score_appraised, Answer, AnswerError, Entry, Outcome, ScoreSheet};
use dti_engine::{Decimal, Framework, Lang};

mod common;
use common::{d, SEED_CSV};

fn f2022() -> Framework {
    builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"))
}

fn points(text: &str) -> Answer {
    Answer::Points { text: text.into() }
}

fn leaf<'a>(f: &'a Framework, group: &str, code: &str) -> &'a dti_engine::framework::Indicator {
    f.nodes(group).into_iter().map(|n| n.indicator).find(|i| i.code == code && i.is_leaf()).unwrap_or_else(|| panic!("{code}"))
}

#[test]
fn council_points_are_accepted_for_any_method_and_checked_against_the_maximum() {
    let f = f2022();
    // 1.1 options (max 30), 1.2 ratio (20), 1.3 yes/no (15), 1.5 points (20).
    for (code, max) in [("1.1", "30"), ("1.2", "20"), ("1.3", "15"), ("1.5", "20")] {
        let ind = leaf(&f, "co_tthc", code);
        assert_eq!(ind.max_points, d(max));
        assert_eq!(score_appraised(ind, Some(&points("12,5"))), Outcome::Scored(d("12.5")), "{code}");
        assert_eq!(score_appraised(ind, Some(&points(max))), Outcome::Scored(d(max)), "{code}");
        assert_eq!(score_appraised(ind, Some(&points(" "))), Outcome::Unanswered, "{code}");
        let Outcome::Invalid(e) = score_appraised(ind, Some(&points("31"))) else { panic!("31 > {max} must be invalid") };
        assert_eq!(e, AnswerError::AboveMax { code: code.into(), max: d(max), value: d("31") });
        assert_eq!(e.message(Lang::Vi), format!("Điểm tối đa của chỉ số {code} là {max}; bạn nhập 31"));
        assert!(matches!(score_appraised(ind, Some(&points("-1"))), Outcome::Invalid(AnswerError::Negative { .. })));
        assert!(matches!(score_appraised(ind, Some(&points("abc"))), Outcome::Invalid(AnswerError::Number { .. })));
    }
    // The method's own answer still works on the council's side.
    let ratio = leaf(&f, "co_tthc", "1.2");
    let by_method = Answer::Ratio { numerator: "3".into(), denominator: "4".into() };
    assert_eq!(score_appraised(ratio, Some(&by_method)), Outcome::Scored(d("15")));
    // Only the council may type points for another method: the agency answers the method.
    assert!(matches!(score(ratio, Some(&points("12"))), Outcome::Invalid(AnswerError::WrongKind { .. })));
}

#[test]
fn council_points_sum_to_a_published_total_with_its_printed_level() {
    let f = f2022();
    let rows = parse_published(&f, "seed.csv", SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let row = rows.iter().find(|r| r.name == "Sở Giáo dục và Đào tạo").unwrap_or_else(|| panic!("row"));
    assert_eq!(row.total, d("625.30"));
    // The council gives each indicator its maximum until the printed total is reached,
    // the rest on the next indicator, 0 on the others.
    let mut sheet = ScoreSheet::new("laocai-2022", &row.group);
    let mut left = row.total;
    let leaves: Vec<_> = f.nodes(&row.group).into_iter().map(|n| n.indicator).filter(|i| i.is_leaf()).collect();
    for ind in &leaves {
        let give = left.min(ind.max_points);
        left -= give;
        // Typed with a comma, as users do.
        let text = give.normalize().to_string().replace('.', ",");
        // The agency claims the maximum through its method where that is a yes/no.
        let own = matches!(ind.method, Some(dti_engine::framework::Method::YesNo)).then_some(Answer::YesNo { value: true });
        sheet.entries.insert(ind.code.clone(), Entry { self_answer: own, appraised: Some(points(&text)), ..Entry::default() });
    }
    assert_eq!(left, Decimal::ZERO);
    let r = evaluate(&f, &sheet).unwrap_or_else(|e| panic!("{e}"));
    let appraisal = r.appraisal.as_ref().unwrap_or_else(|| panic!("appraised"));
    assert_eq!(appraisal.total, d("625.30"));
    // Every scoring indicator appraised: the appraisal is complete and has its level.
    assert_eq!((appraisal.count, appraisal.of), (leaves.len(), leaves.len()));
    let a = appraisal.standing.as_ref().unwrap_or_else(|| panic!("a complete appraisal has a standing"));
    assert_eq!(a.percent, d("62.53"));
    assert_eq!(f.level_name(&a.level_id, Lang::Vi), row.level);
    assert!(r.invalid_appraised.is_empty());
    // Chênh lệch (self − appraised): 1.3 (yes/no, 15) claimed and given in full → 0; 1.1
    // (options, 30) not answered by the agency, 30 from the council → −30.
    let diff = |code: &str| r.leaves.iter().find(|l| l.code == code).and_then(|l| l.difference());
    assert_eq!(diff("1.3"), Some(d("0")));
    assert_eq!(diff("1.1"), Some(d("-30")));
    let main_sum: Decimal = r.mains.iter().filter_map(|m| m.appraised).sum();
    assert_eq!(main_sum, d("625.30"));
}
