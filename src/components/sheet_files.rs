//! The sheet as a file: download it as JSON (the format `dti score` reads), show it as
//! text to copy where downloads are blocked, and open a sheet from a file. A bad file
//! changes nothing.

use dti_engine::sheet::ScoreSheet;
use leptos::prelude::*;

use crate::files::{chosen_file, download, read_json, ReadError};
use crate::i18n::tr;
use crate::state::use_state;

/// A file name from the agency and set: "dti-laocai-2022-co_tthc-so-tai-chinh.json".
fn file_name(sheet: &ScoreSheet) -> String {
    let slug: String = dti_engine::text::name_key(&sheet.agency)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let mut name = format!("dti-{}-{}", sheet.framework, sheet.group);
    if !slug.is_empty() {
        name.push('-');
        name.push_str(&slug);
    }
    name + ".json"
}

/// The confirmation after a download: the browser may save it silently.
fn downloaded(lang: crate::i18n::Lang, name: &str) -> String {
    format!("{} {name} {}", tr(lang, "Đã tải về tệp", "Downloaded"), tr(lang, "(xem thư mục Tải về của trình duyệt).", "(see the browser's Downloads folder)."))
}

#[component]
pub fn SheetFiles() -> impl IntoView {
    let state = use_state();
    // Readable text for people; the JSON (what `dti score` reads) to copy where the
    // browser blocks downloads.
    let show_text = RwSignal::new(false);
    let show_json = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let json = move || state.sheet.with(ScoreSheet::to_json);
    let readable = move || {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        Some(state.sheet.with(|s| dti_engine::report::sheet_text(&framework, s, lang)).unwrap_or_else(|e| e.message(lang)))
    };
    let on_download = move |_| {
        let sheet = state.sheet.get_untracked();
        let name = file_name(&sheet);
        if download(&name, &sheet.to_json(), "application/json") {
            message.set(Some((true, downloaded(state.lang.get_untracked(), &name))));
        } else {
            show_json.set(true);
        }
    };
    let on_open = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let outcome = read_json(&file)
                .await
                .map_err(|e| match e {
                    ReadError::Engine(e) => e.message(lang),
                    ReadError::Browser(m) => format!("{name}: {} {m}", tr(lang, "không đọc được tệp.", "cannot read the file.")),
                })
                .and_then(|t| ScoreSheet::from_json(&name, &t).map_err(|e| e.message(lang)))
                .and_then(|sheet| state.import(sheet).map_err(|e| e.message(lang)));
            message.set(Some(match outcome {
                Ok(()) => (true, format!("{name}: {}", tr(lang, "đã mở phiếu.", "sheet opened."))),
                Err(e) => (false, format!("{e} {}", tr(lang, "Phiếu đang mở không thay đổi.", "The open sheet is unchanged."))),
            }));
        });
    };
    let on_csv = move |_| {
        let lang = state.lang.get_untracked();
        let sheet = state.sheet.get_untracked();
        let csv = state.framework.with_untracked(|f| f.as_ref().map(|f| dti_engine::export::sheet_csv(f, &sheet, lang)));
        match csv {
            Some(Ok(text)) => {
                let name = file_name(&sheet).replace(".json", ".csv");
                if download(&name, &text, "text/csv;charset=utf-8") {
                    message.set(Some((true, downloaded(lang, &name))));
                } else {
                    message.set(Some((false, tr(lang, "Trình duyệt chặn tải tệp.", "The browser blocked the download.").to_owned())));
                }
            }
            Some(Err(e)) => message.set(Some((false, e.message(lang)))),
            None => {}
        }
    };
    let on_print = move |_| state.print();
    view! {
        <section class="sheet-files">
            <h3>{move || tr(state.lang.get(), "Lưu, in và mở phiếu", "Save, print and open the sheet")}</h3>
            <div class="buttons">
                <button type="button" on:click=on_print>{move || tr(state.lang.get(), "In / Lưu PDF", "Print / Save as PDF")}</button>
                <button type="button" on:click=on_csv>{move || tr(state.lang.get(), "Tải CSV cho Excel", "Download CSV for Excel")}</button>
                <button type="button" on:click=on_download>{move || tr(state.lang.get(), "Tải phiếu về máy (JSON)", "Download the sheet (JSON)")}</button>
                <button type="button" aria-expanded=move || show_text.get().to_string()
                    on:click=move |_| show_text.update(|v| *v = !*v)>
                    {move || tr(state.lang.get(), "Xem phiếu dạng văn bản", "Show the sheet as text")}
                </button>
                <button type="button" class="secondary" aria-expanded=move || show_json.get().to_string()
                    on:click=move |_| show_json.update(|v| *v = !*v)>
                    {move || tr(state.lang.get(), "Hiện JSON để sao chép", "Show the JSON to copy")}
                </button>
            </div>
            <div class="field">
                <label for="open-sheet">{move || tr(state.lang.get(), "Mở phiếu từ tệp JSON", "Open a sheet from a JSON file")}</label>
                <input type="file" id="open-sheet" accept=".json,application/json" on:change=on_open />
            </div>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "notice-ok" } else { "error-message" } role="alert" data-testid="file-message">{m}</p>
            })}
            {move || show_text.get().then(|| view! {
                <div class="field">
                    <h4 id="sheet-readable-title">{tr(state.lang.get(), "Phiếu dạng văn bản", "The sheet as text")}</h4>
                    <pre class="text-view" id="sheet-readable" tabindex="0" aria-labelledby="sheet-readable-title">{readable}</pre>
                </div>
            })}
            {move || show_json.get().then(|| view! {
                <div class="field">
                    <label for="sheet-text">{tr(state.lang.get(), "Phiếu (JSON) — chọn tất cả và sao chép", "Sheet (JSON) — select all and copy")}</label>
                    <textarea id="sheet-text" readonly rows="8" prop:value=json></textarea>
                </div>
            })}
        </section>
    }
}
