//! Output shared by the subcommands: the output stream, JSON, levels by id.

use std::io::Write;

use dti_engine::{Error, Framework};
use serde::Serialize;
use serde_json::Value;

use crate::cli::Format;

/// A level by id with its names, serialised without building a JSON tree.
#[derive(Serialize)]
pub(crate) struct LevelOut<'a> {
    id: &'a str,
    name_vi: Option<&'a str>,
    name_en: Option<&'a str>,
}

pub(crate) fn level_out<'a>(framework: &'a Framework, id: &'a str) -> LevelOut<'a> {
    let level = framework.levels.iter().find(|l| l.id == id);
    LevelOut { id, name_vi: level.map(|l| l.name_vi.as_str()), name_en: level.map(|l| l.name_en.as_str()) }
}

pub(crate) fn level_json(framework: &Framework, id: &str) -> Value {
    serde_json::to_value(level_out(framework, id)).unwrap_or(Value::Null)
}

/// Standard output is written as the rows are produced (memory stays linear in the input,
/// not in a JSON tree); a closed pipe (`dti … | head`) only ends the output.
pub(crate) type Out<'a> = &'a mut dyn Write;

/// Pretty JSON straight to the output, then a newline.
pub(crate) fn write_json<T: Serialize>(out: Out<'_>, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub(crate) fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// `check` and `score` print text or JSON; CSV is `rank`'s alone.
pub(crate) fn no_csv(format: Format, command: &str) -> Result<(), Error> {
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
