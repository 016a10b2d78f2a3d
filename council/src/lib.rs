//! The council's page: the agencies' sheets become the decision's appendix, and a published
//! appendix is checked. A thin Leptos layer over `dti_engine::council` and `check`.
#![forbid(unsafe_code)]

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod sets;
pub mod state;
pub mod store;
pub mod work;
