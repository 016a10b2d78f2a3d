//! "Tài liệu kiểm chứng" and progress of one indicator, folded away until wanted.

use dti_engine::date::{parse_date, Date};
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
        Memo::new(move |_| state.entry_with(&code, |e| e.map(|e| (e.evidence.clone(), e.status)).unwrap_or_default()))
    };
    // The badge says what the status says; without a status, whether evidence is filled.
    let badge = move || {
        evidence.with(|(e, status)| match status {
            Some(WorkStatus::NeedsEvidence) => Some(("badge badge-warn", status_name(*status, lang))),
            Some(WorkStatus::Done) => Some(("badge", status_name(*status, lang))),
            Some(_) => Some(("badge badge-muted", status_name(*status, lang))),
            None if !e.is_empty() => Some(("badge", tr(lang, "đã có minh chứng", "evidence filled"))),
            None => None,
        })
    };
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
    // Kept as typed; checked as dd/mm/yyyy with the message tied to the field. The
    // calendar writes the same dd/mm/yyyy text.
    let date_field = {
        let code = code.clone();
        let id = format!("ev-{code}-date");
        let (error_id, hint_id, picker_id) = (format!("{id}-error"), format!("{id}-hint"), format!("{id}-picker"));
        // Checked when the user leaves the field, not at every keystroke.
        let editing = RwSignal::new(false);
        let error = move || if editing.get() { None } else { evidence.with(|(e, _)| parse_date(&e.date).err().map(|err| err.message(lang))) };
        let described = {
            let (e, h) = (error_id.clone(), hint_id.clone());
            move || if error().is_some() { format!("{h} {e}") } else { h.clone() }
        };
        let set_code = code.clone();
        let pick_code = code.clone();
        let picker: NodeRef<leptos::html::Input> = NodeRef::new();
        view! {
            <div class="field date-field" class:field-error=move || error().is_some()>
                <label for=id.clone()>{tr(lang, "Ngày văn bản", "Document date")}</label>
                <p class="hint" id=hint_id>{tr(lang, "Dạng ngày/tháng/năm, ví dụ 15/03/2022", "As day/month/year, e.g. 15/03/2022")}</p>
                {
                    let error_id = error_id.clone();
                    move || error().map(|msg| view! {
                        <p class="error-message" id=error_id.clone()>
                            <span class="visually-hidden">{tr(lang, "Lỗi: ", "Error: ")}</span>{msg}
                        </p>
                    })
                }
                <div class="date-inputs">
                    <input type="text" id=id inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy"
                        aria-invalid=move || if error().is_some() { "true" } else { "false" }
                        aria-describedby=described
                        prop:value=move || evidence.with(|(e, _)| e.date.clone())
                        on:focus=move |_| editing.set(true)
                        on:blur=move |_| editing.set(false)
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            state.edit_entry(&set_code, |entry| entry.evidence.date = value);
                        } />
                    // The browser's date input shows its own locale's order (mm/dd/yyyy on
                    // many systems); only its calendar is used, opened by a button.
                    <span class="picker">
                        <input type="date" id=picker_id class="picker-input" tabindex="-1" aria-hidden="true" node_ref=picker
                            prop:value=move || evidence.with(|(e, _)| parse_date(&e.date).ok().flatten().map(Date::to_iso).unwrap_or_default())
                            on:change=move |ev| {
                                if let Some(d) = Date::from_iso(&event_target_value(&ev)) {
                                    state.edit_entry(&pick_code, |entry| entry.evidence.date = d.to_vn());
                                }
                            } />
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Some(input) = picker.get() {
                                let _ = input.show_picker();
                            }
                        }>{tr(lang, "Chọn trên lịch", "Pick on a calendar")}</button>
                    </span>
                </div>
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
                {move || badge().map(|(class, text)| view! { <span class=class data-testid="evidence-badge">{text}</span> })}
            </summary>
            {(!hint.is_empty()).then(|| view! { <p class="evidence">{tr(lang, "Tài liệu kiểm chứng: ", "Supporting documents: ")}{hint}</p> })}
            {text_field("number", "Số hiệu văn bản", "Document number", |e| e.number.clone(), |e, v| e.number = v)}
            {date_field}
            {text_field("summary", "Trích yếu", "Summary", |e| e.summary.clone(), |e, v| e.summary = v)}
            {text_field("link", "Liên kết", "Link", |e| e.link.clone(), |e, v| e.link = v)}
            {text_field("note", "Ghi chú", "Note", |e| e.note.clone(), |e, v| e.note = v)}
            {status_select}
        </details>
    }
}
