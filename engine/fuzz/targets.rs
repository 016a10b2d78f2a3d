//! The fuzz targets: number parser, set JSON, sheet JSON, totals CSV, appendix CSV and the
//! annex table (a set typed in a spreadsheet).
//! Each checks, besides "no panic", invariants the product promises: numbers round-trip
//! through their display form, `rank`'s CSV checks clean, every message is bounded (long
//! values cut short) and Vietnamese messages carry no library English, and no text cell
//! of a CSV export can start a formula.

use dti_engine::check::{check, parse_published};
use dti_engine::export::sheet_csv;
use dti_engine::level::{next_level, percent_of};
use dti_engine::number::{format_compact, format_machine, format_percent, format_points, format_vn, parse_vn};
use dti_engine::rank::{rank_file, write_rank_csv};
use dti_engine::sheet::{evaluate, Answer, Entry, Evidence, ScoreSheet, Standing};
use dti_engine::{builtin, Decimal, Error, Framework, Lang, NumberError};
use serde_json::{json, Value};

use crate::gen::{self, Rng};
use crate::Target;

pub fn all() -> Vec<Target> {
    vec![
        Target { name: "number", generate: gen_number, execute: exec_number },
        Target { name: "set-json", generate: gen_set, execute: exec_set },
        Target { name: "sheet-json", generate: gen_sheet, execute: exec_sheet },
        Target { name: "totals-csv", generate: gen_totals, execute: exec_totals },
        Target { name: "appendix-csv", generate: gen_appendix, execute: exec_appendix },
        // The annex table (issue 9) as the app and `dti framework import` read it; an
        // .xlsx goes through the same reader once calamine has its cells.
        Target { name: "annex-csv", generate: gen_annex, execute: exec_annex },
    ]
}

const MINI: &str = include_str!("../tests/fixtures/mini-framework.json");
const BOUNDARY_SHEET: &str = include_str!("../tests/fixtures/boundary-sheet.json");

/// Seeds, loaded once: the shipped sets (whole, and cut down to a few main indicators so
/// an input parses in microseconds), sheets answering every indicator of every group, and
/// the 2022 appendix with its totals-only form.
pub struct Corpus {
    pub frameworks: Vec<Framework>,
    pub set_seeds: Vec<Value>,
    pub sheet_seeds: Vec<Value>,
    pub appendix: Vec<Vec<String>>,
    pub totals: Vec<Vec<String>>,
    /// Annex CSVs (`dti framework export --format csv`) of the cut-down sets.
    pub annex: Vec<String>,
}

impl Corpus {
    pub fn load() -> Self {
        let mut frameworks: Vec<Framework> = builtin::ids().into_iter().filter_map(|id| builtin::framework(id).ok()).collect();
        frameworks.extend(Framework::from_json("mini", MINI).ok());
        let mut rng = Rng::new(7);
        let mut set_seeds: Vec<Value> = vec![serde_json::from_str(MINI).unwrap_or(Value::Null)];
        for (_, _, json) in builtin::FRAMEWORKS {
            let whole: Value = serde_json::from_str(json).unwrap_or(Value::Null);
            for _ in 0..40 {
                set_seeds.push(prune(&mut rng, &whole));
            }
        }
        let mut sheet_seeds: Vec<Value> = vec![serde_json::from_str(BOUNDARY_SHEET).unwrap_or(Value::Null)];
        for f in &frameworks {
            for g in &f.groups {
                for _ in 0..4 {
                    sheet_seeds.push(answer_all(&mut rng, f, &g.id));
                }
            }
        }
        let appendix = gen::parse_simple_csv(builtin::PUBLISHED.first().map_or("", |(_, _, csv)| *csv));
        // `group,name,total`: the columns `rank` reads, from the appendix.
        let totals = appendix.iter().map(|r| [0, 2, 3].iter().map(|&i| r.get(i).cloned().unwrap_or_default()).collect()).collect();
        let annex = set_seeds
            .iter()
            .filter_map(|v| Framework::from_json("seed", &v.to_string()).ok())
            .filter_map(|f| dti_engine::annex::to_csv(&f).ok())
            .collect();
        Corpus { frameworks, set_seeds, sheet_seeds, appendix, totals, annex }
    }
}

