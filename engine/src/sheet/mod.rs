//! A score sheet: an agency's answers, kept exactly as typed, and what they are worth.
//!
//! An answer's text is never rewritten: "abc" stays "abc", is reported invalid and earns
//! nothing; an empty answer is unanswered, not 0; a value outside its range is invalid,
//! never clamped. Points keep the full 28-digit precision of `Decimal` (2/3 × 20 is not
//! rounded to 2 decimals); sums are settled at 20 decimals so that thirds adding up to a
//! boundary land on it exactly, and only display rounds to 2.
//!
//! One concern per file: [`answer`] what is typed and kept, [`file`] the saved sheet
//! and its JSON, [`score`] one answer's worth, [`message`] why an answer earns nothing
//! (or is worth a second look), [`result`] what the summary shows and [`evaluate`] the
//! whole sheet's sums.

mod answer;
mod evaluate;
mod file;
mod message;
mod result;
mod score;

pub use answer::{Answer, Entry, Evidence, WorkStatus};
pub use evaluate::{evaluate, rescore};
pub use file::{ScoreSheet, SCHEMA_VERSION};
pub use message::{AnswerError, AnswerWarning, Field};
pub use result::{difference_label, Appraisal, LeafResult, MainResult, SheetResult, Standing};
pub use score::{score, score_appraised, tier_hit, warnings, Outcome};
