//! Tells the page when the calculator is usable (the total shown): `web/sw-register.js`
//! registers the service worker then, so its precache (about the whole build) does not
//! compete with a first visit's own downloads on a weak link (issue 15, cold start).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::AppState;

/// The event dispatched on `window`, once; `window.__dtiUsable` is set too, for a
/// listener added later.
pub const EVENT: &str = "dti-usable";

/// Announces the first scored sheet (the summary then shows the total).
pub fn announce(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let usable = state.result.with(|r| matches!(r, Some(Ok(_))));
        if usable {
            if let Some(window) = web_sys::window() {
                let _ = js_sys::Reflect::set(&window, &JsValue::from_str("__dtiUsable"), &JsValue::TRUE);
                if let Ok(event) = web_sys::Event::new(EVENT) {
                    let _ = window.dispatch_event(&event);
                }
            }
        }
        usable
    });
}
