//! Loads an indicator set from a JSON file — the official annex when it is typed in —
//! without rebuilding the app. The engine validates it; a bad file changes nothing.

use dti_engine::framework::Status;
use leptos::prelude::*;

use crate::files::{chosen_file, read_text};
use crate::i18n::{pick, tr};
use crate::state::use_state;

#[component]
pub fn SetLoader() -> impl IntoView {
    let state = use_state();
    let message = RwSignal::new(None::<(bool, String)>);
    let on_change = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let Some(text) = read_text(&file).await else {
                message.set(Some((false, format!("{name}: {}", tr(lang, "không đọc được tệp", "cannot read the file")))));
                return;
            };
            let outcome = dti_engine::text::decode_input(&name, text.as_bytes())
                .map(str::to_owned)
                .and_then(|json| state.load_set(&name, json));
            message.set(Some(match outcome {
                Ok(f) => {
                    let status = match f.status {
                        Status::Official => tr(lang, "chính thức", "official"),
                        Status::Reference => tr(lang, "tham khảo", "reference"),
                    };
                    (true, format!("{} {} ({status}, {} {}).", tr(lang, "Đã nạp bộ chỉ số", "Loaded indicator set"),
                        pick(lang, &f.title_vi, &f.title_en), f.year, f.id))
                }
                Err(e) => (false, format!("{} {}", e.message(lang), tr(lang, "Không có gì thay đổi.", "Nothing changed."))),
            }));
        });
    };
    view! {
        <details class="set-loader">
            <summary>{move || tr(state.lang.get(), "Nạp bộ chỉ số từ tệp (ví dụ phụ lục chính thức)", "Load an indicator set from a file (e.g. the official annex)")}</summary>
            <p class="hint">{move || tr(state.lang.get(),
                "Tệp JSON theo định dạng trong thư mục data/frameworks. Bộ có cùng mã (ví dụ laocai-2022) thay cho bộ tham khảo; bộ được giữ trong trình duyệt này.",
                "A JSON file in the format of data/frameworks. A set with the same id (e.g. laocai-2022) replaces the reference set; it is kept in this browser.")}</p>
            <div class="field">
                <label for="load-set">{move || tr(state.lang.get(), "Tệp bộ chỉ số (JSON)", "Indicator-set file (JSON)")}</label>
                <input type="file" id="load-set" accept=".json,application/json" on:change=on_change />
            </div>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "notice-ok" } else { "error-message" } role="alert" data-testid="set-message">{m}</p>
            })}
        </details>
    }
}
