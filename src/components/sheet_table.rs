//! "Dạng bảng": one row per indicator, as in the agencies' Excel grid — Mã, Chỉ số, Điểm
//! tối đa, Tự đánh giá (the method's control, compact), Điểm, Thẩm định (the council's
//! points, one number whatever the method), Chênh lệch, Minh chứng — with a section row
//! and subtotal per main indicator, a sticky header and a totals row. Enter or ↓ moves to
//! the same field of the next row, ↑ back (in a select ↑↓ change the choice, Enter moves).

use dti_engine::framework::{Framework, Indicator, Method};
use dti_engine::number::{format_compact, format_points, parse_vn};
use dti_engine::sheet::{score, score_appraised, Answer, Field, Outcome, WorkStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::method_controls::field_id;
use crate::i18n::{choice_label, indicator_name, pick, tr, Lang};
use crate::state::{use_state, Side};

const STATUSES: [(WorkStatus, &str); 4] = [
    (WorkStatus::NotStarted, "not_started"),
    (WorkStatus::InProgress, "in_progress"),
    (WorkStatus::NeedsEvidence, "needs_evidence"),
    (WorkStatus::Done, "done"),
];

fn earned(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Scored(p) => format_points(*p),
        _ => "—".to_owned(),
    }
}

#[component]
pub fn SheetTable() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let (_, group) = state.selection.get();
        let Some(framework) = state.framework.get() else {
            return view! { <p class="error-message">{tr(lang, "Không tải được bộ chỉ số.", "The indicator set could not be loaded.")}</p> }.into_any();
        };
        table(&framework, &group, lang).into_any()
    }
}

