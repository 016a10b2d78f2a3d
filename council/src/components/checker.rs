//! "Kiểm tra phụ lục": a published appendix beside the engine's recomputation, every
//! inconsistency listed with its figures and highlighted in the table. Opens on the
//! appendix shipped with the app (2022); another one can be pasted or loaded.

use dti_engine::number::format_points;
use dti_engine::{Error, Lang};
use leptos::prelude::*;

use dti_engine::check::Finding;
use dti_engine::council::checker::{compare, parse_appendix, ComparedGroup, Comparison};
use crate::i18n::{pick, tr};
use crate::state::{use_page, LoadedSet};

/// A checked appendix: its file name and the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub file: String,
    pub comparison: Comparison,
}

fn run(framework: &dti_engine::Framework, file: &str, bytes: &[u8]) -> Result<CheckReport, Error> {
    let rows = parse_appendix(framework, file, bytes)?;
    Ok(CheckReport { file: file.to_owned(), comparison: compare(framework, &rows)? })
}

#[component]
pub fn Checker() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    // The set the appendix is read against: by default the newest with published results.
    let chosen = RwSignal::new(None::<String>);
    let report = RwSignal::new(None::<Result<CheckReport, Error>>);
    let pasted = RwSignal::new(String::new());
    let set_of = move || -> Option<LoadedSet> {
        let id = chosen.get().or_else(|| page.index.with(|i| i.as_ref().and_then(|i| i.default_set()).map(|e| e.id.clone())))?;
        page.set(&id)
    };
    let check_bytes = move |file: String, bytes: Vec<u8>| {
        if let Some(set) = set_of() {
            report.set(Some(run(&set.framework, &file, &bytes)));
        }
    };
    // The shipped appendix, once the sets are in.
    let shipped = move || {
        let Some(set) = set_of() else { return };
        leptos::task::spawn_local(async move {
            match crate::sets::fetch_published(&set.entry).await {
                Some(Ok((file, text))) => report.set(Some(run(&set.framework, &file, text.as_bytes()))),
                Some(Err(e)) => report.set(Some(Err(e))),
                None => report.set(None),
            }
        });
    };
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if page.sets.with(Option::is_some) {
            shipped();
            true
        } else {
            false
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = crate::browser::files_of(input.files());
        input.set_value("");
        let Some(file) = files.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            let name = file.name();
            if let Err(e) = dti_engine::upload::check_size(&name, file.size()) {
                report.set(Some(Err(e)));
                return;
            }
            match crate::browser::read_bytes(&file).await {
                Ok(bytes) => check_bytes(name, bytes),
                Err(reason) => report.set(Some(Err(Error::catalogue(&name, format!("trình duyệt không đọc được tệp: {reason}"), format!("the browser could not read the file: {reason}"))))),
            }
        });
    };
    let check_pasted = move |_| {
        let text = pasted.get_untracked();
        let name = tr(lang.get_untracked(), "phụ lục dán vào", "pasted appendix").to_owned();
        check_bytes(name, text.into_bytes());
    };
    let set_options = move || {
        let l = lang.get();
        page.sets.with(|s| {
            s.iter().flatten().map(|set| {
                let id = set.entry.id.clone();
                let title = pick(l, &set.entry.title_vi, &set.entry.title_en).to_owned();
                view! { <option value=id.clone() selected=move || set_of().is_some_and(|s| s.entry.id == id)>{title}</option> }
            }).collect_view()
        })
    };
    view! {
        <section class="council-section" aria-labelledby="checker-title" data-testid="checker">
            <h2 id="checker-title">{move || tr(lang.get(), "Kiểm tra phụ lục xếp hạng", "Check a ranking appendix")}</h2>
            <p>{move || tr(lang.get(),
                "Phụ lục đã công bố đặt cạnh kết quả tính lại theo quy tắc của bộ chỉ số: mọi chỗ không thống nhất được nêu kèm số liệu và tô đậm trong bảng.",
                "The published appendix beside the recomputation by the set's rules: every inconsistency is listed with its figures and highlighted in the table.")}</p>
            <div class="checker-inputs">
                <label>{move || tr(lang.get(), "Bộ chỉ số", "Indicator set")}" "
                    <select on:change=move |ev| { chosen.set(Some(event_target_value(&ev))); }>{set_options}</select>
                </label>
                <button type="button" on:click=move |_| shipped()>{move || tr(lang.get(), "Kiểm tra phụ lục đã công bố của bộ này", "Check this set's published appendix")}</button>
                <label class="file-button">{move || tr(lang.get(), "Nạp phụ lục khác (CSV hoặc văn bản)", "Load another appendix (CSV or text)")}
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file data-testid="checker-file" />
                </label>
            </div>
            <label for="checker-paste">{move || tr(lang.get(),
                "Hoặc dán phụ lục: bảng sao chép từ Word hoặc Excel như trong quyết định, hoặc CSV với các cột group,rank,name,total,level,group_average",
                "Or paste an appendix: the tables copied from Word or Excel as in the decision, or CSV with the columns group,rank,name,total,level,group_average")}</label>
            <textarea id="checker-paste" rows="4" class="checker-paste" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <button type="button" on:click=check_pasted>{move || tr(lang.get(), "Kiểm tra phụ lục đã dán", "Check the pasted appendix")}</button>
            {move || {
                let l = lang.get();
                let set = set_of();
                match report.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="error-message" role="alert">{e.message(l)}</p> }.into_any(),
                    Some(Ok(r)) => match set {
                        Some(set) => view! { <ReportView report=r set=set lang=l /> }.into_any(),
                        None => ().into_any(),
                    },
                }
            }}
        </section>
    }
}