/// A shipped set cut to 1–3 main indicators, group maxima set to what is left, so the
/// result usually still validates and scoring code is reached.
fn prune(rng: &mut Rng, whole: &Value) -> Value {
    let mut v = whole.clone();
    let Some(mains) = v.get("indicators").and_then(Value::as_array).cloned() else { return v };
    let keep = 1 + rng.below(3);
    let mut kept = Vec::new();
    for _ in 0..keep {
        kept.push(rng.pick(&mains).clone());
    }
    kept.dedup_by(|a, b| a.get("code") == b.get("code"));
    let groups = v.get("groups").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut new_groups = Vec::new();
    for mut g in groups {
        let id = g.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        let sum: Decimal = kept
            .iter()
            .filter(|m| m.get("groups").and_then(Value::as_array).is_none_or(|gs| gs.iter().any(|x| x.as_str() == Some(&id))))
            .filter_map(|m| m.get("max_points").and_then(Value::as_str).and_then(|s| s.parse::<Decimal>().ok()))
            .sum();
        if sum > Decimal::ZERO {
            g["max_points"] = Value::String(sum.to_string());
            new_groups.push(g);
        }
    }
    // Keep group references valid: mains naming a dropped group keep only kept ones.
    let ids: Vec<String> = new_groups.iter().filter_map(|g| g.get("id").and_then(Value::as_str).map(str::to_owned)).collect();
    for m in &mut kept {
        if let Some(gs) = m.get_mut("groups").and_then(Value::as_array_mut) {
            gs.retain(|x| x.as_str().is_some_and(|s| ids.iter().any(|i| i == s)));
        }
    }
    v["groups"] = Value::Array(new_groups);
    v["indicators"] = Value::Array(kept);
    for key in ["references", "status_note_vi", "status_note_en"] {
        if let Some(o) = v.as_object_mut() {
            o.remove(key);
        }
    }
    v
}

/// A sheet with an answer of the right kind for every leaf of a group (numbers from the
/// hostile list now and then), an appraised value for some, and evidence for some.
fn answer_all(rng: &mut Rng, f: &Framework, group: &str) -> Value {
    let mut sheet = ScoreSheet::new(&f.id, group);
    sheet.agency = (*rng.pick(gen::WORDS)).to_owned();
    for node in f.nodes(group) {
        let ind = node.indicator;
        let Some(method) = &ind.method else { continue };
        let number = |rng: &mut Rng| -> String {
            if rng.chance(4) {
                (*rng.pick(gen::NUMBERS)).to_owned()
            } else {
                format_vn(Decimal::new(rng.below(100_000) as i64, 2), 2)
            }
        };
        let answer = |rng: &mut Rng| -> Option<Answer> {
            use dti_engine::framework::Method as M;
            Some(match method {
                M::Points => Answer::Points { text: number(rng) },
                M::YesNo => Answer::YesNo { value: rng.chance(2) },
                M::Options { options } => Answer::Choice { id: rng.pick(options).id.clone() },
                M::Parts { parts } => Answer::Parts { ids: parts.iter().filter(|_| rng.chance(2)).map(|p| p.id.clone()).collect() },
                M::Ratio { .. } => Answer::Ratio { numerator: number(rng), denominator: number(rng) },
                M::Tiers { .. } => Answer::Tier { text: number(rng) },
                M::Info => return None,
            })
        };
        let entry = Entry {
            self_answer: answer(rng),
            appraised: if rng.chance(3) { answer(rng) } else { None },
            evidence: if rng.chance(3) {
                Evidence { number: "12/KH-UBND".into(), summary: (*rng.pick(gen::WORDS)).to_owned(), ..Evidence::default() }
            } else {
                Evidence::default()
            },
            status: None,
        };
        sheet.entries.insert(ind.code.clone(), entry);
    }
    serde_json::to_value(&sheet).unwrap_or(Value::Null)
}

// ---- invariants shared by the targets ----

/// Longest message allowed: long values are cut to 40 characters, so a message never
/// grows with the input.
const MESSAGE_MAX_CHARS: usize = 1_500;

