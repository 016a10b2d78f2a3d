//! Where the indicators would be while the open set cannot be scored: loading, a fetch
//! that failed (with a retry), a set the catalogue no longer lists, or a draft answered
//! under another version of its set (kept as it is until the user chooses).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::{use_state, OpenSet};

#[component]
pub fn SetStatus() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        match state.open.get() {
            OpenSet::Ready(_) => ().into_any(),
            OpenSet::Loading => view! {
                <p class="set-status" role="status" data-testid="set-loading">
                    {tr(lang, "Đang tải bộ chỉ số…", "Loading the indicator set…")}
                </p>
            }
            .into_any(),
            OpenSet::Failed(e) => view! {
                <div class="set-status" role="alert" data-testid="set-error">
                    <p class="error-message">{e.message(lang)}</p>
                    <button type="button" on:click=move |_| state.retry()>{tr(lang, "Thử lại", "Try again")}</button>
                </div>
            }
            .into_any(),
            OpenSet::Missing(id) => view! {
                <p class="set-status error-message" role="alert" data-testid="set-error">
                    {format!("{} “{id}”. {}", tr(lang, "Máy chủ không còn bộ chỉ số", "The server no longer has the indicator set"),
                        tr(lang, "Phiếu được giữ nguyên; hãy tải phiếu về máy hoặc nạp bộ chỉ số đó từ tệp.",
                            "The draft is kept as it is; download it, or load that set from a file."))}
                </p>
            }
            .into_any(),
            OpenSet::Stale { id, answered, served } => {
                let answered = answered.unwrap_or_else(|| tr(lang, "bản trước khi có mã phiên bản", "a version before digests").to_owned());
                view! {
                    <div class="set-status banner banner-warning" role="note" data-testid="set-stale">
                        <p><strong>{tr(lang, "Phiếu này được trả lời theo một phiên bản khác của bộ chỉ số.", "This draft was answered under another version of the indicator set.")}</strong></p>
                        <p>{format!("{} “{id}”: {} {answered}; {} {served}. {}", tr(lang, "Bộ", "Set"),
                            tr(lang, "phiên bản đã trả lời", "answered under"), tr(lang, "phiên bản hiện có", "served now"),
                            tr(lang, "Phiếu được giữ nguyên và không tự tính lại: các chỉ số có thể đã thay đổi.",
                                "The draft is kept as it is and not re-scored by itself: the indicators may have changed."))}</p>
                        <button type="button" on:click=move |_| state.adopt_served_version()>
                            {tr(lang, "Tính lại theo phiên bản hiện có", "Score under the version served now")}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    }
}
