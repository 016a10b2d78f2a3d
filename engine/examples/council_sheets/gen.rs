//! Sheets whose answers add up to a given total, for the council's tests and benchmark
//! (shared by `examples/council_sheets` and `tests/council/`).
//!
//! Every group of the 2022 set has indicators scored by points typed directly; the other
//! indicators are answered greedily in a seed-dependent order (yes/no, one option, a
//! subset of conditions, a tier, a ratio k/100), and the points indicators take what is
//! left, so any total with two decimals within the group maximum is reached exactly.
#![allow(dead_code)]

use std::collections::BTreeMap;

use dti_engine::framework::{Framework, Indicator, Method};
use dti_engine::sheet::{Answer, Entry, ScoreSheet};
use dti_engine::Decimal;
use rust_decimal::RoundingStrategy;

/// What the council has done with the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appraise {
    /// No appraised value: ranks by the self total.
    None,
    /// Every scoring indicator appraised, adding up to the total; the agency's own answers
    /// give `self_total` instead.
    Complete { self_total: Decimal },
    /// The first `n` indicators appraised (at what the agency claimed): still the self total.
    Partial(usize),
}

/// A small deterministic generator (no dependency): the same seed, the same sheets.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

fn text(v: Decimal) -> String {
    // As a person types it: decimal comma, no trailing zeros ("12,5").
    v.normalize().to_string().replace('.', ",")
}

/// The answers a leaf can take, with their points (points leaves excluded).
fn choices(ind: &Indicator) -> Vec<(Decimal, Answer)> {
    let max = ind.max_points;
    match &ind.method {
        Some(Method::YesNo) => vec![(max, Answer::YesNo { value: true }), (Decimal::ZERO, Answer::YesNo { value: false })],
        Some(Method::Options { options }) => options.iter().map(|o| (o.points, Answer::Choice { id: o.id.clone() })).collect(),
        Some(Method::Parts { parts }) => (0u32..(1 << parts.len()))
            .map(|mask| {
                let chosen: Vec<_> = parts.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, p)| p).collect();
                (chosen.iter().map(|p| p.points).sum(), Answer::Parts { ids: chosen.iter().map(|p| p.id.clone()).collect() })
            })
            .collect(),
        Some(Method::Tiers { tiers, .. }) => std::iter::once((Decimal::ZERO, Answer::Tier { text: "0".into() }))
            .chain(tiers.iter().map(|t| (t.points, Answer::Tier { text: text(t.min) })))
            .collect(),
        Some(Method::Ratio { .. }) => (0..=100)
            .map(|k| (max * Decimal::from(k) / Decimal::ONE_HUNDRED, Answer::Ratio { numerator: k.to_string(), denominator: "100".into() }))
            .collect(),
        _ => Vec::new(),
    }
}

fn scoring_leaves<'a>(fw: &'a Framework, group: &str) -> Vec<&'a Indicator> {
    fw.nodes(group)
        .into_iter()
        .map(|n| n.indicator)
        .filter(|i| i.is_leaf() && !matches!(i.method, None | Some(Method::Info)))
        .collect()
}

