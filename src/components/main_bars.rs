//! Points earned against the maximum, per main indicator, as inline SVG bars.

use dti_engine::number::{format_compact, format_machine, format_points};
use leptos::prelude::*;

use crate::i18n::{indicator_name, tr};
use crate::state::use_state;

/// One bar's texts, from the engine's figures.
#[derive(Clone, PartialEq)]
struct Bar {
    label: String,
    width: String,
    council: Option<String>,
}

#[component]
pub fn MainBars() -> impl IntoView {
    let state = use_state();
    let bars = Memo::new(move |_| state.result.with(|r| {
        let lang = state.lang.get();
        let Some(Ok(result)) = r else { return None };
        let framework = state.framework.get()?;
        let group = state.selection.with(|s| s.1.clone());
        let names = framework.mains(&group);
        let bars = result
            .mains
            .iter()
            .filter(|m| !m.max.is_zero())
            .map(|m| {
                let name = names.iter().find(|i| i.code == m.code).map(|i| indicator_name(lang, i)).unwrap_or_default();
                let mut label = format!("{}. {name}: {} / {}", m.code, format_points(m.points), format_compact(m.max));
                if let Some(a) = m.appraised {
                    label.push_str(&format!(
                        " · {} {} ({}/{} {})",
                        tr(lang, "thẩm định", "appraised"),
                        format_points(a),
                        m.appraised_count,
                        m.leaf_count,
                        tr(lang, "chỉ số", "indicators")
                    ));
                }
                // The engine gives the exact share; SVG takes it as a plain width.
                Bar { label, width: format!("{}%", format_machine(m.percent())), council: m.appraised_percent().map(|p| format!("{}%", format_machine(p))) }
            })
            .collect::<Vec<_>>();
        Some(bars)
    }));
    // The list is built again only when its shape changes (which bars carry the council's
    // second line); a keystroke rewrites the texts and widths that changed, nothing else.
    let shape = Memo::new(move |_| bars.with(|b| b.as_ref().map(|b| b.iter().map(|b| b.council.is_some()).collect::<Vec<_>>())));
    let text = move |i: usize, field: fn(&Bar) -> &str| move || bars.with(|b| b.as_ref().and_then(|b| b.get(i)).map(|b| field(b).to_owned()).unwrap_or_default());
    move || {
        let lang = state.lang.get();
        let rows = shape
            .get()?
            .into_iter()
            .enumerate()
            .map(|(i, double)| {
                let height = if double { "12" } else { "8" };
                view! {
                    <li>
                        <span class="bar-label">{text(i, |b| &b.label)}</span>
                        <svg class="bar" class:bar-double=double viewBox=format!("0 0 100 {height}") preserveAspectRatio="none" role="img" aria-label=text(i, |b| &b.label)>
                            <rect class="bar-bg" x="0" y="0" width="100" height=height />
                            <rect class="bar-fg" x="0" y="0" width=text(i, |b| &b.width) height=if double { "6" } else { "8" } />
                            {double.then(|| view! { <rect class="bar-council" x="0" y="6" width=text(i, |b| b.council.as_deref().unwrap_or_default()) height="6" /> })}
                        </svg>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="bars">
                <h3>{tr(lang, "Điểm theo chỉ số chính", "Points per main indicator")}</h3>
                {state.show_appraised.get().then(|| view! {
                    <p class="legend"><span class="swatch swatch-own"></span>{tr(lang, "Tự đánh giá", "Self-assessment")}
                        " "<span class="swatch swatch-council"></span>{tr(lang, "Thẩm định", "Appraisal")}</p>
                })}
                <ul>{rows}</ul>
            </section>
        })
    }
}
