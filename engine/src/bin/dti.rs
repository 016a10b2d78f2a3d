//! `dti`: the provincial working group's command for ranking tables, appendix checks and
//! score sheets. Exit status: 0 fine, 1 inconsistencies or invalid answers, 2 bad input.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dti_engine::check::{check, parse_published};
use dti_engine::number::{format_compact, format_machine, format_percent, format_points};
use dti_engine::rank::{rank_file, GroupTable};
use dti_engine::sheet::{evaluate, Outcome, ScoreSheet};
use dti_engine::text::MAX_INPUT_BYTES;
use dti_engine::{builtin, Error, Framework, Lang};
use serde_json::{json, Value};

#[derive(Parser)]
#[command(name = "dti", version, about = "Xếp hạng mức độ chuyển đổi số (DTI) tỉnh Lào Cai / Lào Cai DTI ranking tools")]
struct Cli {
    /// Language of messages: vi (default) or en.
    #[arg(long, global = true, value_enum, default_value = "vi")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in indicator sets.
    Frameworks {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Rank `group,name,total` rows into the appendix tables of the decision.
    Rank {
        /// CSV file, or - for standard input.
        file: String,
        #[command(flatten)]
        set: SetArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check a published appendix (`group,rank,name,total,level,group_average`).
    Check {
        file: String,
        #[command(flatten)]
        set: SetArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Score a saved score sheet (JSON exported by the app).
    Score {
        file: String,
        /// Indicator-set JSON to use instead of the built-in set the sheet names.
        #[arg(long)]
        framework_file: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

#[derive(clap::Args)]
struct SetArgs {
    /// Built-in indicator set id.
    #[arg(long, default_value = "laocai-2022")]
    framework: String,
    /// Indicator-set JSON file (overrides --framework).
    #[arg(long)]
    framework_file: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

/// Reads a file or standard input, refusing more than the engine's limit.
fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    let fail = |e: std::io::Error| {
        Error::Input {
            file: path.to_owned(),
            line: 0,
            reason: format!("không đọc được tệp ({e})"),
            reason_en: format!("cannot read the file ({e})"),
        }
    };
    let mut bytes = Vec::new();
    let limit = (MAX_INPUT_BYTES + 1) as u64;
    if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(fail)?;
    } else {
        std::fs::File::open(path).map_err(fail)?.take(limit).read_to_end(&mut bytes).map_err(fail)?;
    }
    Ok(bytes)
}

fn load_set(set: &SetArgs) -> Result<Framework, Error> {
    match &set.framework_file {
        Some(path) => load_framework_file(path),
        None => builtin::framework(&set.framework),
    }
}

fn load_framework_file(path: &str) -> Result<Framework, Error> {
    let bytes = read_input(path)?;
    let text = dti_engine::text::decode_input(path, &bytes)?;
    Framework::from_json(path, text)
}

fn level_json(framework: &Framework, id: &str) -> Value {
    let level = framework.levels.iter().find(|l| l.id == id);
    json!({
        "id": id,
        "name_vi": level.map(|l| l.name_vi.as_str()),
        "name_en": level.map(|l| l.name_en.as_str()),
    })
}

/// Pads by characters, not bytes, so Vietnamese names line up.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn print_tables(out: &mut String, framework: &Framework, tables: &[GroupTable], lang: Lang) {
    let vi = lang == Lang::Vi;
    for (i, t) in tables.iter().enumerate() {
        let avg = if vi { "Điểm trung bình" } else { "Average" };
        let width = t.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0).max(avg.chars().count());
        let max = format_compact(t.max);
        out.push_str(&format!(
            "{}. {} ({} {max} {})\n",
            i + 1,
            framework.group_name(&t.group_id, lang),
            if vi { "tối đa" } else { "maximum" },
            if vi { "điểm" } else { "points" }
        ));
        let head = if vi { ["Xếp hạng", "Tên cơ quan", "Tổng điểm", "Mức xếp hạng"] } else { ["Rank", "Agency", "Total", "Level"] };
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
}

fn cmd_rank(framework: &Framework, file: &str, format: Format, lang: Lang) -> Result<(String, u8), Error> {
    let bytes = read_input(file)?;
    let tables = rank_file(framework, file, &bytes)?;
    let mut out = String::new();
    match format {
        Format::Text => print_tables(&mut out, framework, &tables, lang),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let io = |e: csv::Error| Error::Input { file: "-".into(), line: 0, reason: e.to_string(), reason_en: e.to_string() };
            w.write_record(["group", "rank", "name", "total", "level", "group_average"]).map_err(io)?;
            for t in &tables {
                for r in &t.rows {
                    let rank = r.rank.to_string();
                    let level = framework.level_name(&r.level_id, Lang::Vi);
                    // The exact total, so `check` sees what `rank` saw: "625.30" as published when
                    // it has at most 2 decimals, else with a decimal comma ("750,004"), which
                    // the reader cannot take for a thousands separator.
                    let total = if r.total.normalize().scale() <= 2 {
                        format_machine(r.total)
                    } else {
                        r.total.normalize().to_string().replace('.', ",")
                    };
                    let avg = format_machine(t.average);
                    w.write_record([t.group_id.as_str(), &rank, &r.name, &total, &level, &avg]).map_err(io)?;
                }
            }
            let bytes = w.into_inner().map_err(|e| io(e.into_error().into()))?;
            out = String::from_utf8_lossy(&bytes).into_owned();
        }
        Format::Json => {
            let groups: Vec<Value> = tables
                .iter()
                .map(|t| {
                    json!({
                        "group": t.group_id,
                        "max_points": format_machine(t.max),
                        "average": format_machine(t.average),
                        "rows": t.rows.iter().map(|r| json!({
                            "rank": r.rank,
                            "name": r.name,
                            "total": format_machine(r.total),
                            "percent": format_machine(r.percent),
                            "level": level_json(framework, &r.level_id),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            out = pretty(&json!({ "framework": framework.id, "groups": groups }));
        }
    }
    Ok((out, 0))
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// `check` and `score` print text or JSON; CSV is `rank`'s alone.
fn no_csv(format: Format, command: &str) -> Result<(), Error> {
    if format == Format::Csv {
        return Err(Error::Input {
            file: "--format".into(),
            line: 0,
            reason: format!("“dti {command}” chỉ xuất text hoặc json"),
            reason_en: format!("“dti {command}” writes text or json only"),
        });
    }
    Ok(())
}

fn cmd_check(framework: &Framework, file: &str, format: Format, lang: Lang) -> Result<(String, u8), Error> {
    no_csv(format, "check")?;
    let bytes = read_input(file)?;
    let rows = parse_published(framework, file, &bytes)?;
    let findings = check(framework, &rows);
    let status = u8::from(!findings.is_empty());
    let out = match format {
        Format::Json => pretty(&json!({
            "framework": framework.id,
            "rows": rows.len(),
            "consistent": findings.is_empty(),
            "findings": findings.iter().map(|f| json!({
                "kind": f.kind(),
                "line": f.line(),
                "message_vi": f.message(framework, Lang::Vi),
                "message_en": f.message(framework, Lang::En),
            })).collect::<Vec<_>>(),
        })),
        _ => {
            let mut s = String::new();
            let vi = lang == Lang::Vi;
            if findings.is_empty() {
                s.push_str(&if vi {
                    format!("{} dòng: không có sai lệch.\n", rows.len())
                } else {
                    format!("{} rows: no inconsistencies.\n", rows.len())
                });
            } else {
                s.push_str(&if vi {
                    format!("{} dòng: {} sai lệch\n", rows.len(), findings.len())
                } else {
                    format!("{} rows: {} inconsistencies\n", rows.len(), findings.len())
                });
                for f in &findings {
                    s.push_str(&format!("- {}\n", f.message(framework, lang)));
                }
            }
            s
        }
    };
    Ok((out, status))
}

fn cmd_score(file: &str, framework_file: Option<&str>, format: Format, lang: Lang) -> Result<(String, u8), Error> {
    no_csv(format, "score")?;
    let bytes = read_input(file)?;
    let text = dti_engine::text::decode_input(file, &bytes)?;
    let sheet = ScoreSheet::from_json(file, text)?;
    let framework = match framework_file {
        Some(path) => load_framework_file(path)?,
        None => builtin::framework(&sheet.framework)?,
    };
    let result = evaluate(&framework, &sheet)?;
    let status = u8::from(!result.invalid.is_empty() || !result.invalid_appraised.is_empty());
    let s = &result.standing;
    let out = if format == Format::Json {
        pretty(&json!({
            "framework": framework.id,
            "group": sheet.group,
            "agency": sheet.agency,
            "total": format_machine(s.total),
            "max_points": format_machine(s.max),
            "percent": format_machine(s.percent),
            "level": level_json(&framework, &s.level_id),
            "next_level": s.next.as_ref().map(|n| json!({
                "level": level_json(&framework, &n.level_id),
                "points_needed": format_machine(n.points_needed),
            })),
            "mains": result.mains.iter().map(|m| json!({
                "code": m.code, "points": format_machine(m.points), "max_points": format_machine(m.max),
            })).collect::<Vec<_>>(),
            "appraised_total": result.appraisal.as_ref().map(|a| format_machine(a.total)),
            // Self − appraised, over the appraised indicators only.
            "difference": result.difference().map(format_machine),
            "appraisal": result.appraisal.as_ref().map(|a| json!({
                "total": format_machine(a.total),
                "self_total": format_machine(a.self_total),
                "difference": format_machine(a.difference()),
                "appraised": a.count,
                "of": a.of,
                "complete": a.complete(),
                "percent": a.standing.as_ref().map(|s| format_machine(s.percent)),
                "level": a.standing.as_ref().map(|s| level_json(&framework, &s.level_id)),
                "progress_vi": a.progress(Lang::Vi),
                "progress_en": a.progress(Lang::En),
            })),
            "unanswered": result.leaves.iter().filter(|l| l.outcome == Outcome::Unanswered).map(|l| l.code.clone()).collect::<Vec<_>>(),
            "invalid": result.invalid.iter().map(|e| json!({
                "code": e.code(), "message_vi": e.message(Lang::Vi), "message_en": e.message(Lang::En),
            })).collect::<Vec<_>>(),
            "invalid_appraised": result.invalid_appraised.iter().map(|e| json!({
                "code": e.code(), "message_vi": e.message(Lang::Vi), "message_en": e.message(Lang::En),
            })).collect::<Vec<_>>(),
        }))
    } else {
        let vi = lang == Lang::Vi;
        let mut o = String::new();
        let agency = if sheet.agency.is_empty() { "—" } else { &sheet.agency };
        o.push_str(&format!("{agency} · {} · {}\n", framework.group_name(&sheet.group, lang), framework.id));
        o.push_str(&format!(
            "{}: {} / {} ({}) — {}\n",
            if vi { "Tổng điểm" } else { "Total" },
            format_points(s.total),
            format_compact(s.max),
            format_percent(s.percent),
            framework.level_name(&s.level_id, lang)
        ));
        if let Some(n) = &s.next {
            o.push_str(&if vi {
                format!("Cần thêm {} điểm để đạt mức {}\n", format_points(n.points_needed), framework.level_name(&n.level_id, lang))
            } else {
                format!("{} more points needed to reach {}\n", format_points(n.points_needed), framework.level_name(&n.level_id, lang))
            });
        }
        for m in &result.mains {
            o.push_str(&format!("  {:<4} {:>9} / {}\n", m.code, format_points(m.points), format_compact(m.max)));
        }
        if let Some(a) = &result.appraisal {
            let appraised = if vi { "Thẩm định" } else { "Appraised" };
            match &a.standing {
                Some(st) => o.push_str(&format!(
                    "{appraised}: {} / {} ({}) — {} · {}\n",
                    format_points(a.total),
                    format_compact(st.max),
                    format_percent(st.percent),
                    framework.level_name(&st.level_id, lang),
                    a.progress(lang)
                )),
                None => o.push_str(&format!(
                    "{appraised}: {} {} · {} — {}\n",
                    format_points(a.total),
                    if vi { "điểm" } else { "points" },
                    a.progress(lang),
                    if vi { "chưa đủ, chưa xếp mức" } else { "incomplete, no level" }
                )),
            }
            let over = if a.complete() {
                String::new()
            } else if vi {
                format!(" trên {} chỉ số đã thẩm định", a.count)
            } else {
                format!(" over the {} appraised indicators", a.count)
            };
            o.push_str(&format!(
                "{}{over}: {} − {} = {}\n",
                dti_engine::sheet::difference_label(lang),
                format_points(a.self_total),
                format_points(a.total),
                format_points(a.difference())
            ));
        }
        o.push_str(&format!("{}: {}\n", if vi { "Chưa trả lời" } else { "Unanswered" }, result.unanswered));
        for e in &result.invalid {
            o.push_str(&format!("! {}\n", e.message(lang)));
        }
        for e in &result.invalid_appraised {
            o.push_str(&format!("! {}: {}\n", if vi { "Thẩm định" } else { "Appraised" }, e.message(lang)));
        }
        o
    };
    Ok((out, status))
}

fn run(cli: &Cli, lang: Lang) -> Result<(String, u8), Error> {
    match &cli.command {
        Command::Frameworks { format } => {
            let mut sets = Vec::new();
            for id in builtin::ids() {
                sets.push(builtin::framework(id)?);
            }
            if *format == Format::Json {
                return Ok((
                    pretty(&Value::Array(
                        sets.iter()
                            .map(|f| json!({
                                "id": f.id, "year": f.year, "status": f.status, "title_vi": f.title_vi,
                                "groups": f.groups.iter().map(|g| json!({"id": g.id, "max_points": format_machine(g.max_points)})).collect::<Vec<_>>(),
                            }))
                            .collect(),
                    )),
                    0,
                ));
            }
            let mut out = String::new();
            for f in &sets {
                let groups: Vec<String> = f.groups.iter().map(|g| format!("{} {}", g.id, format_compact(g.max_points))).collect();
                let status = match (f.status, lang) {
                    (dti_engine::framework::Status::Official, Lang::Vi) => "chính thức",
                    (dti_engine::framework::Status::Official, Lang::En) => "official",
                    (dti_engine::framework::Status::Reference, Lang::Vi) => "tham khảo",
                    (dti_engine::framework::Status::Reference, Lang::En) => "reference",
                };
                out.push_str(&format!("{}\t{}\t{status}\t{}\n", f.id, f.year, groups.join(", ")));
            }
            Ok((out, 0))
        }
        Command::Rank { file, set, format } => cmd_rank(&load_set(set)?, file, *format, lang),
        Command::Check { file, set, format } => cmd_check(&load_set(set)?, file, *format, lang),
        Command::Score { file, framework_file, format } => cmd_score(file, framework_file.as_deref(), *format, lang),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    match run(&cli, lang) {
        Ok((out, status)) => {
            // A closed pipe (dti … | head) is not an error worth a panic.
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::from(status)
        }
        Err(e) => {
            eprintln!("dti: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}
