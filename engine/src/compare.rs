//! Year over year: one agency's sheets of two years side by side.
//!
//! Main indicators are paired across the two sets, whose codes, names and maxima may
//! differ: first by code and name together, then by name alone (a renumbered indicator),
//! then by code alone (a renamed one); what stays unpaired is listed per year. Names are
//! compared folded ([`crate::text::name_key`]). Each change is year B − year A: in points,
//! and in percentage points of each year's own maximum, since the maxima differ (750 and
//! 800 for agencies without procedures). Only self-assessed points are compared.
//!
//! Split in two for the browser (issue 15): [`sides`] scores each year where the sets are
//! (the app), [`pair`] and the formatting run in the comparison module loaded on demand
//! (compare-module), which receives a [`Request`] as JSON.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::level::level_rank;
use crate::number::{format_compact, format_percent, format_points, format_signed};
use crate::sheet::{evaluate, ScoreSheet};
use crate::text::name_key;

/// One side of the comparison: a sheet and the set it is scored under.
#[derive(Debug, Clone, Copy)]
pub struct Year<'a> {
    pub framework: &'a Framework,
    pub sheet: &'a ScoreSheet,
}

/// How a pair of main indicators was recognised as the same indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    CodeAndName,
    /// Same name, another code (renumbered).
    Name,
    /// Same code, another name (renamed).
    Code,
}

/// A main indicator as one year has it, with the points the sheet earns there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MainYear {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub max: Decimal,
    pub points: Decimal,
    /// Exact share of its own maximum.
    pub percent: Decimal,
}

/// A main indicator of both years and its change (B − A).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainChange {
    pub a: MainYear,
    pub b: MainYear,
    pub matched_by: MatchedBy,
    pub points: Decimal,
    /// In percentage points.
    pub percent: Decimal,
}

/// Total, percentage and level of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overall {
    pub year: u16,
    pub group_vi: String,
    pub group_en: String,
    pub agency: String,
    pub total: Decimal,
    pub max: Decimal,
    pub percent: Decimal,
    pub level_vi: String,
    pub level_en: String,
    /// Position in that year's level table (0 = highest).
    pub level_rank: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub a: Overall,
    pub b: Overall,
    /// In year B's order.
    pub mains: Vec<MainChange>,
    /// Main indicators of one year with no counterpart in the other.
    pub only_a: Vec<MainYear>,
    pub only_b: Vec<MainYear>,
    pub total: Decimal,
    /// In percentage points.
    pub percent: Decimal,
    /// Levels gained (negative: lost), each year counted in its own level table.
    pub level_steps: i64,
}

/// B − A of two figures that are never negative (points, percentages): the result lies
/// within ±`Decimal::MAX`, so it cannot overflow (`-` rather than a checked form, whose
/// inlined copy cost 1,8 kB of wasm).
fn sub(b: Decimal, a: Decimal) -> Decimal {
    debug_assert!(a >= Decimal::ZERO && b >= Decimal::ZERO);
    b - a
}

fn group_named(y: Year<'_>) -> (String, String) {
    let (vi, en) = y.framework.group(&y.sheet.group).map_or_else(
        || (y.sheet.group.clone(), y.sheet.group.clone()),
        |g| (g.name_vi.clone(), g.name_en.clone()),
    );
    (format!("“{vi}” ({})", y.framework.year), format!("“{en}” ({})", y.framework.year))
}

/// One year as the pairing needs it: its standing and its main indicators, scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub overall: Overall,
    pub mains: Vec<MainYear>,
}

/// The main indicators that carry points (information-only blocks left out), scored.
fn side(y: Year<'_>) -> Result<Side, Error> {
    let r = evaluate(y.framework, y.sheet)?;
    let list = y
        .framework
        .mains(&y.sheet.group)
        .into_iter()
        .zip(&r.mains)
        .filter(|(_, m)| m.max > Decimal::ZERO)
        .map(|(i, m)| MainYear {
            code: i.code.clone(),
            name_vi: i.name_vi.clone(),
            name_en: i.name_en.clone(),
            max: m.max,
            points: m.points,
            percent: m.percent(),
        })
        .collect();
    let (group_vi, group_en) = y.framework.group(&y.sheet.group).map(|g| (g.name_vi.clone(), g.name_en.clone())).unwrap_or_default();
    let st = &r.standing;
    let overall = Overall {
        year: y.framework.year,
        group_vi,
        group_en,
        agency: y.sheet.agency.clone(),
        total: st.total,
        max: st.max,
        percent: st.percent,
        level_vi: y.framework.level_name(&st.level_id, Lang::Vi),
        level_en: y.framework.level_name(&st.level_id, Lang::En),
        level_rank: level_rank(&y.framework.levels, &st.level_id).unwrap_or(0),
    };
    Ok(Side { overall, mains: list })
}

