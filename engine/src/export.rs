//! Sheets as documents: answers in words, and the CSV that Excel or LibreOffice in a
//! Vietnamese locale opens with the text intact and the points as numbers.

use rust_decimal::Decimal;

use crate::error::{Error, Lang};
use crate::framework::{Framework, Method};
use crate::number::format_vn;
use crate::sheet::{evaluate, Answer, Outcome, ScoreSheet, WorkStatus};

/// An answer in words, for the print view and the CSV ("Có", "a = 45; b = 50", …).
#[must_use]
pub fn answer_text(method: Option<&Method>, answer: Option<&Answer>, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let Some(answer) = answer else { return String::new() };
    match (method, answer) {
        (_, Answer::Points { text } | Answer::Tier { text }) => text.clone(),
        (_, Answer::YesNo { value }) => match (value, vi) {
            (true, true) => "Có".into(),
            (false, true) => "Không".into(),
            (true, false) => "Yes".into(),
            (false, false) => "No".into(),
        },
        (Some(Method::Options { options }), Answer::Choice { id }) => options
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| if vi { c.label_vi.clone() } else { c.label_en.clone() }),
        (Some(Method::Parts { parts }), Answer::Parts { ids }) => {
            if ids.is_empty() {
                return if vi { "Không điều kiện nào".into() } else { "None met".into() };
            }
            parts
                .iter()
                .filter(|p| ids.contains(&p.id))
                .map(|p| if vi { p.label_vi.as_str() } else { p.label_en.as_str() })
                .collect::<Vec<_>>()
                .join("; ")
        }
        (_, Answer::Ratio { numerator, denominator }) => format!("a = {numerator}; b = {denominator}"),
        (_, Answer::Choice { id }) => id.clone(),
        (_, Answer::Parts { ids }) => ids.join("; "),
    }
}

/// Name of a work status as agencies write it.
#[must_use]
pub fn status_name(status: Option<WorkStatus>, lang: Lang) -> &'static str {
    let vi = lang == Lang::Vi;
    match status {
        None => "",
        Some(WorkStatus::NotStarted) => if vi { "Chưa thực hiện" } else { "Not started" },
        Some(WorkStatus::InProgress) => if vi { "Đang thực hiện" } else { "In progress" },
        Some(WorkStatus::NeedsEvidence) => if vi { "Cần bổ sung minh chứng" } else { "Needs evidence" },
        Some(WorkStatus::Done) => if vi { "Hoàn thành" } else { "Done" },
    }
}

