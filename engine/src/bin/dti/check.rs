//! `dti check`: a published appendix against the rules.

use dti_engine::check::{check, parse_published, Finding};
use dti_engine::{Error, Framework, Lang};
use serde::Serialize;

use crate::cli::Format;
use crate::input::read_input;
use crate::output::{no_csv, write_json, Out};

pub(crate) fn cmd_check(framework: &Framework, file: &str, format: Format, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
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