fn table(framework: &Framework, group: &str, lang: Lang) -> impl IntoView {
    let state = use_state();
    let heads = [
        ("Mã", "Code"),
        ("Chỉ số", "Indicator"),
        ("Điểm tối đa", "Maximum points"),
        ("Tự đánh giá", "Self-assessment"),
        ("Điểm", "Points"),
        ("Thẩm định", "Appraisal"),
        ("Chênh lệch", "Difference"),
        ("Minh chứng", "Evidence"),
    ]
    .into_iter()
    .map(|(vi, en)| {
        // Chênh lệch names its direction here too.
        let head = if vi == "Chênh lệch" { dti_engine::sheet::difference_label(lang) } else { tr(lang, vi, en).to_owned() };
        view! { <th scope="col">{head}</th> }
    })
    .collect_view();
    let sections = framework.mains(group).into_iter().map(|main| section(main, lang)).collect_view();
    // The totals row, formatted once per change of the result.
    let totals = Memo::new(move |_| {
        state.result.with(|r| match r {
            Some(Ok(r)) => [
                format_compact(r.standing.max),
                format_points(r.standing.total),
                r.appraisal.as_ref().map_or_else(|| "—".to_owned(), |a| format_points(a.total)),
                r.difference().map_or_else(|| "—".to_owned(), format_points),
                format!("{} {}", r.without_evidence, tr(lang, "chưa có minh chứng", "without evidence")),
            ],
            _ => Default::default(),
        })
    });
    let cell = move |i: usize| move || totals.with(|t| t[i].clone());
    view! {
        <div class="sheet-table-wrap">
            <table class="sheet-table" id="sheet-table" data-testid="sheet-table" on:keydown=navigate>
                <caption>
                    {tr(lang, "Bảng chấm điểm. Enter hoặc ↓: sang dòng dưới, ↑: lên dòng trên (trong ô chọn, ↑↓ đổi lựa chọn). Thẩm định: nhập điểm Hội đồng cho, từ 0 đến điểm tối đa.",
                        "Scoring table. Enter or ↓: next row, ↑: previous row (in a select, ↑↓ change the choice). Appraisal: type the points the council gives, 0 to the maximum.")}
                </caption>
                <thead><tr>{heads}</tr></thead>
                {sections}
                <tfoot>
                    <tr class="totals">
                        <th scope="row" colspan="2">{tr(lang, "Tổng điểm", "Total score")}</th>
                        <td class="num">{cell(0)}</td>
                        <td></td>
                        <td class="num"><strong data-testid="table-total">{cell(1)}</strong></td>
                        <td class="num"><strong data-testid="table-appraised-total">{cell(2)}</strong></td>
                        <td class="num"><strong data-testid="table-difference">{cell(3)}</strong></td>
                        <td class="small">{cell(4)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// A main indicator: its row with the subtotal, then its leaves (deeper groups as plain rows).
fn section(main: &Indicator, lang: Lang) -> impl IntoView {
    let state = use_state();
    let code = main.code.clone();
    let figures = Memo::new(move |_| {
        state.result.with(|r| match r {
            Some(Ok(r)) => r.mains.iter().find(|m| m.code == code).map(|m| {
                (format_points(m.points), m.appraised.map(format_points), m.difference().map(format_points))
            }),
            _ => None,
        })
    });
    let scored = !main.max_points.is_zero();
    let mut rows = Vec::new();
    leaf_rows(main, lang, &mut rows);
    view! {
        <tbody>
            <tr class="section">
                <th scope="rowgroup" class="code">{main.code.clone()}</th>
                <th scope="rowgroup" class="name">{indicator_name(lang, main)}</th>
                <td class="num">{format_compact(main.max_points)}</td>
                <td></td>
                <td class="num" data-testid=format!("subtotal-{}", main.code)>
                    {move || scored.then(|| figures.get().map(|f| f.0)).flatten()}
                </td>
                <td class="num">{move || figures.get().and_then(|f| f.1)}</td>
                <td class="num">{move || figures.get().and_then(|f| f.2)}</td>
                <td></td>
            </tr>
            {rows}
        </tbody>
    }
}

fn leaf_rows(ind: &Indicator, lang: Lang, out: &mut Vec<AnyView>) {
    for child in &ind.children {
        if child.is_leaf() {
            out.push(view! { <TableRow indicator=child.clone() /> }.into_any());
        } else {
            out.push(
                view! {
                    <tr class="sub-section">
                        <th scope="row" class="code">{child.code.clone()}</th>
                        <td colspan="7">{indicator_name(lang, child)}" ("{format_compact(child.max_points)}")"</td>
                    </tr>
                }
                .into_any(),
            );
            leaf_rows(child, lang, out);
        }
    }
}

#[component]
fn TableRow(indicator: Indicator) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let code = indicator.code.clone();
    let own = {
        let ind = indicator.clone();
        Memo::new(move |_| score(&ind, state.answer(&ind.code, Side::Own).as_ref()))
    };
    let council = {
        let ind = indicator.clone();
        Memo::new(move |_| score_appraised(&ind, state.answer(&ind.code, Side::Council).as_ref()))
    };
    let is_info = matches!(indicator.method, Some(Method::Info));
    let difference = move || match (own.get(), council.get()) {
        (o, Outcome::Scored(c)) => format_points(o.points() - c),
        _ => String::new(),
    };
    let name = indicator_name(lang, &indicator);
    view! {
        <tr id=format!("row-{code}") class:invalid=move || matches!(own.get(), Outcome::Invalid(_))>
            <th scope="row" class="code">{code.clone()}</th>
            <td class="name">{name}</td>
            <td class="num">{(!is_info).then(|| format_compact(indicator.max_points))}</td>
            <td data-col="self" class="self-cell">{self_control(&indicator, own, lang)}</td>
            <td class="num" data-testid=format!("points-{code}")>{move || (!is_info).then(|| earned(&own.get()))}</td>
            <td data-col="council" class="council-cell">{(!is_info).then(|| council_control(&indicator, council, lang))}</td>
            <td class="num" data-testid=format!("difference-{code}")>{difference}</td>
            <td data-col="status">{status_control(&code, lang)}</td>
        </tr>
    }
}

/// Error message of `outcome` when it concerns `field`.
fn error_of(outcome: Memo<Outcome>, field: Field) -> Signal<Option<String>> {
    let state = use_state();
    Signal::derive(move || match outcome.get() {
        Outcome::Invalid(e) if e.field() == field => Some(e.message(state.lang.get())),
        _ => None,
    })
}

/// A compact text input for a number: the error and how the text was read tied to it.
fn cell_number(id: String, label: String, value: Signal<String>, set: Callback<String>, error: Signal<Option<String>>) -> AnyView {
    let state = use_state();
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let understood = move || {
        let text = value.get();
        let shown = format_compact(parse_vn(&text).ok()?).replace('.', "");
        (shown != text.trim()).then_some(shown)
    };
    let described = {
        let (e, h) = (error_id.clone(), hint_id.clone());
        move || if error.with(Option::is_some) { format!("{h} {e}") } else { h.clone() }
    };
    view! {
        <span class="cell-field" class:field-error=move || error.with(Option::is_some)>
            <input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" class="nav"
                id=id aria-label=label
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev)) />
            <span class="cell-hint" id=hint_id>
                {move || understood().map(|s| format!("{} {s}", tr(state.lang.get(), "Hiểu là:", "Read as:")))}
            </span>
            {move || error.get().map(|msg| view! {
                <span class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{tr(state.lang.get(), "Lỗi: ", "Error: ")}</span>{msg}
                </span>
            })}
        </span>
    }
    .into_any()
}

