//! The live summary: total, percentage, level, gap to the next level, where the total
//! would rank, and what is still open. A polite live region for screen readers.
//!
//! Before the first answer only the total is shown: a level, a gap and a rank computed
//! from an empty sheet would describe nothing the user did.
//!
//! Built once per shape (which paragraphs show, the language); on a keystroke each text
//! node and attribute formats its own figure from the result and the DOM changes only
//! where the text did (issue 15: a keystroke within one frame).

use dti_engine::framework::Framework;
use dti_engine::level::boundary_note;
use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::quick::{rank_preview, RankPreview};
use dti_engine::sheet::{difference_label, SheetResult};
use leptos::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::{use_state, AppState};

/// Which paragraphs the summary has; the view is rebuilt only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shape {
    kind: Kind,
    lang: Lang,
    boundary: bool,
    next: bool,
    appraised: bool,
    place: Place,
    own: bool,
    open: bool,
}

impl Shape {
    /// Whether the open sheet is scored (blank or not): the summary shows its total.
    #[must_use]
    pub fn scored(self) -> bool {
        matches!(self.kind, Kind::Blank | Kind::Scored)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Kind {
    /// No set or no result yet.
    #[default]
    Nothing,
    /// The sheet could not be scored: only the message.
    Failed,
    /// Nothing answered: the total only.
    Blank,
    Scored,
}

/// Where the total would rank, or why it cannot be said.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Place {
    #[default]
    Hidden,
    Rank,
    Failed,
    Unpublished,
}

/// The summary's shape; the summary, the bar at the bottom and the bars per main
/// indicator are rebuilt only when it changes.
#[must_use]
pub fn shape_memo(state: AppState) -> Memo<Shape> {
    Memo::new(move |_| {
        let lang = state.lang.get();
        let mut shape = Shape { lang, ..Shape::default() };
        let Some(framework) = state.framework.get() else { return shape };
        // Read in place: the result holds every indicator, and is not copied per keystroke.
        state.result.with(|r| match r {
            None => {}
            Some(Err(_)) => shape.kind = Kind::Failed,
            Some(Ok(result)) => {
                let c = Ctx { state, framework: &framework, result, lang };
                let s = &result.standing;
                let blank = result.is_blank();
                shape.kind = if blank { Kind::Blank } else { Kind::Scored };
                shape.appraised = result.appraisal.is_some();
                shape.open = !result.open_top.is_empty();
                if blank {
                    return;
                }
                shape.next = s.next.is_some();
                shape.boundary = boundary_note(&framework.levels, s.percent).is_some();
                shape.place = state.published.with(|p| match p {
                    Some(Ok(_)) => match rank(&c) {
                        Some(p) => {
                            shape.own = p.own_row.is_some();
                            Place::Rank
                        }
                        None => Place::Hidden,
                    },
                    Some(Err(_)) => Place::Failed,
                    None => Place::Unpublished,
                });
            }
        });
        shape
    })
}

/// What a figure of the summary is formatted from.
pub struct Ctx<'a> {
    state: AppState,
    framework: &'a Framework,
    pub result: &'a SheetResult,
    lang: Lang,
}

/// A text node or attribute formatting one figure of a scored sheet ("" otherwise); one
/// closure type for all of them, so Leptos's reactive rendering is instantiated once.
pub fn text(state: AppState, figure: fn(&Ctx) -> String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        let lang = state.lang.get();
        let Some(framework) = state.framework.get() else { return String::new() };
        state.result.with(|r| match r {
            Some(Ok(result)) => figure(&Ctx { state, framework: &framework, result, lang }),
            _ => String::new(),
        })
    }
}

/// A class toggled by one fact of a scored sheet (one closure type for all of them).
fn flag(state: AppState, fact: fn(&SheetResult) -> bool) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    move || state.result.with(|r| matches!(r, Some(Ok(r)) if fact(r)))
}

/// Where the total would rank among the published results of its group.
fn rank(c: &Ctx) -> Option<RankPreview> {
    let group = c.state.selection.with(|s| s.1.clone());
    let agency = c.state.agency.get();
    c.state.published.with(|p| match p {
        Some(Ok(rows)) => rank_preview(rows, &group, &agency, c.result.standing.total),
        _ => None,
    })
}

