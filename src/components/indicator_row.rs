//! One leaf indicator: what it asks, how it is scored, its input and what it earns.

use dti_engine::framework::{Indicator, Method};
use dti_engine::number::{format_compact, format_points};
use dti_engine::sheet::{score, tier_hit, Answer, Outcome};
use leptos::prelude::*;

use super::method_controls::MethodControl;
use crate::i18n::{indicator_name, pick, tr};
use crate::state::use_state;

#[component]
pub fn IndicatorRow(indicator: Indicator) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let outcome = {
        let ind = indicator.clone();
        Memo::new(move |_| score(&ind, state.answer(&ind.code).as_ref()))
    };
    let is_info = matches!(indicator.method, Some(Method::Info));
    let earned = move || match outcome.get() {
        Outcome::Scored(p) => format_points(p),
        _ => "—".to_owned(),
    };
    let band = {
        let ind = indicator.clone();
        move || {
            let Some(Method::Tiers { tiers, .. }) = &ind.method else { return None };
            let Some(Answer::Tier { text }) = state.answer(&ind.code) else { return None };
            let lang = state.lang.get();
            Some(match tier_hit(&ind, &text).and_then(|i| tiers.get(i).map(|t| (i, t))) {
                Some((i, t)) => format!(
                    "{} {}: ≥ {} → {}",
                    tr(lang, "Bậc", "Band"),
                    i + 1,
                    format_compact(t.min),
                    format_compact(t.points)
                ),
                None => tr(lang, "Dưới bậc thấp nhất → 0", "Below the lowest band → 0").to_owned(),
            })
        }
    };
    let tiers_table = match &indicator.method {
        Some(Method::Tiers { tiers, .. }) => Some(
            tiers
                .iter()
                .map(|t| format!("≥ {} → {}", format_compact(t.min), format_compact(t.points)))
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        _ => None,
    };
    let rule = pick(lang, &indicator.rule_vi, &indicator.rule_en).to_owned();
    let evidence = pick(lang, &indicator.evidence_vi, &indicator.evidence_en).to_owned();
    let max = format_compact(indicator.max_points);
    view! {
        <div class="indicator" id=format!("row-{}", indicator.code) class:invalid=move || matches!(outcome.get(), Outcome::Invalid(_))>
            <div class="indicator-head">
                <h3><span class="code">{indicator.code.clone()}</span>" "{indicator_name(lang, &indicator)}</h3>
                {(!is_info).then(|| view! {
                    <p class="earned">
                        <span class="visually-hidden">{tr(lang, "Điểm đạt: ", "Points earned: ")}</span>
                        <strong>{earned}</strong>" / "{max.clone()}
                    </p>
                })}
            </div>
            {(!rule.is_empty()).then(|| view! { <p class="rule">{rule}</p> })}
            {tiers_table.map(|t| view! { <p class="rule">{t}</p> })}
            <MethodControl indicator=indicator.clone() outcome=outcome />
            {move || band().map(|b| view! { <p class="band">{b}</p> })}
            {(!evidence.is_empty()).then(|| view! {
                <p class="evidence"><span>{tr(lang, "Minh chứng: ", "Evidence: ")}</span>{evidence}</p>
            })}
        </div>
    }
}
