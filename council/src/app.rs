use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <h1>"Hội đồng"</h1> }
}
