//! The printed report is a table of every indicator: built while the page prints, not
//! kept up to date on every keystroke. Printing is known from `beforeprint` / `afterprint`
//! (Ctrl+P, the browser's menu, the print button, headless PDF) and from the print media
//! query (print emulation, which fires no print events).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::AppState;

/// Whether the page is printing: between `beforeprint` and `afterprint`, or in print media.
#[derive(Clone, Copy)]
pub struct Printing {
    event: RwSignal<bool>,
    media: RwSignal<bool>,
}

impl Printing {
    /// Not yet watching: call [`Printing::watch`] once per page (the council page uses it too).
    #[must_use]
    pub fn new() -> Self {
        Printing { event: RwSignal::new(false), media: RwSignal::new(print_media().is_some_and(|m| matches(&m))) }
    }

    /// Tracked: the report reads it and is built only while it holds.
    #[must_use]
    pub fn get(&self) -> bool {
        self.event.get() || self.media.get()
    }
}

/// `window.matchMedia("print")`, through Reflect (no extra web-sys feature for one call).
fn print_media() -> Option<JsValue> {
    let window = web_sys::window()?;
    let f = js_sys::Reflect::get(&window, &"matchMedia".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(&window, &"print".into()).ok().filter(|m| m.is_object())
}

fn matches(mql: &JsValue) -> bool {
    js_sys::Reflect::get(mql, &"matches".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

impl Default for Printing {
    fn default() -> Self {
        Self::new()
    }
}

impl Printing {
    /// Follows printing for the page's lifetime.
    pub fn watch(self) {
        let printing = self;
        let before = window_event_listener_untyped("beforeprint", move |_| {
            printing.event.try_set(true);
        });
        let after = window_event_listener_untyped("afterprint", move |_| {
            printing.event.try_set(false);
        });
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
        if let Some(mql) = print_media() {
            let media = printing.media;
            let on_change = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
                media.try_set(matches(&ev));
            });
            let add = js_sys::Reflect::get(&mql, &"addEventListener".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            if let Some(add) = add {
                let _ = add.call2(&mql, &"change".into(), on_change.as_ref().unchecked_ref());
                // Lives as long as the page; `try_set` is a no-op once the state is gone.
                on_change.forget();
            }
        }
    }

    /// The print button: what prints is built first, then the browser's print dialog opens
    /// (a frame later, once it is in the page).
    pub fn print(self) {
        self.event.set(true);
        request_animation_frame(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    }
}

impl AppState {
    /// Follows printing for the page's lifetime.
    pub fn watch_print(&self) {
        self.printing.watch();
    }

    /// The print button: the report is built first, then the print dialog opens.
    pub fn print(&self) {
        self.printing.print();
    }
}
