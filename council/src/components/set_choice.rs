//! The set the files are ranked under: the files suggest one (a totals CSV has no year:
//! the newest set having its groups), the user can pick another.

use leptos::prelude::*;

use crate::i18n::{pick, tr};
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn SetChoice() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    let work = use_work();
    let current = move || work.council.with(|c| c.as_ref().map(|c| c.framework().id.clone()));
    let options = move || {
        let l = lang.get();
        page.sets.with(|s| {
            s.iter()
                .flatten()
                .map(|set| {
                    let id = set.entry.id.clone();
                    let title = pick(l, &set.entry.title_vi, &set.entry.title_en).to_owned();
                    let is = id.clone();
                    view! { <option value=id selected=move || current().as_deref() == Some(is.as_str())>{title}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="set-choice">
            <label for="council-set">{move || tr(lang.get(), "Bộ chỉ số dùng để xếp hạng", "Indicator set used for the ranking")}</label>
            <select id="council-set" aria-describedby="council-set-hint"
                on:change=move |ev| work.choose_set(event_target_value(&ev))>
                <option value="" disabled=true selected=move || current().is_none()>
                    {move || tr(lang.get(), "(chọn theo các tệp đã nạp)", "(chosen from the imported files)")}
                </option>
                {options}
            </select>
            <p id="council-set-hint" class="hint">{move || {
                let l = lang.get();
                if work.chosen_set.get().is_some() {
                    tr(l, "Do bạn chọn.", "Chosen by you.")
                } else {
                    tr(l, "Mặc định: bộ mà các phiếu ghi; bảng tổng điểm không ghi năm nên lấy bộ mới nhất có đủ các nhóm của bảng.",
                        "Default: the set the sheets name; a totals file has no year, so the newest set having all its groups.")
                }
            }}</p>
        </div>
    }
}
