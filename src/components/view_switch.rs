//! "Dạng thẻ" (cards, the default) or "Dạng bảng" (a keyboard grid like the agencies'
//! Excel sheet). The choice is remembered in its own localStorage key; where storage is
//! refused it lasts for the page.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;

/// localStorage key of the chosen view, apart from the workspace.
pub const VIEW_KEY: &str = "dti-view";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetView {
    Cards,
    Table,
}

impl SheetView {
    fn id(self) -> &'static str {
        match self {
            SheetView::Cards => "cards",
            SheetView::Table => "table",
        }
    }
}

/// The shared choice; `Shell` provides it.
#[derive(Debug, Clone, Copy)]
pub struct ViewChoice(pub RwSignal<SheetView>);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads the remembered view (cards when none or unreadable) and provides it.
pub fn provide_view_choice() -> ViewChoice {
    let stored = storage().and_then(|s| s.get_item(VIEW_KEY).ok().flatten());
    let view = if stored.as_deref() == Some(SheetView::Table.id()) { SheetView::Table } else { SheetView::Cards };
    let choice = ViewChoice(RwSignal::new(view));
    provide_context(choice);
    choice
}

#[must_use]
pub fn use_view_choice() -> ViewChoice {
    use_context::<ViewChoice>().unwrap_or_else(|| ViewChoice(RwSignal::new(SheetView::Cards)))
}

#[component]
pub fn ViewSwitch() -> impl IntoView {
    let state = use_state();
    let ViewChoice(view) = use_view_choice();
    let pick = move |v: SheetView| {
        view.set(v);
        // Remembering is a convenience: a refused write keeps the choice for this page.
        if let Some(s) = storage() {
            let _ = s.set_item(VIEW_KEY, v.id());
        }
    };
    let option = move |v: SheetView, vi: &'static str, en: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="sheet-view" value=v.id() prop:checked=move || view.get() == v
                    on:change=move |_| pick(v) />
                {move || tr(state.lang.get(), vi, en)}
            </label>
        }
    };
    view! {
        <fieldset class="view-switch">
            <legend>{move || tr(state.lang.get(), "Cách nhập", "Layout")}</legend>
            {option(SheetView::Cards, "Dạng thẻ", "Cards")}
            {option(SheetView::Table, "Dạng bảng", "Table")}
        </fieldset>
    }
}
