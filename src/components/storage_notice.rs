//! Tells the user when drafts cannot be kept in this browser, and shows a stored draft
//! that could not be read (kept aside, never overwritten).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_state;
use crate::storage::{discard_damaged, StorageStatus, DAMAGED_KEY};

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_state();
    let status = move || {
        let lang = state.lang.get();
        match state.storage.get() {
            StorageStatus::Ok => None,
            StorageStatus::Unavailable => Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{tr(lang,
                        "Trình duyệt không cho lưu dữ liệu (chế độ ẩn danh hoặc bị nhúng hạn chế). Ứng dụng vẫn tính điểm, nhưng phiếu sẽ mất khi đóng trang.",
                        "This browser does not allow saving (private mode or a restricted embed). Scoring works, but the sheet is lost when the page closes.")}</p>
                </div>
            }.into_any()),
            StorageStatus::WriteFailed(e) => Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{tr(lang, "Không lưu được phiếu vào trình duyệt: ", "Could not save the sheet in this browser: ")}{e}</p>
                </div>
            }.into_any()),
        }
    };
    let damaged = move || {
        let lang = state.lang.get();
        state.damaged.get().map(|(raw, reason)| view! {
            <div class="banner banner-error" role="alert">
                <p>{tr(lang,
                    "Không đọc được phiếu đã lưu trước đây. Bản gốc được giữ nguyên trong bộ nhớ trình duyệt (khóa ",
                    "The previously saved sheet could not be read. The original is kept unchanged in browser storage (key ")}
                    <code>{DAMAGED_KEY}</code>"). "{format!("({reason})")}</p>
                <details><summary>{tr(lang, "Xem nội dung gốc", "Show the original text")}</summary>
                    <pre class="raw">{raw}</pre></details>
                <button type="button" on:click=move |_| { discard_damaged(); state.damaged.set(None); }>
                    {tr(lang, "Đã lưu lại nội dung cần thiết — xóa bản hỏng", "I kept what I need — delete the damaged copy")}
                </button>
            </div>
        })
    };
    view! { {status} {damaged} }
}
