//! Says where the work is kept, and when it is not.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;
use crate::work::{use_work, Storage};

#[component]
pub fn StorageNotice() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    move || {
        let l = lang.get();
        match work.storage.get() {
            Storage::Opening | Storage::Kept => None,
            Storage::Refused(reason) => Some(view! {
                <p class="banner warning" role="alert" data-testid="storage-refused">
                    {tr(l, "Trình duyệt không cho lưu dữ liệu của trang này, nên các tệp đã nạp chỉ giữ trong thẻ này và mất khi tải lại trang. Hãy tải bảng (CSV, Excel) về máy trước khi đóng.",
                        "The browser refuses to store this page's data, so the imported files are kept only in this tab and are lost on reload. Download the tables (CSV, Excel) before closing.")}
                    " (" {reason} ")"
                </p>
            }),
            Storage::Failed(reason) => Some(view! {
                <p class="banner warning" role="alert" data-testid="storage-failed">
                    {tr(l, "Không lưu được vào trình duyệt (có thể hết dung lượng): các tệp nạp sau đó chỉ giữ trong thẻ này. Hãy giải phóng dung lượng hoặc tải bảng về máy.",
                        "Could not save in the browser (storage may be full): files imported since are kept only in this tab. Free some space or download the tables.")}
                    " (" {reason} ")"
                </p>
            }),
        }
    }
}
