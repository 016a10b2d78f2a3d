//! What prints: the appendix as the decision lays it out — heading, then per group its
//! title, the table (Xếp hạng, Tên cơ quan, Tổng điểm, Mức xếp hạng) and its average.
//! Hidden on screen and built only while the page prints; the screen's filters and
//! sorting never reach it.

use dti_engine::council as output;
use dti_engine::number::format_points;
use dti_engine::Lang;
use leptos::prelude::*;

use crate::components::tables::use_tables;
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn PrintView() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    let work = use_work();
    let tables = use_tables();
    move || {
        if !page.printing.get() {
            return None;
        }
        let l = lang.get();
        let t = tables?.0.get()?.ok()?;
        if t.is_empty() {
            return None;
        }
        work.council.with(|c| {
            let f = c.as_ref()?.framework();
            let heading = if l == Lang::Vi {
                format!("KẾT QUẢ XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM {}", f.year)
            } else {
                format!("DIGITAL TRANSFORMATION RANKING RESULTS {}", f.year)
            };
            let annex = if l == Lang::Vi {
                "(Kèm theo Quyết định số      /QĐ-UBND ngày    /    /       của UBND tỉnh Lào Cai)"
            } else {
                "(Attached to Decision No.      /QĐ-UBND of    /    /       of the Lào Cai Provincial People's Committee)"
            };
            let head = output::headings(l);
            let groups = t
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let rows = t
                        .rows
                        .iter()
                        .map(|r| view! {
                            <tr>
                                <td class="num">{r.rank.to_string()}</td>
                                <td>{r.name.clone()}</td>
                                <td class="num">{format_points(r.total)}</td>
                                <td>{f.level_name(&r.level_id, l)}</td>
                            </tr>
                        })
                        .collect_view();
                    view! {
                        <h3>{output::table_title(f, t, i + 1, l)}</h3>
                        <table class="print-table">
                            <thead><tr><th>{head[0]}</th><th>{head[1]}</th><th>{head[2]}</th><th>{head[3]}</th></tr></thead>
                            <tbody>{rows}</tbody>
                            <tfoot><tr><td></td><th scope="row">{dti_engine::terms::AVERAGE.get(l)}</th><td class="num">{format_points(t.average)}</td><td></td></tr></tfoot>
                        </table>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="council-print">
                    <p class="print-annex-label">{if l == Lang::Vi { "PHỤ LỤC" } else { "APPENDIX" }}</p>
                    <h2 class="print-heading">{heading}</h2>
                    <p class="print-annex">{annex}</p>
                    {groups}
                </section>
            })
        })
    }
}