/// Library English that must never appear inside a Vietnamese message.
const ENGLISH_LEAKS: &[&str] =
    &["found record", "CSV error", "missing field", "unknown variant", "invalid type", "expected value", "at line", "EOF while", "No such file"];

fn check_message(what: &str, e: &Error) -> Result<(), String> {
    for lang in [Lang::Vi, Lang::En] {
        let m = e.message(lang);
        if m.chars().count() > MESSAGE_MAX_CHARS {
            return Err(format!("{what}: message of {} chars: {}…", m.chars().count(), m.chars().take(120).collect::<String>()));
        }
        if lang == Lang::Vi {
            if let Some(leak) = ENGLISH_LEAKS.iter().find(|l| m.contains(*l)) {
                return Err(format!("{what}: English “{leak}” in a Vietnamese message: {m}"));
            }
            if m.contains("dòng 0") {
                return Err(format!("{what}: “dòng 0” in {m}"));
            }
        }
    }
    Ok(())
}

/// Every cell of an export that is not a number must not start a formula.
fn check_csv_cells(csv: &str, sep: u8) -> Result<(), String> {
    let text = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).flexible(true).from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|e| format!("export is not valid CSV: {e}"))?;
        for cell in &record {
            let first = cell.chars().next();
            let formula = matches!(first, Some('=' | '+' | '@' | '\t' | '\r')) || (first == Some('-') && parse_vn(cell).is_err());
            if formula {
                return Err(format!("CSV cell starts a formula: {:?}", cell.chars().take(60).collect::<String>()));
            }
        }
    }
    Ok(())
}

