//! Vietnamese numbers as people type and read them.
//!
//! Display follows the Vietnamese accounting convention: `.` groups thousands, `,` is the
//! decimal mark ("1.234,50", "62,53 %"). Parsing is forgiving, because people also type
//! the dot as a decimal mark:
//!
//! * both marks present ("1.234,5" or "1,234.5"): the one that comes last is the decimal
//!   mark, the other groups thousands and must group by three;
//! * only commas: one comma is the decimal mark ("625,3"); more than one is an error;
//! * only dots: several dots group thousands ("1.234.567"); a single dot is a thousands
//!   separator when exactly three digits follow it and the part before it is 1–3 digits
//!   not starting with 0 ("1.000" = 1000, as the decision prints maxima), otherwise the
//!   decimal mark ("625.3", "0.125", "1.5").
//!
//! Surrounding spaces are ignored; anything else (a unit such as "đ" or "%", letters,
//! inner spaces) is an error naming the character. The caller echoes the parsed value
//! back formatted, so the user sees what was understood.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::NumberError;

/// How every displayed figure is rounded: half away from zero (6,5 → 7), as in
/// administrative tables — never the banker's rounding of `Decimal::round_dp`.
pub const DISPLAY_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Rounds for display or publication (2 decimals in the decision's tables).
#[must_use]
pub fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, DISPLAY_ROUNDING)
}

/// Parses a number typed by a person (see the module docs for the rule on dots).
pub fn parse_vn(input: &str) -> Result<Decimal, NumberError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if let Some(ch) = body.chars().find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',') {
        return Err(NumberError::InvalidChar { input: input.to_owned(), ch });
    }
    if body.is_empty() {
        return Err(NumberError::NoDigits { input: input.to_owned() });
    }
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let (int_part, frac_part, group_sep) = match (last_dot, last_comma) {
        (Some(d), Some(c)) => {
            let (dec, sep) = if d > c { (d, '.') } else { (c, ',') };
            let group = if sep == '.' { ',' } else { '.' };
            if body[dec + 1..].contains(group) || body[..dec].contains(sep) {
                return Err(NumberError::Ambiguous { input: input.to_owned() });
            }
            (&body[..dec], &body[dec + 1..], Some(group))
        }
        (None, Some(c)) => {
            if body[..c].contains(',') {
                return Err(NumberError::Ambiguous { input: input.to_owned() });
            }
            (&body[..c], &body[c + 1..], None)
        }
        (Some(d), None) => {
            let dots = body.matches('.').count();
            let before = &body[..d];
            let after = &body[d + 1..];
            let thousands_single =
                dots == 1 && after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0');
            if dots > 1 || thousands_single {
                (body, "", Some('.'))
            } else {
                (before, after, None)
            }
        }
        (None, None) => (body, "", None),
    };
    let int_digits = match group_sep {
        Some(sep) if int_part.contains(sep) => {
            let groups: Vec<&str> = int_part.split(sep).collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
                return Err(NumberError::BadGrouping { input: input.to_owned() });
            }
            groups.concat()
        }
        _ => int_part.to_owned(),
    };
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(NumberError::NoDigits { input: input.to_owned() });
    }
    // Decimal rounds a 29th significant digit (or a 29th decimal) away without a word:
    // refuse instead, since a value is never silently changed.
    let significant_int = int_digits.trim_start_matches('0');
    let significant_frac = frac_part.trim_end_matches('0');
    // Significant digits: from the first non-zero digit to the last ("4e28" has one).
    let digits = format!("{significant_int}{significant_frac}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    if significant_int.len() > 29 {
        return Err(NumberError::TooLarge { input: input.to_owned() });
    }
    if significant > 28 || significant_frac.len() > 28 {
        return Err(NumberError::TooPrecise { input: input.to_owned() });
    }
    let canonical = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() { "0" } else { &int_digits },
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    canonical
        .parse::<Decimal>()
        .map(|d| d.normalize())
        .map_err(|_| NumberError::TooLarge { input: input.to_owned() })
}

/// "1.234,50": rounded half away from zero to `dp` decimals, dot-grouped thousands.
/// Total for every `Decimal` and `dp`: `dp` above 28 (Decimal's own limit) prints 28.
#[must_use]
pub fn format_vn(value: Decimal, dp: u32) -> String {
    let dp = dp.min(28);
    let rounded = value.round_dp_with_strategy(dp, DISPLAY_ROUNDING);
    // Plain `Display` (no precision) fits rust_decimal's buffer for every value; its
    // `{:.N}` form panics past 31 characters, so the decimals are padded here instead.
    let plain = rounded.abs().to_string();
    let (int_part, frac_part) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3 + dp as usize + 2);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if dp > 0 {
        out.push(',');
        out.push_str(frac_part);
        for _ in frac_part.len()..dp as usize {
            out.push('0');
        }
    }
    out
}

/// Points as the decision prints them: 2 decimals ("625,30").
#[must_use]
pub fn format_points(value: Decimal) -> String {
    format_vn(value, 2)
}

/// A change with its sign, 2 decimals: "+12,50", "-3,25", "0,00" (what rounds to zero has
/// no sign). The minus is the hyphen-minus every other figure prints ("-4,00" in Chênh
/// lệch, the CSV and `dti`), so a copied figure reads back with [`parse_vn`].
#[must_use]
pub fn format_signed(value: Decimal) -> String {
    let shown = format_points(value);
    if value.round_dp_with_strategy(2, DISPLAY_ROUNDING) > Decimal::ZERO {
        format!("+{shown}")
    } else {
        shown
    }
}

/// A maximum or threshold without needless decimals ("1.000", "187,5").
#[must_use]
pub fn format_compact(value: Decimal) -> String {
    let n = value.normalize();
    format_vn(n, n.scale())
}

/// "62,53 %" (two decimals, a space before the sign as Vietnamese typography has it).
#[must_use]
pub fn format_percent(value: Decimal) -> String {
    format!("{} %", format_vn(value, 2))
}

/// Machine form for JSON and CSV output: dot decimal, 2 decimals ("625.30").
#[must_use]
pub fn format_machine(value: Decimal) -> String {
    format_vn(value, 2).replace('.', "").replace(',', ".")
}

/// A stored size as the user reads it: "820 B", "12,4 KB", "1,2 MB" (of 1.024 B and
/// 1.048.576 B, one decimal, no thousands dot). In integers, rounded half away from zero as
/// every figure is: `format!("{:.1}")` of an f64 linked the float printer into the wasm
/// (~13 kB) for this alone, and rounded exact halves to even.
#[must_use]
pub fn format_size(bytes: usize) -> String {
    let bytes = u128::try_from(bytes).unwrap_or(u128::MAX >> 8);
    let (unit, name) = match bytes {
        0..1024 => return format!("{bytes} B"),
        1024..1_048_576 => (1024, "KB"),
        _ => (1_048_576, "MB"),
    };
    let tenths = (bytes * 10 + unit / 2) / unit;
    format!("{},{} {name}", tenths / 10, tenths % 10)
}

/// Sum that reports overflow instead of panicking (`Decimal`'s `+` and `Sum` panic).
#[must_use]
pub fn checked_sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}
