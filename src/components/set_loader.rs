//! Loads an indicator set from a JSON file — the official annex when it is typed in —
//! without rebuilding the app. The engine validates it; a bad file changes nothing.

use dti_engine::framework::Status;
use leptos::prelude::*;

use crate::files::{chosen_file, read_json, ReadError};
use crate::storage::size_text;
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
            let json = match read_json(&file).await {
                Ok(json) => json,
                Err(e) => {
                    let why = match e {
                        ReadError::Engine(e) => e.message(lang),
                        ReadError::Browser(m) => format!("{name}: {} {m}", tr(lang, "không đọc được tệp.", "cannot read the file.")),
                    };
                    message.set(Some((false, format!("{why} {}", tr(lang, "Không có gì thay đổi.", "Nothing changed.")))));
                    return;
                }
            };
            let outcome = state.load_set(&name, json);
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
            <LoadedSets />
        </details>
    }
}

/// The sets loaded from files and kept in this browser, each with its size and a button
/// that removes it (drafts answered under it stay, and open again if it is loaded again).
#[component]
fn LoadedSets() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let sets = state.sets.get();
        (!sets.is_empty()).then(|| view! {
            <div class="loaded-sets" data-testid="loaded-sets">
                <h3>{tr(lang, "Bộ chỉ số đã nạp (giữ trong trình duyệt này)", "Loaded indicator sets (kept in this browser)")}</h3>
                <ul>
                    {sets.into_iter().map(|s| {
                        let id = s.key.trim_start_matches(crate::storage::SET_PREFIX).to_owned();
                        let used = state.workspace.with_untracked(|w| w.drafts.iter().filter(|d| d.sheet.framework == id).count());
                        let key = s.key.clone();
                        let label = format!("{} {id}", tr(lang, "Xóa bộ chỉ số", "Remove indicator set"));
                        view! {
                            <li>
                                {format!("{id} — {}, {}", s.file, size_text(s.json.len()))}
                                {(used > 0).then(|| format!(" · {used} {}", tr(lang, "phiếu dùng bộ này (phiếu được giữ lại)", "draft(s) use it (they are kept)")))}
                                " "
                                <button type="button" aria-label=label on:click=move |_| state.remove_set(&key)>{tr(lang, "Xóa", "Remove")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}
