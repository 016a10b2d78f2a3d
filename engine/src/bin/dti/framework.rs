//! The indicator-set commands: `dti frameworks` and `dti framework import | export | check`.

use std::io::Write;

use dti_engine::annex::ImportError;
use dti_engine::number::{format_compact, format_machine};
use dti_engine::{builtin, Error, Framework, Lang};
use serde_json::{json, Value};

use crate::cli::{AnnexFormat, Format, FrameworkAction};
use crate::input::read_input;
use crate::output::{pretty, Out};

/// `dti frameworks`: the built-in sets, as text or JSON.
pub(crate) fn cmd_frameworks(format: Format, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    let mut sets = Vec::new();
    for id in builtin::ids() {
        sets.push(builtin::framework(id)?);
    }
    if format == Format::Json {
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

pub(crate) fn cmd_framework(action: &FrameworkAction, lang: Lang) -> Result<(String, u8), Error> {
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
