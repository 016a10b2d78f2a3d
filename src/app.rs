//! The page: picks, tree and a summary that stays in view.

use leptos::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::header::Header;
use crate::components::indicator_tree::IndicatorTree;
use crate::components::main_bars::MainBars;
use crate::components::quick_check::QuickCheck;
use crate::components::reference_banner::ReferenceBanner;
use crate::components::set_picker::SetPicker;
use crate::components::storage_notice::StorageNotice;
use crate::components::summary::Summary;
use crate::i18n::{html_lang, tr};
use crate::state::{AppState, Catalogue};
use crate::storage;

/// Mounts with the browser's storage.
#[component]
pub fn App() -> impl IntoView {
    let status = storage::probe();
    let loaded = if status == storage::StorageStatus::Ok { storage::load() } else { storage::Loaded::Nothing };
    let state = AppState::new(Catalogue::builtin(), status, loaded);
    view! { <Shell state=state /> }
}

/// The page for a given state (tests mount it with state of their own).
#[component]
pub fn Shell(state: AppState) -> impl IntoView {
    provide_context(state);
    state.persist();
    Effect::new(move |_| {
        let lang = html_lang(state.lang.get());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", lang);
        }
    });
    let load_errors = move || {
        let lang = state.lang.get();
        state.catalogue.with_value(|c| c.errors.iter().map(|e| view! { <p class="error-message">{e.message(lang)}</p> }).collect_view())
    };
    view! {
        <a class="skip-link" href="#indicators">{move || tr(state.lang.get(), "Đến phần chỉ số", "Skip to indicators")}</a>
        <Header />
        <main class="layout">
            <div class="form-col">
                <StorageNotice />
                {load_errors}
                <SetPicker />
                <ReferenceBanner />
                <ErrorSummary />
                <h2 id="indicators" tabindex="-1">{move || tr(state.lang.get(), "Các chỉ số", "Indicators")}</h2>
                <IndicatorTree />
            </div>
            <aside class="summary-col" aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
                <Summary />
                <MainBars />
                <QuickCheck />
            </aside>
        </main>
        <footer class="site-footer">
            <p>{move || tr(state.lang.get(),
                "Cách xếp mức: Dẫn dắt > 75 %, Nâng cao > 50 %, Hình thành > 25 %, Khởi động ≤ 25 % tổng điểm tối đa của nhóm. Phiếu chỉ lưu trong trình duyệt này.",
                "Levels: Leading > 75 %, Advanced > 50 %, Forming > 25 %, Starting ≤ 25 % of the group maximum. The sheet is kept only in this browser.")}</p>
        </footer>
    }
}
