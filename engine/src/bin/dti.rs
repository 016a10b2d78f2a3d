//! `dti`: the provincial working group's command for ranking tables, appendix checks and
//! score sheets. Exit status: 0 fine, 1 inconsistencies or invalid answers, 2 bad input.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dti_engine::check::{check, parse_published, Finding};
use dti_engine::number::{format_compact, format_machine, format_percent, format_points};
use dti_engine::rank::{rank_file, write_rank_csv, GroupTable};
use dti_engine::sheet::{evaluate, Outcome, ScoreSheet};
use dti_engine::text::{too_large, MAX_INPUT_BYTES};
use dti_engine::annex::ImportError;
use dti_engine::{builtin, Error, Framework, Lang};
use serde::Serialize;
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
    /// Rank many agencies' sheets (JSON) and totals files (CSV `group,name,total`) into the
    /// appendix tables; every file or agency not ranked is listed (exit 1 when any).
    Council {
        #[arg(required = true)]
        files: Vec<String>,
        /// Built-in set id; default: the set most sheets name, else the newest set with
        /// every group of the totals files.
        #[arg(long)]
        framework: Option<String>,
        /// Indicator-set JSON file (overrides --framework).
        #[arg(long)]
        framework_file: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Also write the tables as an .xlsx workbook (one sheet per group).
        #[arg(long)]
        xlsx: Option<String>,
    },
    /// Indicator sets as the annex table: import from Excel/CSV, export, check.
    Framework {
        #[command(subcommand)]
        action: FrameworkAction,
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
    /// Indicator sets served beside the app (the `sets/` folder of a build).
    Sets {
        #[command(subcommand)]
        command: SetsCommand,
    },
}

#[derive(Subcommand)]
enum SetsCommand {
    /// Validate every set (`*.json`) and published results (`NAME.csv` beside `NAME.json`)
    /// in DIR and rewrite DIR/index.json, the catalogue the app reads; refreshes `.gz`
    /// copies when the folder has any. Nothing is written when a file is invalid.
    Index {
        dir: std::path::PathBuf,
        /// Write `.gz` copies (gzip -9) even if the folder has none yet.
        #[arg(long)]
        gzip: bool,
        /// Also write each set's groups as files of their own (DIR/groups/, what a first
        /// visit fetches); kept up to date whenever DIR/groups/ exists.
        #[arg(long)]
        groups: bool,
    },
}

