//! "What would 612 points give us?": a total for a group, without filling the tree.

use dti_engine::level::boundary_note;
use dti_engine::number::{format_percent, format_points};
use dti_engine::quick::quick_check;
use leptos::prelude::*;

use super::number_field::NumberField;
use crate::i18n::{group_name, tr};
use crate::state::use_state;

#[component]
pub fn QuickCheck() -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(String::new());
    let group = RwSignal::new(state.selection.get_untracked().1);
    // Follows the group picked above; the user can still look at another group here.
    Effect::new(move |_| group.set(state.selection.with(|s| s.1.clone())));
    let result = Memo::new(move |_| {
        let framework = state.framework.get()?;
        let published = state.published.get().and_then(Result::ok);
        let agency = state.agency.get();
        Some((framework.clone(), quick_check(&framework, &group.get(), &text.get(), published.as_deref(), &agency)))
    });
    let error = Signal::derive(move || match result.get() {
        Some((_, Err(e))) if !text.with(String::is_empty) => Some(e.message(state.lang.get())),
        _ => None,
    });
    let outcome = move || {
        let lang = state.lang.get();
        let (framework, Ok(r)) = result.get()? else { return None };
        let s = &r.standing;
        let rank = r.position.map(|(rank, of)| format!(" · {} {rank}/{of}", tr(lang, "hạng ước tính", "estimated rank")));
        Some(format!(
            "{} = {} → {}{}",
            format_points(s.total),
            format_percent(s.percent),
            framework.level_name(&s.level_id, lang),
            rank.unwrap_or_default()
        ))
    };
    // 562,50 and 562,51 of 750 both print 75,00 %: say why their levels differ.
    let boundary = move || {
        let lang = state.lang.get();
        let (framework, Ok(r)) = result.get()? else { return None };
        let note = boundary_note(&framework.levels, r.standing.percent)?;
        Some(view! { <p class="boundary-note" data-testid="quick-boundary-note">{note.message(&framework.level_name(&note.level_id, lang), lang)}</p> })
    };
    let groups = move || {
        let lang = state.lang.get();
        state.framework.get().map(|f| {
            f.groups
                .iter()
                .map(|g| {
                    let id = g.id.clone();
                    let selected = {
                        let id = id.clone();
                        move || group.get() == id
                    };
                    view! { <option value=id selected=selected>{group_name(lang, g)}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="quick-check" id="quick-check" tabindex="-1">
            <h2>{move || tr(state.lang.get(), "Tính nhanh từ tổng điểm", "Quick check from a total")}</h2>
            <div class="field">
                <label for="quick-group">{move || tr(state.lang.get(), "Nhóm", "Group")}</label>
                <select id="quick-group" prop:value=move || group.get() on:change=move |ev| group.set(event_target_value(&ev))>{groups}</select>
            </div>
            <NumberField id="quick-total".to_owned()
                label=Signal::derive(move || tr(state.lang.get(), "Tổng điểm", "Total score").to_owned())
                value=text on_input=Callback::new(move |t| text.set(t)) error=error />
            <p class="quick-result" data-testid="quick-result" aria-live="polite">{outcome}</p>
            {boundary}
        </section>
    }
}
