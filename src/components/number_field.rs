//! A labelled decimal text field (a text input with inputmode=decimal, never a browser number input): comma or dot accepted, the
//! error tied to the field, and what was understood echoed back.

use dti_engine::number::{format_compact, parse_vn};
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

#[component]
pub fn NumberField(
    /// Element id; the error and hint ids derive from it.
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// Message of an error on this field, in the current language.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A sense check that does not change the score (e.g. a > b), tied to the field.
    #[prop(optional)]
    warning: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let warning = warning.unwrap_or_else(|| Signal::derive(|| None));
    let warning_id = format!("{id}-warning");
    let state = use_state();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // Echo how the text was read when it differs from how we would print it, without
    // thousands dots: "2.500" is echoed as "2500", so a dot read as grouping is visible.
    let understood = move || {
        let text = value.get();
        let parsed = parse_vn(&text).ok()?;
        let shown = format_compact(parsed).replace('.', "");
        (shown != text.trim()).then_some(shown)
    };
    let described = {
        let (e, h, w) = (error_id.clone(), hint_id.clone(), warning_id.clone());
        move || {
            let mut ids = vec![h.clone()];
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            if warning.with(Option::is_some) {
                ids.push(w.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            {
                let error_id = error_id.clone();
                move || error.get().map(|msg| view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{tr(state.lang.get(), "Lỗi: ", "Error: ")}</span>
                        {msg}
                    </p>
                })
            }
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                id=id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {move || warning.get().map(|msg| view! {
                <p class="warning-message" id=warning_id.clone()>
                    <span class="visually-hidden">{tr(state.lang.get(), "Lưu ý: ", "Note: ")}</span>
                    {msg}
                </p>
            })}
            <p class="hint" id=hint_id>
                {move || understood().map(|s| format!("{} {s}", tr(state.lang.get(), "Hiểu là:", "Read as:")))}
            </p>
        </div>
    }
}
