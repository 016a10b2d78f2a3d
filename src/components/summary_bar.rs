//! On narrow screens the summary sits below the long form; this bar keeps total,
//! percentage and level in view at the bottom. The full summary remains the live region,
//! so the bar is hidden from screen readers to avoid announcing twice.
//!
//! Built once per language and answered state; a keystroke updates its texts only.

use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::sheet::Outcome;
use leptos::prelude::*;

use crate::state::use_state;

/// Total, maximum, percentage, level class and level name, formatted by the engine.
type Figures = Option<[String; 5]>;

/// A text or attribute reading figure `i` (one closure type for all of them).
fn figure(f: Memo<Figures>, i: usize) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || f.with(|f| f.as_ref().map(|f| f[i].clone()).unwrap_or_default())
}

#[component]
pub fn SummaryBar() -> impl IntoView {
    let state = use_state();
    let answered = Memo::new(move |_| {
        state.result.with(|r| matches!(r, Some(Ok(r)) if r.leaves.iter().any(|l| l.outcome != Outcome::Unanswered)))
    });
    let figures = Memo::new(move |_| {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        state.result.with(|r| {
            let Some(Ok(result)) = r else { return None };
            let s = &result.standing;
            Some([
                format_points(s.total),
                format_compact(s.max),
                format_percent(s.percent),
                format!("level level-{}", s.level_id),
                framework.level_name(&s.level_id, lang),
            ])
        })
    });
    let shown = Memo::new(move |_| figures.with(Option::is_some));
    let body = move || {
        if !shown.get() {
            return None;
        }
        let lang = state.lang.get();
        // An empty sheet's level (Khởi động) would contradict the quick check's: say it is empty.
        let standing = if answered.get() {
            view! {
                <span>{figure(figures, 2)}</span>
                <span class=figure(figures, 3)>{figure(figures, 4)}</span>
            }
            .into_any()
        } else {
            view! { <span>{crate::i18n::tr(lang, "chưa chấm chỉ số nào", "no indicator scored yet")}</span> }.into_any()
        };
        Some(view! {
            <span class="bar-what">{crate::i18n::tr(lang, "Phiếu chi tiết:", "Detailed sheet:")}</span>
            <span class="bar-total"><strong>{figure(figures, 0)}</strong>" / "{figure(figures, 1)}</span>
            {standing}
            <a href="#summary" tabindex="-1">{crate::i18n::tr(lang, "Chi tiết", "Details")}</a>
        })
    };
    view! { <div class="summary-bar" aria-hidden="true">{body}</div> }
}
