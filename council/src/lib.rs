#![forbid(unsafe_code)]
pub mod app;
