//! Pure engine of the Lào Cai DTI calculator: indicator sets, exact scoring, levels,
//! rankings, the published-appendix checker and Vietnamese number formats.
//!
//! Every figure is a [`rust_decimal::Decimal`]; nothing is rounded except for display,
//! which rounds half away from zero ([`number::DISPLAY_ROUNDING`]). No web dependencies:
//! the browser app and the `dti` command share this crate.
#![forbid(unsafe_code)]

pub mod annex;
#[cfg(feature = "builtin")]
pub mod builtin;
pub mod catalogue;
pub mod check;
pub mod compare;
#[cfg(feature = "council")]
pub mod council;
pub mod date;
pub mod error;
pub mod export;
pub mod framework;
pub mod level;
pub mod number;
pub mod order;
pub mod quick;
pub mod rank;
pub mod report;
pub mod serde_decimal;
pub mod sheet;
pub mod table;
mod tagged;
pub mod terms;
pub mod text;
pub mod upload;
pub mod words;
#[cfg(feature = "xlsx-read")]
pub mod xlsx;
pub mod workspace;

pub use error::{Error, Lang, NumberError};
pub use framework::Framework;
pub use rust_decimal::Decimal;