/// The agency's answer in its method's compact form.
fn self_control(ind: &Indicator, outcome: Memo<Outcome>, lang: Lang) -> AnyView {
    let state = use_state();
    let code = ind.code.clone();
    let answer = {
        let code = code.clone();
        Memo::new(move |_| state.answer(&code, Side::Own))
    };
    let set = {
        let code = code.clone();
        Callback::new(move |a: Option<Answer>| state.set_answer(&code, Side::Own, a))
    };
    let what = tr(lang, "Tự đánh giá", "Self-assessment");
    let id = field_id(&code, Field::Value, Side::Own);
    let max = format_compact(ind.max_points);
    match ind.method.clone() {
        Some(Method::Points) | None => {
            let text = Signal::derive(move || match answer.get() {
                Some(Answer::Points { text }) => text,
                _ => String::new(),
            });
            let input = Callback::new(move |t: String| set.run((!t.is_empty()).then_some(Answer::Points { text: t })));
            cell_number(id, format!("{code} {what} (0–{max})"), text, input, error_of(outcome, Field::Value))
        }
        Some(Method::Tiers { unit_vi, unit_en, .. }) => {
            let text = Signal::derive(move || match answer.get() {
                Some(Answer::Tier { text }) => text,
                _ => String::new(),
            });
            let input = Callback::new(move |t: String| set.run((!t.is_empty()).then_some(Answer::Tier { text: t })));
            let label = format!("{code} {what} ({})", pick(lang, &unit_vi, &unit_en));
            cell_number(id, label, text, input, error_of(outcome, Field::Value))
        }
        Some(Method::Ratio { .. }) => {
            let part = move |numerator: bool| {
                Signal::derive(move || match answer.get() {
                    Some(Answer::Ratio { numerator: a, denominator: b }) => if numerator { a } else { b },
                    _ => String::new(),
                })
            };
            let (a, b) = (part(true), part(false));
            let update = move |numerator: bool, t: String| {
                let (mut num, mut den) = (a.get_untracked(), b.get_untracked());
                if numerator { num = t } else { den = t }
                let empty = num.is_empty() && den.is_empty();
                set.run((!empty).then_some(Answer::Ratio { numerator: num, denominator: den }));
            };
            let (label_a, label_b) = (tr(lang, "tử số (a)", "numerator (a)"), tr(lang, "mẫu số (b)", "denominator (b)"));
            view! {
                <span class="ratio-cell">
                    {cell_number(field_id(&code, Field::Numerator, Side::Own), format!("{code} {what}: {label_a}"), a,
                        Callback::new(move |t| update(true, t)), error_of(outcome, Field::Numerator))}
                    <span aria-hidden="true">"/"</span>
                    {cell_number(field_id(&code, Field::Denominator, Side::Own), format!("{code} {what}: {label_b}"), b,
                        Callback::new(move |t| update(false, t)), error_of(outcome, Field::Denominator))}
                </span>
            }
            .into_any()
        }
        Some(Method::YesNo) => {
            let current = move || match answer.get() {
                Some(Answer::YesNo { value: true }) => "yes",
                Some(Answer::YesNo { value: false }) => "no",
                _ => "",
            };
            let change = move |ev: web_sys::Event| {
                set.run(match event_target_value(&ev).as_str() {
                    "yes" => Some(Answer::YesNo { value: true }),
                    "no" => Some(Answer::YesNo { value: false }),
                    _ => None,
                });
            };
            view! {
                <select class="nav" id=id aria-label=format!("{code} {what}: {}", tr(lang, "đạt yêu cầu?", "met?"))
                    prop:value=current on:change=change>
                    <option value="" selected=move || current().is_empty()>{tr(lang, "— chưa trả lời —", "— unanswered —")}</option>
                    <option value="yes" selected=move || current() == "yes">{format!("{} ({max})", tr(lang, "Có", "Yes"))}</option>
                    <option value="no" selected=move || current() == "no">{format!("{} (0)", tr(lang, "Không", "No"))}</option>
                </select>
            }
            .into_any()
        }
        Some(Method::Options { options }) => {
            let current = move || match answer.get() {
                Some(Answer::Choice { id }) => id,
                _ => String::new(),
            };
            let items = options
                .iter()
                .map(|c| {
                    let id = c.id.clone();
                    let label = format!("{} ({})", choice_label(lang, c), format_compact(c.points));
                    view! { <option value=id.clone() selected=move || current() == id>{label}</option> }
                })
                .collect_view();
            view! {
                <select class="nav" id=id aria-label=format!("{code} {what}: {}", tr(lang, "chọn một", "choose one"))
                    prop:value=current
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set.run((!v.is_empty()).then_some(Answer::Choice { id: v }));
                    }>
                    <option value="" selected=move || current().is_empty()>{tr(lang, "— chưa trả lời —", "— unanswered —")}</option>
                    {items}
                </select>
            }
            .into_any()
        }
        Some(Method::Parts { parts }) => {
            let boxes = parts
                .into_iter()
                .map(|c| {
                    let part = c.id.clone();
                    let checked = {
                        let part = part.clone();
                        move || matches!(answer.get(), Some(Answer::Parts { ids }) if ids.contains(&part))
                    };
                    let label = format!("{} ({})", choice_label(lang, &c), format_compact(c.points));
                    view! {
                        <label class="cell-check">
                            <input type="checkbox" class="nav" prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut ids = match answer.get_untracked() {
                                    Some(Answer::Parts { ids }) => ids,
                                    _ => Vec::new(),
                                };
                                ids.retain(|x| x != &part);
                                if on { ids.push(part.clone()); }
                                set.run(Some(Answer::Parts { ids }));
                            } />
                            {label}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="cell-parts" id=id>
                    <legend class="visually-hidden">{format!("{code} {what}: {}", tr(lang, "các điều kiện đạt được", "conditions met"))}</legend>
                    {boxes}
                </fieldset>
            }
            .into_any()
        }
        Some(Method::Info) => view! { <span class="small">{tr(lang, "Chỉ ghi nhận thông tin", "For information only")}</span> }.into_any(),
    }
}

