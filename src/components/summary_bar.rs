//! On narrow screens the summary sits below the long form; this bar keeps total,
//! percentage and level in view at the bottom. The full summary remains the live region,
//! so the bar is hidden from screen readers to avoid announcing twice.

use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::sheet::Outcome;
use leptos::prelude::*;

use crate::state::use_state;

#[component]
pub fn SummaryBar() -> impl IntoView {
    let state = use_state();
    let answered = Memo::new(move |_| {
        state.result.with(|r| matches!(r, Some(Ok(r)) if r.leaves.iter().any(|l| l.outcome != Outcome::Unanswered)))
    });
    let body = move || state.result.with(|r| {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let Some(Ok(result)) = r else { return None };
        let s = &result.standing;
        let level_id = s.level_id.clone();
        // An empty sheet's level (Khởi động) would contradict the quick check's: say it is empty.
        let standing = if answered.get() {
            view! {
                <span>{format_percent(s.percent)}</span>
                <span class=format!("level level-{level_id}")>{framework.level_name(&level_id, lang)}</span>
            }
            .into_any()
        } else {
            view! { <span>{crate::i18n::tr(lang, "chưa chấm chỉ số nào", "no indicator scored yet")}</span> }.into_any()
        };
        Some(view! {
            <span class="bar-what">{crate::i18n::tr(lang, "Phiếu chi tiết:", "Detailed sheet:")}</span>
            <span class="bar-total"><strong>{format_points(s.total)}</strong>" / "{format_compact(s.max)}</span>
            {standing}
            <a href="#summary" tabindex="-1">{crate::i18n::tr(lang, "Chi tiết", "Details")}</a>
        })
    });
    view! { <div class="summary-bar" aria-hidden="true">{body}</div> }
}
