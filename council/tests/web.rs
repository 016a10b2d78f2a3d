//! Component test in headless Chromium (wasm-bindgen-test): the ranked tables of the
//! council from the nine district sheets of the 2022 appendix (tests/fixtures/council/),
//! ranked by the engine under the reference 2022 set, then filtered by name.
#![cfg(target_arch = "wasm32")]

use dti_council::components::tables::{provide_tables, RankedTables};
use dti_council::state::Page;
use dti_council::work::Work;
use dti_engine::council::Council;
use dti_engine::Framework;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SET_2022: &str = include_str!("../../data/frameworks/laocai-2022.json");
const DISTRICTS: [(&str, &str); 9] = [
    ("41-thanh-pho-lao-cai.json", include_str!("../../tests/fixtures/council/41-thanh-pho-lao-cai.json")),
    ("42-huyen-bac-ha.json", include_str!("../../tests/fixtures/council/42-huyen-bac-ha.json")),
    ("43-huyen-bat-xat.json", include_str!("../../tests/fixtures/council/43-huyen-bat-xat.json")),
    ("44-huyen-bao-yen.json", include_str!("../../tests/fixtures/council/44-huyen-bao-yen.json")),
    ("45-thi-xa-sa-pa.json", include_str!("../../tests/fixtures/council/45-thi-xa-sa-pa.json")),
    ("46-huyen-muong-khuong.json", include_str!("../../tests/fixtures/council/46-huyen-muong-khuong.json")),
    ("47-huyen-si-ma-cai.json", include_str!("../../tests/fixtures/council/47-huyen-si-ma-cai.json")),
    ("48-huyen-bao-thang.json", include_str!("../../tests/fixtures/council/48-huyen-bao-thang.json")),
    ("49-huyen-van-ban.json", include_str!("../../tests/fixtures/council/49-huyen-van-ban.json")),
];

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn mount() -> HtmlElement {
    let doc = web_sys::window().and_then(|w| w.document()).unwrap_or_else(|| panic!("document"));
    let root: HtmlElement = doc.create_element("div").unwrap_or_else(|_| panic!("div")).unchecked_into();
    doc.body().unwrap_or_else(|| panic!("body")).append_child(&root).unwrap_or_else(|_| panic!("append"));
    let framework = Framework::from_json("laocai-2022.json", SET_2022).unwrap_or_else(|e| panic!("{e}"));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let page = Page::new();
        provide_context(page);
        let work = Work::new(page);
        provide_context(work);
        let mut council = Council::new(framework.clone());
        for (name, json) in DISTRICTS {
            council.add_file(name, json.as_bytes());
        }
        work.council.set(Some(council));
        provide_tables();
        view! { <RankedTables /> }
    });
    handle.forget();
    root
}

fn rows(root: &HtmlElement) -> Vec<Vec<String>> {
    let list = root.query_selector_all("table[data-group=huyen] tbody tr").unwrap_or_else(|_| panic!("rows"));
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|tr| {
            let el: web_sys::Element = tr.unchecked_into();
            let cells = el.query_selector_all("td").unwrap_or_else(|_| panic!("cells"));
            (0..cells.length()).filter_map(|j| cells.get(j)).map(|c| c.text_content().unwrap_or_default().trim().to_owned()).collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn district_table_is_the_appendix_and_filters_by_name() {
    let root = mount();
    tick().await;
    let r = rows(&root);
    assert_eq!(r.len(), 9);
    assert_eq!(r[0], ["1", "Thành phố Lào Cai", "651,93", "Nâng cao"]);
    assert_eq!(r[8], ["9", "Huyện Văn Bàn", "449,13", "Hình thành"]);
    let avg = root.query_selector("table[data-group=huyen] tfoot td.num").ok().flatten().and_then(|e| e.text_content());
    assert_eq!(avg.as_deref(), Some("546,35"));
    // Levels coloured with the calculator's classes.
    assert!(root.query_selector("table[data-group=huyen] .level-hinh_thanh").ok().flatten().is_some());
    // Filter: names containing "bao" whatever the tone marks and case.
    let input: web_sys::HtmlInputElement = root.query_selector("#rank-filter").ok().flatten().unwrap_or_else(|| panic!("filter")).unchecked_into();
    input.set_value("BẢO");
    let ev = web_sys::Event::new("input").unwrap_or_else(|_| panic!("event"));
    input.dispatch_event(&ev).unwrap_or_else(|_| panic!("dispatch"));
    tick().await;
    let names: Vec<String> = rows(&root).into_iter().map(|r| r[1].clone()).collect();
    assert_eq!(names, ["Huyện Bảo Yên", "Huyện Bảo Thắng"]);
}
