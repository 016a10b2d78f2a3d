//! The input each scoring method needs. Every change is stored as typed; the engine
//! decides what it is worth.

use dti_engine::framework::{Indicator, Method};
use dti_engine::sheet::{Answer, AnswerError, Field, Outcome};
use leptos::prelude::*;

use super::number_field::NumberField;
use crate::i18n::{choice_label, pick, tr};
use crate::state::{use_state, Side};

/// Error message of `outcome` if it concerns `field`.
fn error_for(outcome: Memo<Outcome>, field: Field) -> Signal<Option<String>> {
    let state = use_state();
    Signal::derive(move || match outcome.get() {
        Outcome::Invalid(e) if e.field() == field => Some(e.message(state.lang.get())),
        _ => None,
    })
}

/// Whether an error waits because the user is still inside its ratio pair: "b is missing"
/// is not an error while a is being typed.
#[must_use]
pub fn pair_pending(state: crate::state::AppState, e: &AnswerError, side: Side) -> bool {
    matches!(e, AnswerError::MissingPart { .. })
        && state.editing_pair.with(|p| p.as_ref().is_some_and(|(code, s)| code == e.code() && *s == side))
}

/// The fieldset around radio buttons or checkboxes; the legend is read by screen readers
/// and shown for the council's inputs, whose purpose is not evident from the row.
/// A chosen answer can be taken back to "unanswered" with the clear button.
fn choices(
    id: String,
    council: bool,
    legend: (&'static str, &'static str),
    appraised: (&'static str, &'static str),
    items: AnyView,
    answered: Signal<bool>,
    clear: Callback<()>,
) -> AnyView {
    let state = use_state();
    view! {
        <fieldset class="choices" id=id>
            <legend class:visually-hidden=!council>{move || {
                let (vi, en) = if council { appraised } else { legend };
                tr(state.lang.get(), vi, en)
            }}</legend>
            {items}
            {move || answered.get().then(|| view! {
                <button type="button" class="link-button" on:click=move |_| clear.run(())>
                    {tr(state.lang.get(), "Bỏ chọn (chưa trả lời)", "Clear (unanswered)")}
                </button>
            })}
        </fieldset>
    }
    .into_any()
}

/// Input id of an indicator's field; the error summary links to it. The council's
/// inputs carry a `t-` (thẩm định) prefix instead of `f-`.
#[must_use]
pub fn field_id(code: &str, field: Field, side: Side) -> String {
    let suffix = match field {
        Field::Value => "value",
        Field::Numerator => "a",
        Field::Denominator => "b",
    };
    let prefix = match side {
        Side::Own => "f",
        Side::Council => "t",
    };
    format!("{prefix}-{code}-{suffix}")
}

