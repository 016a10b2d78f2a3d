//! On narrow screens the summary sits below the long form; this bar keeps total,
//! percentage and level in view at the bottom. The full summary remains the live region,
//! so the bar is hidden from screen readers to avoid announcing twice.
//!
//! Built once per language and answered state; a keystroke updates its texts only, each
//! formatted as the summary formats it.

use dti_engine::sheet::Outcome;
use leptos::prelude::*;

use super::summary::{level, level_class, max, percent, text, total, Shape};
use crate::state::use_state;

#[component]
pub fn SummaryBar(shape: Memo<Shape>) -> impl IntoView {
    let state = use_state();
    let answered = Memo::new(move |_| {
        state.result.with(|r| matches!(r, Some(Ok(r)) if r.leaves.iter().any(|l| l.outcome != Outcome::Unanswered)))
    });
    let body = move || {
        // A scored sheet (blank or not): the summary shows its total then too.
        if !shape.with(|s| s.scored()) {
            return None;
        }
        let lang = state.lang.get();
        // An empty sheet's level (Khởi động) would contradict the quick check's: say it is empty.
        let standing = if answered.get() {
            view! {
                <span>{text(state, percent)}</span>
                <span class=text(state, level_class)>{text(state, level)}</span>
            }
            .into_any()
        } else {
            view! { <span>{crate::i18n::tr(lang, "chưa chấm chỉ số nào", "no indicator scored yet")}</span> }.into_any()
        };
        Some(view! {
            <span class="bar-what">{crate::i18n::tr(lang, "Phiếu chi tiết:", "Detailed sheet:")}</span>
            <span class="bar-total"><strong>{text(state, total)}</strong>" / "{text(state, max)}</span>
            {standing}
            <a href="#summary" tabindex="-1">{crate::i18n::tr(lang, "Chi tiết", "Details")}</a>
        })
    };
    view! { <div class="summary-bar" aria-hidden="true">{body}</div> }
}
