//! Points earned against the maximum, per main indicator, as inline SVG bars.
//!
//! The list is built once per set, group and language; a keystroke only updates the
//! labels and widths that changed (issue 15: one frame per keystroke).

use dti_engine::number::{format_compact, format_machine, format_points};
use leptos::prelude::*;

use super::summary::Figures;
use crate::i18n::{indicator_name, tr};
use crate::state::{use_state, AppState};

/// One bar's texts, formatted by the engine once per change of the result.
#[derive(Debug, Clone, PartialEq, Default)]
struct Bar {
    label: String,
    /// The engine's exact share, as SVG takes it: a plain width.
    width: String,
    /// The council's share, when appraised: a second, thinner bar below.
    council: Option<String>,
    view_box: String,
    height: String,
    fg_height: String,
}

fn bars(state: AppState) -> Vec<Bar> {
    let lang = state.lang.get();
    let Some(framework) = state.framework.get() else { return Vec::new() };
    let group = state.selection.with(|s| s.1.clone());
    let names = framework.mains(&group);
    state.result.with(|r| {
        let Some(Ok(result)) = r else { return Vec::new() };
        result
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
                let council = m.appraised_percent().map(|p| format!("{}%", format_machine(p)));
                let height = if council.is_some() { "12" } else { "8" };
                Bar {
                    label,
                    width: format!("{}%", format_machine(m.percent())),
                    view_box: format!("0 0 100 {height}"),
                    height: height.to_owned(),
                    fg_height: if council.is_some() { "6" } else { "8" }.to_owned(),
                    council,
                }
            })
            .collect()
    })
}

/// A text or attribute of bar `i` (one closure type for all of them).
fn bar_text(b: Memo<Vec<Bar>>, i: usize, field: fn(&Bar) -> &String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || b.with(|b| b.get(i).map(|b| field(b).clone()).unwrap_or_default())
}

#[component]
pub fn MainBars(figures: Figures) -> impl IntoView {
    let state = use_state();
    let b = Memo::new(move |_| bars(state));
    // The list itself changes only with the set, the group or the language: one bar per
    // main indicator with points, in the result's order (the set's).
    move || {
        // The summary's shape: whether the sheet is scored (set, group and language too).
        if !figures.scored() {
            return None;
        }
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let n = state.selection.with(|s| framework.mains(&s.1).iter().filter(|m| !m.max_points.is_zero()).count());
        let rows = (0..n)
            .map(|i| {
                let label = bar_text(b, i, |b| &b.label);
                view! {
                    <li>
                        <span class="bar-label">{label}</span>
                        <svg class="bar" class:bar-double=move || b.with(|b| b.get(i).is_some_and(|b| b.council.is_some()))
                            viewBox=bar_text(b, i, |b| &b.view_box) preserveAspectRatio="none" role="img" aria-label=label>
                            <rect class="bar-bg" x="0" y="0" width="100" height=bar_text(b, i, |b| &b.height) />
                            <rect class="bar-fg" x="0" y="0" width=bar_text(b, i, |b| &b.width) height=bar_text(b, i, |b| &b.fg_height) />
                            {move || b.with(|b| b.get(i).and_then(|b| b.council.clone()))
                                .map(|w| view! { <rect class="bar-council" x="0" y="6" width=w height="6" /> })}
                        </svg>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="bars">
                <h3>{tr(lang, "Điểm theo chỉ số chính", "Points per main indicator")}</h3>
                {move || state.show_appraised.get().then(|| view! {
                    <p class="legend"><span class="swatch swatch-own"></span>{tr(lang, "Tự đánh giá", "Self-assessment")}
                        " "<span class="swatch swatch-council"></span>{tr(lang, "Thẩm định", "Appraisal")}</p>
                })}
                <ul>{rows}</ul>
            </section>
        })
    }
}
