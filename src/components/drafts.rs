//! Several drafts side by side: open, duplicate, delete (confirmed, with undo while the
//! page is open), start a new one. The name of a draft is its agency's name.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::{use_state, DraftRow};

#[component]
pub fn Drafts() -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(None::<u32>);
    // Each line is scored only when its draft changes (state::draft_rows); the list is
    // keyed by draft id, so a keystroke updates the open draft's line and no other.
    let rows = state.draft_rows();
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.id).collect::<Vec<u32>>()));
    let current = Memo::new(move |_| state.workspace.with(|w| w.current));
    let undo = move |_| state.undo_delete();
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
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            <DraftLine id=id rows=rows current=current confirming=confirming />
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" on:click=move |_| state.new_draft()>{move || tr(state.lang.get(), "Tạo phiếu mới", "New draft")}</button>
        </section>
    }
}

/// One draft's line; its cells follow its own row, so other lines stay as they are.
#[component]
fn DraftLine(id: u32, rows: Memo<Vec<DraftRow>>, current: Memo<u32>, confirming: RwSignal<Option<u32>>) -> impl IntoView {
    let state = use_state();
    let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.id == id).cloned()));
    let cell = move |f: fn(&DraftRow) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let is_current = move || current.get() == id;
    let name = Memo::new(move |_| {
        let lang = state.lang.get();
        row.with(|r| match r {
            Some(r) if !r.agency.trim().is_empty() => r.agency.clone(),
            _ => tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned(),
        })
    });
    let label = move |vi: &'static str, en: &'static str| move || format!("{} {}", tr(state.lang.get(), vi, en), name.get());
    let text = move |vi: &'static str, en: &'static str| move || tr(state.lang.get(), vi, en);
    view! {
        <tr class:current=is_current>
            <th scope="row">{move || name.get()}</th>
            <td data-label=text("Năm", "Year")>{cell(|r| r.set.clone())}</td>
            <td data-label=text("Nhóm", "Group")>{cell(|r| r.group.clone())}</td>
            <td class="num" data-label=text("Tổng điểm", "Total")>{cell(|r| r.total.clone())}</td>
            <td data-label=text("Mức xếp hạng", "Level")>{cell(|r| r.level.clone())}</td>
            <td data-label=text("Cập nhật lần cuối", "Last updated")>{cell(|r| r.updated.clone())}{move || row.with(|r| r.as_ref().is_some_and(|r| r.conflict)).then(|| view! { " " <span class="conflict-tag">{text("Bản xung đột", "Conflict copy")}</span> })}</td>
            <td class="actions">
                {move || if is_current() {
                    view! { <span class="current-tag">{text("Đang mở", "Open now")}</span> }.into_any()
                } else {
                    view! { <button type="button" aria-label=label("Mở phiếu", "Open draft") on:click=move |_| state.open_draft(id)>{text("Mở", "Open")}</button> }.into_any()
                }}
                <button type="button" aria-label=label("Nhân bản phiếu", "Duplicate draft")
                    on:click=move |_| state.duplicate_draft(id, tr(state.lang.get_untracked(), " (bản sao)", " (copy)"))>{text("Nhân bản", "Duplicate")}</button>
                {move || if confirming.get() == Some(id) {
                    view! {
                        <span class="confirm" role="group" aria-label=text("Xác nhận xóa", "Confirm deletion")>
                            {text("Xóa phiếu này?", "Delete this draft?")}" "
                            <button type="button" class="danger" on:click=move |_| {
                                state.delete_draft(id);
                                confirming.set(None);
                            }>{text("Xóa", "Delete")}</button>
                            <button type="button" on:click=move |_| confirming.set(None)>{text("Hủy", "Cancel")}</button>
                        </span>
                    }.into_any()
                } else {
                    view! { <button type="button" aria-label=label("Xóa phiếu", "Delete draft") on:click=move |_| confirming.set(Some(id))>{text("Xóa", "Delete")}</button> }.into_any()
                }}
            </td>
        </tr>
    }
}
