//! Recognising and reading the council's files: a sheet (JSON) or a totals CSV.

use rust_decimal::Decimal;

use super::problem::{Problem, ProblemKind, Unrecognised};
use super::{AppraisalState, Basis, Entry, Source};
use crate::error::Error;
use crate::framework::Framework;
use crate::sheet::{evaluate, ScoreSheet};
use crate::text::MAX_INPUT_BYTES;

/// What a file was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The JSON sheet the calculator exports.
    Sheet,
    /// A CSV with the columns `group`, `name`, `total` (others ignored).
    Totals,
}

impl FileKind {
    /// `sheet` or `totals`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            FileKind::Sheet => "sheet",
            FileKind::Totals => "totals",
        }
    }
}

/// One row of a totals file, before it is checked against a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsRow {
    pub line: usize,
    pub group: String,
    pub name: String,
    pub total: Decimal,
}

/// A file's content, independent of the set (so the set can change without re-reading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Sheet(ScoreSheet),
    /// The readable rows, and a problem per row that could not be read.
    Totals { rows: Vec<TotalsRow>, problems: Vec<Problem> },
    /// Not usable at all.
    Refused(Problem),
}

/// A file read and recognised, not yet evaluated against a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    pub name: String,
    pub content: Content,
}

impl ParsedFile {
    #[must_use]
    pub fn kind(&self) -> Option<FileKind> {
        match &self.content {
            Content::Sheet(_) => Some(FileKind::Sheet),
            Content::Totals { .. } => Some(FileKind::Totals),
            Content::Refused(_) => None,
        }
    }

    /// A file refused from its size alone.
    #[must_use]
    pub fn too_large(name: &str, size: u64) -> Self {
        ParsedFile { name: name.to_owned(), content: Content::Refused(whole(name, ProblemKind::TooLarge { size })) }
    }

    /// A file that could not be read at all (an operating-system error, say).
    #[must_use]
    pub fn unreadable(name: &str, error: Error) -> Self {
        refused(name, ProblemKind::Unreadable(error))
    }

    /// The set a sheet names (`None` for other files).
    #[must_use]
    pub fn sheet_set(&self) -> Option<&str> {
        match &self.content {
            Content::Sheet(s) => Some(&s.framework),
            _ => None,
        }
    }

    /// The distinct groups of a totals file's rows, in order of appearance.
    #[must_use]
    pub fn totals_groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Content::Totals { rows, .. } = &self.content {
            for r in rows {
                if !out.contains(&r.group.as_str()) {
                    out.push(&r.group);
                }
            }
        }
        out
    }
}

fn whole(file: &str, kind: ProblemKind) -> Problem {
    Problem { source: Source { file: file.to_owned(), line: 0 }, kind }
}

fn refused(file: &str, kind: ProblemKind) -> ParsedFile {
    ParsedFile { name: file.to_owned(), content: Content::Refused(whole(file, kind)) }
}

/// Reads a file by its content, whatever its name: a JSON object is a sheet, a table
/// whose header has `group`, `name` and `total` is a totals file; anything else, a file
/// over 10 MB, not UTF-8 or damaged, is refused with its reason. Never panics.
#[must_use]
pub fn parse_file(file: &str, bytes: &[u8]) -> ParsedFile {
    if bytes.len() > MAX_INPUT_BYTES {
        return refused(file, ProblemKind::TooLarge { size: bytes.len() as u64 });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return refused(file, ProblemKind::Unrecognised { what: Unrecognised::Workbook, header: String::new() });
    }
    let text = match crate::upload::decode(file, bytes) {
        Ok(t) => t,
        Err(e) => return refused(file, ProblemKind::Unreadable(e)),
    };
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return parse_json(file, text);
    }
    parse_totals(file, bytes)
}

fn parse_json(file: &str, text: &str) -> ParsedFile {
    if let Err(e) = crate::upload::check_depth(file, text) {
        return refused(file, ProblemKind::Unreadable(e));
    }
    match ScoreSheet::from_json(file, text) {
        Ok(sheet) => ParsedFile { name: file.to_owned(), content: Content::Sheet(sheet) },
        Err(e) => {
            // Valid JSON of another kind is named as such; a damaged sheet keeps its error.
            match serde_json::from_str::<serde_json::Value>(text) {
                Ok(v) => {
                    let has = |k: &str| v.get(k).is_some();
                    let what = if has("indicators") && has("groups") {
                        Some(Unrecognised::SetFile)
                    } else if !(has("schema") || has("framework") || has("entries")) {
                        Some(Unrecognised::OtherJson)
                    } else {
                        None
                    };
                    match what {
                        Some(what) => refused(file, ProblemKind::Unrecognised { what, header: String::new() }),
                        None => refused(file, ProblemKind::Unreadable(e)),
                    }
                }
                Err(_) => refused(file, ProblemKind::Unreadable(e)),
            }
        }
    }
}

