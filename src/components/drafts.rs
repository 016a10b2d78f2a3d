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

/// A text of the line (one closure type for all of them).
fn cell(row: Memo<Option<DraftRow>>, field: fn(&DraftRow) -> &String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || row.with(|r| r.as_ref().map(|r| field(r).clone()).unwrap_or_default())
}

/// Whether the line is there and `f` holds of it (one memo type for all of them).
fn flag(row: Memo<Option<DraftRow>>, f: fn(&DraftRow) -> bool) -> Memo<bool> {
    Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(f)))
}

/// The draft's name, after `what` when given: the name cell and the buttons' labels.
fn named(row: Memo<Option<DraftRow>>, lang: crate::i18n::Lang, what: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        let name = row.with(|r| match r {
            Some(r) if !r.agency.trim().is_empty() => r.agency.clone(),
            _ => tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned(),
        });
        if what.is_empty() { name } else { format!("{what} {name}") }
    }
}

/// One draft's line, built once per language and open or conflict state; when its own
/// row changes (the open draft's total, while typing) only the texts that changed update.
#[component]
fn DraftLine(id: u32, rows: Memo<Vec<DraftRow>>, confirming: RwSignal<Option<u32>>) -> impl IntoView {
    let state = use_state();
    let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.id == id).cloned()));
    let present = flag(row, |_| true);
    let open = flag(row, |r| r.open);
    let conflict = flag(row, |r| r.conflict);
    move || {
        let lang = state.lang.get();
        if !present.get() {
            return None;
        }
        let name = named(row, lang, "");
        let delete_label = named(row, lang, tr(lang, "Xóa phiếu", "Delete draft"));
        let open_label = named(row, lang, tr(lang, "Mở phiếu", "Open draft"));
        let copy_label = named(row, lang, tr(lang, "Nhân bản phiếu", "Duplicate draft"));
        Some(view! {
            <tr class:current=open.get()>
                <th scope="row">{name}</th>
                <td data-label=tr(lang, "Năm", "Year")>{cell(row, |r| &r.set)}</td>
                <td data-label=tr(lang, "Nhóm", "Group")>{cell(row, |r| &r.group)}</td>
                <td class="num" data-label=tr(lang, "Tổng điểm", "Total")>{cell(row, |r| &r.total)}</td>
                <td data-label=tr(lang, "Mức xếp hạng", "Level")>{cell(row, |r| &r.level)}</td>
                <td data-label=tr(lang, "Cập nhật lần cuối", "Last updated")>{cell(row, |r| &r.updated)}{conflict.get().then(|| view! { " " <span class="conflict-tag">{tr(lang, "Bản xung đột", "Conflict copy")}</span> })}</td>
                <td class="actions">
                    {if open.get() {
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
                        view! { <button type="button" aria-label=delete_label on:click=move |_| confirming.set(Some(id))>{tr(lang, "Xóa", "Delete")}</button> }.into_any()
                    }}
                </td>
            </tr>
        })
    }
}
