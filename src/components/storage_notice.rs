//! Tells the user when drafts cannot be kept in this browser, and why: storage refused or
//! full (with what to remove), a newer version's drafts, drafts edited in two tabs at
//! once, and stored texts that could not be read (each kept apart, downloadable, and
//! discarded only by its own button).

use leptos::prelude::*;

use crate::files::download;
use crate::i18n::tr;
use crate::state::{use_state, AppState};
use crate::storage::{size_text, Damaged, StorageStatus};

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
                    <p>{tr(lang,
                        "Bạn vẫn nhập tiếp được: mọi thay đổi được giữ trong trang này và được lưu ngay khi có chỗ. Đừng đóng trang trước khi thông báo này mất, hoặc tải phiếu về máy (JSON).",
                        "You can keep typing: every change is kept in this page and saved as soon as there is room. Do not close the page before this notice goes, or download the sheet (JSON).")}</p>
                    {move || free_space(state)}
                </div>
            }.into_any()),
            StorageStatus::Newer(version) => Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p><strong>{tr(lang, "Có phiên bản mới — tải lại trang", "A newer version is available — reload the page")}</strong></p>
                    <p>{format!("{} ({version}). {}", tr(lang,
                        "Các phiếu trong trình duyệt này đã được một phiên bản mới hơn của công cụ tính điểm lưu lại",
                        "The drafts in this browser were saved by a newer version of the calculator"), tr(lang,
                        "Trang này không ghi đè lên đó: bạn vẫn nhập được, nhưng thay đổi chỉ được giữ trong trang này. Hãy tải phiếu về máy (JSON) nếu cần giữ thay đổi, rồi tải lại trang.",
                        "This page does not overwrite them: you can keep typing, but changes stay in this page only. Download the sheet (JSON) if you need them, then reload the page."))}</p>
                    <button type="button" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.location().reload(); } }>
                        {tr(lang, "Tải lại trang", "Reload the page")}
                    </button>
                </div>
            }.into_any()),
            StorageStatus::DamagedNotKept(e) => Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{tr(lang,
                        "Không cất riêng được bản phiếu hỏng (bộ nhớ trình duyệt không nhận thêm): để không mất gì, dữ liệu đã lưu không bị ghi đè, và thay đổi ở đây chưa được lưu. Hãy tải bản hỏng về máy bằng nút bên dưới, rồi xóa bớt dữ liệu. ",
                        "The damaged copy could not be kept apart (browser storage refused it): so that nothing is lost, the stored data is not overwritten and changes here are not saved yet. Download the damaged copy with the button below, then remove some data. ")}
                        {format!("({e})")}</p>
                    {move || free_space(state)}
                </div>
            }.into_any()),
        }
    };
    let conflicts = move || {
        let lang = state.lang.get();
        let names: Vec<String> = state.workspace.with(|w| w.conflicts().map(|d| d.sheet.agency.clone()).collect());
        (!names.is_empty()).then(|| {
            let names = names
                .iter()
                .map(|n| if n.trim().is_empty() { tr(lang, "(chưa đặt tên)", "(unnamed)").to_owned() } else { format!("“{n}”") })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <div class="banner banner-warning" role="alert" data-testid="conflict-notice">
                    <p>{format!("{} {names} {}", tr(lang, "Phiếu", "The draft"), tr(lang,
                        "đã được sửa cùng lúc ở hai thẻ trình duyệt. Cả hai bản đều được giữ trong danh sách phiếu (bản ghi “Bản xung đột” là bản của thẻ đang sửa nó); hãy so sánh rồi xóa bản không cần.",
                        "was changed in two browser tabs at once. Both versions are kept in the list of drafts (the one marked “Conflict copy” is the version of the tab editing it); compare them and delete the one you do not need."))}</p>
                    <button type="button" on:click=move |_| state.acknowledge_conflicts()>{tr(lang, "Đã hiểu", "Understood")}</button>
                </div>
            }
        })
    };
    let damaged = move || {
        let lang = state.lang.get();
        let copies = state.damaged.get();
        (!copies.is_empty()).then(|| view! {
            <div class="banner banner-error" role="alert" data-testid="damaged-notice">
                <p>{tr(lang,
                    "Không đọc được phiếu đã lưu trước đây. Bản gốc được giữ nguyên, không bị ghi đè; mỗi bản dưới đây tải về được và chỉ bị xóa khi bạn bấm nút xóa của chính bản đó.",
                    "The previously saved sheet could not be read. The original is kept unchanged, never overwritten; each copy below can be downloaded and is deleted only by its own button.")}</p>
                <ul class="damaged-list">
                    {copies.into_iter().enumerate().map(|(i, copy)| damaged_item(state, lang, i + 1, copy)).collect_view()}
                </ul>
            </div>
        })
    };
    view! { {status} {conflicts} {damaged} }
}