/// Self answers worth exactly `total`; `None` when the group cannot reach it.
fn answers_for(fw: &Framework, group: &str, total: Decimal, rng: &mut Lcg) -> Option<BTreeMap<String, Answer>> {
    let leaves = scoring_leaves(fw, group);
    let (points, mut others): (Vec<&Indicator>, Vec<&Indicator>) = leaves.iter().partition(|i| matches!(i.method, Some(Method::Points)));
    let capacity: Decimal = points.iter().map(|i| i.max_points).sum();
    let others_max: Decimal = others.iter().map(|i| i.max_points).sum();
    // Leave part of the total to the points indicators, so they carry figures too (and all
    // that the other indicators cannot hold).
    let share = Decimal::from(30 + rng.below(60)) / Decimal::ONE_HUNDRED;
    // Any split works (the answers are filled to the exact total after it); half to even is
    // named so the committed fixtures stay what this generator writes.
    let reserve = (capacity * share).round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven).max(total - others_max).min(capacity).min(total).max(Decimal::ZERO);
    for i in (1..others.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        others.swap(i, j);
    }
    // Ratios (steps of a hundredth of their maximum) last: they take up what the coarser
    // answers leave.
    others.sort_by_key(|i| matches!(i.method, Some(Method::Ratio { .. })));
    let mut out = BTreeMap::new();
    let mut left = total - reserve;
    for ind in others {
        let best = choices(ind).into_iter().filter(|(v, _)| *v <= left).max_by(|a, b| a.0.cmp(&b.0))?;
        left -= best.0;
        out.insert(ind.code.clone(), best.1);
    }
    let mut rest = left + reserve;
    for ind in points {
        let v = rest.min(ind.max_points);
        rest -= v;
        out.insert(ind.code.clone(), Answer::Points { text: text(v) });
    }
    (rest.is_zero()).then_some(out)
}

/// A sheet of `agency` in `group` that the council ranks at exactly `total`.
pub fn sheet_for_total(fw: &Framework, group: &str, agency: &str, total: Decimal, appraise: Appraise, seed: u64) -> Option<ScoreSheet> {
    let mut rng = Lcg(seed);
    let mut sheet = ScoreSheet::new(&fw.id, group);
    sheet.agency = agency.to_owned();
    let self_total = match appraise {
        Appraise::Complete { self_total } => self_total,
        _ => total,
    };
    for (code, answer) in answers_for(fw, group, self_total, &mut rng)? {
        sheet.entries.insert(code, Entry { self_answer: Some(answer), ..Entry::default() });
    }
    let leaves = scoring_leaves(fw, group);
    match appraise {
        Appraise::None => {}
        Appraise::Complete { .. } => {
            // The council's points, leaf by leaf, adding up to `total`.
            let mut left = total;
            for ind in &leaves {
                let v = left.min(ind.max_points);
                left -= v;
                sheet.entries.entry(ind.code.clone()).or_default().appraised = Some(Answer::Points { text: text(v) });
            }
            if !left.is_zero() {
                return None;
            }
        }
        Appraise::Partial(n) => {
            for ind in leaves.iter().take(n) {
                let e = sheet.entries.entry(ind.code.clone()).or_default();
                e.appraised = e.self_answer.clone();
            }
        }
    }
    Some(sheet)
}

/// An ASCII file name for an agency: "so-giao-duc-va-dao-tao".
pub fn slug(name: &str) -> String {
    let key = dti_engine::text::name_key(name);
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// How the seed's agency number `i` is appraised: every fourth complete (its self total
/// differs from the published one), every fourth partly, the rest not at all.
pub fn seed_appraisal(i: usize, total: Decimal, max: Decimal) -> Appraise {
    match i % 4 {
        1 => {
            let delta = Decimal::from(5 + (i % 7) as i64) + Decimal::new(25, 2);
            let up = total + delta;
            Appraise::Complete { self_total: if up <= max { up } else { total - delta } }
        }
        2 => Appraise::Partial(3),
        _ => Appraise::None,
    }
}

/// The 49 sheets of the 2022 appendix: (file name, sheet), one per published row.
pub fn seed_sheets(fw: &Framework, rows: &[dti_engine::rank::RankInput]) -> Vec<(String, ScoreSheet)> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let max = fw.group(&r.group).map_or(Decimal::ZERO, |g| g.max_points);
            let sheet = sheet_for_total(fw, &r.group, &r.name, r.total, seed_appraisal(i, r.total, max), i as u64 + 1)
                .unwrap_or_else(|| panic!("no sheet reaches {} for {}", r.total, r.name));
            (format!("{:02}-{}.json", i + 1, slug(&r.name)), sheet)
        })
        .collect()
}
