//! User-facing text: Vietnamese first, English on the toggle (the calculator's helpers).

pub use dti_app::i18n::{pick, tr, Lang};
