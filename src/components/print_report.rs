//! The submission-ready report, shown only when printing ("Save as PDF" gives the file):
//! agency, group, set and its status, date, a table per main indicator with answers and
//! evidence as text, totals, level and a signature block.

use dti_engine::export::{answer_text, evidence_text, status_name};
use dti_engine::framework::{Method, Status};
use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::sheet::Outcome;
use leptos::prelude::*;

use crate::i18n::{group_name, indicator_name, pick, tr};
use crate::state::use_state;

fn cell(o: Option<&Outcome>) -> String {
    match o {
        Some(Outcome::Scored(p)) => format_points(*p),
        Some(Outcome::Invalid(_)) => "✗".into(),
        _ => String::new(),
    }
}

#[component]
pub fn PrintReport() -> impl IntoView {
    let state = use_state();
    let body = move || {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let Some(Ok(result)) = state.result.get() else { return None };
        let sheet = state.sheet.get();
        let group = framework.group(&sheet.group).map(|g| group_name(lang, g)).unwrap_or_default();
        let appraised = result.appraised.is_some();
        let date = String::from(js_sys::Date::new_0().to_locale_date_string(crate::i18n::tr(state.lang.get_untracked(), "vi-VN", "en-GB"), &wasm_bindgen::JsValue::UNDEFINED));
        let status = match framework.status {
            Status::Official => tr(lang, "bộ chỉ số chính thức", "official indicator set"),
            Status::Reference => tr(lang, "bộ chỉ số tham khảo, không phải bộ chính thức", "reference indicator set, not the official one"),
        };
        let tables = framework
            .mains(&sheet.group)
            .into_iter()
            .filter(|m| !m.max_points.is_zero())
            .map(|main| {
                let subtotal = result.mains.iter().find(|m| m.code == main.code);
                let rows = framework
                    .nodes(&sheet.group)
                    .into_iter()
                    .filter(|n| n.main_code == main.code && n.indicator.is_leaf())
                    .filter(|n| !matches!(n.indicator.method, Some(Method::Info)))
                    .map(|n| {
                        let ind = n.indicator;
                        let entry = sheet.entries.get(&ind.code);
                        let leaf = result.leaves.iter().find(|l| l.code == ind.code);
                        let answer = answer_text(ind.method.as_ref(), entry.and_then(|e| e.self_answer.as_ref()), lang);
                        let evidence = entry.map(|e| evidence_text(&e.evidence)).unwrap_or_default();
                        let status = status_name(entry.and_then(|e| e.status), lang);
                        view! {
                            <tr>
                                <td>{ind.code.clone()}</td>
                                <td>{indicator_name(lang, ind)}</td>
                                <td class="num">{format_compact(ind.max_points)}</td>
                                <td>{answer}</td>
                                <td class="num">{cell(leaf.map(|l| &l.outcome))}</td>
                                {appraised.then(|| view! { <td class="num">{cell(leaf.and_then(|l| l.appraised.as_ref()))}</td> })}
                                <td>{evidence}{(!status.is_empty()).then(|| format!(" [{status}]"))}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{format!("{}. {} — {} / {}", main.code, indicator_name(lang, main),
                        subtotal.map(|m| format_points(m.points)).unwrap_or_default(), format_compact(main.max_points))}</h3>
                    <table class="report-table">
                        <thead><tr>
                            <th>{tr(lang, "Mã", "Code")}</th><th>{tr(lang, "Chỉ số", "Indicator")}</th>
                            <th>{tr(lang, "Điểm tối đa", "Maximum points")}</th><th>{tr(lang, "Trả lời", "Answer")}</th>
                            <th>{tr(lang, "Tự đánh giá", "Self-assessment")}</th>
                            {appraised.then(|| view! { <th>{tr(lang, "Thẩm định", "Appraisal")}</th> })}
                            <th>{tr(lang, "Minh chứng", "Evidence")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
            .collect_view();
        let s = &result.standing;
        Some(view! {
            <h1>{format!("{} {}", tr(lang, "PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM", "DIGITAL TRANSFORMATION SELF-ASSESSMENT"), framework.year)}</h1>
            <p><strong>{tr(lang, "Cơ quan, đơn vị, địa phương: ", "Agency or locality: ")}</strong>{sheet.agency.clone()}</p>
            <p><strong>{tr(lang, "Nhóm: ", "Group: ")}</strong>{group}</p>
            <p><strong>{tr(lang, "Bộ chỉ số: ", "Indicator set: ")}</strong>{format!("{} ({status})", pick(lang, &framework.title_vi, &framework.title_en))}</p>
            <p><strong>{tr(lang, "Ngày lập: ", "Date: ")}</strong>{date}</p>
            {tables}
            <h2>{tr(lang, "Kết quả", "Result")}</h2>
            <p>{format!("{} {} / {} — {} — {}", tr(lang, "Tổng điểm tự đánh giá:", "Self-assessment total:"),
                format_points(s.total), format_compact(s.max), format_percent(s.percent), framework.level_name(&s.level_id, lang))}</p>
            {result.appraised.as_ref().map(|a| view! {
                <p>{format!("{} {} / {} — {} — {}", tr(lang, "Tổng điểm thẩm định:", "Appraisal total:"),
                    format_points(a.total), format_compact(a.max), format_percent(a.percent), framework.level_name(&a.level_id, lang))}</p>
            })}
            <div class="signatures">
                <div><strong>{tr(lang, "NGƯỜI LẬP PHIẾU", "PREPARED BY")}</strong><br/>{tr(lang, "(Ký, ghi rõ họ tên)", "(Signature, full name)")}</div>
                <div><strong>{tr(lang, "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "HEAD OF THE AGENCY")}</strong><br/>{tr(lang, "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")}</div>
            </div>
        })
    };
    view! { <section class="print-report" aria-hidden="true">{body}</section> }
}
