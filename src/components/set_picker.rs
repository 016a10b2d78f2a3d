//! Which indicator set (year) and group the sheet is for, and the agency's name.

use leptos::prelude::*;

use super::set_loader::SetLoader;
use crate::i18n::{group_name, pick, tr};
use crate::state::use_state;

#[component]
pub fn SetPicker() -> impl IntoView {
    let state = use_state();
    let sets = move || {
        let lang = state.lang.get();
        let current = state.selection.with(|s| s.0.clone());
        state.catalogue.with(|c| {
            c.frameworks
                .iter()
                .map(|f| {
                    let label = format!("{} — {}", f.year, pick(lang, &f.title_vi, &f.title_en));
                    view! { <option value=f.id.clone() selected=f.id == current>{label}</option> }
                })
                .collect_view()
        })
    };
    let groups = move || {
        let lang = state.lang.get();
        let (_, current) = state.selection.get();
        state.framework.get().map(|f| {
            f.groups
                .iter()
                .map(|g| {
                    let id = g.id.clone();
                    let checked = id == current;
                    let max = dti_engine::number::format_compact(g.max_points);
                    view! {
                        <label class="choice">
                            <input type="radio" name="group" value=id.clone() prop:checked=checked
                                on:change=move |_| {
                                    let framework = state.selection.with_untracked(|s| s.0.clone());
                                    state.select(&framework, &id);
                                } />
                            {format!("{} ({max} {})", group_name(lang, g), tr(lang, "điểm", "points"))}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let on_set = move |ev| {
        let id = event_target_value(&ev);
        let group = state.selection.with_untracked(|s| s.1.clone());
        // Keep the group when the new set has it.
        let group = state.catalogue.with_untracked(|c| {
            c.get(&id).and_then(|f| f.group(&group).or(f.groups.first())).map(|g| g.id.clone())
        });
        if let Some(group) = group {
            state.select(&id, &group);
        }
    };
    view! {
        <section class="set-picker">
            <div class="field">
                <label for="set">{move || tr(state.lang.get(), "Bộ chỉ số (năm)", "Indicator set (year)")}</label>
                <select id="set" prop:value=move || state.selection.with(|s| s.0.clone()) on:change=on_set>{sets}</select>
            </div>
            <fieldset class="choices">
                <legend>{move || tr(state.lang.get(), "Nhóm đánh giá", "Group")}</legend>
                {groups}
            </fieldset>
            <div class="field">
                <label for="agency">{move || tr(state.lang.get(), "Tên cơ quan, đơn vị, địa phương", "Name of the agency or locality")}</label>
                <input type="text" id="agency" autocomplete="organization"
                    prop:value=move || state.sheet.with(|s| s.agency.clone())
                    on:input=move |ev| state.set_agency(event_target_value(&ev)) />
            </div>
            <SetLoader />
        </section>
    }
}
