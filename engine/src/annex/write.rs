//! Writing a set as its two sheets.

use rust_decimal::Decimal;

use crate::framework::{Choice, Framework, Indicator, Method, ZeroDenominator};

use super::layout::{
    indicator_headers, Col, FIXED_COLS, GROUP_HEAD, K_ID, K_NOTE, K_NOTE_EN, K_PROVINCE, K_STATUS, K_TITLE, K_TITLE_EN, K_YEAR,
    LEVEL_HEAD, REF_HEAD, SHEET_INDICATORS, SHEET_SET,
};
use super::model::{Cell, Row, Sheet};
use super::words::{method_word, origin_word, provenance_word, status_word, ZERO_FULL, ZERO_ZERO};

fn choices_text(choices: &[Choice]) -> (String, String, String) {
    let join = |v: Vec<String>| {
        let sep = if v.iter().any(|s| s.contains(';') || s.contains('\n')) { "\n" } else { "; " };
        v.join(sep)
    };
    (
        join(choices.iter().map(|c| format!("{}: {}", c.label_vi, number_text(c.points))).collect()),
        join(choices.iter().map(|c| c.label_en.clone()).collect()),
        join(choices.iter().map(|c| c.id.clone()).collect()),
    )
}

/// A number inside text the Vietnamese way: comma decimal, no thousands dots ("12,5").
pub(super) fn number_text(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// The set as its two sheets ("Bộ chỉ số", "Chỉ số").
#[must_use]
pub fn write(f: &Framework) -> (Sheet, Sheet) {
    let mut set = Vec::new();
    let kv = |k: &str, v: Cell| vec![Cell::Text(k.to_owned()), v];
    set.push(kv(K_ID, text(&f.id)));
    set.push(kv(K_PROVINCE, text(&f.province)));
    set.push(kv(K_YEAR, Cell::Number(Decimal::from(f.year))));
    set.push(kv(K_TITLE, text(&f.title_vi)));
    set.push(kv(K_TITLE_EN, text(&f.title_en)));
    set.push(kv(K_STATUS, text(status_word(f.status))));
    set.push(kv(K_NOTE, text(&f.status_note_vi)));
    set.push(kv(K_NOTE_EN, text(&f.status_note_en)));
    set.push(Vec::new());
    set.push(GROUP_HEAD.iter().map(|h| text(h)).collect());
    for g in &f.groups {
        set.push(vec![text(&g.id), text(&g.name_vi), text(&g.name_en), Cell::Number(g.max_points)]);
    }
    set.push(Vec::new());
    set.push(LEVEL_HEAD.iter().map(|h| text(h)).collect());
    for l in &f.levels {
        set.push(vec![text(&l.id), text(&l.name_vi), text(&l.name_en), l.above_percent.map_or(Cell::Empty, Cell::Number)]);
    }
    if !f.references.is_empty() {
        set.push(Vec::new());
        set.push(REF_HEAD.iter().map(|h| text(h)).collect());
        for r in &f.references {
            set.push(vec![text(&r.citation), text(origin_word(r.origin)), text(&r.covers)]);
        }
    }
    let headers = indicator_headers(&f.groups);
    let mut table = vec![headers.iter().map(|h| text(h)).collect::<Vec<_>>()];
    fn walk(f: &Framework, list: &[Indicator], depth: usize, groups: &[bool], out: &mut Vec<Vec<Cell>>) {
        for ind in list {
            let applies: Vec<bool> = match (&ind.groups, depth) {
                (Some(gs), 1) => f.groups.iter().map(|g| gs.contains(&g.id)).collect(),
                _ => groups.to_vec(),
            };
            let mut row = Vec::new();
            for (col, _) in FIXED_COLS {
                if *col == Col::Method {
                    row.extend(applies.iter().map(|a| if *a { Cell::Number(ind.max_points) } else { Cell::Empty }));
                }
                row.push(cell_of(ind, depth, *col));
            }
            out.push(row);
            walk(f, &ind.children, depth + 1, &applies, out);
        }
    }
    walk(f, &f.indicators, 1, &vec![true; f.groups.len()], &mut table);
    let rows = |v: Vec<Vec<Cell>>| v.into_iter().enumerate().map(|(i, cells)| Row { number: i + 1, cells }).collect();
    (Sheet { name: SHEET_SET.into(), rows: rows(set) }, Sheet { name: SHEET_INDICATORS.into(), rows: rows(table) })
}

fn cell_of(ind: &Indicator, depth: usize, col: Col) -> Cell {
    let m = ind.method.as_ref();
    let choices = match m {
        Some(Method::Options { options: c } | Method::Parts { parts: c }) => Some(choices_text(c)),
        _ => None,
    };
    let ratio = |pick: fn(&str, &str, &str, &str, ZeroDenominator) -> String| match m {
        Some(Method::Ratio { numerator_vi, numerator_en, denominator_vi, denominator_en, zero_denominator }) => {
            text(&pick(numerator_vi, numerator_en, denominator_vi, denominator_en, *zero_denominator))
        }
        _ => Cell::Empty,
    };
    match col {
        Col::Code => text(&ind.code),
        Col::Depth => Cell::Number(Decimal::from(depth)),
        Col::NameVi => text(&ind.name_vi),
        Col::NameEn => text(&ind.name_en),
        Col::Max(_) => Cell::Empty,
        Col::Method => m.map_or(Cell::Empty, |m| text(method_word(m.kind()))),
        Col::Choices => choices.map_or(Cell::Empty, |c| text(&c.0)),
        Col::ChoicesEn => choices.map_or(Cell::Empty, |c| text(&c.1)),
        Col::ChoiceIds => choices.map_or(Cell::Empty, |c| text(&c.2)),
        Col::Numerator => ratio(|a, _, _, _, _| a.to_owned()),
        Col::NumeratorEn => ratio(|_, a, _, _, _| a.to_owned()),
        Col::Denominator => ratio(|_, _, b, _, _| b.to_owned()),
        Col::DenominatorEn => ratio(|_, _, _, b, _| b.to_owned()),
        Col::ZeroDen => ratio(|_, _, _, _, z| if z == ZeroDenominator::Full { ZERO_FULL } else { ZERO_ZERO }.to_owned()),
        Col::Tiers | Col::Unit | Col::UnitEn => match m {
            Some(Method::Tiers { unit_vi, unit_en, tiers }) => match col {
                Col::Tiers => text(
                    &tiers.iter().rev().map(|t| format!("≥ {}: {}", number_text(t.min), number_text(t.points))).collect::<Vec<_>>().join("; "),
                ),
                Col::Unit => text(unit_vi),
                _ => text(unit_en),
            },
            _ => Cell::Empty,
        },
        Col::RuleVi => text(&ind.rule_vi),
        Col::RuleEn => text(&ind.rule_en),
        Col::EvidenceVi => text(&ind.evidence_vi),
        Col::EvidenceEn => text(&ind.evidence_en),
        Col::ProvKind => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(provenance_word(p.kind))),
        Col::ProvBasisVi => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(&p.basis_vi)),
        Col::ProvBasisEn => ind.provenance.as_ref().map_or(Cell::Empty, |p| text(&p.basis_en)),
        Col::Source => text(&ind.source),
    }
}
