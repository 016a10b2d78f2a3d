//! Points earned against the maximum, per main indicator, as inline SVG bars.
//!
//! The list is built once per set, group and language; on a keystroke each label and
//! width formats its own figure from the result, and the DOM changes only where the text
//! did (issue 15: a keystroke within one frame).

use dti_engine::number::{format_compact, format_machine, format_points};
use dti_engine::sheet::MainResult;
use leptos::prelude::*;

use super::summary::Shape;
use crate::i18n::{indicator_name, tr};
use crate::state::{use_state, AppState};

/// A text or attribute of bar `i` (the `i`-th main indicator with points), formatted from
/// its result; one closure type for all of them.
fn bar_text(state: AppState, i: usize, figure: fn(AppState, &MainResult) -> String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        state.result.with(|r| match r {
            Some(Ok(r)) => r.mains.iter().filter(|m| !m.max.is_zero()).nth(i).map(|m| figure(state, m)).unwrap_or_default(),
            _ => String::new(),
        })
    }
}

fn label(state: AppState, m: &MainResult) -> String {
    let lang = state.lang.get();
    let name = state.framework.with(|f| {
        f.as_ref().and_then(|f| state.selection.with(|s| f.mains(&s.1).into_iter().find(|i| i.code == m.code).map(|i| indicator_name(lang, i))))
    });
    let mut label = format!("{}. {}: {} / {}", m.code, name.unwrap_or_default(), format_points(m.points), format_compact(m.max));
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
    label
}

/// The engine gives the exact share; SVG takes it as a plain width.
fn width(_: AppState, m: &MainResult) -> String {
    format!("{}%", format_machine(m.percent()))
}

/// The council's share, when appraised: a second, thinner bar below.
fn council(m: &MainResult) -> Option<String> {
    m.appraised_percent().map(|p| format!("{}%", format_machine(p)))
}

fn double(m: &MainResult) -> bool {
    m.appraised_percent().is_some()
}

fn view_box(_: AppState, m: &MainResult) -> String {
    if double(m) { "0 0 100 12" } else { "0 0 100 8" }.to_owned()
}

fn height(_: AppState, m: &MainResult) -> String {
    if double(m) { "12" } else { "8" }.to_owned()
}

fn fg_height(_: AppState, m: &MainResult) -> String {
    if double(m) { "6" } else { "8" }.to_owned()
}

#[component]
pub fn MainBars(shape: Memo<Shape>) -> impl IntoView {
    let state = use_state();
    // Rebuilt with the summary's shape (whether the sheet is scored, the language), the
    // set or the group: one bar per main indicator with points, in the result's order.
    move || {
        if !shape.with(|s| s.scored()) {
            return None;
        }
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let n = state.selection.with(|s| framework.mains(&s.1).iter().filter(|m| !m.max_points.is_zero()).count());
        let rows = (0..n)
            .map(|i| {
                let council_width = move || state.result.with(|r| match r {
                    Some(Ok(r)) => r.mains.iter().filter(|m| !m.max.is_zero()).nth(i).and_then(council),
                    _ => None,
                });
                view! {
                    <li>
                        <span class="bar-label">{bar_text(state, i, label)}</span>
                        <svg class="bar" class:bar-double=move || council_width().is_some()
                            viewBox=bar_text(state, i, view_box) preserveAspectRatio="none" role="img" aria-label=bar_text(state, i, label)>
                            <rect class="bar-bg" x="0" y="0" width="100" height=bar_text(state, i, height) />
                            <rect class="bar-fg" x="0" y="0" width=bar_text(state, i, width) height=bar_text(state, i, fg_height) />
                            {move || council_width().map(|w| view! { <rect class="bar-council" x="0" y="6" width=w height="6" /> })}
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