/// The council's points, one number whatever the method. An appraisal entered in the
/// cards by the method's own control is shown beside the field, never dropped unasked.
fn council_control(ind: &Indicator, outcome: Memo<Outcome>, lang: Lang) -> AnyView {
    let state = use_state();
    let code = ind.code.clone();
    let answer = {
        let code = code.clone();
        Memo::new(move |_| state.answer(&code, Side::Council))
    };
    let text = Signal::derive(move || match answer.get() {
        Some(Answer::Points { text }) => text,
        _ => String::new(),
    });
    let by_method = move || match (answer.get(), outcome.get()) {
        (Some(a), o) if !matches!(a, Answer::Points { .. }) => Some(format!(
            "{} {}",
            tr(state.lang.get(), "Theo cách tính:", "By the method:"),
            earned(&o)
        )),
        _ => None,
    };
    let set = {
        let code = code.clone();
        Callback::new(move |t: String| state.set_answer(&code, Side::Council, (!t.is_empty()).then_some(Answer::Points { text: t })))
    };
    let label = format!("{code} {} (0–{})", tr(lang, "Điểm thẩm định", "Appraised points"), format_compact(ind.max_points));
    view! {
        {cell_number(field_id(&code, Field::Value, Side::Council), label, text, set, error_of(outcome, Field::Value))}
        {move || by_method().map(|m| view! { <span class="cell-hint">{m}</span> })}
    }
    .into_any()
}

