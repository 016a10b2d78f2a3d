//! The form a director signs, shown only when printing ("Save as PDF" gives the file):
//! national heading, agency and set, a summary box first, then one table with the same
//! columns for every section (Mã, Chỉ số, Điểm tối đa, Trả lời, Tự đánh giá, Thẩm định,
//! Chênh lệch, Minh chứng), the total row and the signature blocks.

use dti_engine::export::{answer_text, evidence_text, status_name};
use dti_engine::framework::{Method, Status};
use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::report::answer_phrase;
use dti_engine::sheet::{difference_label, Outcome};
use dti_engine::terms::{AGENCY, APPRAISAL, CODE, EVIDENCE, INDICATOR, MAX_POINTS, SELF_ASSESSMENT};
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

/// "Lào Cai, ngày 29 tháng 11 năm 2026", from the browser's clock.
fn place_and_date(lang: dti_engine::Lang) -> String {
    let now = js_sys::Date::new_0();
    let (d, m, y) = (now.get_date(), now.get_month() + 1, now.get_full_year());
    match lang {
        dti_engine::Lang::Vi => format!("Lào Cai, ngày {d} tháng {m} năm {y}"),
        dti_engine::Lang::En => format!("Lào Cai, {d:02}/{m:02}/{y}"),
    }
}

