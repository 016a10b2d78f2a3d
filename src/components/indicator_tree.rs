//! The indicator tree of the open set and group, one collapsible section per main
//! indicator. Re-rendered only when the set, group or language changes.

use dti_engine::framework::Framework;
use dti_engine::number::{format_compact, format_points};
use leptos::prelude::*;

use super::indicator_row::IndicatorRow;
use crate::i18n::{indicator_name, tr};
use crate::state::use_state;

#[component]
pub fn IndicatorTree() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let (_, group) = state.selection.get();
        let Some(framework) = state.framework.get() else {
            return view! { <p class="error-message">{tr(lang, "Không tải được bộ chỉ số.", "The indicator set could not be loaded.")}</p> }.into_any();
        };
        sections(&framework, &group).into_any()
    }
}

fn sections(framework: &Framework, group: &str) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    framework
        .mains(group)
        .into_iter()
        .map(|main| {
            let code = main.code.clone();
            let points = move || {
                state.result.with(|r| match r {
                    Some(Ok(r)) => r.mains.iter().find(|m| m.code == code).map(|m| format_points(m.points)),
                    _ => None,
                })
            };
            let rows: Vec<_> = collect_leaves(main).into_iter().cloned().collect();
            let max = format_compact(main.max_points);
            let scored = !main.max_points.is_zero();
            view! {
                <details class="main-indicator" open>
                    <summary>
                        <span class="code">{main.code.clone()}</span>" "
                        <span class="name">{indicator_name(lang, main)}</span>
                        {scored.then(|| view! {
                            <span class="main-points">{points}" / "{max}" "{tr(lang, "điểm", "pts")}</span>
                        })}
                    </summary>
                    {rows.into_iter().map(|ind| view! { <IndicatorRow indicator=ind /> }).collect_view()}
                </details>
            }
        })
        .collect_view()
}

fn collect_leaves(ind: &dti_engine::framework::Indicator) -> Vec<&dti_engine::framework::Indicator> {
    if ind.is_leaf() {
        return vec![ind];
    }
    ind.children.iter().flat_map(collect_leaves).collect()
}
