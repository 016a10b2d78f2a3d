//! A whole sheet against its set: every scoring leaf, then the sums (or only the leaves
//! that changed, while typing).

use rust_decimal::Decimal;

use super::{score, score_appraised, Appraisal, Entry, LeafResult, MainResult, Outcome, ScoreSheet, SheetResult, Standing};
use crate::error::Error;
use crate::framework::{Framework, Indicator, Method};
use crate::number::checked_sum;

/// Decimals kept in sums: far below anything displayed, far above the ~1e-27 error of a
/// repeating fraction such as 1/3 × 20, so 6,67 + 6,67 + 6,67 (thirds) sums to exactly 20.
const SUM_DECIMALS: u32 = 20;

fn settle(sum: Decimal) -> Decimal {
    sum.round_dp_with_strategy(SUM_DECIMALS, crate::number::DISPLAY_ROUNDING)
}

fn overflow(code: &str) -> Error {
    let code = crate::text::clip(code);
    Error::overflow(format!("tổng điểm của {code}"), format!("the total of {code}"))
}

/// Scores a whole sheet against its framework.
pub fn evaluate(framework: &Framework, sheet: &ScoreSheet) -> Result<SheetResult, Error> {
    if sheet.framework != framework.id {
        return Err(Error::UnknownFramework { id: sheet.framework.clone(), known: vec![framework.id.clone()] });
    }
    let group = framework.require_group(&sheet.group)?;
    let leaves = framework
        .nodes(&group.id)
        .into_iter()
        .filter(|n| n.indicator.is_leaf() && !matches!(n.indicator.method, Some(Method::Info)))
        .map(|n| leaf_result(n.indicator, n.main_code, sheet.entries.get(&n.indicator.code)))
        .collect();
    aggregate(framework, &group.id, leaves)
}

/// One scoring leaf: its own and appraised outcomes, and whether it has evidence.
fn leaf_result(ind: &Indicator, main_code: &str, entry: Option<&Entry>) -> LeafResult {
    LeafResult {
        code: ind.code.clone(),
        main_code: main_code.to_owned(),
        max: ind.max_points,
        outcome: score(ind, entry.and_then(|e| e.self_answer.as_ref())),
        appraised: entry.and_then(|e| e.appraised.as_ref()).map(|a| score_appraised(ind, Some(a))),
        has_evidence: entry.is_some_and(|e| !e.evidence.is_empty()),
    }
}

/// The leaf `code` of a group's tree and the code of its main indicator.
fn find_leaf<'a>(framework: &'a Framework, group: &str, code: &str) -> Option<(&'a Indicator, &'a str)> {
    fn walk<'a>(ind: &'a Indicator, code: &str) -> Option<&'a Indicator> {
        if ind.code == code && ind.is_leaf() {
            return Some(ind);
        }
        ind.children.iter().find_map(|c| walk(c, code))
    }
    framework.mains(group).into_iter().find_map(|m| walk(m, code).map(|l| (l, m.code.as_str())))
}

/// `previous` (the result of this sheet before a change to the entries `codes` only)
/// brought up to date: those leaves are scored again, every other leaf is kept, and the
/// sums are redone. What typing in one field costs, instead of scoring every indicator
/// again; the same result as [`evaluate`] (tested). Returns whether anything changed.
/// A `previous` of another set, group or shape is replaced by a full evaluation.
pub fn rescore(framework: &Framework, sheet: &ScoreSheet, previous: &mut SheetResult, codes: &[String]) -> Result<bool, Error> {
    let group = framework.require_group(&sheet.group)?;
    let mut changed = false;
    for code in codes {
        let Some(i) = previous.leaves.iter().position(|l| l.code == *code) else {
            // Not a scoring leaf of this group (an information item): nothing to redo,
            // unless the result is of another group.
            if find_leaf(framework, &group.id, code).is_some_and(|(l, _)| !matches!(l.method, Some(Method::Info))) {
                *previous = evaluate(framework, sheet)?;
                return Ok(true);
            }
            continue;
        };
        let Some((ind, main)) = find_leaf(framework, &group.id, code) else {
            *previous = evaluate(framework, sheet)?;
            return Ok(true);
        };
        let fresh = leaf_result(ind, main, sheet.entries.get(code));
        if previous.leaves[i] != fresh {
            previous.leaves[i] = fresh;
            changed = true;
        }
    }
    if changed {
        *previous = aggregate(framework, &group.id, std::mem::take(&mut previous.leaves))?;
    }
    Ok(changed)
}

