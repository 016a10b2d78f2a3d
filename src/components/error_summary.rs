//! GOV.UK-style summary of invalid answers, each linking to its field.

use leptos::prelude::*;

use super::method_controls::{field_id, pair_pending};
use crate::i18n::tr;
use crate::state::{use_state, Side};

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let state = use_state();
    move || state.result.with(|r| {
        let lang = state.lang.get();
        let Some(Ok(result)) = r else { return None };
        let own = result.invalid.iter().map(|e| (Side::Own, e));
        let council = result.invalid_appraised.iter().map(|e| (Side::Council, e));
        // A ratio pair being typed is not wrong yet.
        let shown: Vec<_> = own.chain(council).filter(|(side, e)| !pair_pending(state, e, *side)).collect();
        if shown.is_empty() {
            return None;
        }
        let items = shown
            .into_iter()
            .map(|(side, e)| {
                let prefix = if side == Side::Council { tr(lang, "Thẩm định: ", "Appraised: ") } else { "" };
                view! { <li><a href=format!("#{}", field_id(e.code(), e.field(), side))>{prefix}{e.message(lang)}</a></li> }
            })
            .collect_view();
        Some(view! {
            <section class="error-summary" aria-labelledby="error-summary-title" data-testid="error-summary">
                <h2 id="error-summary-title">{tr(lang, "Có giá trị cần sửa", "There is a problem")}</h2>
                <p>{tr(lang, "Các giá trị dưới đây được giữ nguyên như bạn nhập nhưng chưa được tính điểm:", "These values are kept as you typed them but earn no points yet:")}</p>
                <ul>{items}</ul>
            </section>
        })
    })
}