fn damaged_item(state: AppState, lang: crate::i18n::Lang, n: usize, copy: Damaged) -> impl IntoView {
    let place = match &copy.key {
        Some(key) => format!("{} {key}", tr(lang, "khóa", "key")),
        None => tr(lang, "chỉ còn trong trang này — hãy tải về", "only in this page — download it").to_owned(),
    };
    let label = format!("{} {n}: {place}, {}, {}", tr(lang, "Bản hỏng", "Damaged copy"), size_text(copy.raw.len()), copy.reason);
    let file = format!("dti-ban-hong-{n}.txt");
    let raw = copy.raw.clone();
    let on_download = move |_| {
        let _ = download(&file, &raw, "text/plain;charset=utf-8");
    };
    let discard_label = format!("{} ({})", tr(lang, "Đã lưu lại nội dung cần thiết — xóa bản hỏng", "I kept what I need — delete the damaged copy"), n);
    let download_label = format!("{} {n}", tr(lang, "Tải về bản hỏng", "Download damaged copy"));
    let shown = copy.raw.clone();
    view! {
        <li class="damaged-copy" data-testid="damaged-copy">
            <p><code>{label}</code></p>
            <details><summary>{tr(lang, "Xem nội dung gốc", "Show the original text")}</summary>
                <pre class="raw">{shown}</pre></details>
            <button type="button" aria-label=download_label on:click=on_download>{tr(lang, "Tải về (tệp văn bản)", "Download (text file)")}</button>
            <button type="button" aria-label=discard_label on:click=move |_| state.discard_damaged(&copy)>
                {tr(lang, "Đã lưu lại nội dung cần thiết — xóa bản hỏng", "I kept what I need — delete the damaged copy")}
            </button>
        </li>
    }
}

/// What takes room in this browser's storage, largest first, so the user knows what to
/// remove: loaded indicator sets and damaged copies (drafts are listed below the sheet).
fn free_space(state: AppState) -> impl IntoView {
    let lang = state.lang.get();
    let mut items: Vec<(usize, String)> = state.sets.with(|sets| {
        sets.iter()
            .map(|s| (s.json.len(), format!("{} “{}” ({})", tr(lang, "bộ chỉ số đã nạp", "loaded indicator set"), s.key.trim_start_matches(crate::storage::SET_PREFIX), s.file)))
            .collect()
    });
    items.extend(state.damaged.with(|d| {
        d.iter().filter(|d| d.key.is_some()).enumerate().map(|(i, d)| (d.raw.len(), format!("{} {}", tr(lang, "bản hỏng", "damaged copy"), i + 1))).collect::<Vec<_>>()
    }));
    // Largest first, ties as listed (a stable sort without std's: issue 15).
    dti_engine::order::sort_by(&mut items, |a, b| b.0.cmp(&a.0));
    view! {
        <p>{tr(lang,
            "Để giải phóng chỗ, hãy xóa những gì không cần (bộ chỉ số đã nạp: trong mục “Nạp bộ chỉ số từ tệp”; bản hỏng: bên dưới; phiếu cũ: trong “Các phiếu đang soạn”, sau khi tải về máy):",
            "To free space, remove what you do not need (loaded indicator sets: under “Load an indicator set from a file”; damaged copies: below; old drafts: under “Drafts”, after downloading them):")}</p>
        <ul class="free-space">
            {items.into_iter().map(|(len, name)| view! { <li>{format!("{name}: {}", size_text(len))}</li> }).collect_view()}
            <li>{format!("{}: {}", tr(lang, "các phiếu đang soạn", "drafts"), size_text(state.workspace.with_untracked(|w| w.to_json().len())))}</li>
        </ul>
    }
}