/// Trạng thái of the indicator's evidence, with a mark when documents are recorded.
fn status_control(code: &str, lang: Lang) -> AnyView {
    let state = use_state();
    let current = {
        let code = code.to_owned();
        Memo::new(move |_| state.entry_with(&code, |e| e.map(|e| (e.status, !e.evidence.is_empty())).unwrap_or((None, false))))
    };
    let value = move || current.with(|(s, _)| STATUSES.iter().find(|(w, _)| Some(*w) == *s).map_or("", |(_, id)| *id));
    let options = STATUSES
        .iter()
        .map(|(s, id)| {
            let s = *s;
            view! { <option value=*id selected=move || current.with(|(cur, _)| *cur == Some(s))>{dti_engine::export::status_name(Some(s), lang)}</option> }
        })
        .collect_view();
    let edit = {
        let code = code.to_owned();
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            let status = STATUSES.iter().find(|(_, id)| *id == v).map(|(s, _)| *s);
            state.edit_entry(&code, |e| e.status = status);
        }
    };
    view! {
        <select class="nav" id=format!("ev-{code}-status") aria-label=format!("{code} {}", tr(lang, "Trạng thái minh chứng", "Evidence status"))
            prop:value=value on:change=edit>
            <option value="" selected=move || current.with(|(s, _)| s.is_none())>"—"</option>
            {options}
        </select>
        {move || current.with(|(_, filled)| *filled).then(|| view! { <span class="badge">{tr(lang, "có văn bản", "documented")}</span> })}
    }
    .into_any()
}

/// Enter / ↓ to the same field of the next row, ↑ to the previous one. Selects keep their
/// arrows (they change the choice); other keys do what they always do.
fn navigate(ev: web_sys::KeyboardEvent) {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.is_composing() {
        return;
    }
    let key = ev.key();
    let down = match key.as_str() {
        "Enter" | "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if !target.class_list().contains("nav") || (target.tag_name() == "SELECT" && key != "Enter") {
        return;
    }
    let Some(cell) = target.closest("td[data-col]").ok().flatten() else { return };
    let Some(col) = cell.get_attribute("data-col") else { return };
    let Some(table) = cell.closest("table").ok().flatten() else { return };
    let navs = |el: &web_sys::Element| -> Vec<web_sys::Element> {
        let Ok(list) = el.query_selector_all(".nav") else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
    };
    let position = navs(&cell).iter().position(|e| e.is_same_node(Some(&target))).unwrap_or(0);
    let Ok(cells) = table.query_selector_all(&format!("td[data-col=\"{col}\"]")) else { return };
    let cells: Vec<web_sys::Element> = (0..cells.length()).filter_map(|i| cells.item(i)?.dyn_into().ok()).collect();
    let Some(here) = cells.iter().position(|c| c.is_same_node(Some(&cell))) else { return };
    // The nearest row in that direction that has a field in this column.
    let next = if down {
        cells.iter().skip(here + 1).map(navs).find(|n| !n.is_empty())
    } else {
        cells.iter().take(here).rev().map(navs).find(|n| !n.is_empty())
    };
    ev.prevent_default();
    let Some(fields) = next else { return };
    let Some(field) = fields.get(position).or(fields.first()) else { return };
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        if input.type_() == "text" {
            input.select();
        }
    } else if let Some(el) = field.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
