//! The live summary: total, percentage, level, gap to the next level, where the total
//! would rank, and what is still open. A polite live region for screen readers.
//!
//! Before the first answer only the total is shown: a level, a gap and a rank computed
//! from an empty sheet would describe nothing the user did.
//!
//! Built once per shape (which paragraphs show, the language); a keystroke only updates
//! the text nodes and attributes whose text changed (issue 15: one frame per keystroke).

use dti_engine::level::boundary_note;
use dti_engine::number::{format_compact, format_percent, format_points};
use dti_engine::quick::rank_preview;
use dti_engine::sheet::{difference_label, SheetResult};
use leptos::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::{use_state, AppState};

/// Which paragraphs the summary has; the view is rebuilt only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shape {
    pub kind: Kind,
    lang: Lang,
    boundary: bool,
    next: bool,
    appraised: bool,
    place: Place,
    own: bool,
    open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Kind {
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
pub enum Place {
    #[default]
    Hidden,
    Rank,
    Failed,
    Unpublished,
}

/// Every text the summary shows, formatted by the engine once per change of the result.
/// The summary bar (narrow screens) reads its total, percentage and level too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts {
    pub shape: Shape,
    pub error: String,
    pub total: String,
    pub max: String,
    pub percent: String,
    pub level_class: String,
    pub level: String,
    pub boundary: String,
    pub next: String,
    pub appraised: String,
    pub difference: String,
    pub partial: bool,
    pub position: String,
    pub stats: String,
    pub own: String,
    pub unanswered: String,
    pub invalid: String,
    pub has_errors: bool,
    pub without_evidence: String,
    /// Unanswered indicators, highest value first: (code, "max points").
    pub open: Vec<(String, String)>,
}

/// A text node or attribute reading one field (one closure type for all of them).
pub fn text(t: Memo<Texts>, field: fn(&Texts) -> &String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || t.with(|t| field(t).clone())
}

/// The summary's texts and their shape, formatted once per change of the result; the
/// summary, the bar at the bottom and the bars per main indicator read them.
#[derive(Clone, Copy)]
pub struct Figures {
    pub texts: Memo<Texts>,
    /// Changes only when a paragraph appears or goes, or the language changes.
    pub shape: Memo<Shape>,
}

impl Figures {
    #[must_use]
    pub fn new(state: AppState) -> Self {
        let texts = Memo::new(move |_| texts(state));
        Figures { texts, shape: Memo::new(move |_| texts.with(|t| t.shape)) }
    }

    /// Whether the open sheet is scored (blank or not); tracks the shape only.
    #[must_use]
    pub fn scored(&self) -> bool {
        self.shape.with(|s| matches!(s.kind, Kind::Blank | Kind::Scored))
    }
}

fn texts(state: AppState) -> Texts {
    let lang = state.lang.get();
    let mut t = Texts { shape: Shape { lang, ..Shape::default() }, ..Texts::default() };
    let Some(framework) = state.framework.get() else { return t };
    // Read in place: the result holds every indicator, and is not copied per keystroke.
    state.result.with(|r| {
        match r {
            None => {}
            Some(Err(e)) => {
                t.shape.kind = Kind::Failed;
                t.error = e.message(lang);
            }
            Some(Ok(result)) => scored(state, &framework, result, lang, &mut t),
        }
    });
    t
}

