//! "Xem bộ chỉ số": the open set as a document — per group the tree with maxima, how each
//! indicator is scored in words, the evidence it asks for (Tài liệu kiểm chứng) and where
//! it comes from — to read before answering, or to print.

use dti_engine::framework::{Framework, Indicator, Method, ProvenanceKind, Status, ZeroDenominator};
use dti_engine::number::format_compact;
use leptos::prelude::*;

use crate::i18n::{choice_label, group_name, indicator_name, pick, tr, Lang};
use crate::state::use_state;

/// The scoring rule of a leaf in words, with its points.
fn method_text(ind: &Indicator, lang: Lang) -> String {
    let max = format_compact(ind.max_points);
    let pts = tr(lang, "điểm", "points");
    let choices = |list: &[dti_engine::framework::Choice]| {
        list.iter().map(|c| format!("{} = {} {pts}", choice_label(lang, c), format_compact(c.points))).collect::<Vec<_>>().join("; ")
    };
    match &ind.method {
        None => String::new(),
        Some(Method::Points) => format!("{}: 0–{max} {pts}", tr(lang, "Chấm điểm trực tiếp", "Points given directly")),
        Some(Method::YesNo) => format!("{}: {} = {max} {pts}, {} = 0", tr(lang, "Có/Không", "Yes/No"), tr(lang, "có", "yes"), tr(lang, "không", "no")),
        Some(Method::Options { options }) => format!("{}: {}", tr(lang, "Chọn một", "One of"), choices(options)),
        Some(Method::Parts { parts }) => format!("{}: {}", tr(lang, "Cộng điểm từng điều kiện đạt", "Sum of the conditions met"), choices(parts)),
        Some(Method::Ratio { numerator_vi, numerator_en, denominator_vi, denominator_en, zero_denominator }) => {
            let zero = match zero_denominator {
                ZeroDenominator::Full => tr(lang, "đủ điểm", "full points"),
                ZeroDenominator::Zero => tr(lang, "0 điểm", "0 points"),
            };
            format!(
                "{}: ({}) / ({}) × {max}, {} {max} {pts}; {}: {zero}",
                tr(lang, "Tỷ lệ", "Ratio"),
                pick(lang, numerator_vi, numerator_en),
                pick(lang, denominator_vi, denominator_en),
                tr(lang, "tối đa", "at most"),
                tr(lang, "mẫu số bằng 0", "zero denominator"),
            )
        }
        Some(Method::Tiers { unit_vi, unit_en, tiers }) => {
            let unit = pick(lang, unit_vi, unit_en);
            let bands = tiers
                .iter()
                .rev()
                .map(|t| format!("{} {} {unit} = {} {pts}", tr(lang, "từ", "from"), format_compact(t.min), format_compact(t.points)))
                .collect::<Vec<_>>()
                .join("; ");
            format!("{} ({unit}): {bands}; {} = 0", tr(lang, "Theo bậc", "By tiers"), tr(lang, "thấp hơn", "below"))
        }
        Some(Method::Info) => tr(lang, "Chỉ ghi nhận thông tin, không tính điểm", "Recorded for information, not scored").to_owned(),
    }
}

fn provenance_text(ind: &Indicator, lang: Lang) -> String {
    let Some(p) = &ind.provenance else { return ind.source.clone() };
    let kind = match p.kind {
        ProvenanceKind::Published => tr(lang, "Đã công bố", "Published"),
        ProvenanceKind::Seed => tr(lang, "Theo văn bản gốc", "From the seed decision"),
        ProvenanceKind::Inferred => tr(lang, "Suy luận", "Inferred"),
    };
    let basis = pick(lang, &p.basis_vi, &p.basis_en);
    if basis.is_empty() { kind.to_owned() } else { format!("{kind}: {basis}") }
}

/// One table row per indicator of the group, depth first.
fn rows(framework: &Framework, group: &str, lang: Lang) -> impl IntoView {
    framework
        .nodes(group)
        .into_iter()
        .map(|node| {
            let ind = node.indicator;
            let how = if ind.is_leaf() {
                let rule = pick(lang, &ind.rule_vi, &ind.rule_en);
                let words = method_text(ind, lang);
                if rule.is_empty() { words } else { format!("{words}. {rule}") }
            } else {
                String::new()
            };
            view! {
                <tr class=format!("depth-{}", node.depth.min(3)) class:main-row=node.depth == 0>
                    <td>{ind.code.clone()}</td>
                    <td>{indicator_name(lang, ind)}</td>
                    <td class="num">{format_compact(ind.max_points)}</td>
                    <td>{how}</td>
                    <td>{pick(lang, &ind.evidence_vi, &ind.evidence_en).to_owned()}</td>
                    <td>{provenance_text(ind, lang)}</td>
                </tr>
            }
        })
        .collect_view()
}