#[component]
fn ReportView(report: CheckReport, set: LoadedSet, lang: Lang) -> impl IntoView {
    let f = set.framework.clone();
    let c = &report.comparison;
    let count = c.findings.len();
    let summary = if count == 0 {
        tr(lang, "Không có chỗ nào không thống nhất.", "No inconsistency found.").to_owned()
    } else if lang == Lang::Vi {
        format!("{count} chỗ không thống nhất trong {}:", report.file)
    } else {
        format!("{count} inconsistencies in {}:", report.file)
    };
    let findings = c.findings.iter().map(|x| view! { <li>{x.message(&f, lang)}</li> }).collect_view();
    let groups = c.groups.iter().map(|g| group_table(&f, g, &c.findings, lang)).collect_view();
    view! {
        <div class="checker-report" role="status" aria-live="polite">
            <p class="checker-summary" data-testid="checker-summary"><strong>{summary}</strong></p>
            <ol class="findings" data-testid="checker-findings">{findings}</ol>
            {groups}
        </div>
    }
}

fn group_table(f: &dti_engine::Framework, g: &ComparedGroup, findings: &[Finding], lang: Lang) -> impl IntoView {
    let name = f.group_name(&g.group_id, lang);
    let rows = g
        .rows
        .iter()
        .map(|r| {
            let kinds: Vec<&Finding> = r.findings.iter().filter_map(|i| findings.get(*i)).collect();
            let rank_wrong = kinds.iter().any(|k| matches!(k, Finding::Rank { .. }));
            let level_wrong = kinds.iter().any(|k| matches!(k, Finding::Level { .. } | Finding::UnknownLevel { .. }));
            let other_wrong = kinds.iter().any(|k| !matches!(k, Finding::Rank { .. } | Finding::Level { .. } | Finding::UnknownLevel { .. }));
            let level = f.level_name(&r.level_id, lang);
            view! {
                <tr class:flagged=!kinds.is_empty()>
                    <td class="num" class:wrong=rank_wrong>{r.printed_rank.to_string()}</td>
                    <td class="num" class:wrong=rank_wrong>{r.rank.to_string()}</td>
                    <td class:wrong=other_wrong>{r.name.clone()}</td>
                    <td class="num">{format_points(r.total)}</td>
                    <td class:wrong=level_wrong>{r.printed_level.clone()}</td>
                    <td><span class=format!("level level-{}", r.level_id)>{level}</span></td>
                </tr>
            }
        })
        .collect_view();
    let average_wrong = !g.findings.is_empty();
    view! {
        <table class="council-table checker-table">
            <caption>{name}</caption>
            <thead><tr>
                <th scope="col">{tr(lang, "Xếp hạng (in)", "Rank (printed)")}</th>
                <th scope="col">{tr(lang, "Xếp hạng (tính lại)", "Rank (recomputed)")}</th>
                <th scope="col">{tr(lang, "Tên cơ quan", "Agency")}</th>
                <th scope="col">{tr(lang, "Tổng điểm", "Total score")}</th>
                <th scope="col">{tr(lang, "Mức xếp hạng (in)", "Level (printed)")}</th>
                <th scope="col">{tr(lang, "Mức theo quy tắc", "Level by the rule")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr class:flagged=average_wrong>
                <th scope="row" colspan="3">{tr(lang, "Điểm trung bình (in / tính lại)", "Average score (printed / recomputed)")}</th>
                <td class="num" class:wrong=average_wrong>{format_points(g.printed_average)}</td>
                <td class="num" class:wrong=average_wrong colspan="2">{format_points(g.average)}</td>
            </tr></tfoot>
        </table>
    }
}
