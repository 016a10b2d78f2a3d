//! The council's tables as CSV (what `dti check` reads), text (the print view and `dti
//! council`), an HTML table that pastes into Word, and JSON.

use super::{Council, Problem, Table};
use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::number::{format_compact, format_machine, format_points};
use crate::terms::{AVERAGE, LEVEL, RANK, TOTAL};

/// The appendix as `group,rank,name,total,level,group_average`, exactly the columns of
/// `data/published/laocai-2022.csv`, so `dti check` accepts it.
pub fn write_csv(framework: &Framework, tables: &[Table]) -> Result<String, Error> {
    let groups: Vec<_> = tables.iter().map(Table::to_group_table).collect();
    let mut out = Vec::new();
    crate::rank::write_rank_csv(&mut out, framework, &groups)
        .map_err(|e| Error::input("csv", 0, format!("không ghi được CSV ({e})"), format!("cannot write the CSV ({e})")))?;
    String::from_utf8(out).map_err(|e| Error::input("csv", 0, format!("CSV không phải UTF-8 ({e})"), format!("the CSV is not UTF-8 ({e})")))
}

/// Column headings of the appendix: "Xếp hạng", "Tên cơ quan", "Tổng điểm", "Mức xếp hạng"
/// (the appendix prints "Tên cơ quan", shorter than the glossary's form label).
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

/// Pads by characters, not bytes, so Vietnamese names line up.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// The tables as plain text, laid out as the decision's appendix (the print view's text
/// and `dti council`'s output): a title per group, the four columns, the average.
#[must_use]
pub fn text_tables(framework: &Framework, tables: &[Table], lang: Lang) -> String {
    let head = headings(lang);
    let avg = AVERAGE.get(lang);
    let mut out = String::new();
    for (i, t) in tables.iter().enumerate() {
        let width = t.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0).max(avg.chars().count()).max(head[1].chars().count());
        out.push_str(&table_title(framework, t, i + 1, lang));
        out.push('\n');
        out.push_str(&format!("{}  {}  {:>9}  {}\n", pad(head[0], 8), pad(head[1], width), head[2], head[3]));
        for r in &t.rows {
            out.push_str(&format!(
                "{:>8}  {}  {:>9}  {}\n",
                r.rank,
                pad(&r.name, width),
                format_points(r.total),
                framework.level_name(&r.level_id, lang)
            ));
        }
        out.push_str(&format!("{}  {}  {:>9}\n\n", pad("", 8), pad(avg, width), format_points(t.average)));
    }
    out
}

/// `dti council`'s text: the tables, then every problem ("Vấn đề (2):" and one line each).
#[must_use]
pub fn text_report(framework: &Framework, tables: &[Table], problems: &[Problem], lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = text_tables(framework, tables, lang);
    if tables.is_empty() {
        out.push_str(if vi { "Chưa có cơ quan nào được xếp hạng.\n\n" } else { "No agency ranked.\n\n" });
    }
    if problems.is_empty() {
        out.push_str(if vi { "Không có vấn đề.\n" } else { "No problems.\n" });
    } else {
        out.push_str(&format!("{} ({}):\n", if vi { "Vấn đề" } else { "Problems" }, problems.len()));
        for p in problems {
            out.push_str(&format!("- {}\n", p.message(lang)));
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The tables as an HTML fragment for the clipboard (`text/html`): per group a bold title
/// and a bordered table with the four columns and the average row; every text escaped,
/// figures formatted the Vietnamese way ("625,30"). Word keeps the borders and columns.
#[must_use]
pub fn html_tables(framework: &Framework, tables: &[Table], lang: Lang) -> String {
    let head = headings(lang);
    let cell = "border:1px solid #000;padding:2pt 4pt";
    let mut out = String::new();
    for (i, t) in tables.iter().enumerate() {
        out.push_str(&format!("<p><b>{}</b></p>\n", escape_html(&table_title(framework, t, i + 1, lang))));
        out.push_str("<table style=\"border-collapse:collapse\" border=\"1\">\n<thead><tr>");
        for h in head {
            out.push_str(&format!("<th style=\"{cell}\">{}</th>", escape_html(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &t.rows {
            out.push_str(&format!(
                "<tr><td style=\"{cell};text-align:center\">{}</td><td style=\"{cell}\">{}</td><td style=\"{cell};text-align:right\">{}</td><td style=\"{cell}\">{}</td></tr>\n",
                r.rank,
                escape_html(&r.name),
                format_points(r.total),
                escape_html(&framework.level_name(&r.level_id, lang))
            ));
        }
        out.push_str(&format!(
            "<tr><td style=\"{cell}\"></td><td style=\"{cell}\"><b>{}</b></td><td style=\"{cell};text-align:right\"><b>{}</b></td><td style=\"{cell}\"></td></tr>\n",
            escape_html(AVERAGE.get(lang)),
            format_points(t.average)
        ));
        out.push_str("</tbody>\n</table>\n");
    }
    out
}

/// Everything `dti council --format json` prints: the set, the files, the tables (figures
/// as dot-decimal strings with 2 decimals, levels by id with names) and the problems.
pub fn json_report(council: &Council, tables: &[Table], problems: &[Problem]) -> serde_json::Value {
    use serde_json::json;
    let fw = council.framework();
    let level = |id: &str| {
        let l = fw.levels.iter().find(|l| l.id == id);
        json!({ "id": id, "name_vi": l.map(|l| &l.name_vi), "name_en": l.map(|l| &l.name_en) })
    };
    let groups: Vec<_> = tables
        .iter()
        .map(|t| {
            let rows: Vec<_> = t
                .rows
                .iter()
                .map(|r| {
                    json!({
                        "rank": r.rank,
                        "name": r.name,
                        "total": format_machine(r.total),
                        "percent": format_machine(r.percent),
                        "level": level(&r.level_id),
                        "basis": r.basis.id(),
                        "self_total": r.self_total.map(format_machine),
                        "appraised_total": r.appraisal.as_ref().map(|a| format_machine(a.total)),
                        "appraised": r.appraisal.as_ref().map(|a| json!({ "count": a.count, "of": a.of, "complete": a.complete })),
                        "file": r.source.file,
                        "line": r.source.line,
                    })
                })
                .collect();
            json!({ "group": t.group_id, "max_points": format_machine(t.max), "average": format_machine(t.average), "rows": rows })
        })
        .collect();
    let files: Vec<_> = council
        .files()
        .iter()
        .map(|f| json!({ "name": f.name, "kind": f.kind.map(super::FileKind::id), "entries": f.entries }))
        .collect();
    let problems: Vec<_> = problems
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind_id(),
                "file": p.source.file,
                "line": p.source.line,
                "ranked": p.ranked(),
                "message_vi": p.message(Lang::Vi),
                "message_en": p.message(Lang::En),
            })
        })
        .collect();
    json!({ "framework": fw.id, "files": files, "groups": groups, "problems": problems })
}