/// A text cell as written to CSV: one that begins with `=`, `+`, `-`, `@`, tab or CR gets
/// an apostrophe in front, so Excel and LibreOffice show it as text instead of running it
/// as a formula (CSV injection). Only text cells go through here; numbers (a Chênh lệch
/// of -4,00) are written as numbers.
#[must_use]
pub fn guard(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{text}")),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// The reverse of [`guard`] for the tables `dti` reads back (`rank --format csv | check -`):
/// an apostrophe followed by one of the guarded characters is dropped.
#[must_use]
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// The CSV separator: a Vietnamese-locale spreadsheet uses the comma as its decimal mark,
/// so fields are separated by semicolons.
pub const CSV_SEPARATOR: u8 = b';';

fn points_cell(value: Option<Decimal>) -> String {
    // Two decimals, comma as the decimal mark, no thousands separator: a Vietnamese
    // locale reads "1234,50" as a number; "1.234,50" could be read as text.
    value.map(|v| format_vn(v, 2).replace('.', "")).unwrap_or_default()
}

/// CSV for Excel: UTF-8 with a byte-order mark, `;` between fields, `,` as the decimal
/// mark. Columns: Mã, Chỉ số, Điểm tối đa, Tự đánh giá, Thẩm định, Chênh lệch (Tự đánh
/// giá − Thẩm định, over the appraised indicators only), Trạng thái, Minh chứng. Rows:
/// every indicator of the group (main indicators with their subtotals), then the total,
/// whose Trạng thái says in words how many indicators the council appraised.
pub fn sheet_csv(framework: &Framework, sheet: &ScoreSheet, lang: Lang) -> Result<String, Error> {
    let result = evaluate(framework, sheet)?;
    let vi = lang == Lang::Vi;
    let mut w = String::from("\u{feff}");
    use crate::terms::{APPRAISAL, CODE, EVIDENCE, INDICATOR, MAX_POINTS, SELF_ASSESSMENT, STATUS};
    let difference = crate::sheet::difference_label(lang);
    let header =
        [CODE.get(lang), INDICATOR.get(lang), MAX_POINTS.get(lang), SELF_ASSESSMENT.get(lang), APPRAISAL.get(lang), difference.as_str(), STATUS.get(lang), EVIDENCE.get(lang)];
    csv_record(&mut w, &header);
    // Results come in tree order, as the nodes do: each is taken when its node comes (a
    // scan per row made the export quadratic; a hash map cost wasm for no gain).
    let (mut mains, mut leaves) = (result.mains.iter().peekable(), result.leaves.iter().peekable());
    for node in framework.nodes(&sheet.group) {
        let ind = node.indicator;
        let code = guard(&ind.code);
        let code = code.as_ref();
        let name = guard(if vi { &ind.name_vi } else { &ind.name_en });
        let name = name.as_ref();
        let max = points_cell(Some(ind.max_points));
        // Before the main's row: a main indicator can be a leaf itself.
        let leaf = if ind.is_leaf() { leaves.next_if(|l| l.code == ind.code) } else { None };
        if node.depth == 0 {
            let main = mains.next_if(|m| m.code == ind.code);
            let points = points_cell(main.map(|m| m.points));
            let appraised = points_cell(main.and_then(|m| m.appraised));
            let diff = points_cell(main.and_then(crate::sheet::MainResult::difference));
            csv_record(&mut w, &[code, name, &max, &points, &appraised, &diff, "", ""]);
            continue;
        }
        if !ind.is_leaf() {
            csv_record(&mut w, &[code, name, &max, "", "", "", "", ""]);
            continue;
        }
        let entry = sheet.entries.get(&ind.code);
        let self_cell = match leaf.map(|l| &l.outcome) {
            Some(Outcome::Scored(p)) => points_cell(Some(*p)),
            Some(Outcome::Invalid(_)) => {
                let typed = answer_text(ind.method.as_ref(), entry.and_then(|e| e.self_answer.as_ref()), lang);
                // Starts with a letter, so it needs no guard; the typed text is inside.
                if vi { format!("không hợp lệ: {typed}") } else { format!("invalid: {typed}") }
            }
            _ => String::new(),
        };
        let appraised = match leaf.and_then(|l| l.appraised.as_ref()) {
            Some(Outcome::Scored(p)) => points_cell(Some(*p)),
            _ => String::new(),
        };
        let diff = points_cell(leaf.and_then(crate::sheet::LeafResult::difference));
        let status = status_name(entry.and_then(|e| e.status), lang);
        let evidence = entry.map(|e| evidence_text(&e.evidence)).unwrap_or_default();
        csv_record(&mut w, &[code, name, &max, &self_cell, &appraised, &diff, status, &guard(&evidence)]);
    }
    let total = crate::terms::TOTAL.get(lang);
    let s = &result.standing;
    let appraisal = result.appraisal.as_ref();
    let appraised = points_cell(appraisal.map(|a| a.total));
    let diff = points_cell(result.difference());
    // The count in words: a spreadsheet reads "6/30" as a date, and Chênh lệch stays the
    // row's last number.
    let progress = appraisal.map(|a| a.progress_words(lang)).unwrap_or_default();
    csv_record(&mut w, &["", total, &points_cell(Some(s.max)), &points_cell(Some(s.total)), &appraised, &diff, &guard(&progress), ""]);
    Ok(w)
}

/// One CSV line as the csv crate writes it with `CSV_SEPARATOR` (quotes only where a field
/// holds the separator, a quote or a line break; quotes doubled; "\n" at the end). Written
/// out because the csv writer was the app's only use of it (~8 kB of wasm); the
/// equivalence is tested against the crate (tests/export.rs).
pub fn csv_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(char::from(CSV_SEPARATOR));
        }
        if field.contains([char::from(CSV_SEPARATOR), '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    if matches!(fields, [] | [""]) {
        // A record of one empty field (or none), as the crate writes it: not an empty line.
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// Evidence in one line: "12/KH-UBND, 15/3/2022: Kế hoạch chuyển đổi số — link — note".
#[must_use]
pub fn evidence_text(e: &crate::sheet::Evidence) -> String {
    let head = [e.number.trim(), e.date.trim()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ");
    let first = match (head.is_empty(), e.summary.trim().is_empty()) {
        (false, false) => format!("{head}: {}", e.summary.trim()),
        (false, true) => head,
        (true, _) => e.summary.trim().to_owned(),
    };
    [first.as_str(), e.link.trim(), e.note.trim()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" — ")
}
