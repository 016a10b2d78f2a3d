//! The live summary: total, percentage, level, gap to the next level, where the total
//! would rank, and what is still open. A polite live region for screen readers.

use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::level::boundary_note;
use dti_engine::rank::would_rank;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

#[component]
pub fn Summary() -> impl IntoView {
    let state = use_state();
    let body = move || {
        let lang = state.lang.get();
        let framework = state.framework.get()?;
        let result = match state.result.get()? {
            Ok(r) => r,
            Err(e) => return Some(view! { <p class="error-message">{e.message(lang)}</p> }.into_any()),
        };
        let s = &result.standing;
        let level_id = s.level_id.clone();
        let next = s.next.as_ref().map(|n| {
            let (points, level) = (format_points(n.points_needed), framework.level_name(&n.level_id, lang));
            match lang {
                crate::i18n::Lang::Vi => format!("Cần thêm {points} điểm để đạt mức {level}"),
                crate::i18n::Lang::En => format!("{points} more points needed to reach {level}"),
            }
        });
        // "75,00 %" can be either side of the 75 % line: say which, and why.
        let boundary = boundary_note(&framework.levels, s.percent)
            .map(|b| b.message(&framework.level_name(&b.level_id, lang), lang));
        let agency = state.sheet.with(|s| s.agency.clone());
        let group = state.selection.with(|s| s.1.clone());
        let position = match state.published.get() {
            Some(Ok(rows)) => {
                let (rank, of) = would_rank(&rows, &group, &agency, s.total);
                format!("{} {rank}/{of} {}", tr(lang, "Hạng", "Rank"), tr(lang, "so với kết quả đã công bố", "among the published results"))
            }
            Some(Err(e)) => e.message(lang),
            None => tr(lang, "Bộ chỉ số này chưa có kết quả công bố để so sánh", "No published results for this set yet").to_owned(),
        };
        let open = result
            .open_top
            .iter()
            .map(|(code, max)| view! { <li><a href=format!("#row-{code}")>{code.clone()}</a>" — "{format_compact(*max)}" "{tr(lang, "điểm", "points")}</li> })
            .collect_view();
        let appraised = result.appraised.as_ref().map(|a| {
            let diff = result.difference().map(format_points).unwrap_or_default();
            format!(
                "{} ({}/{} {}): {} ({}) — {} · {} {diff}",
                tr(lang, "Thẩm định", "Appraisal"),
                result.appraised_leaves,
                result.leaves.len(),
                tr(lang, "chỉ số", "indicators"),
                format_points(a.total),
                format_percent(a.percent),
                framework.level_name(&a.level_id, lang),
                tr(lang, "Chênh lệch:", "Difference:"),
            )
        });
        let invalid_count = result.invalid.len() + result.invalid_appraised.len();
        Some(
            view! {
                <p class="total"><span class="label">{tr(lang, "Tổng điểm", "Total score")}</span>
                    <strong data-testid="total">{format_points(s.total)}</strong>" / "{format_compact(s.max)}</p>
                <p class="percent"><strong data-testid="percent">{format_percent(s.percent)}</strong></p>
                <p class=format!("level level-{level_id}") data-testid="level">{framework.level_name(&level_id, lang)}</p>
                {boundary.map(|b| view! { <p class="boundary-note" data-testid="boundary-note">{b}</p> })}
                {next.map(|n| view! { <p class="next" data-testid="next">{n}</p> })}
                {appraised.map(|a| view! { <p class="appraised-total" data-testid="appraised-total">{a}</p> })}
                <p class="position" data-testid="position">{position}</p>
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
    };
    view! {
        <section class="summary" id="summary" role="status" aria-live="polite" aria-atomic="false"
            aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
            {body}
        </section>
    }
}
