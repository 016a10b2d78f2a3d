use dti_engine::builtin;
use dti_engine::level::{level_for, next_level, percent_of};
use dti_engine::Decimal;

mod common;
use common::d;

fn level_at(max: &str, total: &str) -> String {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    level_for(&f.levels, percent_of(d(total), d(max))).id.clone()
}

#[test]
fn boundaries_are_exclusive_below_for_every_group_maximum() {
    // (max, exactly 25 %, 50 %, 75 %)
    for (max, b25, b50, b75) in [
        ("1000", "250", "500", "750"),
        ("750", "187.5", "375", "562.5"),
        ("800", "200", "400", "600"),
    ] {
        assert_eq!(level_at(max, "0"), "khoi_dong");
        assert_eq!(level_at(max, b25), "khoi_dong", "25 % of {max}");
        assert_eq!(level_at(max, &(d(b25) + d("0.01")).to_string()), "hinh_thanh", "25 % + 0,01 of {max}");
        assert_eq!(level_at(max, b50), "hinh_thanh", "50 % of {max}");
        assert_eq!(level_at(max, &(d(b50) + d("0.01")).to_string()), "nang_cao");
        assert_eq!(level_at(max, b75), "nang_cao", "75 % of {max}");
        assert_eq!(level_at(max, &(d(b75) + d("0.01")).to_string()), "dan_dat");
        assert_eq!(level_at(max, max), "dan_dat");
    }
}

#[test]
fn level_uses_the_exact_percentage_not_a_rounded_one() {
    // 750,004 of 1.000 is 75,0004 %: it prints as 75,00 % yet is strictly above 75 %.
    assert_eq!(level_at("1000", "750.004"), "dan_dat");
    // 562,5 of 750 is exactly 75 %.
    assert_eq!(level_at("750", "562.5"), "nang_cao");
}

#[test]
fn points_needed_is_the_least_hundredth_above_the_boundary() {
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let gap = |total: &str, max: &str| next_level(&f.levels, d(total), d(max)).map(|n| (n.level_id, n.points_needed));
    assert_eq!(gap("0", "1000"), Some(("hinh_thanh".into(), d("250.01"))));
    assert_eq!(gap("625.30", "1000"), Some(("dan_dat".into(), d("124.71"))));
    assert_eq!(gap("750", "1000"), Some(("dan_dat".into(), d("0.01"))));
    assert_eq!(gap("750.01", "1000"), None);
    assert_eq!(gap("384.53", "750"), Some(("dan_dat".into(), d("177.98"))));
    // An exact total off the 0,01 grid: 749,996 + 0,01 = 750,006 > 750.
    assert_eq!(gap("749.996", "1000"), Some(("dan_dat".into(), d("0.01"))));
    assert_eq!(gap("369.50", "750"), Some(("nang_cao".into(), d("5.51"))));
    let _ = Decimal::ZERO;
}

#[test]
fn quick_check_at_exactly_75_percent_and_one_hundredth_above() {
    use dti_engine::quick::{quick_check, QuickError};
    let f = builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}"));
    let published = builtin::published("laocai-2022").and_then(Result::ok).unwrap_or_default();
    assert_eq!(published.len(), 49);
    for (group, at, above) in [("co_tthc", "750", "750,01"), ("khong_tthc", "562,5", "562,51"), ("huyen", "750", "750.01")] {
        let r = quick_check(&f, group, at, Some(&published), "").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.standing.level_id, "nang_cao", "{group} {at}");
        assert_eq!(r.standing.percent, d("75"));
        let r = quick_check(&f, group, above, Some(&published), "").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.standing.level_id, "dan_dat", "{group} {above}");
        assert_eq!(r.position.map(|p| p.0), Some(1));
    }
    // 612 points among the 18 agencies with TTHC: between 625,30 and 603,20 → 2nd of 19.
    let r = quick_check(&f, "co_tthc", "612", Some(&published), "").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(r.position, Some((2, 19)));
    // The agency's own published row is replaced, not doubled.
    let r = quick_check(&f, "co_tthc", "612", Some(&published), "Sở Tài chính").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(r.position, Some((2, 18)));
    // Districts rank their own agencies and communes: the province published no results for
    // those groups, so there is nobody to rank against.
    for group in ["co_quan_huyen", "xa"] {
        let r = quick_check(&f, group, "612", Some(&published), "").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((r.standing.level_id.as_str(), r.position), ("nang_cao", None), "{group}");
        assert_eq!(dti_engine::rank::published_position(&published, group, "", d("612")), None);
    }
    assert_eq!(dti_engine::rank::published_position(&published, "co_tthc", "", d("612")), Some((2, 19)));
    assert!(matches!(quick_check(&f, "khong_tthc", "751", None, ""), Err(QuickError::OutOfRange { .. })));
    assert!(matches!(quick_check(&f, "huyen", "6x", None, ""), Err(QuickError::Number(_))));
}
