//! Every problem, with its reason: nothing is merged or dropped silently.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::use_page;
use crate::work::use_work;

#[component]
pub fn Problems() -> impl IntoView {
    let lang = use_page().lang;
    let work = use_work();
    let items = move || {
        let l = lang.get();
        // Listed once an import ends (duplicates need every file).
        if work.progress.with(Option::is_some) {
            return None;
        }
        work.council.with(|c| {
            let c = c.as_ref()?;
            let problems = c.problems();
            if problems.is_empty() {
                return None;
            }
            let n = problems.len();
            let list = problems
                .iter()
                .map(|p| view! { <li data-kind=p.kind_id()>{p.message(l)}</li> })
                .collect_view();
            Some(view! {
                <section class="council-section problems" aria-labelledby="problems-title" data-testid="problems">
                    <h2 id="problems-title">{if l == dti_engine::Lang::Vi { format!("Vấn đề cần xử lý ({n})") } else { format!("Problems to resolve ({n})") }}</h2>
                    <p>{tr(l, "Những tệp, dòng hoặc cơ quan dưới đây chưa được xếp hạng như đang có (trừ khi có ghi khác); hãy sửa tệp rồi nạp lại.",
                        "The files, rows or agencies below are not ranked as they stand (unless said otherwise); fix the file and import it again.")}</p>
                    <ul class="problem-list">{list}</ul>
                </section>
            })
        })
    };
    items
}
