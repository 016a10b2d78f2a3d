//! `dti rank`: totals into the appendix tables (text, CSV or JSON).

use dti_engine::number::{format_compact, format_machine, format_points};
use dti_engine::rank::{rank_file, write_rank_csv, GroupTable};
use dti_engine::{Error, Framework, Lang};
use serde::Serialize;

use crate::cli::Format;
use crate::input::read_input;
use crate::output::{level_out, write_json, LevelOut, Out};

/// Pads by characters, not bytes, so Vietnamese names line up.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn print_tables(out: Out<'_>, framework: &Framework, tables: &[GroupTable], lang: Lang) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    for (i, t) in tables.iter().enumerate() {
        let avg = if vi { "Điểm trung bình" } else { "Average" };
        let width = t.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0).max(avg.chars().count());
        let max = format_compact(t.max);
        writeln!(
            out,
            "{}. {} ({} {max} {})",
            i + 1,
            framework.group_name(&t.group_id, lang),
            if vi { "tối đa" } else { "maximum" },
            if vi { "điểm" } else { "points" }
        )?;
        let head = if vi { ["Xếp hạng", "Tên cơ quan", "Tổng điểm", "Mức xếp hạng"] } else { ["Rank", "Agency", "Total", "Level"] };
        writeln!(out, "{}  {}  {:>9}  {}", pad(head[0], 8), pad(head[1], width), head[2], head[3])?;
        for r in &t.rows {
            writeln!(
                out,
                "{:>8}  {}  {:>9}  {}",
                r.rank,
                pad(&r.name, width),
                format_points(r.total),
                framework.level_name(&r.level_id, lang)
            )?;
        }
        writeln!(out, "{}  {}  {:>9}\n", pad("", 8), pad(avg, width), format_points(t.average))?;
    }
    Ok(())
}

/// Rows of one group for `rank --format json`, serialised one by one.
struct RowsOut<'a>(&'a Framework, &'a [dti_engine::rank::RankedRow]);

impl Serialize for RowsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row<'a> {
            rank: usize,
            name: &'a str,
            total: String,
            percent: String,
            level: LevelOut<'a>,
        }
        s.collect_seq(self.1.iter().map(|r| Row {
            rank: r.rank,
            name: &r.name,
            total: format_machine(r.total),
            percent: format_machine(r.percent),
            level: level_out(self.0, &r.level_id),
        }))
    }
}

struct GroupsOut<'a>(&'a Framework, &'a [GroupTable]);

impl Serialize for GroupsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Group<'a> {
            group: &'a str,
            max_points: String,
            average: String,
            rows: RowsOut<'a>,
        }
        s.collect_seq(self.1.iter().map(|t| Group {
            group: &t.group_id,
            max_points: format_machine(t.max),
            average: format_machine(t.average),
            rows: RowsOut(self.0, &t.rows),
        }))
    }
}

pub(crate) fn cmd_rank(framework: &Framework, file: &str, format: Format, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    let bytes = read_input(file)?;
    let tables = rank_file(framework, file, &bytes)?;
    drop(bytes);
    // Output errors (a closed pipe) end the output quietly, as `head` expects.
    let _ = match format {
        Format::Text => print_tables(out, framework, &tables, lang),
        Format::Csv => write_rank_csv(out, framework, &tables),
        Format::Json => {
            #[derive(Serialize)]
            struct Doc<'a> {
                framework: &'a str,
                groups: GroupsOut<'a>,
            }
            write_json(out, &Doc { framework: &framework.id, groups: GroupsOut(framework, &tables) })
        }
    };
    Ok(0)
}
