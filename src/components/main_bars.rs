//! Points earned against the maximum, per main indicator, as inline SVG bars.

use dti_engine::number::{format_compact, format_machine, format_points};
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

#[component]
pub fn MainBars() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let Some(Ok(result)) = state.result.get() else { return None };
        let rows = result
            .mains
            .iter()
            .filter(|m| !m.max.is_zero())
            .map(|m| {
                // The engine gives the exact share; SVG takes it as a plain width.
                let width = format!("{}%", format_machine(m.percent()));
                let label = format!("{}: {} / {}", m.code, format_points(m.points), format_compact(m.max));
                view! {
                    <li>
                        <span class="bar-label">{label.clone()}</span>
                        <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=label>
                            <rect class="bar-bg" x="0" y="0" width="100" height="8" />
                            <rect class="bar-fg" x="0" y="0" width=width height="8" />
                        </svg>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="bars">
                <h3>{tr(lang, "Điểm theo chỉ số chính", "Points per main indicator")}</h3>
                <ul>{rows}</ul>
            </section>
        })
    }
}
