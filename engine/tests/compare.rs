//! Year over year: the real 2022 and 2023 sets (group khong_tthc, 750 and 800 points),
//! sheets with known differences, pairing of renamed or renumbered main indicators.

use dti_engine::compare::{compare, pair, sides, Comparison, MatchedBy, Request, Year};
use dti_engine::number::{format_signed, parse_vn, DISPLAY_ROUNDING};
use dti_engine::framework::{Framework, Indicator, Method};
use dti_engine::sheet::{Answer, Entry, ScoreSheet};
use dti_engine::{Decimal, Error, Lang};
use proptest::prelude::*;

mod common;
use common::d;

fn set(year: u16) -> Framework {
    let (file, json) = match year {
        2022 => ("data/frameworks/laocai-2022.json", include_str!("../../data/frameworks/laocai-2022.json")),
        _ => ("data/frameworks/laocai-2023.json", include_str!("../../data/frameworks/laocai-2023.json")),
    };
    Framework::from_json(file, json).unwrap_or_else(|e| panic!("{e}"))
}

fn yes() -> Answer {
    Answer::YesNo { value: true }
}
fn points(t: &str) -> Answer {
    Answer::Points { text: t.into() }
}
fn full() -> Answer {
    Answer::Ratio { numerator: "1".into(), denominator: "1".into() }
}

fn sheet(f: &Framework, group: &str, agency: &str, answers: Vec<(&str, Answer)>) -> ScoreSheet {
    let mut s = ScoreSheet::new(&f.id, group);
    s.agency = agency.into();
    for (code, a) in answers {
        s.entries.insert(code.into(), Entry { self_answer: Some(a), ..Entry::default() });
    }
    s
}

/// 2022: 80 + 25 + 20 + 0 + 20 + 50 = 195 / 750 (26 %, Hình thành).
fn sheet_2022(f: &Framework) -> ScoreSheet {
    sheet(f, "khong_tthc", "Sở Tư pháp", vec![
        ("1.1", Answer::Choice { id: "head".into() }),
        ("1.3", yes()),
        ("1.4", yes()),
        ("1.5", points("20")),
        ("2.1", yes()),
        ("3.2", yes()),
        ("5.2", yes()),
        ("6.5", points("50")),
    ])
}

/// 2023: 75 + 35 + 15 + 20 + 50 + 210 = 405 / 800 (50,625 %, Nâng cao).
fn sheet_2023(f: &Framework) -> ScoreSheet {
    sheet(f, "khong_tthc", "SỞ TƯ PHÁP", vec![
        ("1.1", Answer::Choice { id: "head".into() }),
        ("1.3", yes()),
        ("1.4", yes()),
        ("1.5", points("20")),
        ("2.1", yes()),
        ("2.3", yes()),
        ("3.2", yes()),
        ("4.1", yes()),
        ("5.2", yes()),
        ("5.5", points("25")),
        ("5.6", yes()),
        ("6.1", full()),
        ("6.2", full()),
        ("6.3", Answer::Parts { ids: vec!["report".into(), "meet".into(), "calendar".into()] }),
        ("6.5", points("40")),
        ("6.6", full()),
    ])
}

fn run(fa: &Framework, sa: &ScoreSheet, fb: &Framework, sb: &ScoreSheet) -> Comparison {
    compare(Year { framework: fa, sheet: sa }, Year { framework: fb, sheet: sb }).unwrap_or_else(|e| panic!("{e}"))
}

/// The app scores both years and sends them to the comparison module as JSON (issue 15):
/// what the module pairs from the JSON is the comparison itself, exact figures included.
#[test]
fn the_years_sent_as_json_to_the_module_compare_the_same() {
    let (f22, f23) = (set(2022), set(2023));
    let (s22, s23) = (sheet_2022(&f22), sheet_2023(&f23));
    let years = sides(Year { framework: &f22, sheet: &s22 }, Year { framework: &f23, sheet: &s23 }).unwrap_or_else(|e| panic!("{e}"));
    // 50,625 % keeps its digits: Decimal travels as a string.
    assert_eq!(years.1.overall.percent, d("50.625"));
    let request = Request {
        lang: Lang::En,
        controls: true,
        options: Some(vec![(String::new(), "— Chọn phiếu —".into()), ("1".into(), "Sở Tư pháp — 2022".into())]),
        picks: ("1".into(), "2".into()),
        file_error: None,
        years: Ok(years),
    };
    let json = serde_json::to_string(&request).unwrap_or_else(|e| panic!("{e}"));
    let back: Request = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(back, request);
    let Ok((a, b)) = back.years else { panic!("years lost: {json}") };
    assert_eq!(pair(a, b), run(&f22, &s22, &f23, &s23));
    // Why there is none yet travels too.
    let waiting = Request { years: Err((false, "Chọn hai phiếu để so sánh.".into())), options: None, ..request };
    let json = serde_json::to_string(&waiting).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(serde_json::from_str::<Request>(&json).ok(), Some(waiting));
}

