//! Reading a `Decimal` from a set file without the float printer.
//!
//! rust_decimal's own `Deserialize` reads a JSON number with a fraction through
//! `f64::to_string()`, which links core's Grisu/Dragon printer (~13 kB of wasm) for a case
//! no shipped file has (every figure is a string, "12.5"). This visitor reads the same
//! inputs to the same values: strings, whole numbers, and a fractional JSON number through
//! serde_json's own shortest printer (already linked) turned into the plain notation
//! `f64::to_string()` gives (tests/serde_compat.rs compares them on random numbers).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // rust_decimal's words: engine::error::json_reason translates them.
        f.write_str("a Decimal type representing a fixed-point number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        serde_json::Number::from_f64(v)
            .and_then(|n| Decimal::from_str(&plain(&n.to_string())).ok())
            .ok_or_else(|| E::invalid_value(Unexpected::Float(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str(v).or_else(|_| Decimal::from_scientific(v)).map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// Shortest digits as serde_json prints them ("1.0", "1e21", "1.5e-7") in the notation of
/// `f64::to_string()` ("1", "1000000000000000000000", "0.00000015"): no exponent, no ".0".
#[must_use]
pub fn plain(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (mantissa, exp) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let trimmed = all.trim_start_matches('0');
    // Where the decimal point falls within `digits`.
    let point = i32::try_from(int.len()).unwrap_or(0) + exp - i32::try_from(all.len() - trimmed.len()).unwrap_or(0);
    let digits = trimmed.trim_end_matches('0');
    if digits.is_empty() {
        return format!("{sign}0");
    }
    let len = i32::try_from(digits.len()).unwrap_or(0);
    let zeros = |n: i32| "0".repeat(usize::try_from(n).unwrap_or(0));
    if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{sign}{digits}{}", zeros(point - len))
    } else {
        let (a, b) = digits.split_at(usize::try_from(point).unwrap_or(0));
        format!("{sign}{a}.{b}")
    }
}

/// For `#[serde(deserialize_with = "crate::serde_decimal::decimal")]`.
pub fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

struct Wrapped(Decimal);

impl<'de> Deserialize<'de> for Wrapped {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal(d).map(Wrapped)
    }
}

/// For an `Option<Decimal>` field (with `default`): `null` is `None`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Option::<Wrapped>::deserialize(d).map(|o| o.map(|w| w.0))
}
