//! Embedded in a portal's frame: tells the parent page the total, percentage and level
//! (`{ type: "dti-summary", … }`) whenever they change, so a portal that sizes the frame to
//! its content can keep them in view (deploy/portal-summary.js). Figures are the engine's,
//! already formatted; the parent only shows text.

use dti_engine::number::{format_compact, format_percent, format_points};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::tr;
use crate::state::AppState;

/// Posts the summary to the parent window on every change (nothing when not framed).
pub fn post_summary(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(framework) = state.framework.get() else { return };
        state.result.with(|r| {
            let Some(Ok(result)) = r else { return };
            let s = &result.standing;
            // An empty sheet has no level worth showing (it would contradict a quick check).
            let answered = result.leaves.iter().any(|l| l.outcome != dti_engine::sheet::Outcome::Unanswered);
            let (level, level_id) = if answered {
                (framework.level_name(&s.level_id, lang), s.level_id.clone())
            } else {
                (tr(lang, "chưa chấm chỉ số nào", "no indicator scored yet").to_owned(), String::new())
            };
            let message = js_sys::Object::new();
            let fields = [
                ("type", "dti-summary".to_owned()),
                ("label", tr(lang, "Tổng điểm", "Total score").to_owned()),
                ("total", format_points(s.total)),
                ("max", format_compact(s.max)),
                ("percent", format_percent(s.percent)),
                ("level", level),
                ("levelId", level_id),
                ("lang", crate::i18n::html_lang(lang).to_owned()),
            ];
            for (key, value) in fields {
                let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &JsValue::from_str(&value));
            }
            // Any origin may embed the app (frame-ancestors decides which): the figures are
            // what the page shows anyway.
            let _ = parent.post_message(&message, "*");
        });
    });
}
