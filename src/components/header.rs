//! Title and the language toggle.

use dti_engine::Lang;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    view! {
        <header class="site-header">
            <div>
                <h1>{move || tr(state.lang.get(), "Tự đánh giá mức độ chuyển đổi số", "Digital transformation self-assessment")}</h1>
                <p class="subtitle">{move || tr(state.lang.get(),
                    "Tỉnh Lào Cai · Tính ngay trên trình duyệt, dữ liệu không gửi ra ngoài",
                    "Lào Cai province · Computed in your browser; nothing is sent anywhere")}</p>
            </div>
            <LangToggle />
        </header>
    }
}

/// Switches Vietnamese ⇄ English; labelled in the language it switches to.
#[component]
pub fn LangToggle() -> impl IntoView {
    let state = use_state();
    let toggle = move |_| {
        let next = if state.lang.get_untracked() == Lang::Vi { Lang::En } else { Lang::Vi };
        state.set_lang(next);
    };
    view! {
        <button type="button" class="lang-toggle" on:click=toggle lang=move || tr(state.lang.get(), "en", "vi")>
            {move || tr(state.lang.get(), "English", "Tiếng Việt")}
        </button>
    }
}