/// Whether two main indicators count as the same, in one pass of the pairing.
type Same = fn(&MainYear, &MainYear) -> bool;

/// Compares sheet B with sheet A (changes are B − A). Both must be of the same group.
pub fn compare(a: Year<'_>, b: Year<'_>) -> Result<Comparison, Error> {
    let (sa, sb) = sides(a, b)?;
    Ok(pair(sa, sb))
}

/// Both years scored, for [`pair`]; an error when they are of different groups.
pub fn sides(a: Year<'_>, b: Year<'_>) -> Result<(Side, Side), Error> {
    if a.sheet.group != b.sheet.group {
        let (first, first_en) = group_named(a);
        let (second, second_en) = group_named(b);
        return Err(Error::DifferentGroups { first, first_en, second, second_en });
    }
    Ok((side(a)?, side(b)?))
}

/// Pairs the main indicators of two scored years (changes are B − A).
#[must_use]
pub fn pair(a: Side, b: Side) -> Comparison {
    let Side { overall: oa, mains: mut left } = a;
    let Side { overall: ob, mains: right } = b;
    // For each of B's mains, its partner among A's (index), pass by pass.
    let mut partner: Vec<Option<(usize, MatchedBy)>> = vec![None; right.len()];
    let passes: [(MatchedBy, Same); 3] = [
        (MatchedBy::CodeAndName, |x, y| x.code == y.code && name_key(&x.name_vi) == name_key(&y.name_vi)),
        (MatchedBy::Name, |x, y| name_key(&x.name_vi) == name_key(&y.name_vi)),
        (MatchedBy::Code, |x, y| x.code == y.code),
    ];
    let mut taken = vec![false; left.len()];
    for (how, same) in passes {
        for (j, m) in right.iter().enumerate() {
            if partner[j].is_some() {
                continue;
            }
            if let Some(i) = (0..left.len()).find(|&i| !taken[i] && same(&left[i], m)) {
                taken[i] = true;
                partner[j] = Some((i, how));
            }
        }
    }
    let mut pairs = Vec::new();
    let mut only_b = Vec::new();
    for (m, p) in right.into_iter().zip(partner) {
        match p {
            Some((i, how)) => {
                let x = left[i].clone();
                pairs.push(MainChange { points: sub(m.points, x.points), percent: sub(m.percent, x.percent), a: x, b: m, matched_by: how });
            }
            None => only_b.push(m),
        }
    }
    let mut i = 0;
    left.retain(|_| {
        i += 1;
        !taken[i - 1]
    });
    Comparison {
        total: sub(ob.total, oa.total),
        percent: sub(ob.percent, oa.percent),
        level_steps: oa.level_rank as i64 - ob.level_rank as i64,
        a: oa,
        b: ob,
        mains: pairs,
        only_a: left,
        only_b,
    }
}

/// What the app asks the comparison module to show, as JSON from one wasm module to the
/// other: one call per change of the open section (src/components/year_compare.rs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub lang: Lang,
    /// Build the hint, the two selects and the file input anew (first opening, new language).
    pub controls: bool,
    /// New options (value, label) for both selects; `None` keeps those shown, so a
    /// focused select keeps its focus.
    pub options: Option<Vec<(String, String)>>,
    /// The values the two selects show (year A, year B).
    pub picks: (String, String),
    /// Why the sheet file chosen last was refused.
    pub file_error: Option<String>,
    /// Both years, or why there is no comparison yet: (`true` for a problem, message).
    pub years: Result<(Side, Side), (bool, String)>,
}

/// One line of the table, every figure formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// "1. Nhận thức số", year B's code and name.
    pub name: String,
    /// How it was paired when not by code and name ("mã năm 2022: 7").
    pub note: Option<String>,
    /// "80,00 / 100", "80,00 %".
    pub a_points: String,
    pub a_percent: String,
    pub b_points: String,
    pub b_percent: String,
    pub points: String,
    pub percent: String,
}

fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::En && !en.is_empty() {
        en
    } else {
        vi
    }
}

fn of(points: Decimal, max: Decimal) -> String {
    format!("{} / {}", format_points(points), format_compact(max))
}