/// Sums, standing, appraisal and counts from the scored leaves of `group`, in tree order.
fn aggregate(framework: &Framework, group: &str, leaves: Vec<LeafResult>) -> Result<SheetResult, Error> {
    let group = framework.require_group(group)?;
    let mut mains: Vec<MainResult> = framework
        .mains(&group.id)
        .into_iter()
        .map(|ind| MainResult {
            code: ind.code.clone(),
            max: ind.max_points,
            points: Decimal::ZERO,
            appraised: None,
            appraised_self: Decimal::ZERO,
            leaf_count: 0,
            appraised_count: 0,
        })
        .collect();
    let mut invalid = Vec::new();
    let mut invalid_appraised = Vec::new();
    let mut any_appraised = false;
    // Leaves come in tree order, so their mains come in the same order as `mains`.
    let mut m = 0;
    for leaf in &leaves {
        if let Outcome::Invalid(e) = &leaf.outcome {
            invalid.push(e.clone());
        }
        if let Some(Outcome::Invalid(e)) = &leaf.appraised {
            invalid_appraised.push(e.clone());
        }
        while mains.get(m).is_some_and(|x| x.code != leaf.main_code) {
            m += 1;
        }
        if let Some(main) = mains.get_mut(m) {
            // Checked: a set built in code (not validated) could overflow `+`.
            main.points = main.points.checked_add(leaf.outcome.points()).ok_or_else(|| overflow(&main.code))?;
            main.leaf_count += 1;
            if let Some(Outcome::Scored(p)) = &leaf.appraised {
                main.appraised = Some(main.appraised.unwrap_or_default().checked_add(*p).ok_or_else(|| overflow(&main.code))?);
                main.appraised_self = main.appraised_self.checked_add(leaf.outcome.points()).ok_or_else(|| overflow(&main.code))?;
                main.appraised_count += 1;
                any_appraised = true;
            }
        }
    }
    for main in &mut mains {
        main.points = settle(main.points);
        main.appraised = main.appraised.map(settle);
        main.appraised_self = settle(main.appraised_self);
    }
    let total = settle(checked_sum(leaves.iter().map(|l| l.outcome.points())).ok_or_else(|| overflow(&group.id))?);
    let standing = Standing::of(framework, total, group.max_points);
    let appraisal = any_appraised.then(|| -> Result<Appraisal, Error> {
        let scored: Vec<(Decimal, Decimal)> = leaves
            .iter()
            .filter_map(|l| match &l.appraised {
                Some(Outcome::Scored(p)) => Some((l.outcome.points(), *p)),
                _ => None,
            })
            .collect();
        let sum = |values: Vec<Decimal>| checked_sum(values).map(settle).ok_or_else(|| overflow(&group.id));
        let total = sum(scored.iter().map(|s| s.1).collect())?;
        let complete = scored.len() == leaves.len();
        Ok(Appraisal {
            total,
            self_total: sum(scored.iter().map(|s| s.0).collect())?,
            count: scored.len(),
            of: leaves.len(),
            standing: complete.then(|| Standing::of(framework, total, group.max_points)),
        })
    });
    let appraisal = appraisal.transpose()?;
    // Largest maximum first, ties in tree order: five passes picking the next largest
    // (no sort of every open leaf, nor copies of their codes).
    let mut open: Vec<(String, Decimal)> = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    for _ in 0..5 {
        let next = leaves
            .iter()
            .enumerate()
            .filter(|(i, l)| !matches!(l.outcome, Outcome::Scored(_)) && !taken.contains(i))
            .fold(None::<(usize, &LeafResult)>, |best, (i, l)| match best {
                Some((_, b)) if b.max >= l.max => best,
                _ => Some((i, l)),
            });
        let Some((i, l)) = next else { break };
        taken.push(i);
        open.push((l.code.clone(), l.max));
    }
    Ok(SheetResult {
        unanswered: leaves.iter().filter(|l| l.outcome == Outcome::Unanswered).count(),
        without_evidence: leaves.iter().filter(|l| l.outcome.points() > Decimal::ZERO && !l.has_evidence).count(),
        leaves,
        mains,
        standing,
        appraisal,
        invalid,
        invalid_appraised,
        open_top: open,
    })
}
