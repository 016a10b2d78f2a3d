//! Headings and group titles of the appendix tables. The engine has the same two helpers
//! crate-private (council::output); requested public in notes/council-api.md — until
//! then, this copy built from the engine's glossary terms.

use dti_engine::council::Table;
use dti_engine::number::format_compact;
use dti_engine::terms::{LEVEL, RANK, TOTAL};
use dti_engine::{Framework, Lang};

/// "Xếp hạng", "Tên cơ quan", "Tổng điểm", "Mức xếp hạng".
#[must_use]
pub fn headings(lang: Lang) -> [&'static str; 4] {
    let agency = if lang == Lang::Vi { "Tên cơ quan" } else { "Agency" };
    [RANK.get(lang), agency, TOTAL.get(lang), LEVEL.get(lang)]
}

/// "1. Các sở, ban, ngành có TTHC (tối đa 1.000 điểm)".
#[must_use]
pub fn table_title(framework: &Framework, table: &Table, index: usize, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    format!(
        "{index}. {} ({} {} {})",
        framework.group_name(&table.group_id, lang),
        if vi { "tối đa" } else { "maximum" },
        format_compact(table.max),
        if vi { "điểm" } else { "points" }
    )
}