fn scored(state: AppState, framework: &dti_engine::framework::Framework, result: &SheetResult, lang: Lang, t: &mut Texts) {
    let s = &result.standing;
    let blank = result.is_blank();
    t.shape.kind = if blank { Kind::Blank } else { Kind::Scored };
    t.total = format_points(s.total);
    t.max = format_compact(s.max);
    t.unanswered = format!("{} {}", result.unanswered, tr(lang, "chỉ số chưa trả lời", "indicators unanswered"));
    let invalid_count = result.invalid.len() + result.invalid_appraised.len();
    t.has_errors = invalid_count != 0;
    t.invalid = format!("{invalid_count} {}", tr(lang, "giá trị không hợp lệ", "invalid values"));
    t.without_evidence =
        format!("{} {}", result.without_evidence, tr(lang, "chỉ số có điểm nhưng chưa có minh chứng", "indicators scored without evidence"));
    t.open = result.open_top.iter().map(|(code, max)| (code.clone(), format!("{} {}", format_compact(*max), tr(lang, "điểm", "points")))).collect();
    t.shape.open = !t.open.is_empty();
    if let Some(a) = &result.appraisal {
        t.shape.appraised = true;
        t.appraised = a.headline(framework, lang);
        t.partial = !a.complete();
        let over = if a.complete() {
            String::new()
        } else {
            format!(" {} {} {}", tr(lang, "trên", "over the"), a.count, tr(lang, "chỉ số đã thẩm định", "appraised indicators"))
        };
        t.difference = format!(
            "{}{over}: {} − {} = {}",
            difference_label(lang),
            format_points(a.self_total),
            format_points(a.total),
            format_points(a.difference())
        );
    }
    if blank {
        return;
    }
    t.percent = format_percent(s.percent);
    t.level_class = format!("level level-{}", s.level_id);
    t.level = framework.level_name(&s.level_id, lang);
    if let Some(n) = &s.next {
        let (points, level) = (format_points(n.points_needed), framework.level_name(&n.level_id, lang));
        t.shape.next = true;
        t.next = match lang {
            Lang::Vi => format!("Cần thêm {points} điểm để đạt mức {level}"),
            Lang::En => format!("{points} more points needed to reach {level}"),
        };
    }
    // "75,00 %" can be either side of the 75 % line: say which, and why.
    if let Some(b) = boundary_note(&framework.levels, s.percent) {
        t.shape.boundary = true;
        t.boundary = b.message(&framework.level_name(&b.level_id, lang), lang);
    }
    let group = state.selection.with(|s| s.1.clone());
    state.published.with(|p| match p {
        Some(Ok(rows)) => {
            let agency = state.agency.get();
            let Some(p) = rank_preview(rows, &group, &agency, s.total) else { return };
            let group_label = framework.group_name(&group, lang);
            t.shape.place = Place::Rank;
            t.position = format!(
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
            t.stats = format!(
                "{} {} · {} {}",
                tr(lang, "Trung bình nhóm:", "Group average:"),
                format_points(p.average),
                tr(lang, "cao nhất:", "top:"),
                format_points(p.top)
            );
            if let Some(r) = p.own_row {
                t.shape.own = true;
                t.own = format!(
                    "{} “{}” ({} {}) {}",
                    tr(lang, "Đã bỏ dòng đã công bố của chính đơn vị", "Left out the agency's own published row"),
                    r.name,
                    format_points(r.total),
                    tr(lang, "điểm", "points"),
                    tr(lang, "để không tính hai lần.", "so it is not counted twice.")
                );
            }
        }
        Some(Err(e)) => {
            t.shape.place = Place::Failed;
            t.position = e.message(lang);
        }
        None => {
            t.shape.place = Place::Unpublished;
            t.position = tr(lang, "Bộ chỉ số này chưa có kết quả công bố để so sánh", "No published results for this set yet").to_owned();
        }
    });
}

#[component]
pub fn Summary(figures: Figures) -> impl IntoView {
    let state = use_state();
    let Figures { texts: t, shape } = figures;
    let body = move || {
        let shape = shape.get();
        let lang = shape.lang;
        match shape.kind {
            Kind::Nothing => None,
            Kind::Failed => Some(view! { <p class="error-message">{text(t, |t| &t.error)}</p> }.into_any()),
            Kind::Blank | Kind::Scored => Some(body(t, shape, lang).into_any()),
        }
    };
    view! {
        <section class="summary" id="summary" role="status" aria-live="polite" aria-atomic="false"
            aria-label=move || tr(state.lang.get(), "Kết quả", "Result")>
            {body}
        </section>
    }
}

/// A class toggled by one field (one closure type for all of them).
fn flag(t: Memo<Texts>, field: fn(&Texts) -> bool) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    move || t.with(field)
}

fn body(t: Memo<Texts>, shape: Shape, lang: Lang) -> impl IntoView {
    let standing = if shape.kind == Kind::Blank {
        view! {
            <p class="pending" data-testid="pending">{tr(lang,
                "Mức xếp hạng, số điểm còn thiếu và hạng ước tính hiện ra sau câu trả lời đầu tiên.",
                "Level, points still needed and the estimated rank appear after the first answer.")}</p>
        }
        .into_any()
    } else {
        view! {
            <p class="percent"><strong data-testid="percent">{text(t, |t| &t.percent)}</strong></p>
            <p class=text(t, |t| &t.level_class) data-testid="level">{text(t, |t| &t.level)}</p>
            {shape.boundary.then(|| view! { <p class="boundary-note" data-testid="boundary-note">{text(t, |t| &t.boundary)}</p> })}
            {shape.next.then(|| view! { <p class="next" data-testid="next">{text(t, |t| &t.next)}</p> })}
        }
        .into_any()
    };
    let appraised = shape.appraised.then(|| {
        view! {
            <div class="appraised-total" data-testid="appraised-total" class:partial=flag(t, |t| t.partial)>
                <p data-testid="appraised-line">{text(t, |t| &t.appraised)}</p>
                <p data-testid="difference-total">{text(t, |t| &t.difference)}</p>
            </div>
        }
    });
    let position = match shape.place {
        Place::Hidden => None,
        Place::Rank => Some(
            view! {
                <p class="position" data-testid="position">{text(t, |t| &t.position)}</p>
                <p class="group-stats" data-testid="group-stats">{text(t, |t| &t.stats)}</p>
                {shape.own.then(|| view! { <p class="own-row" data-testid="own-row">{text(t, |t| &t.own)}</p> })}
            }
            .into_any(),
        ),
        Place::Failed => Some(view! { <p class="position error-message" data-testid="position">{text(t, |t| &t.position)}</p> }.into_any()),
        Place::Unpublished => Some(view! { <p class="position" data-testid="position">{text(t, |t| &t.position)}</p> }.into_any()),
    };
    // The list changes only when an indicator is answered or cleared; its items are
    // compared, not rebuilt, on the other keystrokes.
    let open = move || {
        t.with(|t| {
            t.open
                .iter()
                .map(|(code, rest)| view! { <li><a href=format!("#row-{code}")>{code.clone()}</a>" — "{rest.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <p class="total"><span class="label">{tr(lang, "Tổng điểm", "Total score")}</span>
            <strong data-testid="total">{text(t, |t| &t.total)}</strong>" / "{text(t, |t| &t.max)}</p>
        {standing}
        {appraised}
        {position}
        <p class="counts">
            <span data-testid="unanswered">{text(t, |t| &t.unanswered)}</span>
            " · "
            <span data-testid="invalid" class:has-errors=flag(t, |t| t.has_errors)>{text(t, |t| &t.invalid)}</span>
            " · "
            <span data-testid="without-evidence">{text(t, |t| &t.without_evidence)}</span>
        </p>
        {shape.open.then(|| view! {
            <div class="open-top">
                <p>{tr(lang, "Chưa trả lời, nhiều điểm nhất trước:", "Unanswered, highest value first:")}</p>
                <ul>{open}</ul>
            </div>
        })}
    }
}