#[derive(Subcommand)]
enum FrameworkAction {
    /// Read an annex (.xlsx or CSV in the documented layout) into a set JSON file; on any
    /// error nothing is written (exit 2).
    Import {
        file: String,
        /// The set JSON to write (- for standard output).
        #[arg(short, long)]
        output: String,
    },
    /// Write a set (built-in id, or a JSON/xlsx/CSV file) as an annex workbook or CSV; the
    /// export of a reference set is the template a department starts from.
    Export {
        set: String,
        #[arg(long, value_enum)]
        format: AnnexFormat,
        /// The file to write (- for standard output).
        #[arg(short, long)]
        output: String,
    },
    /// Validate a set file (JSON, xlsx or CSV): exit 0 valid, 1 invalid (every problem
    /// listed), 2 unreadable.
    Check { file: String },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum AnnexFormat {
    Xlsx,
    Csv,
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

/// An OS error in words of each language (the OS's own text is English only).
fn os_reason(e: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind as K;
    let (vi, en) = match e.kind() {
        K::NotFound => ("không có tệp này", "no such file"),
        K::PermissionDenied => ("không có quyền đọc tệp", "permission denied"),
        K::IsADirectory => ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
        K::InvalidData => ("dữ liệu không đọc được", "unreadable data"),
        K::Interrupted => ("việc đọc bị ngắt", "reading was interrupted"),
        K::UnexpectedEof => ("tệp kết thúc bất ngờ", "the file ended unexpectedly"),
        K::OutOfMemory => ("không đủ bộ nhớ", "out of memory"),
        _ => ("lỗi hệ điều hành khi đọc tệp", "operating-system error while reading"),
    };
    match e.raw_os_error() {
        Some(code) => (format!("{vi}, mã lỗi {code}"), format!("{en}, error code {code}")),
        None => (vi.to_owned(), en.to_owned()),
    }
}

/// Reads a file or standard input, refusing more than the engine's limit before reading
/// it all (a file's size is its length; standard input is read up to the cap plus one).
fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    let fail = |e: std::io::Error| {
        let (vi, en) = os_reason(&e);
        Error::Input {
            file: path.to_owned(),
            line: 0,
            reason: format!("không đọc được tệp ({vi})"),
            reason_en: format!("cannot read the file ({en})"),
        }
    };
    let mut bytes = Vec::new();
    let limit = (MAX_INPUT_BYTES + 1) as u64;
    if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(fail)?;
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(too_large("-", None));
        }
    } else {
        let file = std::fs::File::open(path).map_err(fail)?;
        let size = file.metadata().map_err(fail)?;
        if size.is_dir() {
            return Err(fail(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        if size.len() > MAX_INPUT_BYTES as u64 {
            return Err(too_large(path, Some(size.len())));
        }
        file.take(limit).read_to_end(&mut bytes).map_err(fail)?;
        if bytes.len() > MAX_INPUT_BYTES {
            // Grew while being read (a pipe or a device): the size read is only the cap.
            return Err(too_large(path, None));
        }
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

/// A level by id with its names, serialised without building a JSON tree.
#[derive(Serialize)]
struct LevelOut<'a> {
    id: &'a str,
    name_vi: Option<&'a str>,
    name_en: Option<&'a str>,
}

fn level_out<'a>(framework: &'a Framework, id: &'a str) -> LevelOut<'a> {
    let level = framework.levels.iter().find(|l| l.id == id);
    LevelOut { id, name_vi: level.map(|l| l.name_vi.as_str()), name_en: level.map(|l| l.name_en.as_str()) }
}

fn level_json(framework: &Framework, id: &str) -> Value {
    serde_json::to_value(level_out(framework, id)).unwrap_or(Value::Null)
}

/// Pads by characters, not bytes, so Vietnamese names line up.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// Standard output is written as the rows are produced (memory stays linear in the input,
/// not in a JSON tree); a closed pipe (`dti … | head`) only ends the output.
type Out<'a> = &'a mut dyn Write;

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

/// Pretty JSON straight to the output, then a newline.
fn write_json<T: Serialize>(out: Out<'_>, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn cmd_rank(framework: &Framework, file: &str, format: Format, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
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

fn cmd_council(files: &[String], set: &SetArgs, explicit: bool, format: Format, xlsx: Option<&str>, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    use dti_engine::council::{self, Council, ParsedFile, SetGroups, SetHints};
    // Files are added as they are read (kept compact); without a set named, the one the
    // files suggest is chosen at the end, re-ranking only if it is not the default.
    let mut c = Council::new(load_set(set)?);
    let mut hints = SetHints::default();
    for f in files {
        let parsed = match std::fs::metadata(f) {
            Ok(m) if m.is_file() && m.len() > MAX_INPUT_BYTES as u64 => ParsedFile::too_large(f, m.len()),
            _ => match read_input(f) {
                Ok(bytes) => council::parse_file(f, &bytes),
                Err(e) => ParsedFile::unreadable(f, e),
            },
        };
        hints.add(&parsed);
        c.add(parsed);
    }
    if !explicit {
        let sets: Vec<Framework> = builtin::ids().into_iter().map(builtin::framework).collect::<Result<_, _>>()?;
        let groups: Vec<SetGroups> = sets.iter().map(SetGroups::of).collect();
        if let Some(s) = hints.suggest(&groups).filter(|s| s.id != c.framework().id) {
            let id = s.id.clone();
            c.set_framework(sets.into_iter().find(|f| f.id == id).ok_or_else(|| Error::UnknownFramework { id, known: vec![] })?);
        }
    }
    let tables = c.tables()?;
    let problems = c.problems();
    if let Some(path) = xlsx {
        let bytes = council::write_xlsx(c.framework(), &tables, lang)?;
        std::fs::write(path, bytes).map_err(|e| {
            let (vi, en) = os_reason(&e);
            Error::input(path, 0, format!("không ghi được tệp ({vi})"), format!("cannot write the file ({en})"))
        })?;
    }
    let _ = match format {
        Format::Text => out.write_all(council::text_report(c.framework(), &tables, &problems, lang).as_bytes()),
        Format::Csv => {
            for p in &problems {
                eprintln!("{}", p.message(lang));
            }
            out.write_all(council::write_csv(c.framework(), &tables)?.as_bytes())
        }
        Format::Json => write_json(out, &council::json_report(&c, &tables, &problems)),
    };
    Ok(u8::from(!problems.is_empty()))
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

fn cmd_check(framework: &Framework, file: &str, format: Format, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    no_csv(format, "check")?;
    let bytes = read_input(file)?;
    let rows = parse_published(framework, file, &bytes)?;
    drop(bytes);
    let findings = check(framework, &rows)?;
    let status = u8::from(!findings.is_empty());
    let vi = lang == Lang::Vi;
    let _ = if format == Format::Json {
        struct FindingsOut<'a>(&'a Framework, &'a [Finding]);
        impl Serialize for FindingsOut<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                #[derive(Serialize)]
                struct One {
                    kind: &'static str,
                    line: usize,
                    message_vi: String,
                    message_en: String,
                }
                s.collect_seq(self.1.iter().map(|f| One {
                    kind: f.kind(),
                    line: f.line(),
                    message_vi: f.message(self.0, Lang::Vi),
                    message_en: f.message(self.0, Lang::En),
                }))
            }
        }
        #[derive(Serialize)]
        struct Doc<'a> {
            framework: &'a str,
            rows: usize,
            consistent: bool,
            findings: FindingsOut<'a>,
        }
        let doc = Doc { framework: &framework.id, rows: rows.len(), consistent: findings.is_empty(), findings: FindingsOut(framework, &findings) };
        write_json(out, &doc)
    } else {
        (|| {
            if findings.is_empty() {
                if vi {
                    writeln!(out, "{} dòng: không có sai lệch.", rows.len())
                } else {
                    writeln!(out, "{} rows: no inconsistencies.", rows.len())
                }
            } else {
                if vi {
                    writeln!(out, "{} dòng: {} sai lệch", rows.len(), findings.len())?;
                } else {
                    writeln!(out, "{} rows: {} inconsistencies", rows.len(), findings.len())?;
                }
                for f in &findings {
                    writeln!(out, "- {}", f.message(framework, lang))?;
                }
                Ok(())
            }
        })()
    };
    Ok(status)
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
            "scoring_leaves": result.leaves.len(),
            "unanswered": result.unanswered,
            "unanswered_codes": result.leaves.iter().filter(|l| l.outcome == Outcome::Unanswered).map(|l| l.code.clone()).collect::<Vec<_>>(),
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
            o.push_str(&a.headline(&framework, lang));
            o.push('\n');
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
        o.push_str(&if vi {
            format!("Chưa trả lời: {} / {} chỉ số tính điểm\n", result.unanswered, result.leaves.len())
        } else {
            format!("Unanswered: {} of {} scored indicators\n", result.unanswered, result.leaves.len())
        });
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

fn write_output(path: &str, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::Input {
        file: path.to_owned(),
        line: 0,
        reason: format!("không ghi được tệp ({e})"),
        reason_en: format!("cannot write the file ({e})"),
    };
    if path == "-" {
        return std::io::stdout().write_all(bytes).map_err(fail);
    }
    std::fs::write(path, bytes).map_err(fail)
}

/// A set from a built-in id or a file (JSON, xlsx or CSV); problems go to standard error.
fn read_set_file(path: &str, lang: Lang) -> Result<Result<Framework, u8>, Error> {
    let bytes = read_input(path)?;
    match dti_engine::xlsx::import_any(path, &bytes) {
        Ok(f) => Ok(Ok(f)),
        Err(ImportError::Unreadable(e)) => Err(e),
        Err(ImportError::Invalid(list)) => {
            print_problems(path, &list, lang);
            Ok(Err(1))
        }
    }
}

fn print_problems(path: &str, list: &[Error], lang: Lang) {
    let mut err = String::new();
    err.push_str(&match lang {
        Lang::Vi => format!("dti: {path}: {} lỗi\n", list.len()),
        Lang::En => format!("dti: {path}: {} problem(s)\n", list.len()),
    });
    for e in list {
        err.push_str(&format!("- {}\n", e.message(lang)));
    }
    let _ = std::io::stderr().write_all(err.as_bytes());
}

fn set_summary(f: &Framework, lang: Lang) -> String {
    let groups: Vec<String> = f.groups.iter().map(|g| format!("{} {}", g.id, format_compact(g.max_points))).collect();
    let count: usize = f.groups.iter().map(|g| f.nodes(&g.id).len()).sum();
    match lang {
        Lang::Vi => format!("{} ({}): nhóm {}; {count} dòng chỉ số theo nhóm", f.id, f.year, groups.join(", ")),
        Lang::En => format!("{} ({}): groups {}; {count} indicator rows across groups", f.id, f.year, groups.join(", ")),
    }
}

fn cmd_framework(action: &FrameworkAction, lang: Lang) -> Result<(String, u8), Error> {
    let vi = lang == Lang::Vi;
    match action {
        FrameworkAction::Import { file, output } => {
            // A failed import exits 2 and writes nothing.
            let framework = match read_set_file(file, lang)? {
                Ok(f) => f,
                Err(_) => return Ok((String::new(), 2)),
            };
            let mut json = serde_json::to_string_pretty(&framework).map_err(|e| Error::input(file, 0, e.to_string(), e.to_string()))?;
            json.push('\n');
            write_output(output, json.as_bytes())?;
            let note = if vi { format!("Đã ghi {output}: {}\n", set_summary(&framework, lang)) } else { format!("Wrote {output}: {}\n", set_summary(&framework, lang)) };
            let _ = std::io::stderr().write_all(note.as_bytes());
            Ok((String::new(), 0))
        }
        FrameworkAction::Export { set, format, output } => {
            let framework = if std::path::Path::new(set).is_file() {
                match read_set_file(set, lang)? {
                    Ok(f) => f,
                    Err(_) => return Ok((String::new(), 2)),
                }
            } else {
                builtin::framework(set)?
            };
            let bytes = match format {
                AnnexFormat::Xlsx => dti_engine::xlsx::to_xlsx(&framework)?,
                AnnexFormat::Csv => dti_engine::annex::to_csv(&framework)?.into_bytes(),
            };
            write_output(output, &bytes)?;
            Ok((String::new(), 0))
        }
        FrameworkAction::Check { file } => match read_set_file(file, lang)? {
            Ok(f) => Ok((format!("{file}: {} — {}\n", if vi { "hợp lệ" } else { "valid" }, set_summary(&f, lang)), 0)),
            Err(code) => Ok((String::new(), code)),
        },
    }
}

fn cmd_sets_index(dir: &std::path::Path, gzip: bool, groups: bool, lang: Lang) -> Result<(String, u8), Error> {
    let written = dti_engine::catalogue::write_index_with_groups(dir, gzip, groups)?;
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    let target = dir.join(dti_engine::catalogue::INDEX_FILE);
    out.push_str(&if vi {
        format!("{}: {} bộ chỉ số\n", target.display(), written.index.sets.len())
    } else {
        format!("{}: {} indicator sets\n", target.display(), written.index.sets.len())
    });
    for e in &written.index.sets {
        let published = e.published.as_ref().map(|p| format!(" + {} {}", p.file, p.digest)).unwrap_or_default();
        out.push_str(&format!("  {}\t{}\t{} {}{published}\n", e.id, e.year, e.file, e.digest));
    }
    if !written.groups.is_empty() {
        out.push_str(&format!("  {}: {}\n", if vi { "tệp theo nhóm" } else { "group files" }, written.groups.len()));
    }
    if !written.gzipped.is_empty() {
        out.push_str(&format!("  .gz: {}\n", written.gzipped.len()));
    }
    for r in &written.removed {
        let file = r.starts_with(dti_engine::catalogue::GROUPS_DIR) && !r.ends_with(".gz") && !r.ends_with(".br");
        let what = match (vi, file) {
            (true, true) => "đã xóa tệp nhóm cũ",
            (false, true) => "removed old group file",
            (true, false) => "đã xóa bản nén cũ",
            (false, false) => "removed stale copy",
        };
        out.push_str(&format!("  {what} {r}\n"));
    }
    Ok((out, 0))
}

fn run(cli: &Cli, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    match &cli.command {
        Command::Frameworks { format } => {
            let mut sets = Vec::new();
            for id in builtin::ids() {
                sets.push(builtin::framework(id)?);
            }
            if *format == Format::Json {
                let text = pretty(&Value::Array(
                    sets.iter()
                        .map(|f| json!({
                            "id": f.id, "year": f.year, "status": f.status, "title_vi": f.title_vi,
                            "groups": f.groups.iter().map(|g| json!({"id": g.id, "max_points": format_machine(g.max_points)})).collect::<Vec<_>>(),
                        }))
                        .collect(),
                ));
                let _ = out.write_all(text.as_bytes());
                return Ok(0);
            }
            let mut text = String::new();
            for f in &sets {
                let groups: Vec<String> = f.groups.iter().map(|g| format!("{} {}", g.id, format_compact(g.max_points))).collect();
                let status = match (f.status, lang) {
                    (dti_engine::framework::Status::Official, Lang::Vi) => "chính thức",
                    (dti_engine::framework::Status::Official, Lang::En) => "official",
                    (dti_engine::framework::Status::Reference, Lang::Vi) => "tham khảo",
                    (dti_engine::framework::Status::Reference, Lang::En) => "reference",
                };
                text.push_str(&format!("{}\t{}\t{status}\t{}\n", f.id, f.year, groups.join(", ")));
            }
            let _ = out.write_all(text.as_bytes());
            Ok(0)
        }
        Command::Rank { file, set, format } => cmd_rank(&load_set(set)?, file, *format, lang, out),
        Command::Check { file, set, format } => cmd_check(&load_set(set)?, file, *format, lang, out),
        Command::Council { files, framework, framework_file, format, xlsx } => {
            let explicit = framework.is_some() || framework_file.is_some();
            let set = SetArgs { framework: framework.clone().unwrap_or_else(|| "laocai-2022".into()), framework_file: framework_file.clone() };
            cmd_council(files, &set, explicit, *format, xlsx.as_deref(), lang, out)
        }
        Command::Score { file, framework_file, format } => {
            let (text, status) = cmd_score(file, framework_file.as_deref(), *format, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
        Command::Framework { action } => {
            let (text, status) = cmd_framework(action, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
        Command::Sets { command: SetsCommand::Index { dir, gzip, groups } } => {
            let (text, status) = cmd_sets_index(dir, *gzip, *groups, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = run(&cli, lang, &mut out);
    // A closed pipe (dti … | head) is not an error worth a panic.
    let _ = out.flush();
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            eprintln!("dti: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}
