//! Loads an indicator set from a file — the official annex when it is typed in — without
//! rebuilding the app: the set JSON, or the annex table saved as CSV (docs/annex-layout.md).
//! The engine validates it; a bad file changes nothing and every problem is listed with
//! its row. Also offers the Excel template and the open set as CSV.

use dti_engine::annex::ImportError;
use dti_engine::framework::Status;
use leptos::prelude::*;

use crate::annex::{unavailable, Reply};
use crate::files::{chosen_file, download, read_bytes, ReadError};
use crate::storage::size_text;
use crate::i18n::{pick, tr};
use crate::state::use_state;

/// The Excel template beside the app: `dti framework export` of the newest built-in set,
/// written into the build by `scripts/template.sh` (a Trunk hook).
pub const TEMPLATE_FILE: &str = "mau-bo-chi-so.xlsx";

/// Why a chosen set file was not loaded: one reason, or the problems one per row.
enum Problems {
    Unreadable(String),
    Invalid(Vec<String>),
}

/// What the last load said: success or not, a summary, and the problems one per row.
#[derive(Clone)]
struct Outcome {
    ok: bool,
    summary: String,
    problems: Vec<String>,
}

#[component]
pub fn SetLoader() -> impl IntoView {
    let state = use_state();
    let message = RwSignal::new(None::<Outcome>);
    let on_change = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let unchanged = tr(lang, "Không có gì thay đổi.", "Nothing changed.");
            let fail = |summary: String, problems: Vec<String>| Outcome { ok: false, summary, problems };
            let bytes = match read_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => {
                    let why = match e {
                        ReadError::Engine(e) => e.message(lang),
                        ReadError::Browser(m) => format!("{name}: {} {m}", tr(lang, "không đọc được tệp.", "cannot read the file.")),
                    };
                    message.set(Some(fail(format!("{why} {unchanged}"), Vec::new())));
                    return;
                }
            };
            // A JSON set at once; an annex table through the CSV reader, loaded on first use.
            let i = usize::from(lang == dti_engine::Lang::En);
            let imported = match dti_engine::annex::import_json(&name, &bytes) {
                Some(Ok(framework)) => {
                    // Stored as JSON and validated again at every start: a JSON file as the
                    // user gave it, a CSV annex as the set it became.
                    let original = std::str::from_utf8(&bytes).ok().filter(|t| t.trim_start().starts_with('{')).map(str::to_owned);
                    match original {
                        Some(json) => Ok(json),
                        None => serde_json::to_string(&framework)
                            .map_err(|e| Problems::Unreadable(dti_engine::Error::input(&name, 0, e.to_string(), e.to_string()).message(lang))),
                    }
                }
                Some(Err(ImportError::Unreadable(e))) => Err(Problems::Unreadable(e.message(lang))),
                Some(Err(ImportError::Invalid(list))) => Err(Problems::Invalid(list.iter().map(|e| e.message(lang)).collect())),
                None => match crate::annex::import_csv(&name, &bytes).await {
                    Ok(Reply { set: Some(json), .. }) => Ok(json),
                    Ok(Reply { invalid: Some(list), .. }) => Err(Problems::Invalid(list.into_iter().map(|m| m[i].clone()).collect())),
                    Ok(Reply { unreadable: Some(m), .. }) | Err(m) => Err(Problems::Unreadable(m[i].clone())),
                    Ok(_) => Err(Problems::Unreadable(unavailable()[i].clone())),
                },
            };
            let json = match imported {
                Ok(json) => json,
                Err(Problems::Unreadable(why)) => {
                    message.set(Some(fail(format!("{why} {unchanged}"), Vec::new())));
                    return;
                }
                Err(Problems::Invalid(list)) => {
                    let summary = match lang {
                        dti_engine::Lang::Vi => format!("{name}: {} lỗi. {unchanged}", list.len()),
                        dti_engine::Lang::En => format!("{name}: {} problem(s). {unchanged}", list.len()),
                    };
                    message.set(Some(fail(summary, list)));
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
                    Outcome {
                        ok: true,
                        summary: format!("{} {} ({status}, {} {}).", tr(lang, "Đã nạp bộ chỉ số", "Loaded indicator set"),
                            pick(lang, &f.title_vi, &f.title_en), f.year, f.id),
                        problems: Vec::new(),
                    }
                }
                Err(e) => fail(format!("{} {unchanged}", e.message(lang)), Vec::new()),
            }));
        });
    };
    let on_csv = move |_| {
        if state.framework.with_untracked(Option::is_none) {
            return;
        }
        let id = state.selection.with_untracked(|s| s.0.clone());
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            let i = usize::from(lang == dti_engine::Lang::En);
            // The whole set, every group: a first visit has only the open group's file.
            let f = match state.whole_set(id).await {
                Some(Ok(f)) => f,
                Some(Err(e)) => {
                    message.set(Some(Outcome { ok: false, summary: e.message(lang), problems: Vec::new() }));
                    return;
                }
                None => return,
            };
            let reply = match serde_json::to_string(&*f) {
                Ok(json) => crate::annex::set_to_csv(&json).await,
                Err(e) => Err([e.to_string(), e.to_string()]),
            };
            let failed = |summary: String| message.set(Some(Outcome { ok: false, summary, problems: Vec::new() }));
            match reply {
                Ok(Reply { csv: Some(csv), .. }) => {
                    if !download(&format!("bo-chi-so-{}.csv", f.id), &csv, "text/csv;charset=utf-8") {
                        failed(tr(lang, "Trình duyệt chặn tải tệp.", "The browser blocked the download.").into());
                    }
                }
                Ok(Reply { error: Some(m), .. }) | Err(m) => failed(m[i].clone()),
                Ok(_) => failed(unavailable()[i].clone()),
            }
        });
    };
    view! {
        <details class="set-loader">
            <summary>{move || tr(state.lang.get(), "Nạp bộ chỉ số từ tệp (ví dụ phụ lục chính thức)", "Load an indicator set from a file (e.g. the official annex)")}</summary>
            <p class="hint">{move || tr(state.lang.get(),
                "Tệp JSON theo định dạng trong thư mục data/frameworks, hoặc bảng phụ lục lưu thành CSV UTF-8 theo mẫu Excel dưới đây. Bộ có cùng mã (ví dụ laocai-2022) thay cho bộ tham khảo; bộ được giữ trong trình duyệt này.",
                "A JSON file in the format of data/frameworks, or the annex table saved as CSV UTF-8 in the layout of the Excel template below. A set with the same id (e.g. laocai-2022) replaces the reference set; it is kept in this browser.")}</p>
            <div class="field">
                <label for="load-set">{move || tr(state.lang.get(), "Tệp bộ chỉ số (JSON hoặc CSV)", "Indicator-set file (JSON or CSV)")}</label>
                <input type="file" id="load-set" accept=".json,.csv,application/json,text/csv" on:change=on_change />
            </div>
            <p class="set-files">
                <a href=TEMPLATE_FILE download=TEMPLATE_FILE data-testid="set-template">
                    {move || tr(state.lang.get(), "Tải mẫu bộ chỉ số (Excel)", "Download the indicator-set template (Excel)")}
                </a>
                <button type="button" data-testid="set-csv" on:click=on_csv>
                    {move || tr(state.lang.get(), "Tải bộ chỉ số đang mở (CSV)", "Download the open indicator set (CSV)")}
                </button>
            </p>
            {move || message.get().map(|m| view! {
                <div class=if m.ok { "notice-ok" } else { "error-message" } role="alert" data-testid="set-message">
                    <p>{m.summary}</p>
                    {(!m.problems.is_empty()).then(|| view! {
                        <ul class="set-problems">
                            {m.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
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
