//! The council (Hội đồng / Tổ giúp việc): many agencies' sheets and totals files turned
//! into the ranked tables of the decision's appendix.
//!
//! Files are recognised by content ([`parse_file`]): the JSON sheet the calculator exports
//! or a totals CSV `group,name,total`. A row ranks by the appraised total when the
//! council's appraisal of the sheet is complete ([`crate::sheet::Appraisal::complete`]),
//! otherwise by the self-assessed total, and says which ([`Basis`]). Nothing is merged or
//! dropped silently: every file or row that is not ranked, and every agency imported
//! twice, is a [`Problem`] with its reason. The tables do not depend on the order of
//! import (ties are ordered by name).
//!
//! Behind the `council` feature: only the council page and `dti council` use it, so the
//! calculator's bundle never carries it.

mod import;
mod output;
mod problem;
mod set;
#[cfg(feature = "xlsx-write")]
mod workbook;
pub mod checker;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::error::{Error, Lang};
use crate::framework::Framework;
use crate::level::{level_for, percent_of};
use crate::rank::{competition_ranks, mean, mean_overflow, GroupTable, RankedRow};
use crate::sheet::ScoreSheet;
use crate::text::name_key;

pub use import::{parse_file, Content, FileKind, ParsedFile, TotalsRow};
pub use output::{escape_html, headings, html_tables, json_report, table_title, text_report, text_tables, write_csv};
pub use problem::{Problem, ProblemKind, Unrecognised};
pub use set::{default_set, suggest_set, SetGroups, SetHints};
#[cfg(feature = "xlsx-write")]
pub use workbook::write_xlsx;

/// Id of an imported file within one [`Council`] (never reused).
pub type FileId = u32;
/// Id of a rankable entry (a sheet, or one row of a totals file) within one [`Council`].
pub type EntryId = u32;

/// Where an entry or problem comes from: the file's name and, in a totals file, the
/// 1-based line (0 for a whole file, such as a sheet).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    pub file: String,
    pub line: usize,
}

impl Source {
    /// "a.json" or "tong.csv, dòng 4" / "tong.csv, line 4".
    #[must_use]
    pub fn label(&self, lang: Lang) -> String {
        match (self.line, lang) {
            (0, _) => self.file.clone(),
            (n, Lang::Vi) => format!("{}, dòng {n}", self.file),
            (n, Lang::En) => format!("{}, line {n}", self.file),
        }
    }
}

/// Which total a row ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The council's appraised total: every scoring indicator of the sheet is appraised.
    Appraised,
    /// The agency's self-assessed total: the sheet has no appraisal, or an incomplete one.
    SelfAssessed,
    /// A total read from a totals CSV (no sheet behind it).
    Totals,
}

impl Basis {
    /// Stable id for JSON, CSS classes and tests: `appraised`, `self`, `totals`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Basis::Appraised => "appraised",
            Basis::SelfAssessed => "self",
            Basis::Totals => "totals",
        }
    }

    /// "Thẩm định", "Tự đánh giá", "Bảng tổng điểm" (glossary terms where they exist).
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Basis::Appraised, l) => crate::terms::APPRAISAL.get(l),
            (Basis::SelfAssessed, l) => crate::terms::SELF_ASSESSMENT.get(l),
            (Basis::Totals, Lang::Vi) => "Bảng tổng điểm",
            (Basis::Totals, Lang::En) => "Totals file",
        }
    }
}

/// The council's side of a sheet, as far as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppraisalState {
    /// Sum of the appraised points (partial until complete).
    pub total: Decimal,
    /// Indicators appraised, of the scoring indicators of the group.
    pub count: usize,
    pub of: usize,
    pub complete: bool,
}

/// One rankable agency: a sheet, or one row of a totals file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: EntryId,
    pub file_id: FileId,
    pub source: Source,
    /// As written in the sheet or file.
    pub name: String,
    pub group_id: String,
    /// The sheet's self-assessed total; `None` for a totals row.
    pub self_total: Option<Decimal>,
    /// The council's appraisal, where the sheet has any.
    pub appraisal: Option<AppraisalState>,
    /// The total the row ranks by ([`Basis`] says which).
    pub total: Decimal,
    pub basis: Basis,
}

