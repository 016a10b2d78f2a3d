//! `dti council`: many sheets and totals files into the appendix tables.

use dti_engine::text::MAX_INPUT_BYTES;
use dti_engine::{builtin, Error, Framework, Lang};

use crate::cli::{Format, SetArgs};
use crate::input::{load_set, os_reason, read_input};
use crate::output::{write_json, Out};

pub(crate) fn cmd_council(files: &[String], set: &SetArgs, explicit: bool, format: Format, xlsx: Option<&str>, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
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