#[component]
pub fn PrintReport() -> impl IntoView {
    let state = use_state();
    let body = move || {
        // Built while printing only: a table of every indicator is too much to rebuild on
        // every keystroke.
        if !state.printing.get() {
            return None;
        }
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let Some(Ok(result)) = state.result.get() else { return None };
        let sheet = state.sheet.get();
        let group = framework.group(&sheet.group).map(|g| group_name(lang, g)).unwrap_or_default();
        // The set's title already says "(bộ tham khảo)" where it is one; add only what it lacks.
        let status = match framework.status {
            Status::Official => "",
            Status::Reference => tr(lang, " — không phải bộ chỉ số chính thức", " — not the official indicator set"),
        };
        let rows = framework
            .nodes(&sheet.group)
            .into_iter()
            .filter(|n| !matches!(n.indicator.method, Some(Method::Info)) && !n.indicator.max_points.is_zero())
            .map(|n| {
                let ind = n.indicator;
                if n.depth == 0 {
                    let m = result.mains.iter().find(|m| m.code == ind.code);
                    return view! {
                        <tr class="section">
                            <td>{ind.code.clone()}</td>
                            <td colspan="3">{indicator_name(lang, ind)}" ("{format_compact(ind.max_points)}" "{tr(lang, "điểm", "points")}")"</td>
                            <td class="num">{m.map(|m| format_points(m.points))}</td>
                            <td class="num">{m.and_then(|m| m.appraised).map(format_points)}</td>
                            <td class="num">{m.and_then(dti_engine::sheet::MainResult::difference).map(format_points)}</td>
                            <td></td>
                        </tr>
                    }
                    .into_any();
                }
                if !ind.is_leaf() {
                    return view! {
                        <tr class="sub-section"><td>{ind.code.clone()}</td><td colspan="7">{indicator_name(lang, ind)}</td></tr>
                    }
                    .into_any();
                }
                let entry = sheet.entries.get(&ind.code);
                let leaf = result.leaves.iter().find(|l| l.code == ind.code);
                let own = entry.and_then(|e| e.self_answer.as_ref());
                let answer = match leaf.map(|l| &l.outcome) {
                    Some(Outcome::Invalid(_)) => format!(
                        "{} ({})",
                        answer_text(ind.method.as_ref(), own, lang),
                        tr(lang, "không hợp lệ", "invalid")
                    ),
                    _ => answer_phrase(ind.method.as_ref(), own, lang),
                };
                let evidence = entry.map(|e| evidence_text(&e.evidence)).unwrap_or_default();
                let status = status_name(entry.and_then(|e| e.status), lang);
                view! {
                    <tr>
                        <td>{ind.code.clone()}</td>
                        <td>{indicator_name(lang, ind)}</td>
                        <td class="num">{format_compact(ind.max_points)}</td>
                        <td>{answer}</td>
                        <td class="num">{cell(leaf.map(|l| &l.outcome))}</td>
                        <td class="num">{cell(leaf.and_then(|l| l.appraised.as_ref()))}</td>
                        <td class="num">{leaf.and_then(dti_engine::sheet::LeafResult::difference).map(format_points)}</td>
                        <td>{evidence}{(!status.is_empty()).then(|| view! { <span class="status">{format!(" [{status}]")}</span> })}</td>
                    </tr>
                }
                .into_any()
            })
            .collect_view();
        let s = &result.standing;
        let blank = result.is_blank();
        let own_line = if blank {
            format!(
                "{} {} / {} — {}",
                tr(lang, "Tổng điểm tự đánh giá:", "Self-assessment total:"),
                format_points(s.total),
                format_compact(s.max),
                tr(lang, "chưa có câu trả lời", "no answer yet")
            )
        } else {
            format!(
                "{} {} / {} — {} — {}",
                tr(lang, "Tổng điểm tự đánh giá:", "Self-assessment total:"),
                format_points(s.total),
                format_compact(s.max),
                format_percent(s.percent),
                framework.level_name(&s.level_id, lang)
            )
        };
        let appraisal = result.appraisal.as_ref();
        let appraised_line = match appraisal {
            None => format!("{} {}", tr(lang, "Thẩm định:", "Appraised:"), tr(lang, "chưa thẩm định", "not appraised yet")),
            Some(a) => match &a.standing {
                Some(st) => format!(
                    "{} {} / {} — {} — {} ({})",
                    tr(lang, "Tổng điểm thẩm định:", "Appraisal total:"),
                    format_points(a.total),
                    format_compact(st.max),
                    format_percent(st.percent),
                    framework.level_name(&st.level_id, lang),
                    a.progress(lang)
                ),
                None => format!(
                    "{} {} {} — {} — {}",
                    tr(lang, "Thẩm định:", "Appraised:"),
                    format_points(a.total),
                    tr(lang, "điểm", "points"),
                    a.progress(lang),
                    tr(lang, "chưa đủ, chưa xếp mức", "incomplete, no level")
                ),
            },
        };
        let difference_line = appraisal.map(|a| {
            let over = if a.complete() {
                String::new()
            } else {
                format!(" {} {} {}", tr(lang, "trên", "over the"), a.count, tr(lang, "chỉ số đã thẩm định", "appraised indicators"))
            };
            format!(
                "{}{over}: {} − {} = {}",
                difference_label(lang),
                format_points(a.self_total),
                format_points(a.total),
                format_points(a.difference())
            )
        });
        let counts = format!(
            "{} {} · {} {}",
            result.unanswered,
            tr(lang, "chỉ số chưa trả lời", "indicators unanswered"),
            result.without_evidence,
            tr(lang, "chỉ số có điểm nhưng chưa có minh chứng", "scored without evidence")
        );
        let agency = if sheet.agency.trim().is_empty() { tr(lang, "(chưa ghi tên)", "(no name given)").to_owned() } else { sheet.agency.clone() };
        Some(view! {
            <div class="national-heading">
                <div class="issuer">
                    <p class="issuer-name">{sheet.agency.to_uppercase()}</p>
                </div>
                <div class="motto">
                    <p class="quoc-hieu">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</p>
                    <p class="tieu-ngu">"Độc lập - Tự do - Hạnh phúc"</p>
                    <p class="place-date">{place_and_date(lang)}</p>
                </div>
            </div>
            <h1>{format!("{} {}", tr(lang, "PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM", "DIGITAL TRANSFORMATION SELF-ASSESSMENT"), framework.year)}</h1>
            <dl class="report-meta">
                <div><dt>{format!("{}:", AGENCY.get(lang))}</dt><dd>{agency}</dd></div>
                <div><dt>{tr(lang, "Nhóm:", "Group:")}</dt><dd>{group}</dd></div>
                <div><dt>{tr(lang, "Bộ chỉ số:", "Indicator set:")}</dt><dd>{format!("{}{status}", pick(lang, &framework.title_vi, &framework.title_en))}</dd></div>
            </dl>
            <div class="summary-box">
                <p class="summary-own"><strong>{own_line}</strong></p>
                <p>{appraised_line}</p>
                {difference_line.map(|d| view! { <p>{d}</p> })}
                <p>{counts}</p>
            </div>
            <table class="report-table">
                <colgroup>
                    <col class="c-code" /><col class="c-name" /><col class="c-max" /><col class="c-answer" />
                    <col class="c-self" /><col class="c-appraised" /><col class="c-diff" /><col class="c-evidence" />
                </colgroup>
                <thead><tr>
                    <th>{CODE.get(lang)}</th><th>{INDICATOR.get(lang)}</th>
                    <th>{MAX_POINTS.get(lang)}</th><th>{tr(lang, "Trả lời", "Answer")}</th>
                    <th>{SELF_ASSESSMENT.get(lang)}</th><th>{APPRAISAL.get(lang)}</th>
                    <th>{difference_label(lang)}</th><th>{EVIDENCE.get(lang)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr class="total-row">
                    <td></td>
                    <td>{tr(lang, "Tổng cộng", "Total")}</td>
                    <td class="num">{format_compact(s.max)}</td>
                    <td></td>
                    <td class="num">{format_points(s.total)}</td>
                    <td class="num">{appraisal.map(|a| format_points(a.total))}</td>
                    <td class="num">{appraisal.map(|a| format_points(a.difference()))}</td>
                    <td>{appraisal.map(|a| a.progress(lang))}</td>
                </tr></tfoot>
            </table>
            <div class="signatures">
                <div><strong>{tr(lang, "NGƯỜI LẬP PHIẾU", "PREPARED BY")}</strong><br/><em>{tr(lang, "(Ký, ghi rõ họ tên)", "(Signature, full name)")}</em></div>
                <div><strong>{tr(lang, "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "HEAD OF THE AGENCY")}</strong><br/><em>{tr(lang, "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")}</em></div>
            </div>
        })
    };
    view! { <section class="print-report" aria-hidden="true">{body}</section> }
}
