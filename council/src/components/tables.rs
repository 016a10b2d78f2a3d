//! The ranked tables of every group, in the appendix's form: Xếp hạng, Tên cơ quan,
//! Tổng điểm, Mức xếp hạng, then the group's Điểm trung bình. Levels coloured; the
//! rows can be sorted by a column and filtered by name or level (the print view and the
//! downloads always give the whole appendix).

use dti_engine::council::{Row, Table};

use dti_engine::council as output;
use dti_engine::number::format_points;
use dti_engine::text::name_key;
use dti_engine::{Framework, Lang};
use leptos::prelude::*;

use crate::i18n::{pick, tr};
use crate::state::use_page;
use crate::work::use_work;

/// Rows drawn per group on screen until "Hiện tất cả các dòng".
const SCREEN_ROWS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Rank,
    Name,
    Total,
}

/// The tables of the council, shared by the screen, the print view and the downloads.
#[derive(Clone, Copy)]
pub struct Tables(pub Memo<Option<Result<Vec<Table>, dti_engine::Error>>>);

pub fn provide_tables() -> Tables {
    let work = use_work();
    // Not while an import runs: ranking and drawing thousands of rows after every chunk
    // would make the import quadratic; the tables come once it ends.
    let t = Tables(Memo::new(move |_| {
        if work.progress.with(Option::is_some) {
            return None;
        }
        work.council.with(|c| c.as_ref().map(dti_engine::council::Council::tables))
    }));
    provide_context(t);
    t
}

#[must_use]
pub fn use_tables() -> Option<Tables> {
    use_context::<Tables>()
}

