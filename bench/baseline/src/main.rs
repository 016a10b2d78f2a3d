use leptos::prelude::*;

// A counter: the smallest Leptos app that still renders and reacts.
fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! { <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button> }
    });
}