/// What an imported file is, once recognised, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub id: FileId,
    pub name: String,
    /// `None` when the file was not recognised (its problem says why).
    pub kind: Option<FileKind>,
    /// Entries it gave (ranked or not: duplicates are entries too).
    pub entries: usize,
    /// Problems of the file itself (duplicates are in [`Council::problems`]).
    pub problems: usize,
}

/// A file as the council keeps it: a sheet as compact JSON (a parsed sheet takes about
/// seven times the memory, ~17 KB; 10.000 sheets are kept in ~30 MB instead of ~200 MB),
/// read again only to re-rank under another set or to show it.
#[derive(Debug, Clone)]
enum Stored {
    Sheet(Box<str>),
    Totals { rows: Vec<TotalsRow>, problems: Vec<Problem> },
    Refused(Problem),
}

#[derive(Debug, Clone)]
struct FileRecord {
    id: FileId,
    name: String,
    stored: Stored,
    /// Problems found when the file was evaluated against the set.
    problems: Vec<Problem>,
    entries: usize,
}

/// A ranked row of the appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Competition rank (1, 2, 2, 4).
    pub rank: usize,
    pub entry: EntryId,
    pub name: String,
    pub total: Decimal,
    /// Exact percentage of the group maximum; the level is decided on it.
    pub percent: Decimal,
    pub level_id: String,
    pub basis: Basis,
    pub self_total: Option<Decimal>,
    pub appraisal: Option<AppraisalState>,
    pub source: Source,
}

/// One group's table: Xếp hạng, Tên cơ quan, Tổng điểm, Mức xếp hạng, then Điểm trung bình.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub group_id: String,
    pub max: Decimal,
    /// By total, highest first; equal totals share a rank and are ordered by name.
    pub rows: Vec<Row>,
    /// Exact mean of the totals.
    pub average_exact: Decimal,
    /// The mean rounded half away from zero to 2 decimals, as published.
    pub average: Decimal,
}

impl Table {
    /// The same table as [`crate::rank`] builds it (for its CSV writer and `check`).
    #[must_use]
    pub fn to_group_table(&self) -> GroupTable {
        GroupTable {
            group_id: self.group_id.clone(),
            max: self.max,
            rows: self
                .rows
                .iter()
                .map(|r| RankedRow { rank: r.rank, name: r.name.clone(), total: r.total, percent: r.percent, level_id: r.level_id.clone() })
                .collect(),
            average_exact: self.average_exact,
            average: self.average,
        }
    }
}

/// The council's working state: the chosen set, the files imported and what they gave.
#[derive(Debug, Clone)]
pub struct Council {
    framework: Framework,
    digest: Option<String>,
    files: Vec<FileRecord>,
    entries: Vec<Entry>,
    next_file: FileId,
    next_entry: EntryId,
}

impl Council {
    /// An empty council ranking under `framework`.
    #[must_use]
    pub fn new(framework: Framework) -> Self {
        Council { framework, digest: None, files: Vec::new(), entries: Vec::new(), next_file: 1, next_entry: 1 }
    }

    /// The digest of the set's file (`sets/index.json`): a sheet answered under another
    /// version of the same set id (its `framework_digest` differs) is then not ranked.
    /// `None` (the default) does not compare versions. Re-evaluates every file (entries get
    /// new ids).
    pub fn set_digest(&mut self, digest: Option<String>) {
        self.digest = digest;
        self.reevaluate();
    }

    #[must_use]
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// Ranks the same files under another set (the page's set picker); every file is
    /// evaluated again: file ids are kept, entries get new ids.
    pub fn set_framework(&mut self, framework: Framework) {
        self.framework = framework;
        self.reevaluate();
    }

