//! The live summary: total, percentage, level, gap to the next level, where the total
//! would rank, and what is still open. A polite live region for screen readers.
//!
//! Before the first answer only the total is shown: a level, a gap and a rank computed
//! from an empty sheet would describe nothing the user did.

use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::level::boundary_note;
use dti_engine::quick::rank_preview;
use dti_engine::sheet::difference_label;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

#[component]
pub fn Summary() -> impl IntoView {
    let state = use_state();
    // Read in place: the result holds every indicator, and is not copied per keystroke.
    let body = move || state.result.with(|r| {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let result = match r.as_ref()? {
            Ok(r) => r,
            Err(e) => return Some(view! { <p class="error-message">{e.message(lang)}</p> }.into_any()),
        };
        let s = &result.standing;
        let blank = result.is_blank();
        let level_id = s.level_id.clone();
        let next = s.next.as_ref().filter(|_| !blank).map(|n| {
            let (points, level) = (format_points(n.points_needed), framework.level_name(&n.level_id, lang));
            match lang {
                crate::i18n::Lang::Vi => format!("Cần thêm {points} điểm để đạt mức {level}"),
                crate::i18n::Lang::En => format!("{points} more points needed to reach {level}"),
            }
        });
        // "75,00 %" can be either side of the 75 % line: say which, and why.
        let boundary = boundary_note(&framework.levels, s.percent)
            .map(|b| b.message(&framework.level_name(&b.level_id, lang), lang));
        let agency = state.agency.get();
        let group = state.selection.with(|s| s.1.clone());
        let group_label = framework.group_name(&group, lang);
        // Read in place too: the published results are not copied per keystroke.
        let position = state.published.with(|published| match published {
            Some(Ok(rows)) => rank_preview(rows, &group, &agency, s.total).map(|p| {
                let main = format!(
                    "{} {}/{} {} {group_label} ({} {} {} {})",
                    tr(lang, "Hạng ước tính:", "Estimated rank:"),
                    p.rank,
                    p.of,
                    tr(lang, "trong", "in"),
                    tr(lang, "so với", "against the"),
                    p.published,
                    tr(lang, "đơn vị trong kết quả đã công bố năm", "agencies in the published results of"),
                    framework.year,
                );
                let stats = format!(
                    "{} {} · {} {}",
                    tr(lang, "Trung bình nhóm:", "Group average:"),
                    format_points(p.average),
                    tr(lang, "cao nhất:", "top:"),
                    format_points(p.top)
                );
                let own = p.own_row.map(|r| {
                    format!(
                        "{} “{}” ({} {}) {}",
                        tr(lang, "Đã bỏ dòng đã công bố của chính đơn vị", "Left out the agency's own published row"),
                        r.name,
                        format_points(r.total),
                        tr(lang, "điểm", "points"),
                        tr(lang, "để không tính hai lần.", "so it is not counted twice.")
                    )
                });
                view! {
                    <p class="position" data-testid="position">{main}</p>
                    <p class="group-stats" data-testid="group-stats">{stats}</p>
                    {own.map(|o| view! { <p class="own-row" data-testid="own-row">{o}</p> })}
                }
                .into_any()
            }),
            Some(Err(e)) => Some(view! { <p class="position error-message" data-testid="position">{e.message(lang)}</p> }.into_any()),
            None => Some(
                view! { <p class="position" data-testid="position">{tr(lang, "Bộ chỉ số này chưa có kết quả công bố để so sánh", "No published results for this set yet")}</p> }
                    .into_any(),
            ),
        });
        let open = result
            .open_top
            .iter()
            .map(|(code, max)| view! { <li><a href=format!("#row-{code}")>{code.clone()}</a>" — "{format_compact(*max)}" "{tr(lang, "điểm", "points")}</li> })
            .collect_view();
        let appraised = result.appraisal.as_ref().map(|a| {
            let head = a.headline(&framework, lang);
            let over = if a.complete() {
                String::new()
            } else {
                format!(" {} {} {}", tr(lang, "trên", "over the"), a.count, tr(lang, "chỉ số đã thẩm định", "appraised indicators"))
            };
            let diff = format!(
                "{}{over}: {} − {} = {}",
                difference_label(lang),
                format_points(a.self_total),
                format_points(a.total),
                format_points(a.difference())
            );
            view! {
                <div class="appraised-total" data-testid="appraised-total" class:partial=!a.complete()>
                    <p data-testid="appraised-line">{head}</p>
                    <p data-testid="difference-total">{diff}</p>
                </div>
            }
        });
        let invalid_count = result.invalid.len() + result.invalid_appraised.len();
        Some(
            view! {
                <p class="total"><span class="label">{tr(lang, "Tổng điểm", "Total score")}</span>
                    <strong data-testid="total">{format_points(s.total)}</strong>" / "{format_compact(s.max)}</p>
                {if blank {
                    view! {
                        <p class="pending" data-testid="pending">{tr(lang,
                            "Mức xếp hạng, số điểm còn thiếu và hạng ước tính hiện ra sau câu trả lời đầu tiên.",
                            "Level, points still needed and the estimated rank appear after the first answer.")}</p>
                    }.into_any()
                } else {
                    view! {
                        <p class="percent"><strong data-testid="percent">{format_percent(s.percent)}</strong></p>
                        <p class=format!("level level-{level_id}") data-testid="level">{framework.level_name(&level_id, lang)}</p>
                        {boundary.map(|b| view! { <p class="boundary-note" data-testid="boundary-note">{b}</p> })}
                        {next.map(|n| view! { <p class="next" data-testid="next">{n}</p> })}
                    }.into_any()
                }}
                {appraised}
                {if blank { None } else { position }}
                <p class="counts">
                    <span data-testid="unanswered">{format!("{} {}", result.unanswered, tr(lang, "chỉ số chưa trả lời", "indicators unanswered"))}</span>
                    " · "
                    <span data-testid="invalid" class:has-errors=invalid_count != 0>
                        {format!("{invalid_count} {}", tr(lang, "giá trị không hợp lệ", "invalid values"))}
                    </span>
                    " · "
                    <span data-testid="without-evidence">
                        {format!("{} {}", result.without_evidence, tr(lang, "chỉ số có điểm nhưng chưa có minh chứng", "indicators scored without evidence"))}
                    </span>
                </p>
                {(!result.open_top.is_empty()).then(|| view! {
                    <div class="open-top">
                        <p>{tr(lang, "Chưa trả lời, nhiều điểm nhất trước:", "Unanswered, highest value first:")}</p>
                        <ul>{open}</ul>
                    </div>
                })}
            }
            .into_any(),
        )
    });
    view! {
        <section class="summary" id="summary" role="status" aria-live="polite" aria-atomic="false"
            aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
            {body}
        </section>
    }
}
