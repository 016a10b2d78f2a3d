//! One leaf indicator: what it asks, how it is scored, its input and what it earns;
//! the council's value and Chênh lệch when shown; evidence and status, folded away.

use dti_engine::framework::{Indicator, Method};
use dti_engine::number::{format_compact, format_points};
use dti_engine::sheet::{score, score_appraised, tier_hit, Answer, Outcome};
use leptos::prelude::*;

use super::evidence::EvidenceBox;
use super::method_controls::MethodControl;
use crate::i18n::{indicator_name, pick, tr};
use dti_engine::terms::TIER;
use crate::state::{use_state, Side};

/// "≥ 100 Mbps → 10 điểm": a threshold always with its unit.
fn tier_rule(lang: crate::i18n::Lang, min: dti_engine::Decimal, unit: &str, points: dti_engine::Decimal) -> String {
    let sep = if unit.starts_with('%') { "" } else { " " };
    format!("≥ {}{sep}{unit} → {} {}", format_compact(min), format_compact(points), tr(lang, "điểm", "points"))
}

fn earned(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Scored(p) => format_points(*p),
        _ => "—".to_owned(),
    }
}

#[component]
pub fn IndicatorRow(indicator: Indicator) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let outcome_of = |side: Side| {
        let ind = indicator.clone();
        Memo::new(move |_| match side {
            Side::Own => score(&ind, state.answer(&ind.code, side).as_ref()),
            Side::Council => score_appraised(&ind, state.answer(&ind.code, side).as_ref()),
        })
    };
    let (own, council) = (outcome_of(Side::Own), outcome_of(Side::Council));
    let is_info = matches!(indicator.method, Some(Method::Info));
    // The band line appears only for a valid value, so it never contradicts an error.
    let band = {
        let ind = indicator.clone();
        move || {
            let Some(Method::Tiers { tiers, unit_vi, unit_en }) = &ind.method else { return None };
            let Some(Answer::Tier { text }) = state.answer(&ind.code, Side::Own) else { return None };
            let lang = state.lang.get();
            let unit = pick(lang, unit_vi, unit_en);
            Some(match tier_hit(&ind, &text)? {
                Some(i) => {
                    let t = tiers.get(i)?;
                    format!("{} {}: {}", TIER.get(lang), i + 1, tier_rule(lang, t.min, unit, t.points))
                }
                None => tr(lang, "Dưới bậc thấp nhất: 0 điểm", "Below the lowest tier: 0 points").to_owned(),
            })
        }
    };
    let tiers_table = match &indicator.method {
        Some(Method::Tiers { tiers, unit_vi, unit_en }) => {
            let unit = pick(lang, unit_vi, unit_en);
            Some(tiers.iter().map(|t| tier_rule(lang, t.min, unit, t.points)).collect::<Vec<_>>().join(" · "))
        }
        _ => None,
    };
    // Chênh lệch of this indicator, where the council scored it.
    let difference = move || match (own.get(), council.get()) {
        (o, Outcome::Scored(c)) => Some(format_points(o.points() - c)),
        _ => None,
    };
    let rule = pick(lang, &indicator.rule_vi, &indicator.rule_en).to_owned();
    let evidence_hint = pick(lang, &indicator.evidence_vi, &indicator.evidence_en).to_owned();
    let max = format_compact(indicator.max_points);
    // Points the council typed in the table view for another method stay a points field
    // here (a memo: the block is rebuilt only when that flips, not on every keystroke).
    let typed_points = {
        let ind = indicator.clone();
        Memo::new(move |_| {
            !matches!(ind.method, Some(Method::Points) | None)
                && matches!(state.answer(&ind.code, Side::Council), Some(Answer::Points { .. }))
        })
    };
    let appraised_block = {
        let ind = indicator.clone();
        move || {
            (state.show_appraised.get() && !is_info).then(|| {
                let lang = state.lang.get_untracked();
                let mut shown = ind.clone();
                if typed_points.get() {
                    shown.method = Some(Method::Points);
                }
                view! {
                    <div class="appraised">
                        <MethodControl indicator=shown outcome=council side=Side::Council />
                        <p class="earned-appraised">
                            {tr(lang, "Thẩm định: ", "Appraised: ")}<strong>{move || earned(&council.get())}</strong>
                            {move || difference().map(|d| view! {
                                " · "{dti_engine::sheet::difference_label(lang)}": "<strong data-testid="difference">{d}</strong>
                            })}
                        </p>
                    </div>
                }
            })
        }
    };
    view! {
        <div class="indicator" id=format!("row-{}", indicator.code) class:invalid=move || matches!(own.get(), Outcome::Invalid(_))>
            <div class="indicator-head">
                <h3><span class="code">{indicator.code.clone()}</span>" "{indicator_name(lang, &indicator)}</h3>
                {(!is_info).then(|| view! {
                    <p class="earned">
                        <span class="visually-hidden">{tr(lang, "Điểm đạt: ", "Points earned: ")}</span>
                        <strong>{move || earned(&own.get())}</strong>" / "{max.clone()}
                    </p>
                })}
            </div>
            {(!rule.is_empty()).then(|| view! { <p class="rule">{rule}</p> })}
            {tiers_table.map(|t| view! { <p class="rule">{t}</p> })}
            <MethodControl indicator=indicator.clone() outcome=own side=Side::Own />
            {move || band().map(|b| view! { <p class="band">{b}</p> })}
            {appraised_block}
            <EvidenceBox code=indicator.code.clone() hint=evidence_hint />
        </div>
    }
}
