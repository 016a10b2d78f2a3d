//! The appendix out of the page: print view, CSV, Excel workbook, and a copy that pastes
//! into Word as a table.

use dti_engine::council::{html_tables, text_tables, write_csv, write_xlsx};
use dti_engine::Lang;
use leptos::prelude::*;

use crate::browser;
use crate::components::tables::use_tables;
use crate::i18n::tr;
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn Outputs() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    let printing = page.printing;
    let work = use_work();
    let tables = use_tables();
    let status = RwSignal::new(String::new());
    let ready = move || tables.is_some_and(|t| t.0.with(|t| matches!(t, Some(Ok(v)) if !v.is_empty())));
    // Runs `f` with the set and the tables when there are any.
    let with_tables = move |f: &dyn Fn(&dti_engine::Framework, &[dti_engine::council::Table], Lang) -> String| {
        let l = lang.get_untracked();
        let Some(t) = tables else { return };
        let msg = t.0.with_untracked(|t| match t {
            Some(Ok(t)) => work.council.with_untracked(|c| c.as_ref().map(|c| f(c.framework(), t, l))),
            _ => None,
        });
        if let Some(m) = msg {
            status.set(m);
        }
    };
    let file_stem = move || work.council.with_untracked(|c| c.as_ref().map_or_else(|| "phu-luc".to_owned(), |c| format!("phu-luc-xep-hang-{}", c.framework().id)));
    let csv = move |_| {
        with_tables(&|f, t, l| match write_csv(f, t) {
            Ok(text) if browser::download(&format!("{}.csv", file_stem()), text.as_bytes(), "text/csv;charset=utf-8") => {
                tr(l, "Đã tải bảng CSV.", "The CSV was downloaded.").to_owned()
            }
            Ok(_) => tr(l, "Trình duyệt không cho tải tệp về.", "The browser refused the download.").to_owned(),
            Err(e) => e.message(l),
        });
    };
    let xlsx = move |_| {
        with_tables(&|f, t, l| match write_xlsx(f, t, l) {
            Ok(bytes) if browser::download(&format!("{}.xlsx", file_stem()), &bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") => {
                tr(l, "Đã tải bảng Excel.", "The Excel workbook was downloaded.").to_owned()
            }
            Ok(_) => tr(l, "Trình duyệt không cho tải tệp về.", "The browser refused the download.").to_owned(),
            Err(e) => e.message(l),
        });
    };
    let copy = move |_| {
        let l = lang.get_untracked();
        let Some(t) = tables else { return };
        let texts = t.0.with_untracked(|t| match t {
            Some(Ok(t)) => work.council.with_untracked(|c| c.as_ref().map(|c| (html_tables(c.framework(), t, l), text_tables(c.framework(), t, l)))),
            _ => None,
        });
        let Some((html, text)) = texts else { return };
        if browser::copy_html(&html, &text) {
            status.set(tr(l, "Đã sao chép các bảng: dán vào Word (Ctrl+V) sẽ thành bảng.", "Tables copied: paste into Word (Ctrl+V) to get tables.").to_owned());
        } else if browser::select_element("ranked-tables") {
            status.set(tr(l, "Trình duyệt không cho ghi vào bộ nhớ tạm; các bảng đã được bôi đen, hãy nhấn Ctrl+C rồi dán vào Word.",
                "The browser refused the clipboard; the tables are selected: press Ctrl+C, then paste into Word.").to_owned());
        } else {
            status.set(tr(l, "Không sao chép được; hãy bôi đen các bảng rồi nhấn Ctrl+C.", "Could not copy; select the tables and press Ctrl+C.").to_owned());
        }
    };
    view! {
        <section class="council-section outputs" aria-labelledby="outputs-title">
            <h2 id="outputs-title">{move || tr(lang.get(), "Xuất phụ lục", "Export the appendix")}</h2>
            <div class="output-buttons">
                <button type="button" on:click=move |_| printing.print() prop:disabled=move || !ready()>{move || tr(lang.get(), "In / Lưu PDF phụ lục", "Print / save the appendix as PDF")}</button>
                <button type="button" on:click=csv prop:disabled=move || !ready()>{move || tr(lang.get(), "Tải CSV", "Download CSV")}</button>
                <button type="button" on:click=xlsx prop:disabled=move || !ready()>{move || tr(lang.get(), "Tải Excel (.xlsx)", "Download Excel (.xlsx)")}</button>
                <button type="button" on:click=copy prop:disabled=move || !ready()>{move || tr(lang.get(), "Sao chép bảng (dán vào Word)", "Copy as tables (paste into Word)")}</button>
            </div>
            <p role="status" aria-live="polite" data-testid="output-status">{move || status.get()}</p>
        </section>
    }
}