fn seed_of(bytes: &[u8]) -> u64 {
    // FNV-1a: derives the sheet answers of a set input from the input itself.
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

// ---- number ----

fn gen_number(rng: &mut Rng, _: &Corpus) -> Vec<u8> {
    let base = match rng.below(4) {
        0 => format_vn(random_decimal(rng), rng.below(30) as u32),
        1 => random_decimal(rng).to_string(),
        _ => (*rng.pick(gen::NUMBERS)).to_owned(),
    };
    let text = if rng.chance(2) { gen::mutate_text(rng, &base) } else { base };
    let mut out = text.into_bytes();
    // Eight more bytes: the raw parts of a Decimal for the formatters.
    out.extend_from_slice(&rng.next().to_le_bytes());
    out.extend_from_slice(&rng.next().to_le_bytes());
    out
}

fn random_decimal(rng: &mut Rng) -> Decimal {
    let (a, b) = (rng.next(), rng.next());
    decimal_from(a, b)
}

fn decimal_from(a: u64, b: u64) -> Decimal {
    let lo = a as u32;
    let mid = (a >> 32) as u32;
    // Often small, sometimes the whole 96 bits.
    let hi = if b % 3 == 0 { (b >> 8) as u32 } else { 0 };
    let scale = ((b >> 40) % 29) as u32;
    Decimal::from_parts(lo, mid, hi, b & 1 == 1, scale)
}

fn significant_digits(d: Decimal) -> usize {
    let m = d.normalize().mantissa().unsigned_abs().to_string();
    m.trim_end_matches('0').len()
}

fn exec_number(bytes: &[u8], c: &Corpus) -> Result<(), String> {
    let (text_bytes, tail) = bytes.split_at(bytes.len().saturating_sub(16));
    let text = String::from_utf8_lossy(text_bytes);
    if let Ok(v) = parse_vn(&text) {
        round_trip(v)?;
    } else if let Err(e) = parse_vn(&text) {
        for lang in [Lang::Vi, Lang::En] {
            if e.message(lang).chars().count() > 200 {
                return Err(format!("number message too long for {:?}", text.chars().take(40).collect::<String>()));
            }
        }
    }
    let mut parts = [0u64; 2];
    for (i, chunk) in tail.chunks(8).take(2).enumerate() {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        parts[i] = u64::from_le_bytes(b);
    }
    let d = decimal_from(parts[0], parts[1]);
    for dp in [0, 1, 2, 6, (parts[1] % 40) as u32] {
        let _ = format_vn(d, dp);
    }
    let _ = (format_points(d), format_percent(d), format_compact(d), format_machine(d));
    round_trip(d)?;
    // Levels and "points still needed" at any total against any maximum.
    let f = c.frameworks.last().ok_or("no mini set")?;
    let max = decimal_from(parts[1], parts[0]).abs();
    let _ = percent_of(d, max);
    let _ = next_level(&f.levels, d, max);
    // Within what a set may declare, "points still needed" must lift the total above
    // the boundary (beyond it, Decimal cannot keep hundredths: only "no panic" holds).
    let max = max.checked_rem(dti_engine::framework::MAX_GROUP_POINTS).unwrap_or_default();
    if max > Decimal::ZERO && d >= Decimal::ZERO && d <= max {
        let s = Standing::of(f, d, max);
        if let Some(n) = s.next {
            if d.checked_add(n.points_needed).is_some_and(|lifted| lifted <= n.boundary) {
                return Err(format!("points needed {} do not lift {d} above {}", n.points_needed, n.boundary));
            }
        }
    }
    Ok(())
}

/// What is displayed with all its decimals reads back as the same value, or is refused
/// as having more than 28 significant digits — never silently another number.
fn round_trip(v: Decimal) -> Result<(), String> {
    let shown = format_vn(v, v.scale());
    match parse_vn(&shown) {
        Ok(back) if back == v => Ok(()),
        Ok(back) => Err(format!("{v} shown as {shown} reads back as {back}")),
        Err(NumberError::TooLarge { .. } | NumberError::TooPrecise { .. }) if significant_digits(v) > 28 => Ok(()),
        Err(e) => Err(format!("{v} shown as {shown} is refused: {}", e.message(Lang::En))),
    }
}

// ---- set JSON ----

fn gen_set(rng: &mut Rng, c: &Corpus) -> Vec<u8> {
    let mut v = rng.pick(&c.set_seeds).clone();
    if !rng.chance(10) {
        gen::mutate_json(rng, &mut v);
    }
    gen::render_json(rng, &v).into_bytes()
}

fn exec_set(bytes: &[u8], _: &Corpus) -> Result<(), String> {
    let text = match dti_engine::text::decode_input("set.json", bytes) {
        Ok(t) => t,
        Err(e) => return check_message("set decode", &e),
    };
    let f = match Framework::from_json("set.json", text) {
        Ok(f) => f,
        Err(e) => return check_message("set", &e),
    };
    let mut rng = Rng::new(seed_of(bytes));
    for g in &f.groups {
        if f.computed_max(&g.id) != Some(g.max_points) {
            return Err(format!("set {} loaded although group {} does not add up", f.id, g.id));
        }
        let sheet: ScoreSheet = serde_json::from_value(answer_all(&mut rng, &f, &g.id)).map_err(|e| e.to_string())?;
        exercise_sheet(&f, &sheet)?;
        for total in [Decimal::ZERO, g.max_points, g.max_points / Decimal::TWO] {
            let s = Standing::of(&f, total, g.max_points);
            let _ = format_percent(s.percent);
        }
    }
    Ok(())
}

fn exercise_sheet(f: &Framework, sheet: &ScoreSheet) -> Result<(), String> {
    match evaluate(f, sheet) {
        Ok(r) => {
            if r.standing.total > r.standing.max {
                return Err(format!("total {} above the maximum {}", r.standing.total, r.standing.max));
            }
            for e in r.invalid.iter().chain(&r.invalid_appraised) {
                for lang in [Lang::Vi, Lang::En] {
                    if e.message(lang).chars().count() > MESSAGE_MAX_CHARS {
                        return Err("answer message too long".into());
                    }
                }
            }
            for lang in [Lang::Vi, Lang::En] {
                let csv = sheet_csv(f, sheet, lang).map_err(|e| e.message(Lang::En))?;
                check_csv_cells(&csv, b';')?;
            }
            Ok(())
        }
        Err(e) => check_message("evaluate", &e),
    }
}

// ---- sheet JSON ----

fn gen_sheet(rng: &mut Rng, c: &Corpus) -> Vec<u8> {
    let mut v = rng.pick(&c.sheet_seeds).clone();
    if rng.chance(4) {
        // Formula starts and long text in evidence and agency.
        if let Some(entries) = v.get_mut("entries").and_then(Value::as_object_mut) {
            if let Some(entry) = entries.values_mut().next() {
                entry["evidence"] = json!({ "summary": gen::WORDS[rng.below(gen::WORDS.len())], "note": gen::long_text(rng) });
            }
        }
    }
    gen::mutate_json(rng, &mut v);
    gen::render_json(rng, &v).into_bytes()
}

fn exec_sheet(bytes: &[u8], c: &Corpus) -> Result<(), String> {
    let text = match dti_engine::text::decode_input("sheet.json", bytes) {
        Ok(t) => t,
        Err(e) => return check_message("sheet decode", &e),
    };
    let sheet = match ScoreSheet::from_json("sheet.json", text) {
        Ok(s) => s,
        Err(e) => return check_message("sheet", &e),
    };
    let f = c.frameworks.iter().find(|f| f.id == sheet.framework).unwrap_or(&c.frameworks[0]);
    exercise_sheet(f, &sheet)
}

// ---- totals CSV (`dti rank`) ----

fn gen_totals(rng: &mut Rng, c: &Corpus) -> Vec<u8> {
    gen::mutate_csv(rng, &c.totals).into_bytes()
}

fn exec_totals(bytes: &[u8], c: &Corpus) -> Result<(), String> {
    let f = &c.frameworks[0];
    let tables = match rank_file(f, "totals.csv", bytes) {
        Ok(t) => t,
        Err(e) => return check_message("rank", &e),
    };
    // What `rank --format csv` writes, `check` reads back without a finding.
    let mut out = Vec::new();
    write_rank_csv(&mut out, f, &tables).map_err(|e| e.to_string())?;
    check_csv_cells(std::str::from_utf8(&out).map_err(|e| e.to_string())?, b',')?;
    let rows = parse_published(f, "ranked.csv", &out).map_err(|e| format!("rank output unreadable: {}", e.message(Lang::En)))?;
    let findings = check(f, &rows).map_err(|e| e.message(Lang::En))?;
    if let Some(first) = findings.first() {
        return Err(format!("rank output has {} finding(s), first: {}", findings.len(), first.message(f, Lang::En)));
    }
    Ok(())
}

// ---- appendix CSV (`dti check`) ----

fn gen_appendix(rng: &mut Rng, c: &Corpus) -> Vec<u8> {
    gen::mutate_csv(rng, &c.appendix).into_bytes()
}

fn exec_appendix(bytes: &[u8], c: &Corpus) -> Result<(), String> {
    let f = &c.frameworks[0];
    let rows = match parse_published(f, "appendix.csv", bytes) {
        Ok(r) => r,
        Err(e) => return check_message("parse appendix", &e),
    };
    match check(f, &rows) {
        Ok(findings) => {
            for finding in &findings {
                for lang in [Lang::Vi, Lang::En] {
                    if finding.message(f, lang).chars().count() > MESSAGE_MAX_CHARS {
                        return Err("finding message too long".into());
                    }
                }
            }
            Ok(())
        }
        Err(e) => check_message("check", &e),
    }
}

// ---- annex CSV (`dti framework import`, the app's set loader) ----

fn gen_annex(rng: &mut Rng, c: &Corpus) -> Vec<u8> {
    let seed = rng.pick(&c.annex);
    if rng.chance(10) {
        return seed.clone().into_bytes();
    }
    gen::mutate_text(rng, seed).into_bytes()
}

fn exec_annex(bytes: &[u8], _: &Corpus) -> Result<(), String> {
    use dti_engine::annex::{import, to_csv, ImportError};
    let f = match import("annex.csv", bytes) {
        Ok(f) => f,
        Err(ImportError::Unreadable(e)) => return check_message("annex", &e),
        Err(ImportError::Invalid(list)) => {
            if list.is_empty() {
                return Err("annex refused with no problem listed".into());
            }
            for e in &list {
                check_message("annex", e)?;
            }
            return Ok(());
        }
    };
    // What was accepted exports and imports back to the same set.
    let csv = to_csv(&f).map_err(|e| e.message(Lang::En))?;
    match import("again.csv", csv.as_bytes()) {
        Ok(g) if g == f => Ok(()),
        Ok(_) => Err(format!("annex {} changed through export and import", f.id)),
        Err(_) => Err(format!("annex {} accepted, but its own export is refused", f.id)),
    }
}
