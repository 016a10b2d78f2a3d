//! Title, the way back to the calculator and the language toggle.

use dti_engine::Lang;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;

#[component]
pub fn Header() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    let toggle = move |_| {
        lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi });
        crate::work::use_work().save_choices();
    };
    view! {
        <header class="site-header">
            <div>
                <h1>{move || tr(lang.get(), "Hội đồng đánh giá — Xếp hạng mức độ chuyển đổi số", "Council (Hội đồng) — Digital transformation ranking")}</h1>
                <p class="subtitle">{move || tr(lang.get(),
                    "Tỉnh Lào Cai · Lập phụ lục xếp hạng từ phiếu của các cơ quan; tính ngay trên trình duyệt, dữ liệu không gửi ra ngoài",
                    "Lào Cai province · The ranking appendix from the agencies' sheets; computed in your browser, nothing is sent anywhere")}</p>
                <p class="subtitle"><a class="header-link" href="./">{move || tr(lang.get(), "← Công cụ tự đánh giá", "← Self-assessment tool")}</a></p>
            </div>
            <button type="button" class="lang-toggle" on:click=toggle lang=move || tr(lang.get(), "en", "vi")>
                {move || tr(lang.get(), "English", "Tiếng Việt")}
            </button>
        </header>
    }
}
