//! Component tests in headless Chromium (wasm-bindgen-test): mount the page, act on the
//! real DOM, wait a tick, read the DOM. Figures are the engine's, for the fixture 2022 set
//! (tests/fixtures/sets/), handed to the state as the served catalogue would.
#![cfg(target_arch = "wasm32")]

use dti_app::app::Shell;
use dti_app::state::AppState;
use dti_app::storage::{Loaded, StorageStatus, Workspace};
use dti_engine::catalogue::{Entry, FileRef, Index, FORMAT};
use dti_engine::framework::Framework;
use dti_engine::rank::parse_rank_csv;
use dti_engine::sheet::{Answer, Entry as SheetEntry};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).unwrap_or_else(|| panic!("no document"))
}

const SET_2022: &str = include_str!("fixtures/sets/laocai-2022.json");
const SET_2023: &str = include_str!("fixtures/sets/laocai-2023.json");
const RESULTS_2022: &str = include_str!("fixtures/sets/laocai-2022.csv");

fn set(file: &str, json: &str) -> Framework {
    Framework::from_json(file, json).unwrap_or_else(|e| panic!("{e}"))
}

/// A state given the fixture sets as `sets/index.json` and the fetched files would give
/// them (sets first, so none is fetched); `digest_2022` stands for the served version.
fn served_state(loaded: Loaded, digest_2022: &str) -> AppState {
    let state = AppState::new(StorageStatus::Unavailable, loaded);
    let entry = |f: &Framework, file: &str, digest: &str, published: Option<FileRef>| Entry {
        id: f.id.clone(),
        year: f.year,
        title_vi: f.title_vi.clone(),
        title_en: f.title_en.clone(),
        status: f.status,
        file: file.to_owned(),
        digest: digest.to_owned(),
        published,
        groups: Vec::new(),
    };
    let (a, b) = (set("laocai-2022.json", SET_2022), set("laocai-2023.json", SET_2023));
    let results = FileRef { file: "laocai-2022.csv".into(), digest: "r".into() };
    let index = Index { format: FORMAT, sets: vec![entry(&a, "laocai-2022.json", digest_2022, Some(results)), entry(&b, "laocai-2023.json", "b", None)] };
    let published = parse_rank_csv("laocai-2022.csv", RESULTS_2022.as_bytes());
    state.provide_set("laocai-2022", Ok(a), Some(published));
    state.provide_set("laocai-2023", Ok(b), None);
    state.provide_index(Ok(index));
    state
}

fn mount_state(state: AppState) -> HtmlElement {
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap_or_else(|_| panic!("div")).unchecked_into();
    doc.body().unwrap_or_else(|| panic!("body")).append_child(&root).unwrap_or_else(|_| panic!("append"));
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <Shell state=state /> });
    handle.forget();
    root
}

/// Mounts a fresh page (storage left out: these tests are about the calculator).
fn mount() -> HtmlElement {
    mount_state(served_state(Loaded::Nothing, "a"))
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn type_into(root: &HtmlElement, id: &str, value: &str) {
    let input: HtmlInputElement = find(root, &format!("[id='{id}']")).unchecked_into();
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict("input", &init).unwrap_or_else(|_| panic!("event"));
    input.dispatch_event(&ev).unwrap_or_else(|_| panic!("dispatch"));
}

#[wasm_bindgen_test]
async fn typing_points_with_a_comma_updates_the_summary() {
    let root = mount();
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=total]"), "0,00");
    // No level before the first answer.
    assert!(root.query_selector("[data-testid=level]").ok().flatten().is_none());
    type_into(&root, "f-1.5-value", "12,5");
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=total]"), "12,50");
    assert_eq!(text(&root, "[data-testid=level]"), "Khởi động");
    assert_eq!(text(&root, "[data-testid=percent]"), "1,25 %");
    assert!(text(&root, "#row-1\\.5 .earned").contains("12,50"));
    root.remove();
}

