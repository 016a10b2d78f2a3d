//! The hand-written readers of `Method`, `Answer` and set decimals (written to keep serde's
//! buffering and the float printer out of the wasm, issue 15) read every committed set and
//! sheet exactly as serde's derive did, and give the derive's messages for bad input.

use std::path::Path;
use std::str::FromStr;

use dti_engine::framework::{Method, Tier};
use dti_engine::sheet::{Answer, ScoreSheet};
use dti_engine::{Decimal, Framework};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the derive read before: the enums as they were declared.
mod derived {
use dti_engine::framework::{Choice, Tier, ZeroDenominator as Zero};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Method {
    Points,
    YesNo,
    Options { options: Vec<Choice> },
    Parts { parts: Vec<Choice> },
    Ratio { numerator_vi: String, numerator_en: String, denominator_vi: String, denominator_en: String, zero_denominator: Zero },
    Tiers { unit_vi: String, unit_en: String, tiers: Vec<Tier> },
    Info,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    Points { text: String },
    YesNo { value: bool },
    Choice { id: String },
    Parts { ids: Vec<String> },
    Ratio { numerator: String, denominator: String },
    Tier { text: String },
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status { Official, Reference }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceOrigin { Seed, External }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind { Published, Seed, Inferred }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator { Full, Zero }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus { NotStarted, InProgress, NeedsEvidence, Done }

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang { Vi, En }
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json_files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    out.sort();
    out
}

/// Every value under `key` anywhere in `v`.
fn under<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    out.push(x);
                }
                under(x, key, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| under(x, key, out)),
        _ => {}
    }
}

/// Reads `text` both ways, from the text and from a `Value`; the results serialize alike.
fn same<New: Serialize + for<'de> Deserialize<'de>, Old: Serialize + for<'de> Deserialize<'de>>(text: &str) -> Result<Value, String> {
    let strip = |e: serde_json::Error| {
        let s = e.to_string();
        s.rsplit_once(" at line ").map_or(s.clone(), |(head, _)| head.to_owned())
    };
    let new = serde_json::from_str::<New>(text).map(|v| serde_json::to_value(v).unwrap()).map_err(strip);
    let old = serde_json::from_str::<Old>(text).map(|v| serde_json::to_value(v).unwrap()).map_err(strip);
    assert_eq!(new, old, "read from text: {text}");
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let new_v = serde_json::from_value::<New>(value.clone()).map(|v| serde_json::to_value(v).unwrap()).map_err(strip);
        let old_v = serde_json::from_value::<Old>(value).map(|v| serde_json::to_value(v).unwrap()).map_err(strip);
        assert_eq!(new_v, old_v, "read from a Value: {text}");
    }
    new
}

