//! Several drafts side by side: open, duplicate, delete (confirmed, with undo while the
//! page is open), start a new one. The name of a draft is its agency's name.

use dti_engine::number::{format_compact, format_points};
use dti_engine::sheet::evaluate;
use leptos::prelude::*;

use crate::i18n::{group_name, tr};
use crate::state::{now, open_set, use_state, OpenSet};

/// One line of the list, computed by the engine.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: u32,
    agency: String,
    set: String,
    group: String,
    total: String,
    level: String,
    updated: String,
    /// A copy kept when the draft was changed in two tabs at once.
    conflict: bool,
}

fn local_time(iso: &str, lang: crate::i18n::Lang) -> String {
    if iso.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    String::from(date.to_locale_string(tr(lang, "vi-VN", "en-GB"), &wasm_bindgen::JsValue::UNDEFINED))
}

#[component]
pub fn Drafts() -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(None::<u32>);
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        state.workspace.with(|w| state.catalogue.with(|c| state.served.with(|served| {
            w.drafts
                .iter()
                .map(|d| {
                    let year = c.get(&d.sheet.framework).map_or_else(|| d.sheet.framework.clone(), |l| l.entry.year.to_string());
                    let (group, total, level) = match open_set(c, served, &d.sheet) {
                        OpenSet::Ready(f) => {
                            let group = f.group(&d.sheet.group).map(|g| group_name(lang, g)).unwrap_or_default();
                            let (total, level) = match evaluate(&f, &d.sheet) {
                                Ok(r) => (
                                    format!("{} / {}", format_points(r.standing.total), format_compact(r.standing.max)),
                                    f.level_name(&r.standing.level_id, lang),
                                ),
                                Err(e) => (e.message(lang), String::new()),
                            };
                            (group, total, level)
                        }
                        // Never scored under another version; other sets load when opened.
                        OpenSet::Stale { .. } => (d.sheet.group.clone(), tr(lang, "— (phiên bản bộ chỉ số khác)", "— (another version of the set)").to_owned(), String::new()),
                        _ => (d.sheet.group.clone(), String::new(), String::new()),
                    };
                    Row { id: d.id, agency: d.sheet.agency.clone(), set: year, group, total, level, updated: local_time(&d.updated, lang), conflict: d.conflict_of.is_some() }
                })
                .collect::<Vec<_>>()
        })))
    });
    let current = move || state.workspace.with(|w| w.current);
    let new_draft = move |_| {
        let (framework, group) = state.selection.get_untracked();
        state.workspace.update(|w| {
            w.new_draft(&framework, &group, "");
        });
    };
    let undo = move |_| {
        if let Some((index, draft)) = state.deleted.get_untracked() {
            state.workspace.update(|w| w.restore(index, draft));
            state.deleted.set(None);
        }
    };
    let row_view = move |r: Row| {
        let lang = state.lang.get();
        let id = r.id;
        let is_current = move || current() == id;
        let name = if r.agency.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned() } else { r.agency.clone() };
        let delete_label = format!("{} {name}", tr(lang, "Xóa phiếu", "Delete draft"));
        let open_label = format!("{} {name}", tr(lang, "Mở phiếu", "Open draft"));
        let copy_label = format!("{} {name}", tr(lang, "Nhân bản phiếu", "Duplicate draft"));
        view! {
            <tr class:current=is_current>
                <th scope="row">{name.clone()}</th>
                <td data-label=tr(lang, "Năm", "Year")>{r.set}</td>
                <td data-label=tr(lang, "Nhóm", "Group")>{r.group}</td>
                <td class="num" data-label=tr(lang, "Tổng điểm", "Total")>{r.total}</td>
                <td data-label=tr(lang, "Mức xếp hạng", "Level")>{r.level}</td>
                <td data-label=tr(lang, "Cập nhật lần cuối", "Last updated")>{r.updated}{r.conflict.then(|| view! { " " <span class="conflict-tag">{tr(lang, "Bản xung đột", "Conflict copy")}</span> })}</td>
                <td class="actions">
                    {move || if is_current() {
                        view! { <span class="current-tag">{tr(lang, "Đang mở", "Open now")}</span> }.into_any()
                    } else {
                        view! { <button type="button" aria-label=open_label.clone() on:click=move |_| state.workspace.update(|w| w.open_draft(id))>{tr(lang, "Mở", "Open")}</button> }.into_any()
                    }}
                    <button type="button" aria-label=copy_label on:click=move |_| state.workspace.update(|w| {
                        w.duplicate(id, tr(lang, " (bản sao)", " (copy)"), now());
                    })>{tr(lang, "Nhân bản", "Duplicate")}</button>
                    {move || if confirming.get() == Some(id) {
                        view! {
                            <span class="confirm" role="group" aria-label=tr(lang, "Xác nhận xóa", "Confirm deletion")>
                                {tr(lang, "Xóa phiếu này?", "Delete this draft?")}" "
                                <button type="button" class="danger" on:click=move |_| {
                                    let removed = state.workspace.try_update(|w| w.remove(id)).flatten();
                                    state.deleted.set(removed);
                                    confirming.set(None);
                                }>{tr(lang, "Xóa", "Delete")}</button>
                                <button type="button" on:click=move |_| confirming.set(None)>{tr(lang, "Hủy", "Cancel")}</button>
                            </span>
                        }.into_any()
                    } else {
                        view! { <button type="button" aria-label=delete_label.clone() on:click=move |_| confirming.set(Some(id))>{tr(lang, "Xóa", "Delete")}</button> }.into_any()
                    }}
                </td>
            </tr>
        }
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{move || tr(state.lang.get(), "Các phiếu đang soạn", "Drafts")}</h2>
            {move || state.deleted.get().map(|(_, d)| {
                let lang = state.lang.get();
                view! {
                    <p class="notice-undo" role="status">
                        {format!("{} {}. ", tr(lang, "Đã xóa phiếu", "Deleted draft"), d.sheet.agency)}
                        <button type="button" on:click=undo>{tr(lang, "Hoàn tác", "Undo")}</button>
                    </p>
                }
            })}
            <div class="table-wrap">
                <table>
                    <thead><tr>{move || {
                        let lang = state.lang.get();
                        [("Cơ quan, đơn vị, địa phương", "Agency or locality"), ("Năm", "Year"), ("Nhóm", "Group"), ("Tổng điểm", "Total"), ("Mức xếp hạng", "Level"), ("Cập nhật lần cuối", "Last updated"), ("Thao tác", "Actions")]
                            .into_iter()
                            .map(|(vi, en)| view! { <th scope="col">{tr(lang, vi, en)}</th> })
                            .collect_view()
                    }}</tr></thead>
                    <tbody>{move || rows.get().into_iter().map(row_view).collect_view()}</tbody>
                </table>
            </div>
            <button type="button" on:click=new_draft>{move || tr(state.lang.get(), "Tạo phiếu mới", "New draft")}</button>
        </section>
    }
}