#[wasm_bindgen_test]
async fn an_out_of_range_value_is_kept_flagged_and_explained() {
    let root = mount();
    leptos::task::tick().await;
    type_into(&root, "f-1.5-value", "25");
    leptos::task::tick().await;
    let input: HtmlInputElement = find(&root, "[id='f-1.5-value']").unchecked_into();
    assert_eq!(input.value(), "25", "what was typed stays");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("f-1.5-value-error"), "{described}");
    assert!(text(&root, "[id='f-1.5-value-error']").contains("Điểm tối đa của chỉ số 1.5 là 20; bạn nhập 25"));
    assert_eq!(text(&root, "[data-testid=total]"), "0,00");
    assert!(text(&root, "[data-testid=error-summary]").contains("1.5"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_ratio_gives_exact_points_shown_rounded() {
    let root = mount();
    leptos::task::tick().await;
    type_into(&root, "f-1.2-a", "2");
    type_into(&root, "f-1.2-b", "3");
    leptos::task::tick().await;
    // 2/3 × 20 = 13,333…
    assert!(text(&root, "#row-1\\.2 .earned").contains("13,33"));
    assert_eq!(text(&root, "[data-testid=total]"), "13,33");
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_an_option_and_switching_language() {
    let root = mount();
    leptos::task::tick().await;
    find(&root, "input[name='opt-1.1']").click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=total]"), "30,00");
    find(&root, ".lang-toggle").click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=level]"), "Starting");
    assert!(text(&root, "h1").contains("self-assessment"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_first_visit_opens_2022_with_its_published_results() {
    let root = mount();
    leptos::task::tick().await;
    let value = js_sys::Reflect::get(&find(&root, "#set"), &"value".into()).ok().and_then(|v| v.as_string());
    assert_eq!(value.as_deref(), Some("laocai-2022"));
    let options = root.query_selector_all("#set option").map(|l| l.length()).unwrap_or_default();
    assert_eq!(options, 2, "both sets of the catalogue are listed");
    type_into(&root, "f-1.5-value", "20");
    leptos::task::tick().await;
    // 20 points: below all 18 published agencies with procedures.
    let position = text(&root, "[data-testid=position]");
    assert!(position.contains("19/19") && position.contains("18 đơn vị trong kết quả đã công bố năm 2022"), "{position}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_draft_answered_under_another_version_is_kept_and_not_rescored() {
    let mut ws = Workspace::new("laocai-2022", "co_tthc");
    let sheet = &mut ws.current_draft_mut().sheet;
    sheet.entries.insert("1.5".into(), SheetEntry { self_answer: Some(Answer::Points { text: "12".into() }), ..SheetEntry::default() });
    sheet.framework_digest = Some("old".into());
    let stored = dti_engine::workspace::Stored::Current { workspace: ws, legacy: None };
    let root = mount_state(served_state(Loaded::Found { raw: String::new(), stored }, "new"));
    leptos::task::tick().await;
    let notice = text(&root, "[data-testid=set-stale]");
    assert!(notice.contains("phiên bản khác") && notice.contains("old") && notice.contains("new"), "{notice}");
    assert!(root.query_selector("[data-testid=total]").ok().flatten().is_none(), "no total is shown for it");
    find(&root, "[data-testid=set-stale] button").click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=total]"), "12,00", "scored once the user chose to");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_set_viewer_explains_each_indicator() {
    let root = mount();
    leptos::task::tick().await;
    find(&root, ".set-viewer-toggle").click();
    leptos::task::tick().await;
    let viewer = text(&root, "[data-testid=set-viewer]");
    assert!(viewer.contains("Nhóm các cơ quan, đơn vị không có thủ tục hành chính (750 điểm)"), "a heading per group with its maximum");
    assert!(viewer.contains("Có/Không: có = 15 điểm, không = 0"), "yes/no in words");
    assert!(viewer.contains("Theo bậc (Mbps): từ 200 Mbps = 20 điểm; từ 100 Mbps = 10 điểm; từ 50 Mbps = 5 điểm; thấp hơn = 0"), "tiers with their unit");
    assert!(viewer.contains("Tài liệu kiểm chứng"));
    assert!(viewer.contains("Hợp đồng dịch vụ Internet"), "the evidence asked for");
    root.remove();
}

/// Picks a value in a select as a user would (the change event bubbles).
fn choose(root: &HtmlElement, id: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, &format!("[id='{id}']")).unchecked_into();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict("change", &init).unwrap_or_else(|_| panic!("event"));
    select.dispatch_event(&ev).unwrap_or_else(|_| panic!("dispatch"));
}

#[wasm_bindgen_test]
async fn the_table_view_scores_both_sides_with_the_council_typing_points() {
    let root = mount();
    leptos::task::tick().await;
    find(&root, "input[name='sheet-view'][value='table']").click();
    leptos::task::tick().await;
    // The choice is remembered; later tests start from the cards again.
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    assert_eq!(storage.as_ref().and_then(|s| s.get_item("dti-view").ok().flatten()).as_deref(), Some("table"));
    if let Some(s) = &storage {
        let _ = s.remove_item("dti-view");
    }
    assert!(root.query_selector(".indicator").ok().flatten().is_none(), "the cards are gone");
    // 2022, agencies with TTHC: 1.1 options (30), 1.3 yes/no (15), 1.5 points (20).
    choose(&root, "f-1.1-value", "head");
    choose(&root, "f-1.3-value", "yes");
    type_into(&root, "f-1.5-value", "12,5");
    type_into(&root, "t-1.1-value", "15");
    type_into(&root, "t-1.3-value", "15");
    type_into(&root, "t-1.5-value", "10");
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-testid=total]"), "57,50");
    assert_eq!(text(&root, "[data-testid=table-total]"), "57,50");
    assert_eq!(text(&root, "[data-testid='subtotal-1']"), "57,50");
    assert_eq!(text(&root, "[data-testid='points-1.1']"), "30,00");
    assert_eq!(text(&root, "[data-testid=table-appraised-total]"), "40,00");
    assert_eq!(text(&root, "[data-testid=table-difference]"), "17,50");
    assert_eq!(text(&root, "[data-testid='difference-1.1']"), "15,00");
    assert_eq!(text(&root, "[data-testid='difference-1.5']"), "2,50");
    // Above the maximum: kept, flagged, tied to the field, not counted.
    type_into(&root, "t-1.1-value", "31");
    leptos::task::tick().await;
    leptos::task::tick().await;
    let input: HtmlInputElement = find(&root, "[id='t-1.1-value']").unchecked_into();
    assert_eq!(input.value(), "31");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input.get_attribute("aria-describedby").unwrap_or_default().contains("t-1.1-value-error"));
    assert!(text(&root, "[id='t-1.1-value-error']").contains("Điểm tối đa của chỉ số 1.1 là 30; bạn nhập 31"));
    assert_eq!(text(&root, "[data-testid=table-appraised-total]"), "25,00");
    root.remove();
}

// The drafts' own rules (switching group, undo, merging tabs, stored versions) are tested
// natively in the engine: dti_engine::workspace.