fn document(framework: &Framework, lang: Lang) -> impl IntoView {
    let status = match framework.status {
        Status::Official => tr(lang, "bộ chỉ số chính thức", "official indicator set"),
        Status::Reference => tr(lang, "bộ chỉ số tham khảo, không phải bộ chính thức", "reference indicator set, not the official one"),
    };
    let groups = framework
        .groups
        .iter()
        .map(|g| {
            let heading = format!("{} ({} {})", group_name(lang, g), format_compact(g.max_points), tr(lang, "điểm", "points"));
            view! {
                <h3>{heading}</h3>
                <div class="table-wrap">
                    <table class="report-table set-table">
                        <thead><tr>
                            <th scope="col">{tr(lang, "Mã", "Code")}</th>
                            <th scope="col">{tr(lang, "Chỉ số", "Indicator")}</th>
                            <th scope="col">{tr(lang, "Điểm tối đa", "Maximum")}</th>
                            <th scope="col">{tr(lang, "Cách tính điểm", "How it is scored")}</th>
                            <th scope="col">{tr(lang, "Tài liệu kiểm chứng", "Evidence")}</th>
                            <th scope="col">{tr(lang, "Nguồn", "Source")}</th>
                        </tr></thead>
                        <tbody>{rows(framework, &g.id, lang)}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 id="set-viewer-title">{format!("{} — {}", framework.year, pick(lang, &framework.title_vi, &framework.title_en))}</h2>
        <p>{format!("{} · {}", framework.id, status)}</p>
        {(framework.status == Status::Reference).then(|| view! { <p>{pick(lang, &framework.status_note_vi, &framework.status_note_en).to_owned()}</p> })}
        {groups}
    }
}

/// Prints the viewer alone (the print style shows only `body.print-set .set-viewer`).
fn print_set() {
    let Some(window) = web_sys::window() else { return };
    let body = window.document().and_then(|d| d.body());
    if let Some(b) = &body {
        let _ = b.class_list().add_1("print-set");
    }
    let _ = window.print();
    if let Some(b) = &body {
        let _ = b.class_list().remove_1("print-set");
    }
}

#[component]
pub fn SetViewer() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    // The set of the open sheet as served or loaded, even for a draft kept under another
    // version: any of its files enables the button; the document needs the whole file,
    // fetched when the viewer opens (a first visit fetches only the open group's file).
    let set = Memo::new(move |_| {
        state.served.track();
        state.catalogue.track();
        let id = state.selection.with(|s| s.0.clone());
        state.loaded(&id).is_some().then(|| {
            let whole = state.whole(&id);
            let failed = state.served.with_untracked(|s| match s.sets.get(&(id.clone(), String::new())) {
                Some(crate::state::SetLoad::Failed(e)) => Some(e.clone()),
                _ => None,
            });
            (id, whole, failed)
        })
    });
    Effect::new(move |_| {
        if open.get() {
            if let Some((id, None, None)) = set.get() {
                state.want_whole(&id);
            }
        }
    });
    // While the whole file loads, or why it did not.
    let waiting = move || {
        let lang = state.lang.get();
        let (_, None, failed) = set.get()? else { return None };
        let text = failed.map_or_else(|| tr(lang, "Đang tải bộ chỉ số…", "Loading the indicator set…").to_owned(), |e| e.message(lang));
        Some(view! { <p class="set-viewer" role="status">{text}</p> })
    };
    let body = move || {
        let lang = state.lang.get();
        let framework = set.get()?.1?;
        Some(view! {
            <section class="set-viewer" aria-labelledby="set-viewer-title" data-testid="set-viewer">
                <div class="buttons no-print">
                    <button type="button" on:click=move |_| print_set()>{tr(lang, "In bộ chỉ số", "Print the set")}</button>
                    <button type="button" on:click=move |_| open.set(false)>{tr(lang, "Đóng", "Close")}</button>
                </div>
                {document(&framework, lang)}
            </section>
        })
    };
    view! {
        <button type="button" class="set-viewer-toggle" aria-expanded=move || open.get().to_string()
            disabled=move || set.with(Option::is_none)
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || tr(state.lang.get(), "Xem bộ chỉ số", "View the indicator set")}
        </button>
        {move || open.get().then(body)}
        {move || open.get().then(waiting)}
    }
}
