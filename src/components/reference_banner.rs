//! Says plainly when the open set is a reference set, not the province's official annex.

use dti_engine::framework::Status;
use leptos::prelude::*;

use crate::i18n::{pick, tr};
use crate::state::use_state;

#[component]
pub fn ReferenceBanner() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let f = state.framework.get()?;
        (f.status == Status::Reference).then(|| {
            view! {
                <div class="banner banner-warning" role="note">
                    <p><strong>{tr(lang, "Bộ chỉ số tham khảo — không phải bộ chính thức.", "Reference set — not the official one.")}</strong></p>
                    <p>{pick(lang, &f.status_note_vi, &f.status_note_en).to_owned()}</p>
                </div>
            }
        })
    }
}
