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
                        <For each=move || rows.with(|r| r.iter().map(|r| r.id).collect::<Vec<u32>>()) key=|id| *id let:id>
                            <DraftLine id=id rows=rows confirming=confirming />
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" on:click=move |_| state.new_draft()>{move || tr(state.lang.get(), "Tạo phiếu mới", "New draft")}</button>
        </section>
    }
}

/// One draft's line, rebuilt only when its own name, set, group or state changes; its
/// figures follow the row as texts of their own, so a keystroke in the open draft rewrites
/// its total and level, not the line.
#[component]
fn DraftLine(id: u32, rows: Memo<Vec<DraftRow>>, confirming: RwSignal<Option<u32>>) -> impl IntoView {
    let state = use_state();
    let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.id == id).cloned()));
    let shape = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| (r.agency.clone(), r.set.clone(), r.group.clone(), r.conflict, r.open))));
    let text = move |field: fn(&DraftRow) -> &str| move || row.with(|r| r.as_ref().map(|r| field(r).to_owned()).unwrap_or_default());
    move || {
        let lang = state.lang.get();
        let (agency, set, group, conflict, open) = shape.get()?;
        let name = if agency.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned() } else { agency };
        let delete_label = format!("{} {name}", tr(lang, "Xóa phiếu", "Delete draft"));
        let open_label = format!("{} {name}", tr(lang, "Mở phiếu", "Open draft"));
        let copy_label = format!("{} {name}", tr(lang, "Nhân bản phiếu", "Duplicate draft"));
        Some(view! {
            <tr class:current=open>
                <th scope="row">{name}</th>
                <td data-label=tr(lang, "Năm", "Year")>{set}</td>
                <td data-label=tr(lang, "Nhóm", "Group")>{group}</td>
                <td class="num" data-label=tr(lang, "Tổng điểm", "Total")>{text(|r| &r.total)}</td>
                <td data-label=tr(lang, "Mức xếp hạng", "Level")>{text(|r| &r.level)}</td>
                <td data-label=tr(lang, "Cập nhật lần cuối", "Last updated")>{text(|r| &r.updated)}{conflict.then(|| view! { " " <span class="conflict-tag">{tr(lang, "Bản xung đột", "Conflict copy")}</span> })}</td>
                <td class="actions">
                    {if open {
                        view! { <span class="current-tag">{tr(lang, "Đang mở", "Open now")}</span> }.into_any()
                    } else {
                        view! { <button type="button" aria-label=open_label on:click=move |_| state.open_draft(id)>{tr(lang, "Mở", "Open")}</button> }.into_any()
                    }}
                    <button type="button" aria-label=copy_label
                        on:click=move |_| state.duplicate_draft(id, tr(lang, " (bản sao)", " (copy)"))>{tr(lang, "Nhân bản", "Duplicate")}</button>
                    {move || if confirming.get() == Some(id) {
                        view! {
                            <span class="confirm" role="group" aria-label=tr(lang, "Xác nhận xóa", "Confirm deletion")>
                                {tr(lang, "Xóa phiếu này?", "Delete this draft?")}" "
                                <button type="button" class="danger" on:click=move |_| {
                                    state.delete_draft(id);
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
        })
    }
}