#[test]
fn two_years_of_one_agency_with_known_differences() {
    let (f22, f23) = (set(2022), set(2023));
    let (s22, s23) = (sheet_2022(&f22), sheet_2023(&f23));
    let c = run(&f22, &s22, &f23, &s23);
    let rows: Vec<[String; 7]> = c
        .rows(Lang::Vi)
        .into_iter()
        .map(|r| [r.name, r.a_points, r.a_percent, r.b_points, r.b_percent, r.points, r.percent])
        .collect();
    let row = |v: [&str; 7]| v.map(str::to_owned);
    assert_eq!(rows, vec![
        row(["1. Nhận thức số", "80,00 / 100", "80,00 %", "75,00 / 100", "75,00 %", "-5,00", "-5,00"]),
        row(["2. Thể chế số", "25,00 / 100", "25,00 %", "35,00 / 100", "35,00 %", "+10,00", "+10,00"]),
        row(["3. Hạ tầng số", "20,00 / 100", "20,00 %", "15,00 / 100", "15,00 %", "-5,00", "-5,00"]),
        row(["4. Nhân lực số", "0,00 / 100", "0,00 %", "20,00 / 100", "20,00 %", "+20,00", "+20,00"]),
        // The maximum grew from 100 to 150: 20 % → 33,33 %, +13,33 points of percentage.
        row(["5. An toàn thông tin mạng", "20,00 / 100", "20,00 %", "50,00 / 150", "33,33 %", "+30,00", "+13,33"]),
        row(["6. Hoạt động chuyển đổi số", "50,00 / 250", "20,00 %", "210,00 / 250", "84,00 %", "+160,00", "+64,00"]),
    ]);
    assert!(c.mains.iter().all(|m| m.matched_by == MatchedBy::CodeAndName));
    assert!(c.rows(Lang::Vi).iter().all(|r| r.note.is_none()));
    // 195 / 750 = 26 % → 405 / 800 = 50,625 %: +210 points, +24,625 → "+24,63" (half away from zero).
    let t = c.total_row(Lang::Vi);
    assert_eq!(
        [t.name.as_str(), &t.a_points, &t.a_percent, &t.b_points, &t.b_percent, &t.points, &t.percent],
        ["Tổng điểm", "195,00 / 750", "26,00 %", "405,00 / 800", "50,63 %", "+210,00", "+24,63"]
    );
    assert_eq!((c.total, c.percent), (d("210"), d("24.625")));
    assert_eq!(c.level_steps, 1);
    assert_eq!(c.level_change(Lang::Vi), "Hình thành → Nâng cao (tăng 1 mức)");
    assert_eq!(c.level_change(Lang::En), "Forming → Advanced (up 1 level)");
    assert!(c.unmatched(Lang::Vi).is_empty());
    // "Sở Tư pháp" and "SỞ TƯ PHÁP" are one agency.
    assert!(c.warnings(Lang::Vi).is_empty());

    // The other way round every change is negated and the level goes down.
    let back = run(&f23, &s23, &f22, &s22);
    assert_eq!(back.total_row(Lang::Vi).points, "-210,00");
    assert_eq!(back.total_row(Lang::Vi).percent, "-24,63");
    assert_eq!(back.level_change(Lang::Vi), "Nâng cao → Hình thành (giảm 1 mức)");
    assert_eq!(back.level_change(Lang::En), "Advanced → Forming (down 1 level)");
}

#[test]
fn same_level_is_said_so() {
    let f = set(2022);
    let s = sheet_2022(&f);
    let c = run(&f, &s, &f, &s);
    assert_eq!(c.level_change(Lang::Vi), "Giữ mức Hình thành");
    assert_eq!(c.level_change(Lang::En), "Stays Forming");
    assert_eq!(c.total_row(Lang::Vi).points, "0,00");
}

/// The main indicator `code` of group khong_tthc (some codes have one block per group).
fn main_mut<'a>(f: &'a mut Framework, code: &str) -> &'a mut Indicator {
    let ours = |i: &Indicator| i.groups.as_ref().is_none_or(|g| g.iter().any(|g| g == "khong_tthc"));
    f.indicators.iter_mut().find(|i| i.code == code && ours(i)).unwrap_or_else(|| panic!("main {code}"))
}