fn parse_totals(file: &str, bytes: &[u8]) -> ParsedFile {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let result = crate::table::read_rows(file, bytes, &["group", "name", "total"], |line, f| {
        if f[1].is_empty() {
            problems.push(Problem { source: Source { file: file.to_owned(), line }, kind: ProblemKind::NoName });
            return Ok(());
        }
        match crate::rank::decimal_field(file, line, "total", f[2]) {
            Ok(total) => rows.push(TotalsRow { line, group: f[0].to_owned(), name: f[1].to_owned(), total }),
            Err(e) => problems.push(Problem { source: Source { file: file.to_owned(), line }, kind: ProblemKind::Unreadable(e) }),
        }
        Ok(())
    });
    match result {
        Ok(_) => ParsedFile { name: file.to_owned(), content: Content::Totals { rows, problems } },
        Err(e) => {
            // A header without the columns: not a totals table at all.
            let text = crate::text::decode_input(file, bytes).unwrap_or("");
            let header = text.lines().next().unwrap_or("").trim().to_owned();
            let lower = header.to_lowercase();
            let looks_like_totals = ["group", "name", "total"].iter().filter(|c| lower.contains(*c)).count() >= 2;
            if matches!(&e, Error::Input { line: 1, .. }) && !looks_like_totals {
                refused(file, ProblemKind::Unrecognised { what: Unrecognised::OtherTable, header })
            } else {
                refused(file, ProblemKind::Unreadable(e))
            }
        }
    }
}

/// A sheet as a rankable entry, with a warning for invalid answers; or why it is not
/// ranked under `framework`.
pub(super) fn sheet_entry(framework: &Framework, digest: Option<&str>, file: &str, sheet: &ScoreSheet) -> Result<(Entry, Option<Problem>), Box<Problem>> {
    if sheet.framework != framework.id {
        return Err(Box::new(whole(file, ProblemKind::OtherSet { found: sheet.framework.clone(), expected: framework.id.clone() })));
    }
    if let (Some(expected), Some(found)) = (digest, sheet.framework_digest.as_deref()) {
        if expected != found {
            return Err(Box::new(whole(file, ProblemKind::OtherVersion { found: found.to_owned(), expected: expected.to_owned() })));
        }
    }
    if framework.group(&sheet.group).is_none() {
        return Err(Box::new(whole(file, unknown_group(framework, &sheet.agency, &sheet.group))));
    }
    if sheet.agency.trim().is_empty() {
        return Err(Box::new(whole(file, ProblemKind::NoName)));
    }
    let result = evaluate(framework, sheet).map_err(|e| Box::new(whole(file, ProblemKind::Unreadable(e))))?;
    let appraisal = result.appraisal.as_ref().map(|a| AppraisalState { total: a.total, count: a.count, of: a.of, complete: a.complete() });
    let (total, basis) = match &appraisal {
        Some(a) if a.complete => (a.total, Basis::Appraised),
        _ => (result.standing.total, Basis::SelfAssessed),
    };
    let invalid: Vec<_> = result.invalid.iter().chain(&result.invalid_appraised).collect();
    let warning = invalid.first().map(|first| {
        whole(
            file,
            ProblemKind::InvalidAnswers {
                name: sheet.agency.clone(),
                count: invalid.len(),
                first: (first.message(crate::Lang::Vi), first.message(crate::Lang::En)),
            },
        )
    });
    let entry = Entry {
        id: 0,
        file_id: 0,
        source: Source { file: file.to_owned(), line: 0 },
        name: sheet.agency.trim().to_owned(),
        group_id: sheet.group.clone(),
        self_total: Some(result.standing.total),
        appraisal,
        total,
        basis,
    };
    Ok((entry, warning))
}

fn unknown_group(framework: &Framework, name: &str, group: &str) -> ProblemKind {
    ProblemKind::UnknownGroup {
        name: name.to_owned(),
        group: group.to_owned(),
        set: framework.id.clone(),
        known: framework.groups.iter().map(|g| g.id.clone()).collect(),
    }
}

/// A totals row as a rankable entry, or why it is not ranked under `framework`.
pub(super) fn totals_entry(framework: &Framework, file: &str, row: &TotalsRow) -> Result<Entry, Box<Problem>> {
    let source = Source { file: file.to_owned(), line: row.line };
    let Some(group) = framework.group(&row.group) else {
        return Err(Box::new(Problem { source, kind: unknown_group(framework, &row.name, &row.group) }));
    };
    if row.total < Decimal::ZERO || row.total > group.max_points {
        return Err(Box::new(Problem { source, kind: ProblemKind::OutOfRange { name: row.name.clone(), total: row.total, max: group.max_points } }));
    }
    Ok(Entry {
        id: 0,
        file_id: 0,
        source,
        name: row.name.clone(),
        group_id: row.group.clone(),
        self_total: None,
        appraisal: None,
        total: row.total,
        basis: Basis::Totals,
    })
}
