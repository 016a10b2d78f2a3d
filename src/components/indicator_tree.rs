//! The indicator tree of the open set and group, one collapsible section per main
//! indicator. Re-rendered only when the set, group or language changes.

use dti_engine::framework::{Framework, Indicator};
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
            let rows = descendants(main, lang);
            let max = format_compact(main.max_points);
            let scored = !main.max_points.is_zero();
            view! {
                <details class="main-indicator" open>
                    <summary>
                        <span class="code">{main.code.clone()}</span>" "
                        <span class="name">{indicator_name(lang, main)}</span>
                        {scored.then(|| view! {
                            <span class="main-points">{points}" / "{max}" "{tr(lang, "điểm", "points")}</span>
                        })}
                    </summary>
                    {rows}
                </details>
            }
        })
        .collect_view()
}

/// The leaves under a main indicator, each deeper group of them (an annex with three
/// levels) under a line with its code, name and maximum.
fn descendants(ind: &Indicator, lang: crate::i18n::Lang) -> AnyView {
    if ind.is_leaf() {
        return view! { <IndicatorRow indicator=ind.clone() /> }.into_any();
    }
    ind.children
        .iter()
        .map(|child| {
            let heading = (!child.is_leaf()).then(|| {
                view! {
                    <p class="sub-heading"><span class="code">{child.code.clone()}</span>" "
                        {indicator_name(lang, child)}" ("{format_compact(child.max_points)}")"</p>
                }
            });
            view! { {heading} {descendants(child, lang)} }
        })
        .collect_view()
        .into_any()
}