pub fn total(c: &Ctx) -> String {
    format_points(c.result.standing.total)
}

pub fn max(c: &Ctx) -> String {
    format_compact(c.result.standing.max)
}

pub fn percent(c: &Ctx) -> String {
    format_percent(c.result.standing.percent)
}

pub fn level_class(c: &Ctx) -> String {
    format!("level level-{}", c.result.standing.level_id)
}

pub fn level(c: &Ctx) -> String {
    c.framework.level_name(&c.result.standing.level_id, c.lang)
}

fn next(c: &Ctx) -> String {
    let Some(n) = &c.result.standing.next else { return String::new() };
    let (points, level) = (format_points(n.points_needed), c.framework.level_name(&n.level_id, c.lang));
    match c.lang {
        Lang::Vi => format!("Cần thêm {points} điểm để đạt mức {level}"),
        Lang::En => format!("{points} more points needed to reach {level}"),
    }
}

/// "75,00 %" can be either side of the 75 % line: say which, and why.
fn boundary(c: &Ctx) -> String {
    boundary_note(&c.framework.levels, c.result.standing.percent)
        .map(|b| b.message(&c.framework.level_name(&b.level_id, c.lang), c.lang))
        .unwrap_or_default()
}

fn appraised(c: &Ctx) -> String {
    c.result.appraisal.as_ref().map(|a| a.headline(c.framework, c.lang)).unwrap_or_default()
}

fn difference(c: &Ctx) -> String {
    let lang = c.lang;
    let Some(a) = &c.result.appraisal else { return String::new() };
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
}

fn position(c: &Ctx) -> String {
    let lang = c.lang;
    match c.state.published.with(|p| p.as_ref().map(|p| p.as_ref().err().map(|e| e.message(lang)))) {
        Some(Some(e)) => return e,
        None => return tr(lang, "Bộ chỉ số này chưa có kết quả công bố để so sánh", "No published results for this set yet").to_owned(),
        Some(None) => {}
    }
    let Some(p) = rank(c) else { return String::new() };
    let group = c.state.selection.with(|s| c.framework.group_name(&s.1, lang));
    format!(
        "{} {}/{} {} {group} ({} {} {} {})",
        tr(lang, "Hạng ước tính:", "Estimated rank:"),
        p.rank,
        p.of,
        tr(lang, "trong", "in"),
        tr(lang, "so với", "against the"),
        p.published,
        tr(lang, "đơn vị trong kết quả đã công bố năm", "agencies in the published results of"),
        c.framework.year,
    )
}

fn stats(c: &Ctx) -> String {
    let lang = c.lang;
    rank(c)
        .map(|p| {
            format!(
                "{} {} · {} {}",
                tr(lang, "Trung bình nhóm:", "Group average:"),
                format_points(p.average),
                tr(lang, "cao nhất:", "top:"),
                format_points(p.top)
            )
        })
        .unwrap_or_default()
}

fn own(c: &Ctx) -> String {
    let lang = c.lang;
    rank(c)
        .and_then(|p| p.own_row)
        .map(|r| {
            format!(
                "{} “{}” ({} {}) {}",
                tr(lang, "Đã bỏ dòng đã công bố của chính đơn vị", "Left out the agency's own published row"),
                r.name,
                format_points(r.total),
                tr(lang, "điểm", "points"),
                tr(lang, "để không tính hai lần.", "so it is not counted twice.")
            )
        })
        .unwrap_or_default()
}

fn unanswered(c: &Ctx) -> String {
    format!("{} {}", c.result.unanswered, tr(c.lang, "chỉ số chưa trả lời", "indicators unanswered"))
}

fn invalid_count(r: &SheetResult) -> usize {
    r.invalid.len() + r.invalid_appraised.len()
}

fn invalid(c: &Ctx) -> String {
    format!("{} {}", invalid_count(c.result), tr(c.lang, "giá trị không hợp lệ", "invalid values"))
}

