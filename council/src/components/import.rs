//! The import view: many files at once (chosen or dropped), each recognised by content,
//! and the progress while they are read.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn Import() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    let over = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = crate::browser::files_of(input.files());
        input.set_value("");
        leptos::task::spawn_local(work.import(files));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let files = crate::browser::files_of(ev.data_transfer().and_then(|d| d.files()));
        leptos::task::spawn_local(work.import(files));
    };
    let busy = move || work.progress.get().is_some();
    view! {
        <section class="council-section" aria-labelledby="import-title">
            <h2 id="import-title">{move || tr(lang.get(), "Nạp phiếu và bảng tổng điểm", "Import sheets and totals")}</h2>
            <div class="drop-zone" class:over=move || over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
                data-testid="drop-zone">
                <label for="council-files" class="file-label">{move || tr(lang.get(),
                    "Chọn các tệp phiếu (JSON do công cụ tự đánh giá xuất) và bảng tổng điểm (CSV group,name,total) — chọn nhiều tệp cùng lúc",
                    "Choose the sheets (JSON exported by the self-assessment tool) and totals files (CSV group,name,total) — many files at once")}</label>
                <input id="council-files" type="file" multiple accept=".json,.csv,application/json,text/csv"
                    aria-describedby="council-files-hint" on:change=on_change prop:disabled=busy />
                <p id="council-files-hint" class="hint">{move || tr(lang.get(),
                    "Hoặc kéo thả các tệp vào đây. Mỗi tệp được nhận biết theo nội dung, không theo tên; tệp nào không dùng được sẽ được nêu lý do bên dưới.",
                    "Or drop the files here. Each file is recognised by its content, not its name; any file that cannot be used is listed below with the reason.")}</p>
            </div>
            {move || work.progress.get().map(|(done, total)| {
                let l = lang.get();
                view! {
                    <div class="import-progress">
                        <progress max=total.to_string() value=done.to_string() aria-labelledby="import-progress-label"></progress>
                        <p id="import-progress-label" role="status" aria-live="polite" data-testid="import-progress">
                            {if l == dti_engine::Lang::Vi { format!("Đang đọc tệp: {done} / {total}") } else { format!("Reading files: {done} / {total}") }}
                        </p>
                    </div>
                }
            })}
        </section>
    }
}
