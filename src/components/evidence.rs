//! "Tài liệu kiểm chứng" and progress of one indicator, folded away until wanted.

use dti_engine::export::status_name;
use dti_engine::sheet::{Evidence, WorkStatus};
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

const STATUSES: [WorkStatus; 4] = [WorkStatus::NotStarted, WorkStatus::InProgress, WorkStatus::NeedsEvidence, WorkStatus::Done];

fn status_id(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::NotStarted => "not_started",
        WorkStatus::InProgress => "in_progress",
        WorkStatus::NeedsEvidence => "needs_evidence",
        WorkStatus::Done => "done",
    }
}

#[component]
pub fn EvidenceBox(code: String, hint: String) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let evidence = {
        let code = code.clone();
        Memo::new(move |_| state.sheet.with(|s| s.entries.get(&code).map(|e| (e.evidence.clone(), e.status)).unwrap_or_default()))
    };
    let filled = move || evidence.with(|(e, _)| !e.is_empty());
    let text_field = |key: &'static str, vi: &'static str, en: &'static str, get: fn(&Evidence) -> String, set: fn(&mut Evidence, String)| {
        let id = format!("ev-{code}-{key}");
        let code = code.clone();
        view! {
            <div class="field">
                <label for=id.clone()>{tr(lang, vi, en)}</label>
                <input type="text" id=id prop:value=move || evidence.with(|(e, _)| get(e))
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_entry(&code, |entry| set(&mut entry.evidence, value));
                    } />
            </div>
        }
    };
    let status_select = {
        let code = code.clone();
        let id = format!("ev-{code}-status");
        view! {
            <div class="field">
                <label for=id.clone()>{tr(lang, "Trạng thái", "Status")}</label>
                <select id=id prop:value=move || evidence.with(|(_, s)| s.map(status_id).unwrap_or_default()) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let status = STATUSES.into_iter().find(|s| status_id(*s) == v);
                    state.edit_entry(&code, |entry| entry.status = status);
                }>
                    <option value="" selected=move || evidence.with(|(_, s)| s.is_none())>{tr(lang, "— chưa chọn —", "— not set —")}</option>
                    {STATUSES.into_iter().map(|s| view! {
                        <option value=status_id(s) selected=move || evidence.with(|(_, cur)| *cur == Some(s))>{status_name(Some(s), lang)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <details class="evidence-box">
            <summary>
                {tr(lang, "Minh chứng và trạng thái", "Evidence and status")}
                {move || filled().then(|| view! { <span class="badge">{tr(lang, "đã có", "filled")}</span> })}
            </summary>
            {(!hint.is_empty()).then(|| view! { <p class="evidence">{tr(lang, "Tài liệu kiểm chứng: ", "Supporting documents: ")}{hint}</p> })}
            {text_field("number", "Số hiệu văn bản", "Document number", |e| e.number.clone(), |e, v| e.number = v)}
            {text_field("date", "Ngày văn bản", "Document date", |e| e.date.clone(), |e, v| e.date = v)}
            {text_field("summary", "Trích yếu", "Summary", |e| e.summary.clone(), |e, v| e.summary = v)}
            {text_field("link", "Liên kết", "Link", |e| e.link.clone(), |e, v| e.link = v)}
            {text_field("note", "Ghi chú", "Note", |e| e.note.clone(), |e, v| e.note = v)}
            {status_select}
        </details>
    }
}