#[component]
pub fn RankedTables() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    let tables = use_tables();
    let sort = RwSignal::new((SortBy::Rank, false));
    let filter = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let level_options = move || {
        let l = lang.get();
        work.council.with(|c| {
            c.as_ref().map(|c| {
                c.framework()
                    .levels
                    .iter()
                    .map(|lv| view! { <option value=lv.id.clone()>{pick(l, &lv.name_vi, &lv.name_en).to_owned()}</option> })
                    .collect_view()
            })
        })
    };
    let body = move || {
        let l = lang.get();
        let (by, desc) = sort.get();
        let key = name_key(&filter.get());
        let level = level.get();
        let all = show_all.get();
        let t = tables?.0.get()?;
        let tables = match t {
            Ok(t) => t,
            Err(e) => return Some(view! { <p class="error-message" role="alert">{e.message(l)}</p> }.into_any()),
        };
        if tables.is_empty() {
            return Some(view! { <p>{tr(l, "Chưa có cơ quan nào được xếp hạng.", "No agency ranked yet.")}</p> }.into_any());
        }
        work.council.with(|c| {
            let f = c.as_ref()?.framework();
            Some(
                tables
                    .iter()
                    .enumerate()
                    .map(|(i, t)| group_table(f, t, i, l, (by, desc), &key, &level, sort, work, (all, show_all)))
                    .collect_view()
                    .into_any(),
            )
        })
    };
    let header_button = move |by: SortBy, vi: &'static str, en: &'static str| {
        view! {
            <button type="button" class="sort-button" aria-pressed=move || (sort.get().0 == by).to_string()
                on:click=move |_| sort.update(|s| *s = if s.0 == by { (by, !s.1) } else { (by, false) })>
                {move || tr(lang.get(), vi, en)}
            </button>
        }
    };
    view! {
        <section class="council-section" aria-labelledby="tables-title">
            <h2 id="tables-title">{move || tr(lang.get(), "Bảng xếp hạng theo nhóm", "Ranking tables by group")}</h2>
            <div class="table-tools" role="group" aria-label=move || tr(lang.get(), "Sắp xếp và lọc", "Sort and filter")>
                <label for="rank-filter">{move || tr(lang.get(), "Lọc theo tên", "Filter by name")}</label>
                <input id="rank-filter" type="search" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <label for="rank-level">{move || tr(lang.get(), "Mức xếp hạng", "Level")}</label>
                <select id="rank-level" on:change=move |ev| level.set(event_target_value(&ev))>
                    <option value="">{move || tr(lang.get(), "Tất cả", "All")}</option>
                    {level_options}
                </select>
                <span>{move || tr(lang.get(), "Sắp xếp:", "Sort:")}</span>
                {header_button(SortBy::Rank, "Xếp hạng", "Rank")}
                {header_button(SortBy::Name, "Tên cơ quan", "Agency")}
                {header_button(SortBy::Total, "Tổng điểm", "Total score")}
            </div>
            <div id="ranked-tables" data-testid="ranked-tables">{body}</div>
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn group_table(
    f: &Framework,
    t: &Table,
    index: usize,
    l: Lang,
    (by, desc): (SortBy, bool),
    key: &str,
    level: &str,
    sort: RwSignal<(SortBy, bool)>,
    work: crate::work::Work,
    (all, show_all): (bool, RwSignal<bool>),
) -> impl IntoView {
    let mut rows: Vec<&Row> = t.rows.iter().filter(|r| (key.is_empty() || name_key(&r.name).contains(key)) && (level.is_empty() || r.level_id == level)).collect();
    match by {
        SortBy::Rank => {}
        // Vietnamese alphabetical order (a < ă < â, tone marks after letters): the browser's
        // collation, as a reader of the list expects it.
        SortBy::Name => {
            let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("vi"));
            let options = js_sys::Object::new();
            rows.sort_by(|a, b| js_sys::JsString::from(a.name.as_str()).locale_compare(&b.name, &locales, &options).cmp(&0));
        }
        SortBy::Total => rows.sort_by_key(|r| std::cmp::Reverse(r.total)),
    }
    if desc {
        rows.reverse();
    }
    let shown = rows.len();
    // Thousands of rows take seconds to draw: the screen shows the first ones until asked
    // (the print view, the downloads and the copy always have every row).
    let cut = !all && shown > SCREEN_ROWS;
    rows.truncate(if cut { SCREEN_ROWS } else { shown });
    let head = output::headings(l);
    let aria = move |which: SortBy| {
        let (b, d) = sort.get_untracked();
        if b != which {
            "none"
        } else if d == (which == SortBy::Name) {
            // Names read A→Z by default; ranks and totals from the top.
            "descending"
        } else {
            "ascending"
        }
    };
    let body = rows
        .into_iter()
        .map(|r| {
            let id = r.entry;
            let is_sheet = r.basis != dti_engine::council::Basis::Totals;
            let name = r.name.clone();
            view! {
                <tr data-basis=r.basis.id()>
                    <td class="num">{r.rank.to_string()}</td>
                    <td>{if is_sheet {
                        view! { <button type="button" class="link-button" on:click=move |_| work.open_entry.set(Some(id))>{name}</button> }.into_any()
                    } else { name.into_any() }}</td>
                    <td class="num">{format_points(r.total)}</td>
                    <td><span class=format!("level level-{}", r.level_id)>{f.level_name(&r.level_id, l)}</span></td>
                </tr>
            }
        })
        .collect_view();
    let filtered = shown != t.rows.len();
    view! {
        <table class="council-table ranked-table" data-group=t.group_id.clone() data-rows=t.rows.len().to_string()>
            <caption>{output::table_title(f, t, index + 1, l)}
                {filtered.then(|| if l == Lang::Vi { format!(" — đang lọc: {shown}/{}", t.rows.len()) } else { format!(" — filtered: {shown}/{}", t.rows.len()) })}
            </caption>
            <thead><tr>
                <th scope="col" aria-sort=aria(SortBy::Rank)>{head[0]}</th>
                <th scope="col" aria-sort=aria(SortBy::Name)>{head[1]}</th>
                <th scope="col" aria-sort=aria(SortBy::Total)>{head[2]}</th>
                <th scope="col">{head[3]}</th>
            </tr></thead>
            <tbody>{body}</tbody>
            {cut.then(|| view! {
                <tbody><tr><td colspan="4">
                    {if l == Lang::Vi { format!("Đang hiện {SCREEN_ROWS} / {shown} dòng. ") } else { format!("Showing {SCREEN_ROWS} of {shown} rows. ") }}
                    <button type="button" on:click=move |_| show_all.set(true)>{tr(l, "Hiện tất cả các dòng", "Show every row")}</button>
                </td></tr></tbody>
            })}
            <tfoot><tr class="average-row">
                <td></td>
                <th scope="row">{dti_engine::terms::AVERAGE.get(l)}</th>
                <td class="num">{format_points(t.average)}</td>
                <td></td>
            </tr></tfoot>
        </table>
    }
}