#[test]
fn renumbered_renamed_and_new_main_indicators_are_paired_or_listed() {
    let f22 = set(2022);
    let mut f23 = set(2023);
    // Renumbered (same name, code 4 → 7), renamed (same code 6), tone marks and case
    // written otherwise (still code and name), and one replaced by another (3 → 8).
    main_mut(&mut f23, "4").code = "7".into();
    main_mut(&mut f23, "6").name_vi = "Chuyển đổi số trong hoạt động của cơ quan".into();
    main_mut(&mut f23, "5").name_vi = "AN TOÀN THÔNG TIN MẠNG".into();
    let third = main_mut(&mut f23, "3");
    third.code = "8".into();
    third.name_vi = "Hạ tầng và nền tảng số".into();
    third.name_en = "Digital infrastructure and platforms".into();
    let (s22, s23) = (sheet_2022(&f22), sheet_2023(&f23));
    let c = run(&f22, &s22, &f23, &s23);
    let how: Vec<(&str, &str, MatchedBy)> = c.mains.iter().map(|m| (m.a.code.as_str(), m.b.code.as_str(), m.matched_by)).collect();
    assert_eq!(how, vec![
        ("1", "1", MatchedBy::CodeAndName),
        ("2", "2", MatchedBy::CodeAndName),
        ("4", "7", MatchedBy::Name),
        ("5", "5", MatchedBy::CodeAndName),
        ("6", "6", MatchedBy::Code),
    ]);
    let notes: Vec<Option<String>> = c.rows(Lang::Vi).into_iter().map(|r| r.note).collect();
    assert_eq!(notes[2].as_deref(), Some("cùng tên, mã năm 2022: 4"));
    assert_eq!(notes[4].as_deref(), Some("cùng mã, tên năm 2022: Hoạt động chuyển đổi số"));
    assert_eq!(c.rows(Lang::Vi)[2].points, "+20,00");
    assert_eq!(c.unmatched(Lang::Vi), vec![
        "2022: 3. Hạ tầng số — 20,00 / 100 (20,00 %)".to_owned(),
        "2023: 8. Hạ tầng và nền tảng số — 15,00 / 100 (15,00 %)".to_owned(),
    ]);
    assert_eq!(c.unmatched(Lang::En)[1], "2023: 8. Digital infrastructure and platforms — 15,00 / 100 (15,00 %)");
    // The replaced indicator is listed in each year, never paired.
    assert!(!c.mains.iter().any(|m| m.a.code == "3" || m.b.code == "8"));
}

#[test]
fn sheets_of_two_groups_are_refused_naming_both() {
    let (f22, f23) = (set(2022), set(2023));
    let a = sheet(&f22, "co_tthc", "Sở Tư pháp", vec![]);
    let b = sheet_2023(&f23);
    let e = compare(Year { framework: &f22, sheet: &a }, Year { framework: &f23, sheet: &b }).err();
    assert!(matches!(e, Some(Error::DifferentGroups { .. })), "{e:?}");
    let e = e.unwrap_or_else(|| unreachable!());
    assert_eq!(
        e.message(Lang::Vi),
        "hai phiếu thuộc hai nhóm khác nhau: “Nhóm các cơ quan, đơn vị có thủ tục hành chính” (2022) và “Nhóm các cơ quan, đơn vị không có thủ tục hành chính” (2023); chỉ so sánh được hai phiếu cùng một nhóm"
    );
    assert!(e.message(Lang::En).starts_with("the two sheets are of different groups: “"), "{}", e.message(Lang::En));
}

#[test]
fn a_sheet_scored_under_another_set_is_an_error_not_a_comparison() {
    let (f22, f23) = (set(2022), set(2023));
    let wrong = sheet_2023(&f23);
    let e = compare(Year { framework: &f22, sheet: &wrong }, Year { framework: &f23, sheet: &wrong }).err();
    assert!(matches!(e, Some(Error::UnknownFramework { .. })), "{e:?}");
}

#[test]
fn different_agencies_are_warned_about_not_refused() {
    let (f22, f23) = (set(2022), set(2023));
    let a = sheet_2022(&f22);
    let mut b = sheet_2023(&f23);
    b.agency = "Sở Nội vụ".into();
    let c = run(&f22, &a, &f23, &b);
    assert_eq!(c.warnings(Lang::Vi), vec![
        "Tên cơ quan khác nhau giữa hai phiếu: “Sở Tư pháp” (2022) và “Sở Nội vụ” (2023); hãy kiểm tra đây là cùng một cơ quan.".to_owned()
    ]);
    b.agency = "  ".into();
    let c = run(&f22, &a, &f23, &b);
    assert!(c.warnings(Lang::En)[0].contains("(unnamed) (2023)"), "{:?}", c.warnings(Lang::En));
    // The comparison is still made.
    assert_eq!(c.total, d("210"));
}

#[test]
fn changes_carry_their_sign_and_round_half_away_from_zero() {
    assert_eq!(format_signed(d("12.5")), "+12,50");
    assert_eq!(format_signed(d("-3.25")), "-3,25");
    assert_eq!(format_signed(d("0")), "0,00");
    assert_eq!(format_signed(d("-0.004")), "0,00");
    assert_eq!(format_signed(d("0.005")), "+0,01");
    assert_eq!(format_signed(d("-0.005")), "-0,01");
    assert_eq!(format_signed(d("1234.5")), "+1.234,50");
    // A decrease reads back as itself.
    assert_eq!(parse_vn(&format_signed(d("-3.25"))), Ok(d("-3.25")));
}