fn without_evidence(c: &Ctx) -> String {
    format!("{} {}", c.result.without_evidence, tr(c.lang, "chỉ số có điểm nhưng chưa có minh chứng", "indicators scored without evidence"))
}

#[component]
pub fn Summary(shape: Memo<Shape>) -> impl IntoView {
    let state = use_state();
    let body = move || {
        let shape = shape.get();
        let lang = shape.lang;
        match shape.kind {
            Kind::Nothing => None,
            Kind::Failed => Some(
                view! { <p class="error-message">{move || state.result.with(|r| match r {
                    Some(Err(e)) => e.message(state.lang.get()),
                    _ => String::new(),
                })}</p> }
                .into_any(),
            ),
            Kind::Blank | Kind::Scored => Some(body(state, shape, lang).into_any()),
        }
    };
    view! {
        <section class="summary" id="summary" role="status" aria-live="polite" aria-atomic="false"
            aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
            {body}
        </section>
    }
}

fn body(state: AppState, shape: Shape, lang: Lang) -> impl IntoView {
    let standing = if shape.kind == Kind::Blank {
        view! {
            <p class="pending" data-testid="pending">{tr(lang,
                "Mức xếp hạng, số điểm còn thiếu và hạng ước tính hiện ra sau câu trả lời đầu tiên.",
                "Level, points still needed and the estimated rank appear after the first answer.")}</p>
        }
        .into_any()
    } else {
        view! {
            <p class="percent"><strong data-testid="percent">{text(state, percent)}</strong></p>
            <p class=text(state, level_class) data-testid="level">{text(state, level)}</p>
            {shape.boundary.then(|| view! { <p class="boundary-note" data-testid="boundary-note">{text(state, boundary)}</p> })}
            {shape.next.then(|| view! { <p class="next" data-testid="next">{text(state, next)}</p> })}
        }
        .into_any()
    };
    let appraised = shape.appraised.then(|| {
        view! {
            <div class="appraised-total" data-testid="appraised-total" class:partial=flag(state, |r| r.appraisal.as_ref().is_some_and(|a| !a.complete()))>
                <p data-testid="appraised-line">{text(state, appraised)}</p>
                <p data-testid="difference-total">{text(state, difference)}</p>
            </div>
        }
    });
    let position = match shape.place {
        Place::Hidden => None,
        Place::Rank => Some(
            view! {
                <p class="position" data-testid="position">{text(state, position)}</p>
                <p class="group-stats" data-testid="group-stats">{text(state, stats)}</p>
                {shape.own.then(|| view! { <p class="own-row" data-testid="own-row">{text(state, own)}</p> })}
            }
            .into_any(),
        ),
        Place::Failed => Some(view! { <p class="position error-message" data-testid="position">{text(state, position)}</p> }.into_any()),
        Place::Unpublished => Some(view! { <p class="position" data-testid="position">{text(state, position)}</p> }.into_any()),
    };
    // Rebuilt item by item, in place: the list changes only when an indicator is
    // answered or cleared.
    let open = move || {
        state.result.with(|r| {
            let Some(Ok(r)) = r else { return Vec::new() };
            r.open_top
                .iter()
                .map(|(code, max)| {
                    view! { <li><a href=format!("#row-{code}")>{code.clone()}</a>" — "{format!("{} {}", format_compact(*max), tr(lang, "điểm", "points"))}</li> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <p class="total"><span class="label">{tr(lang, "Tổng điểm", "Total score")}</span>
            <strong data-testid="total">{text(state, total)}</strong>" / "{text(state, max)}</p>
        {standing}
        {appraised}
        {position}
        <p class="counts">
            <span data-testid="unanswered">{text(state, unanswered)}</span>
            " · "
            <span data-testid="invalid" class:has-errors=flag(state, |r| invalid_count(r) != 0)>{text(state, invalid)}</span>
            " · "
            <span data-testid="without-evidence">{text(state, without_evidence)}</span>
        </p>
        {shape.open.then(|| view! {
            <div class="open-top">
                <p>{tr(lang, "Chưa trả lời, nhiều điểm nhất trước:", "Unanswered, highest value first:")}</p>
                <ul>{open}</ul>
            </div>
        })}
    }
}
