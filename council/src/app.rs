//! The council's page: import, set, files, problems, tables, outputs; then the checker.

use leptos::prelude::*;

use crate::components::checker::Checker;
use crate::components::entries::Entries;
use crate::components::header::Header;
use crate::components::import::Import;
use crate::components::outputs::Outputs;
use crate::components::print_view::PrintView;
use crate::components::problems::Problems;
use crate::components::set_choice::SetChoice;
use crate::components::sheet_view::SheetView;
use crate::components::storage_notice::StorageNotice;
use crate::components::tables::{provide_tables, RankedTables};
use crate::i18n::tr;
use crate::state::Page;
use crate::work::Work;

#[component]
pub fn App() -> impl IntoView {
    let page = Page::new();
    provide_context(page);
    page.printing.watch();
    let work = Work::new(page);
    provide_context(work);
    page.load_sets();
    work.restore();
    view! { <Shell /> }
}

/// The page below the state (component tests provide their own).
#[component]
pub fn Shell() -> impl IntoView {
    let page = crate::state::use_page();
    let lang = page.lang;
    provide_tables();
    Effect::new(move |_| {
        let l = crate::i18n::tr(lang.get(), "vi", "en");
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", l);
        }
    });
    let load_errors = move || {
        let l = lang.get();
        page.load_errors.with(|v| v.iter().map(|e| view! { <p class="error-message" role="alert">{e.message(l)}</p> }).collect_view())
    };
    view! {
        <a class="skip-link" href="#checker-title">{move || tr(lang.get(), "Đến phần kiểm tra phụ lục", "Skip to the appendix checker")}</a>
        <Header />
        <main class="council">
            <StorageNotice />
            {load_errors}
            <Import />
            <SetChoice />
            <Problems />
            <Entries />
            <SheetView />
            <RankedTables />
            <Outputs />
            <Checker />
        </main>
        <PrintView />
    }
}