/// A valid answer of `ind` chosen by `n` (or none).
fn answer_for(ind: &Indicator, n: u16) -> Option<Answer> {
    if n % 7 == 0 {
        return None;
    }
    Some(match ind.method.as_ref()? {
        Method::Points => points(&Decimal::new(i64::from(n), 2).min(ind.max_points).to_string()),
        Method::YesNo => Answer::YesNo { value: n % 2 == 0 },
        Method::Options { options } => Answer::Choice { id: options[usize::from(n) % options.len()].id.clone() },
        Method::Parts { parts } => Answer::Parts {
            ids: parts.iter().enumerate().filter(|(i, _)| n >> i & 1 == 1).map(|(_, p)| p.id.clone()).collect(),
        },
        Method::Ratio { .. } => Answer::Ratio { numerator: (n % 31).to_string(), denominator: (n % 29 + n % 31).to_string() },
        Method::Tiers { .. } => Answer::Tier { text: (n % 101).to_string() },
        Method::Info => return None,
    })
}

fn random_sheet(f: &Framework, group: &str, seeds: &[u16]) -> ScoreSheet {
    let mut s = ScoreSheet::new(&f.id, group);
    s.agency = "Sở Tư pháp".into();
    for (ind, n) in f.scoring_leaves(group).into_iter().zip(seeds.iter().cycle()) {
        if let Some(a) = answer_for(ind, *n) {
            s.entries.insert(ind.code.clone(), Entry { self_answer: Some(a), ..Entry::default() });
        }
    }
    s
}

const GROUPS: [&str; 5] = ["co_tthc", "khong_tthc", "huyen", "co_quan_huyen", "xa"];

proptest! {
    #[test]
    fn a_sheet_compared_with_itself_changes_nothing(g in 0usize..5, seeds in proptest::collection::vec(any::<u16>(), 1..120)) {
        let f = set(2023);
        let s = random_sheet(&f, GROUPS[g], &seeds);
        let c = run(&f, &s, &f, &s);
        prop_assert!(c.only_a.is_empty() && c.only_b.is_empty());
        prop_assert!(!c.mains.is_empty());
        for m in &c.mains {
            prop_assert_eq!(m.matched_by, MatchedBy::CodeAndName);
            prop_assert!(m.points.is_zero() && m.percent.is_zero());
        }
        prop_assert!(c.total.is_zero() && c.percent.is_zero());
        prop_assert_eq!(c.level_steps, 0);
        prop_assert!(c.rows(Lang::Vi).iter().all(|r| r.points == "0,00" && r.percent == "0,00"));
    }

    #[test]
    fn swapping_the_years_negates_every_change(g in 0usize..5, sa in proptest::collection::vec(any::<u16>(), 1..120), sb in proptest::collection::vec(any::<u16>(), 1..120)) {
        let (f22, f23) = (set(2022), set(2023));
        let (a, b) = (random_sheet(&f22, GROUPS[g], &sa), random_sheet(&f23, GROUPS[g], &sb));
        let ab = run(&f22, &a, &f23, &b);
        let ba = run(&f23, &b, &f22, &a);
        prop_assert_eq!(ab.total, -ba.total);
        prop_assert_eq!(ab.percent, -ba.percent);
        prop_assert_eq!(ab.level_steps, -ba.level_steps);
        prop_assert_eq!(ab.mains.len(), ba.mains.len());
        for m in &ab.mains {
            let r = ba.mains.iter().find(|r| r.a.code == m.b.code && r.b.code == m.a.code);
            prop_assert!(r.is_some(), "pair {} / {} not found the other way", m.a.code, m.b.code);
            let r = r.unwrap_or_else(|| unreachable!());
            prop_assert_eq!(m.points, -r.points);
            prop_assert_eq!(m.percent, -r.percent);
        }
        prop_assert_eq!(&ab.only_a, &ba.only_b);
        prop_assert_eq!(&ab.only_b, &ba.only_a);
        // The total's change is the paired changes plus what one year alone has.
        let sum = |v: &mut dyn Iterator<Item = Decimal>| v.fold(Decimal::ZERO, |s, x| s + x);
        let parts = sum(&mut ab.mains.iter().map(|m| m.points)) + sum(&mut ab.only_b.iter().map(|m| m.points))
            - sum(&mut ab.only_a.iter().map(|m| m.points));
        prop_assert_eq!(parts.round_dp_with_strategy(12, DISPLAY_ROUNDING), ab.total.round_dp_with_strategy(12, DISPLAY_ROUNDING));
    }
}