impl Comparison {
    /// One row per pair of main indicators, in year B's order.
    #[must_use]
    pub fn rows(&self, lang: Lang) -> Vec<Row> {
        let vi = lang == Lang::Vi;
        self.mains
            .iter()
            .map(|c| {
                let year = self.a.year;
                let note = match c.matched_by {
                    MatchedBy::CodeAndName => None,
                    MatchedBy::Name => Some(if vi {
                        format!("cùng tên, mã năm {year}: {}", c.a.code)
                    } else {
                        format!("same name, code in {year}: {}", c.a.code)
                    }),
                    MatchedBy::Code => Some(if vi {
                        format!("cùng mã, tên năm {year}: {}", c.a.name_vi)
                    } else {
                        format!("same code, name in {year}: {}", pick(lang, &c.a.name_vi, &c.a.name_en))
                    }),
                };
                Row {
                    name: format!("{}. {}", c.b.code, pick(lang, &c.b.name_vi, &c.b.name_en)),
                    note,
                    a_points: of(c.a.points, c.a.max),
                    a_percent: format_percent(c.a.percent),
                    b_points: of(c.b.points, c.b.max),
                    b_percent: format_percent(c.b.percent),
                    points: format_signed(c.points),
                    percent: format_signed(c.percent),
                }
            })
            .collect()
    }

    /// The total row: totals of both years against their group maxima.
    #[must_use]
    pub fn total_row(&self, lang: Lang) -> Row {
        Row {
            name: crate::terms::TOTAL.get(lang).to_owned(),
            note: None,
            a_points: of(self.a.total, self.a.max),
            a_percent: format_percent(self.a.percent),
            b_points: of(self.b.total, self.b.max),
            b_percent: format_percent(self.b.percent),
            points: format_signed(self.total),
            percent: format_signed(self.percent),
        }
    }

    /// "Hình thành → Nâng cao (tăng 1 mức)", or "Giữ mức Hình thành".
    #[must_use]
    pub fn level_change(&self, lang: Lang) -> String {
        let (la, lb) = match lang {
            Lang::Vi => (&self.a.level_vi, &self.b.level_vi),
            Lang::En => (&self.a.level_en, &self.b.level_en),
        };
        let n = self.level_steps.unsigned_abs();
        let plural = if n == 1 { "" } else { "s" };
        match (self.level_steps.signum(), lang) {
            (0, Lang::Vi) if la == lb => format!("Giữ mức {lb}"),
            (0, Lang::En) if la == lb => format!("Stays {lb}"),
            (0, _) => format!("{la} → {lb}"),
            (1, Lang::Vi) => format!("{la} → {lb} (tăng {n} mức)"),
            (1, Lang::En) => format!("{la} → {lb} (up {n} level{plural})"),
            (_, Lang::Vi) => format!("{la} → {lb} (giảm {n} mức)"),
            (_, Lang::En) => format!("{la} → {lb} (down {n} level{plural})"),
        }
    }

    /// Main indicators found in one year only: "2022: 7. Dịch vụ công … — 120,00 / 250 (48,00 %)".
    #[must_use]
    pub fn unmatched(&self, lang: Lang) -> Vec<String> {
        let line = |year: u16, m: &MainYear| {
            format!("{year}: {}. {} — {} ({})", m.code, pick(lang, &m.name_vi, &m.name_en), of(m.points, m.max), format_percent(m.percent))
        };
        self.only_a.iter().map(|m| line(self.a.year, m)).chain(self.only_b.iter().map(|m| line(self.b.year, m))).collect()
    }

    /// What to check before trusting the comparison: two agencies' names that differ
    /// even ignoring case, tone marks and spaces.
    #[must_use]
    pub fn warnings(&self, lang: Lang) -> Vec<String> {
        if name_key(&self.a.agency) == name_key(&self.b.agency) {
            return Vec::new();
        }
        let shown = |s: &str| {
            if s.trim().is_empty() {
                if lang == Lang::Vi { "(chưa đặt tên)".to_owned() } else { "(unnamed)".to_owned() }
            } else {
                format!("“{}”", crate::text::clip(s.trim()))
            }
        };
        let (a, b) = (shown(&self.a.agency), shown(&self.b.agency));
        let (ya, yb) = (self.a.year, self.b.year);
        vec![match lang {
            Lang::Vi => format!("Tên cơ quan khác nhau giữa hai phiếu: {a} ({ya}) và {b} ({yb}); hãy kiểm tra đây là cùng một cơ quan."),
            Lang::En => format!("The agency names differ between the two sheets: {a} ({ya}) and {b} ({yb}); check that they are the same agency."),
        }]
    }
}
