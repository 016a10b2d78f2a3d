//! Every imported file and the agencies it gave: self total, appraised total where there
//! is one, and which of them ranks the agency. Folded when long (thousands of files).

use dti_engine::council::Basis;
use dti_engine::number::format_points;
use dti_engine::Lang;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;
use crate::work::use_work;

/// Lists up to this many entries open by default; longer lists start folded.
const OPEN_UP_TO: usize = 100;

#[component]
pub fn Entries() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    // Counted once an import ends, not after every slice of it.
    let importing = move || work.progress.with(Option::is_some);
    let count = Memo::new(move |prev: Option<&usize>| {
        if importing() {
            return prev.copied().unwrap_or(0);
        }
        work.council.with(|c| c.as_ref().map_or(0, |c| c.entries().len()))
    });
    let files = Memo::new(move |prev: Option<&usize>| {
        if importing() {
            return prev.copied().unwrap_or(0);
        }
        work.council.with(|c| c.as_ref().map_or(0, |c| c.files().len()))
    });
    let open = RwSignal::new(None::<bool>);
    let is_open = move || open.get().unwrap_or(count.get() <= OPEN_UP_TO);
    let rows = move || {
        if !is_open() || work.progress.with(Option::is_some) {
            return None;
        }
        let l = lang.get();
        work.council.with(|c| {
            let c = c.as_ref()?;
            let f = c.framework();
            Some(
                c.entries()
                    .iter()
                    .map(|e| {
                        let appraised = match &e.appraisal {
                            Some(a) if a.complete => format_points(a.total),
                            Some(a) if l == Lang::Vi => format!("{}/{} chỉ số đã thẩm định", a.count, a.of),
                            Some(a) => format!("{}/{} indicators appraised", a.count, a.of),
                            None => String::new(),
                        };
                        let self_total = e.self_total.map(format_points).unwrap_or_default();
                        let basis = e.basis;
                        let id = e.id;
                        let file_id = e.file_id;
                        let has_sheet = basis != Basis::Totals;
                        view! {
                            <tr>
                                <td>{e.source.label(l)}</td>
                                <td>{e.name.clone()}</td>
                                <td>{f.group_name(&e.group_id, l)}</td>
                                <td class="num">{self_total}</td>
                                <td class="num">{appraised}</td>
                                <td><span class=format!("basis basis-{}", basis.id())>{basis.label(l)}</span>" · "{format_points(e.total)}</td>
                                <td class="actions">
                                    {has_sheet.then(|| view! {
                                        <button type="button" on:click=move |_| work.open_entry.set(Some(id))>{tr(l, "Xem phiếu", "View sheet")}</button>
                                    })}
                                    <button type="button" on:click=move |_| work.remove_file(file_id)>{tr(l, "Bỏ tệp", "Remove file")}</button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="council-section" aria-labelledby="entries-title">
            <h2 id="entries-title">{move || tr(lang.get(), "Các tệp đã nạp", "Imported files")}</h2>
            <p data-testid="entries-count">{move || {
                let (n, f) = (count.get(), files.get());
                if lang.get() == Lang::Vi { format!("{f} tệp, {n} cơ quan, đơn vị, địa phương.") } else { format!("{f} files, {n} agencies or localities.") }
            }}</p>
            <div class="entries-actions">
                <button type="button" aria-expanded=move || is_open().to_string() aria-controls="entries-table"
                    on:click=move |_| open.set(Some(!is_open()))>
                    {move || if is_open() { tr(lang.get(), "Ẩn danh sách", "Hide the list") } else { tr(lang.get(), "Hiện danh sách", "Show the list") }}
                </button>
                <button type="button" on:click=move |_| work.clear() prop:disabled=move || files.get() == 0>
                    {move || tr(lang.get(), "Xóa tất cả các tệp đã nạp", "Remove every imported file")}
                </button>
            </div>
            <div class="table-scroll" id="entries-table">
                {move || is_open().then(|| { let l = lang.get(); view! {
                    <table class="council-table entries-table" data-testid="entries">
                        <thead><tr>
                            <th scope="col">{tr(l, "Tệp", "File")}</th>
                            <th scope="col">{tr(l, "Tên cơ quan", "Agency")}</th>
                            <th scope="col">{tr(l, "Nhóm", "Group")}</th>
                            <th scope="col">{tr(l, "Tự đánh giá", "Self-assessment")}</th>
                            <th scope="col">{tr(l, "Thẩm định", "Appraisal")}</th>
                            <th scope="col">{tr(l, "Xếp hạng theo", "Ranked by")}</th>
                            <th scope="col"><span class="visually-hidden">{tr(l, "Thao tác", "Actions")}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }})}
            </div>
        </section>
    }
}