    /// Reads and adds one file ([`parse_file`] then [`Council::add`]). Never fails: a file
    /// that cannot be used is kept with its problem.
    pub fn add_file(&mut self, file_name: &str, bytes: &[u8]) -> FileId {
        self.add(parse_file(file_name, bytes))
    }

    /// Records a file refused by its size before it was read (the page knows a file's
    /// size from its metadata).
    pub fn add_too_large(&mut self, file_name: &str, size: u64) -> FileId {
        self.add(ParsedFile::too_large(file_name, size))
    }

    /// Adds a file already parsed (the page parses first to suggest a set).
    pub fn add(&mut self, parsed: ParsedFile) -> FileId {
        let id = self.next_file;
        self.next_file += 1;
        let ParsedFile { name, content } = parsed;
        let (stored, sheet) = match content {
            Content::Sheet(sheet) => (Stored::Sheet(serde_json::to_string(&sheet).unwrap_or_default().into_boxed_str()), Some(sheet)),
            Content::Totals { rows, problems } => (Stored::Totals { rows, problems }, None),
            Content::Refused(p) => (Stored::Refused(p), None),
        };
        let mut record = FileRecord { id, name, stored, problems: Vec::new(), entries: 0 };
        self.evaluate_file(&mut record, sheet.as_ref());
        self.files.push(record);
        id
    }

    /// Removes a file and everything it gave; `false` when there is no such file.
    pub fn remove_file(&mut self, id: FileId) -> bool {
        let before = self.files.len();
        self.files.retain(|f| f.id != id);
        self.entries.retain(|e| e.file_id != id);
        before != self.files.len()
    }

    /// The imported files, in import order.
    #[must_use]
    pub fn files(&self) -> Vec<FileSummary> {
        self.files
            .iter()
            .map(|f| FileSummary {
                id: f.id,
                name: f.name.clone(),
                kind: match f.stored {
                    Stored::Sheet(_) => Some(FileKind::Sheet),
                    Stored::Totals { .. } => Some(FileKind::Totals),
                    Stored::Refused(_) => None,
                },
                entries: f.entries,
                problems: f.problems.len(),
            })
            .collect()
    }

