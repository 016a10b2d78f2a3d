//! Which indicator set (year) and group the sheet is for, and the agency's name.

use leptos::prelude::*;

use super::set_loader::SetLoader;
use super::set_viewer::SetViewer;
use crate::i18n::{group_name, pick, tr};
use crate::state::use_state;

/// What a switch left behind: the answered draft's set and group, for the message and
/// the way back.
#[derive(Clone)]
struct LeftBehind {
    framework: String,
    group: String,
    label: String,
    answered: usize,
    agency: String,
}

/// Switches set or group; a draft with answers stays as it is (the workspace opens the
/// agency's draft for the new pair), and the user is told so.
fn switch(state: crate::state::AppState, left: RwSignal<Option<LeftBehind>>, framework: &str, group: &str) {
    let lang = state.lang.get_untracked();
    let before = state.sheet.with_untracked(|s| {
        let answered = s.entries.values().filter(|e| e.self_answer.is_some() || e.appraised.is_some()).count();
        (s.framework.clone(), s.group.clone(), answered, s.agency.clone())
    });
    let label = state
        .loaded(&before.0)
        .map(|f| format!("{} ({} {})", f.group_name(&before.1, lang), tr(lang, "bộ chỉ số năm", "indicator set of"), f.year));
    state.select(framework, group);
    state.settle();
    left.set((before.2 > 0).then(|| LeftBehind {
        framework: before.0,
        group: before.1,
        label: label.unwrap_or_default(),
        answered: before.2,
        agency: before.3,
    }));
}

#[component]
pub fn SetPicker() -> impl IntoView {
    let state = use_state();
    let left = RwSignal::new(None::<LeftBehind>);
    let sets = move || {
        let lang = state.lang.get();
        let current = state.selection.with(|s| s.0.clone());
        state.catalogue.with(|c| {
            c.entries
                .iter()
                .map(|l| {
                    let f = &l.entry;
                    let label = format!("{} — {}", f.year, pick(lang, &f.title_vi, &f.title_en));
                    view! { <option value=f.id.clone() selected=f.id == current>{label}</option> }
                })
                .collect_view()
        })
    };
    let groups = move || {
        let lang = state.lang.get();
        let (id, current) = state.selection.get();
        // Any file of the set names its groups: they stay listed while the open group's
        // file loads or failed, so the user can pick another.
        let set = state.framework.get().or_else(|| {
            state.served.track();
            state.catalogue.track();
            state.loaded(&id)
        });
        set.map(|f| {
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
                                    switch(state, left, &framework, &id);
                                } />
                            {format!("{} ({max} {})", group_name(lang, g), tr(lang, "điểm", "points"))}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    // Keep the group when the new set has it; a set not fetched yet is fetched and its
    // group settled once it has loaded.
    let on_set = move |ev| {
        let id = event_target_value(&ev);
        let group = state.selection.with_untracked(|s| s.1.clone());
        let group = state.loaded(&id).and_then(|f| f.group(&group).or(f.groups.first()).map(|g| g.id.clone())).unwrap_or(group);
        switch(state, left, &id, &group);
    };
    let notice = move || {
        let lang = state.lang.get();
        let l = left.get()?;
        let name = if l.agency.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned() } else { l.agency.clone() };
        let text = match lang {
            dti_engine::Lang::Vi => format!(
                "{} câu trả lời của {} vẫn được giữ nguyên trong phiếu “{name}” (ở mục Các phiếu đang soạn); chúng không được tính cho lựa chọn mới. Phiếu đang mở là phiếu riêng của lựa chọn mới.",
                l.answered, l.label
            ),
            dti_engine::Lang::En => format!(
                "{} answers for {} stay unchanged in the draft “{name}” (under Drafts); they do not count for the new choice. The open sheet is the new choice's own draft.",
                l.answered, l.label
            ),
        };
        let back = l.clone();
        Some(view! {
            <div class="group-switch" role="status" data-testid="switch-notice">
                <p>{text}</p>
                <button type="button" class="secondary" on:click=move |_| {
                    state.select(&back.framework, &back.group);
                    left.set(None);
                }>{format!("{} {}", tr(lang, "Quay lại", "Back to"), l.label)}</button>
            </div>
        })
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
            {notice}
            <div class="field">
                <label for="agency">{move || tr(state.lang.get(), "Tên cơ quan, đơn vị, địa phương", "Name of the agency or locality")}</label>
                <input type="text" id="agency" autocomplete="organization"
                    prop:value=move || state.agency.get()
                    on:input=move |ev| state.set_agency(event_target_value(&ev)) />
            </div>
            <SetViewer />
            <SetLoader />
        </section>
    }
}