#[component]
pub fn MethodControl(indicator: Indicator, outcome: Memo<Outcome>, side: Side) -> impl IntoView {
    let state = use_state();
    let code = indicator.code.clone();
    let answer = {
        let code = code.clone();
        Memo::new(move |_| state.answer(&code, side))
    };
    let set = {
        let code = code.clone();
        move |a: Option<Answer>| state.set_answer(&code, side, a)
    };
    let council = side == Side::Council;
    // Radio groups of the two sides must not share a name.
    let group_name = {
        let code = code.clone();
        move |kind: &str| if council { format!("{kind}-t-{code}") } else { format!("{kind}-{code}") }
    };
    let field_id = move |code: &str, field: Field| field_id(code, field, side);
    let answered = Signal::derive(move || answer.with(Option::is_some));
    let clear = {
        let set = set.clone();
        Callback::new(move |()| set(None))
    };
    let max = dti_engine::number::format_compact(indicator.max_points);
    match indicator.method.clone() {
        Some(Method::Points) | None => {
            let text = Signal::derive(move || match answer.get() {
                Some(Answer::Points { text }) => text,
                _ => String::new(),
            });
            // The tree is rebuilt when the language changes, so the label is read once.
            let label = move || {
                let lang = state.lang.get_untracked();
                let what = if council { tr(lang, "Điểm thẩm định", "Appraised points") } else { tr(lang, "Điểm tự đánh giá", "Self-assessment points") };
                format!("{what} (0–{max})")
            };
            let set = set.clone();
            view! {
                <NumberField id=field_id(&code, Field::Value) label=label() value=text
                    on_input=Callback::new(move |t: String| set((!t.is_empty()).then_some(Answer::Points { text: t })))
                    error=error_for(outcome, Field::Value) />
            }
            .into_any()
        }
        Some(Method::YesNo) => {
            let name = group_name("yn");
            let choice = move |value: bool, vi: &'static str, en: &'static str| {
                let set = set.clone();
                let checked = move || matches!(answer.get(), Some(Answer::YesNo { value: v }) if v == value);
                view! {
                    <label class="choice">
                        <input type="radio" name=name.clone() prop:checked=checked
                            on:change=move |_| set(Some(Answer::YesNo { value })) />
                        {move || tr(state.lang.get(), vi, en)}
                    </label>
                }
            };
            let items = view! { {choice(true, "Có", "Yes")} {choice(false, "Không", "No")} }.into_any();
            choices(field_id(&code, Field::Value), council, ("Đạt yêu cầu?", "Met?"), ("Thẩm định: đạt yêu cầu?", "Appraised: met?"), items, answered, clear)
        }
        Some(Method::Options { options }) => {
            let name = group_name("opt");
            let items = options
                .into_iter()
                .map(|c| {
                    let set = set.clone();
                    let id = c.id.clone();
                    let points = dti_engine::number::format_compact(c.points);
                    let checked = {
                        let id = id.clone();
                        move || matches!(answer.get(), Some(Answer::Choice { id: a }) if a == id)
                    };
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() prop:checked=checked
                                on:change=move |_| set(Some(Answer::Choice { id: id.clone() })) />
                            {move || format!("{} ({points})", choice_label(state.lang.get(), &c))}
                        </label>
                    }
                })
                .collect_view()
                .into_any();
            choices(field_id(&code, Field::Value), council, ("Chọn một", "Choose one"), ("Thẩm định: chọn một", "Appraised: choose one"), items, answered, clear)
        }
        Some(Method::Parts { parts }) => {
            let items = parts
                .into_iter()
                .map(|c| {
                    let set = set.clone();
                    let id = c.id.clone();
                    let points = dti_engine::number::format_compact(c.points);
                    let checked = {
                        let id = id.clone();
                        move || matches!(answer.get(), Some(Answer::Parts { ids }) if ids.contains(&id))
                    };
                    view! {
                        <label class="choice">
                            <input type="checkbox" prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut ids = match answer.get_untracked() {
                                        Some(Answer::Parts { ids }) => ids,
                                        _ => Vec::new(),
                                    };
                                    ids.retain(|x| x != &id);
                                    if on { ids.push(id.clone()); }
                                    set(Some(Answer::Parts { ids }));
                                } />
                            {move || format!("{} ({points})", choice_label(state.lang.get(), &c))}
                        </label>
                    }
                })
                .collect_view()
                .into_any();
            let legend = ("Các điều kiện đạt được", "Conditions met");
            choices(field_id(&code, Field::Value), council, legend, ("Thẩm định: các điều kiện đạt được", "Appraised: conditions met"), items, answered, clear)
        }
        Some(Method::Ratio { numerator_vi, numerator_en, denominator_vi, denominator_en, .. }) => {
            let part = move |n: bool| {
                Signal::derive(move || match answer.get() {
                    Some(Answer::Ratio { numerator, denominator }) => if n { numerator } else { denominator },
                    _ => String::new(),
                })
            };
            let (a, b) = (part(true), part(false));
            let update = move |n: bool, t: String| {
                let (mut num, mut den) = (a.get_untracked(), b.get_untracked());
                if n { num = t } else { den = t }
                let empty = num.is_empty() && den.is_empty();
                set((!empty).then_some(Answer::Ratio { numerator: num, denominator: den }));
            };
            let lang = state.lang.get_untracked();
            let update_b = update.clone();
            let warning = {
                let ind = indicator.clone();
                let code = code.clone();
                Signal::derive(move || {
                    // Like "b is missing", "a > b" waits until the user leaves the pair.
                    if state.editing_pair.with(|p| p.as_ref().is_some_and(|(c, s)| *c == code && *s == side)) {
                        return None;
                    }
                    let lang = state.lang.get();
                    dti_engine::sheet::warnings(&ind, answer.get().as_ref()).first().map(|w| w.message(lang))
                })
            };
            let who = if council { tr(lang, "Thẩm định — ", "Appraised — ") } else { "" };
            let pair_code = code.clone();
            let pair_error = move |field: Field| {
                let inner = error_for(outcome, field);
                let code = pair_code.clone();
                Signal::derive(move || {
                    let editing = state.editing_pair.with(|p| p.as_ref().is_some_and(|(c, s)| *c == code && *s == side));
                    let missing = matches!(outcome.get(), Outcome::Invalid(AnswerError::MissingPart { .. }));
                    if editing && missing { None } else { inner.get() }
                })
            };
            let (error_a, error_b) = (pair_error(Field::Numerator), pair_error(Field::Denominator));
            let (enter_code, leave_code) = (code.clone(), code.clone());
            view! {
                <div class="ratio"
                    on:focusin=move |_| state.editing_pair.set(Some((enter_code.clone(), side)))
                    on:focusout=move |ev: web_sys::FocusEvent| {
                        // Still inside the pair (a → b): keep waiting.
                        let inside = ev.related_target()
                            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                            .zip(ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok()))
                            .is_some_and(|(to, pair)| pair.contains(Some(&to)));
                        if !inside && state.editing_pair.with_untracked(|p| p.as_ref().is_some_and(|(c, _)| *c == leave_code)) {
                            state.editing_pair.set(None);
                        }
                    }>
                    <NumberField id=field_id(&code, Field::Numerator)
                        label=format!("{who}a — {}", pick(lang, &numerator_vi, &numerator_en)) value=a
                        on_input=Callback::new(move |t| update(true, t)) error=error_a
                        warning=warning />
                    <NumberField id=field_id(&code, Field::Denominator)
                        label=format!("{who}b — {}", pick(lang, &denominator_vi, &denominator_en)) value=b
                        on_input=Callback::new(move |t| update_b(false, t)) error=error_b />
                </div>
            }
            .into_any()
        }
        Some(Method::Tiers { unit_vi, unit_en, .. }) => {
            let text = Signal::derive(move || match answer.get() {
                Some(Answer::Tier { text }) => text,
                _ => String::new(),
            });
            let lang = state.lang.get_untracked();
            let what = if council { tr(lang, "Giá trị thẩm định", "Appraised value") } else { tr(lang, "Giá trị", "Value") };
            let label = format!("{what} ({})", pick(lang, &unit_vi, &unit_en));
            view! {
                <NumberField id=field_id(&code, Field::Value) label=label value=text
                    on_input=Callback::new(move |t: String| set((!t.is_empty()).then_some(Answer::Tier { text: t })))
                    error=error_for(outcome, Field::Value) />
            }
            .into_any()
        }
        Some(Method::Info) => view! {
            <p class="hint">{move || tr(state.lang.get(), "Chỉ ghi nhận thông tin, không tính điểm.", "Recorded for information; not scored.")}</p>
        }
        .into_any(),
    }
}