    /// Every entry, ranked or not, in import order.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// An entry by id (entries stay in id order, so this is a binary search).
    #[must_use]
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entries.binary_search_by_key(&id, |e| e.id).ok().map(|i| &self.entries[i])
    }

    /// The sheet behind an entry (for a read-only view), read again from what was kept;
    /// `None` for a totals row.
    #[must_use]
    pub fn sheet(&self, id: EntryId) -> Option<ScoreSheet> {
        let entry = self.entry(id)?;
        match &self.files.iter().find(|f| f.id == entry.file_id)?.stored {
            Stored::Sheet(json) => ScoreSheet::from_json(&entry.source.file, json).ok(),
            _ => None,
        }
    }

    /// Every problem: the files' own, in import order, then each agency imported more
    /// than once (all its copies listed, none of them ranked).
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = self.files.iter().flat_map(|f| f.problems.iter().cloned()).collect();
        for copies in self.duplicates() {
            let first = &self.entries[copies[0]];
            out.push(Problem {
                source: first.source.clone(),
                kind: ProblemKind::Duplicate {
                    name: first.name.clone(),
                    copies: copies.iter().map(|&i| (self.entries[i].source.clone(), self.entries[i].name.clone())).collect(),
                },
            });
        }
        out
    }

    /// Indices into `entries` of each agency present more than once (by [`name_key`],
    /// across groups), each list in import order.
    fn duplicates(&self) -> Vec<Vec<usize>> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::with_capacity(self.entries.len());
        let mut order = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let key = name_key(&e.name);
            let slot = by_key.entry(key.clone()).or_default();
            if slot.is_empty() {
                order.push(key);
            }
            slot.push(i);
        }
        order.into_iter().filter_map(|k| by_key.remove(&k)).filter(|v| v.len() > 1).collect()
    }

    /// The appendix tables: per group of the set (in its order, empty groups left out),
    /// every entry that is not a duplicate. An error only when a group's totals overflow
    /// their sum (they cannot for a validated set).
    pub fn tables(&self) -> Result<Vec<Table>, Error> {
        let mut excluded = vec![false; self.entries.len()];
        for copies in self.duplicates() {
            for i in copies {
                excluded[i] = true;
            }
        }
        let mut by_group: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for (e, out) in self.entries.iter().zip(&excluded) {
            if !out {
                by_group.entry(e.group_id.as_str()).or_default().push(e);
            }
        }
        let mut tables = Vec::new();
        for group in &self.framework.groups {
            let Some(mut members) = by_group.remove(group.id.as_str()) else { continue };
            // Highest first; ties by name so that import order never matters.
            let keyed: HashMap<EntryId, String> = members.iter().map(|e| (e.id, name_key(&e.name))).collect();
            members.sort_by(|a, b| {
                b.total.cmp(&a.total).then_with(|| keyed[&a.id].cmp(&keyed[&b.id])).then_with(|| a.name.cmp(&b.name)).then_with(|| a.source.cmp(&b.source))
            });
            let totals: Vec<Decimal> = members.iter().map(|e| e.total).collect();
            let ranks = competition_ranks(&totals);
            let average_exact = mean(&totals).ok_or_else(|| mean_overflow(&group.id))?;
            let rows = members
                .iter()
                .zip(ranks)
                .map(|(e, rank)| {
                    let percent = percent_of(e.total, group.max_points);
                    Row {
                        rank,
                        entry: e.id,
                        name: e.name.clone(),
                        total: e.total,
                        percent,
                        level_id: level_for(&self.framework.levels, percent).id.clone(),
                        basis: e.basis,
                        self_total: e.self_total,
                        appraisal: e.appraisal.clone(),
                        source: e.source.clone(),
                    }
                })
                .collect();
            tables.push(Table { group_id: group.id.clone(), max: group.max_points, rows, average_exact, average: crate::number::round2(average_exact) });
        }
        Ok(tables)
    }

    fn reevaluate(&mut self) {
        self.entries.clear();
        let mut files = std::mem::take(&mut self.files);
        for f in &mut files {
            self.evaluate_file(f, None);
        }
        self.files = files;
    }

    fn push_entry(&mut self, mut entry: Entry) {
        entry.id = self.next_entry;
        self.next_entry += 1;
        self.entries.push(entry);
    }

    /// Turns a kept file into entries and problems under the current set (`sheet`: the
    /// sheet already parsed, else it is read from what was kept).
    fn evaluate_file(&mut self, record: &mut FileRecord, sheet: Option<&ScoreSheet>) {
        record.problems.clear();
        record.entries = 0;
        let file = record.name.clone();
        let fw = &self.framework;
        let mut new_entries = Vec::new();
        match &record.stored {
            Stored::Refused(problem) => record.problems.push(problem.clone()),
            Stored::Sheet(json) => {
                let reread;
                let sheet = match sheet {
                    Some(s) => Ok(s),
                    None => {
                        reread = ScoreSheet::from_json(&file, json);
                        reread.as_ref().map_err(Clone::clone)
                    }
                };
                match sheet.map_err(|e| Problem { source: Source { file: file.clone(), line: 0 }, kind: ProblemKind::Unreadable(e) }) {
                    Ok(sheet) => match import::sheet_entry(fw, self.digest.as_deref(), &file, sheet) {
                        Ok((entry, warning)) => {
                            new_entries.push(entry);
                            record.problems.extend(warning);
                        }
                        Err(problem) => record.problems.push(*problem),
                    },
                    Err(problem) => record.problems.push(problem),
                }
            }
            Stored::Totals { rows, problems } => {
                record.problems.extend(problems.iter().cloned());
                for row in rows {
                    match import::totals_entry(fw, &file, row) {
                        Ok(entry) => new_entries.push(entry),
                        Err(problem) => record.problems.push(*problem),
                    }
                }
            }
        }
        record.entries = new_entries.len();
        for mut e in new_entries {
            e.file_id = record.id;
            self.push_entry(e);
        }
    }
}
