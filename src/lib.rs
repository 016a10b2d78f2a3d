//! The browser app: a thin layer over `dti_engine`. Components read state, call the
//! engine and render; no arithmetic happens here.
#![forbid(unsafe_code)]

pub mod annex;
pub mod app;
pub mod components;
pub mod embed;
pub mod files;
pub mod i18n;
pub mod launch;
pub mod sets;
pub mod state;
pub mod storage;
pub mod usable;