#[test]
fn committed_sets_read_as_the_derive_read_them_and_round_trip() {
    let mut files = json_files("data/frameworks");
    files.extend(json_files("tests/fixtures/sets"));
    files.push("engine/tests/fixtures/mini-framework.json".into());
    let mut methods = 0;
    for file in &files {
        let text = read(file);
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut found = Vec::new();
        under(&value, "method", &mut found);
        for m in found {
            same::<Method, derived::Method>(&m.to_string()).unwrap_or_else(|e| panic!("{file}: {e}"));
            methods += 1;
        }
        let set = Framework::from_json(file, &text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let again = Framework::from_json(file, &serde_json::to_string(&set).unwrap()).unwrap();
        assert_eq!(set, again, "{file}");
    }
    assert!(methods > 300, "only {methods} methods read");
}

#[test]
fn committed_sheets_read_as_the_derive_read_them_and_round_trip() {
    let mut files = json_files("tests/fixtures/council");
    files.push("engine/tests/fixtures/boundary-sheet.json".into());
    files.push("engine/tests/fixtures/partly-appraised-2022.json".into());
    let mut answers = 0;
    for file in &files {
        let text = read(file);
        let value: Value = serde_json::from_str(&text).unwrap();
        if value.get("schema").is_none() {
            continue;
        }
        for key in ["self", "appraised"] {
            let mut found = Vec::new();
            under(&value, key, &mut found);
            for a in found {
                same::<Answer, derived::Answer>(&a.to_string()).unwrap_or_else(|e| panic!("{file}: {e}"));
                answers += 1;
            }
        }
        let sheet = ScoreSheet::from_json(file, &text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(ScoreSheet::from_json(file, &sheet.to_json()).unwrap(), sheet, "{file}");
    }
    assert!(answers > 100, "only {answers} answers read");
}

#[test]
fn bad_methods_get_the_derive_messages() {
    let choice = r#"{"id":"a","label_vi":"A","label_en":"A","points":"5"}"#;
    let cases = [
        r#"{"type":"points"}"#.to_owned(),
        r#"{"type":"info","extra":[1,2,{"x":null}]}"#.into(),
        r#"{"kind":"points"}"#.into(),
        r#"{}"#.into(),
        r#"{"type":"nope"}"#.into(),
        r#"{"type":7}"#.into(),
        r#"{"type":"points","type":"info"}"#.into(),
        r#""points""#.into(),
        "12".into(),
        r#"{"type":"options"}"#.into(),
        r#"{"type":"options","options":"x"}"#.into(),
        format!(r#"{{"options":[{choice}],"type":"options"}}"#),
        format!(r#"{{"type":"options","options":[{choice}],"options":[]}}"#),
        format!(r#"{{"type":"parts","parts":[{choice}],"note":"x"}}"#),
        r#"{"type":"ratio","numerator_vi":"a","numerator_en":"a","denominator_vi":"b","denominator_en":"b","zero_denominator":"full"}"#.into(),
        r#"{"type":"ratio","numerator_vi":"a","numerator_en":"a","denominator_vi":"b","denominator_en":"b","zero_denominator":"half"}"#.into(),
        r#"{"type":"ratio","numerator_vi":"a","numerator_en":"a","denominator_vi":"b"}"#.into(),
        r#"{"type":"ratio","numerator_vi":1,"numerator_en":"a","denominator_vi":"b","denominator_en":"b","zero_denominator":"zero"}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":"0","points":"0"},{"min":50,"points":2.5}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":"x","points":"0"}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":1e400,"points":"0"}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":1e30,"points":"0"}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":-0.0,"points":1e-7}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%","tiers":[{"min":"1e3","points":true}]}"#.into(),
        r#"{"type":"tiers","unit_vi":"%","unit_en":"%"}"#.into(),
    ];
    for case in &cases {
        let _ = same::<Method, derived::Method>(case);
    }
}

#[test]
fn bad_answers_get_the_derive_messages() {
    let cases = [
        r#"{"kind":"points","text":"12,5"}"#,
        r#"{"text":"12,5","kind":"tier"}"#,
        r#"{"kind":"yes_no","value":true,"note":{"a":[1]}}"#,
        r#"{"kind":"yes_no","value":"yes"}"#,
        r#"{"kind":"choice","id":"a"}"#,
        r#"{"kind":"choice"}"#,
        r#"{"kind":"parts","ids":["a","b","a"]}"#,
        r#"{"kind":"parts","ids":"a"}"#,
        r#"{"kind":"ratio","numerator":"1","denominator":"2"}"#,
        r#"{"kind":"ratio","denominator":"2"}"#,
        r#"{"kind":"ratio","numerator":"1","numerator":"2","denominator":"2"}"#,
        r#"{"kind":"points","kind":"points","text":"1"}"#,
        r#"{"kind":"maybe"}"#,
        r#"{"kind":null}"#,
        r#"{"text":"1"}"#,
        r#"{}"#,
        r#""points""#,
        "true",
    ];
    for case in cases {
        let _ = same::<Answer, derived::Answer>(case);
    }
    for case in ["[]", r#"["yes_no", true]"#] {
        let e = serde_json::from_str::<Answer>(case).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("invalid type: sequence, expected internally tagged enum Answer"), "{case}: {e}");
    }
}

/// rust_decimal's reader: a fractional JSON number through `f64::to_string()`.
fn derived_decimal(v: f64) -> Option<Decimal> {
    Decimal::from_str(&v.to_string()).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn fractional_numbers_read_as_rust_decimal_read_them(bits in any::<u64>(), small in -1.0e9f64..1.0e9) {
        for v in [f64::from_bits(bits), small, (small * 100.0).round() / 100.0] {
            if !v.is_finite() {
                continue;
            }
            let number = serde_json::to_string(&v).unwrap();
            let json = format!(r#"{{"min":{number},"points":"1"}}"#);
            let new = serde_json::from_str::<Tier>(&json).ok().map(|t| t.min);
            // The f64 serde_json reads back (its parser is not always exact): what the
            // derive saw.
            let old = derived_decimal(serde_json::from_str::<f64>(&number).unwrap());
            // Compared as text: the same value and the same scale ("2.50" stays "2.50").
            let (new, old) = (new.map(|d| d.to_string()), old.map(|d| d.to_string()));
            if new != old {
                // The one difference: an f64 exactly halfway between two shortest spellings
                // (17 digits, "…26.12" and "…26.13") gets the other of the two; both read
                // back as that same f64.
                let (n, o) = (new.clone().unwrap_or_default(), old.clone().unwrap_or_default());
                let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
                let back = |s: &str| s.parse::<f64>().ok();
                prop_assert!(
                    digits(&n) == digits(&o) && back(&n).is_some() && back(&n) == back(&o),
                    "{:?} vs {:?} ({})", new, old, json
                );
            }
        }
    }
}

#[test]
fn unit_enums_read_as_the_derive_read_them() {
    use dti_engine::framework::{ProvenanceKind, ReferenceOrigin, Status, ZeroDenominator};
    use dti_engine::sheet::WorkStatus;
    let inputs = [
        r#""official""#, r#""reference""#, r#""seed""#, r#""external""#, r#""published""#, r#""inferred""#, r#""full""#,
        r#""zero""#, r#""vi""#, r#""en""#, r#""not_started""#, r#""in_progress""#, r#""needs_evidence""#, r#""done""#, r#""Done""#, r#""""#,
        "0", "1.5", "null", "true", "[]", r#"["done"]"#, r#"{"done":null}"#, r#"{"done":1}"#, r#"{"nope":null}"#, r#"{}"#,
    ];
    let mut read = 0;
    for input in inputs {
        read += usize::from(same::<Status, derived::Status>(input).is_ok());
        read += usize::from(same::<ReferenceOrigin, derived::ReferenceOrigin>(input).is_ok());
        read += usize::from(same::<ProvenanceKind, derived::ProvenanceKind>(input).is_ok());
        read += usize::from(same::<ZeroDenominator, derived::ZeroDenominator>(input).is_ok());
        read += usize::from(same::<WorkStatus, derived::WorkStatus>(input).is_ok());
        read += usize::from(same::<dti_engine::Lang, derived::Lang>(input).is_ok());
    }
    // Each of the 15 names once, and the map form {"done": null} the derive also takes.
    assert_eq!(read, 16);
}
