use dti_engine::number::{format_compact, format_percent, format_points, format_size, format_vn, parse_vn, round2};
use dti_engine::{Decimal, Lang, NumberError};
use proptest::prelude::*;

mod common;
use common::d;

#[test]
fn parses_what_people_type() {
    let cases = [
        ("1.234,5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1234.5", "1234.5"),
        (" 625,30 ", "625.30"),
        ("625.30", "625.3"),
        ("1.000", "1000"),
        ("1.000,00", "1000"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("0.125", "0.125"),
        ("12.5", "12.5"),
        ("0", "0"),
        (",5", "0.5"),
        ("-3", "-3"),
    ];
    for (input, want) in cases {
        assert_eq!(parse_vn(input), Ok(d(want)), "input {input:?}");
    }
}

#[test]
fn rejects_with_a_reason() {
    assert_eq!(parse_vn("625,3đ"), Err(NumberError::InvalidChar { input: "625,3đ".into(), ch: 'đ' }));
    assert_eq!(parse_vn("   "), Err(NumberError::Empty));
    assert!(matches!(parse_vn("abc"), Err(NumberError::InvalidChar { ch: 'a', .. })));
    assert!(matches!(parse_vn("1,2,3"), Err(NumberError::Ambiguous { .. })));
    assert!(matches!(parse_vn("1.23.4"), Err(NumberError::BadGrouping { .. })));
    assert!(matches!(parse_vn("1 234"), Err(NumberError::InvalidChar { ch: ' ', .. })));
    assert!(matches!(parse_vn("."), Err(NumberError::NoDigits { .. })));
    assert!(matches!(parse_vn("50%"), Err(NumberError::InvalidChar { ch: '%', .. })));
    let e = parse_vn("625,3đ").unwrap_err();
    assert!(e.message(Lang::Vi).contains("“đ”"), "{}", e.message(Lang::Vi));
    assert!(e.message(Lang::En).contains("without a unit"), "{}", e.message(Lang::En));
}

#[test]
fn formats_as_the_decision_prints() {
    assert_eq!(format_points(d("625.3")), "625,30");
    assert_eq!(format_points(d("1234.5")), "1.234,50");
    assert_eq!(format_points(d("1000000")), "1.000.000,00");
    assert_eq!(format_percent(d("62.525")), "62,53 %");
    assert_eq!(format_compact(d("1000")), "1.000");
    assert_eq!(format_compact(d("187.50")), "187,5");
    assert_eq!(format_vn(d("-0.004"), 2), "0,00");
    assert_eq!(format_vn(d("-1234.5"), 1), "-1.234,5");
}

#[test]
fn rounding_is_half_away_from_zero_not_bankers() {
    assert_eq!(round2(d("328.205")), d("328.21"));
    assert_eq!(round2(d("0.125")), d("0.13"));
    assert_eq!(round2(d("0.135")), d("0.14"));
    assert_eq!(format_vn(d("6.5"), 0), "7");
    assert_eq!(format_vn(d("2.5"), 0), "3");
}

proptest! {
    #[test]
    fn parse_of_format_is_identity(cents in -10_000_000_000i64..10_000_000_000i64) {
        let value = Decimal::new(cents, 2);
        prop_assert_eq!(parse_vn(&format_points(value)), Ok(value));
        prop_assert_eq!(parse_vn(&format_compact(value)), Ok(value));
    }

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,24}") {
        let _ = parse_vn(&s);
    }

    #[test]
    fn dot_decimals_with_one_or_two_places_read_as_decimals(int in 0u32..100_000, frac in 0u32..100) {
        let text = format!("{int}.{frac:02}");
        prop_assert_eq!(parse_vn(&text), Ok(Decimal::new(i64::from(int) * 100 + i64::from(frac), 2)));
    }
}

/// Sizes in integers read as the f64 formatting they replace did, except exact halves,
/// which round away from zero (1.280 B is 1,25 KB: "1,3 KB", as JavaScript's toFixed says).
#[test]
fn sizes_as_people_read_them() {
    assert_eq!(format_size(0), "0 B");
    assert_eq!(format_size(820), "820 B");
    assert_eq!(format_size(1023), "1023 B");
    assert_eq!(format_size(1024), "1,0 KB");
    assert_eq!(format_size(1280), "1,3 KB");
    assert_eq!(format_size(12_697), "12,4 KB");
    assert_eq!(format_size(1_048_575), "1024,0 KB");
    assert_eq!(format_size(1_258_291), "1,2 MB");
    assert!(format_size(usize::MAX).ends_with(" MB"));
    let old = |bytes: usize| {
        let text = if bytes < 1024 {
            format!("{bytes} B")
        } else if bytes < 1024 * 1024 {
            format!("{:.1} KB", bytes as f64 / 1024.0)
        } else {
            format!("{:.1} MB", bytes as f64 / 1_048_576.0)
        };
        text.replace('.', ",")
    };
    for bytes in (0..3_000_000).step_by(97).chain([1_048_576, 5_000_000, 10_485_760]) {
        let unit = if bytes < 1_048_576 { 1024 } else { 1_048_576 };
        let exact_half = bytes >= 1024 && (bytes * 10) % unit == unit / 2;
        if !exact_half {
            assert_eq!(format_size(bytes), old(bytes), "{bytes} B");
        }
    }
}
