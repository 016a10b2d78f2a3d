//! One agency's sheet, read-only: its indicators and points as the engine writes them
//! out ("Xem phiếu dạng văn bản" in the calculator).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn SheetView() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if work.open_entry.get().is_some() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    move || {
        let id = work.open_entry.get()?;
        let l = lang.get();
        work.council.with(|c| {
            let c = c.as_ref()?;
            let entry = c.entry(id)?;
            let sheet = c.sheet(id)?;
            let text = dti_engine::report::sheet_text(c.framework(), &sheet, l).unwrap_or_else(|e| e.message(l));
            let title = format!("{} — {}", tr(l, "Phiếu (chỉ xem)", "Sheet (read-only)"), entry.name);
            Some(view! {
                <section class="council-section sheet-view" aria-labelledby="sheet-view-title" data-testid="sheet-view">
                    <h2 id="sheet-view-title" tabindex="-1" node_ref=heading>{title}</h2>
                    <p class="hint">{entry.source.label(l)}</p>
                    <pre class="sheet-text">{text}</pre>
                    <button type="button" on:click=move |_| work.open_entry.set(None)>{tr(l, "Đóng phiếu", "Close the sheet")}</button>
                </section>
            })
        })
    }
}
