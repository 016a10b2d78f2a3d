//! The page: picks, tree and a summary that stays in view.

use leptos::prelude::*;

use crate::components::drafts::Drafts;
use crate::components::error_summary::ErrorSummary;
use crate::components::print_report::PrintReport;
use crate::components::header::Header;
use crate::components::indicator_tree::IndicatorTree;
use crate::components::main_bars::MainBars;
use crate::components::quick_check::QuickCheck;
use crate::components::reference_banner::ReferenceBanner;
use crate::components::set_picker::SetPicker;
use crate::components::sheet_table::SheetTable;
use crate::components::view_switch::{provide_view_choice, SheetView, ViewSwitch};
use crate::components::year_compare::YearCompare;
use crate::components::sheet_files::SheetFiles;
use crate::components::storage_notice::StorageNotice;
use crate::components::summary::Summary;
use crate::components::summary_bar::SummaryBar;
use crate::i18n::{html_lang, tr};
use crate::launch::Launch;
use crate::state::AppState;
use crate::storage;

/// Mounts with the browser's storage.
#[component]
pub fn App() -> impl IntoView {
    let status = storage::probe();
    let state = if status == storage::StorageStatus::Unavailable {
        AppState::new(status, storage::Loaded::Nothing)
    } else {
        AppState::with_storage(
            status,
            storage::load(),
            storage::open_draft(),
            storage::load_lang(),
            storage::load_sets(),
            storage::damaged_copies(),
        )
    };
    let launch = Launch::from_location();
    state.start(&launch);
    view! { <Shell state=state launch=launch /> }
}

/// The page for a given state (tests mount it with state of their own).
#[component]
pub fn Shell(state: AppState, #[prop(optional)] launch: Launch) -> impl IntoView {
    provide_context(state);
    let view_choice = provide_view_choice().0;
    let embed = launch.embed;
    let partitioned = launch.third_party_frame;
    state.persist();
    state.follow_other_tabs();
    state.reveal_appraised();
    state.watch_print();
    if embed {
        crate::embed::post_summary(state);
    }
    crate::usable::announce(state);
    Effect::new(move |_| {
        let lang = html_lang(state.lang.get());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", lang);
        }
    });
    let load_errors = move || {
        let lang = state.lang.get();
        state.catalogue.with(|c| c.errors.iter().map(|e| view! { <p class="error-message">{e.message(lang)}</p> }).collect_view())
    };
    view! {
        <a class="skip-link" href="#indicators">{move || tr(state.lang.get(), "Đến phần chỉ số", "Skip to indicators")}</a>
        {(!embed).then(|| view! { <Header /> })}
        <main class="layout" class:embed=embed>
            <div class="form-col">
                {embed.then(|| view! { <EmbedBar /> })}
                <StorageNotice />
                {partitioned.then(|| view! {
                    <p class="banner" data-testid="partitioned-notice">{move || tr(state.lang.get(),
                        "Ứng dụng đang được nhúng trong trang của một website khác: phiếu lưu ở đây chỉ dùng được khi mở lại trong chính trang này. Hãy tải phiếu về máy nếu cần dùng ở nơi khác.",
                        "The app is embedded in another website's page: sheets saved here are available only when reopened in this same page. Download the sheet to use it elsewhere.")}</p>
                })}
                {load_errors}
                <JumpLinks />
                <SetPicker />
                <QuickCheck />
                <ReferenceBanner />
                <label class="choice appraised-toggle">
                    <input type="checkbox" prop:checked=move || state.show_appraised.get()
                        on:change=move |ev| state.show_appraised.set(event_target_checked(&ev)) />
                    {move || tr(state.lang.get(), "Nhập điểm thẩm định của Hội đồng (so sánh, tính chênh lệch)", "Enter the council's appraised scores (compare, difference)")}
                </label>
                <ErrorSummary />
                <h2 id="indicators" tabindex="-1">{move || tr(state.lang.get(), "Các chỉ số", "Indicators")}</h2>
                <ViewSwitch />
                {move || match view_choice.get() {
                    SheetView::Cards => view! { <IndicatorTree /> }.into_any(),
                    SheetView::Table => view! { <SheetTable /> }.into_any(),
                }}
                <Drafts />
                <YearCompare />
            </div>
            <aside class="summary-col" aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
                <Summary />
                <SheetFiles />
                <MainBars />
            </aside>
        </main>
        {(!embed).then(|| view! { <footer class="site-footer">
            <p>{move || level_rule(state)}</p>
            // The working group's page (its own bundle: agencies never download it).
            <p><a href="hoi-dong.html">{move || tr(state.lang.get(),
                "Hội đồng đánh giá: lập và kiểm tra phụ lục xếp hạng",
                "Council (Hội đồng): compile and check the ranking appendix")}</a></p>
        </footer> })}
        <SummaryBar />
        <PrintReport />
    }
}

/// "Tính nhanh" / "Chấm điểm chi tiết": the two ways in, one tap from the top.
#[component]
fn JumpLinks() -> impl IntoView {
    let state = crate::state::use_state();
    view! {
        <nav class="jump-links" aria-label=move || tr(state.lang.get(), "Chọn cách tính", "Choose how to score")>
            <a href="#quick-check">{move || tr(state.lang.get(), "Tính nhanh", "Quick check")}</a>
            <a href="#indicators">{move || tr(state.lang.get(), "Chấm điểm chi tiết", "Detailed scoring")}</a>
        </nav>
    }
}

/// In embed mode the site header is gone; the language toggle stays reachable.
#[component]
fn EmbedBar() -> impl IntoView {
    let state = crate::state::use_state();
    view! {
        <div class="embed-bar">
            <strong>{move || tr(state.lang.get(), "Tự đánh giá mức độ chuyển đổi số", "Digital transformation self-assessment")}</strong>
            <crate::components::header::LangToggle />
        </div>
    }
}

/// "Mức: Dẫn dắt > 75 %, Nâng cao > 50 %, …", from the open set's level table.
fn level_rule(state: AppState) -> String {
    let lang = state.lang.get();
    let rules = state.framework.with(|f| {
        let Some(f) = f else { return String::new() };
        let mut previous = None;
        f.levels
            .iter()
            .map(|l| {
                let name = crate::i18n::pick(lang, &l.name_vi, &l.name_en);
                let rule = match (l.above_percent, previous) {
                    (Some(t), _) => format!("{name} > {} %", dti_engine::number::format_compact(t)),
                    (None, Some(p)) => format!("{name} ≤ {} %", dti_engine::number::format_compact(p)),
                    (None, None) => name.to_owned(),
                };
                previous = l.above_percent;
                rule
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    format!(
        "{} {rules} {}",
        tr(lang, "Cách xếp mức:", "Levels:"),
        tr(lang, "tổng điểm tối đa của nhóm. Phiếu chỉ lưu trong trình duyệt này.", "of the group maximum. The sheet is kept only in this browser.")
    )
}
