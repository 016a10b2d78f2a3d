//! `dti score`: one saved sheet scored, with the council's appraisal.

use dti_engine::number::{format_compact, format_machine, format_percent, format_points};
use dti_engine::sheet::{evaluate, Outcome, ScoreSheet};
use dti_engine::{builtin, Error, Lang};
use serde_json::json;

use crate::cli::Format;
use crate::input::{load_framework_file, read_input};
use crate::output::{level_json, no_csv, pretty};

pub(crate) fn cmd_score(file: &str, framework_file: Option<&str>, format: Format, lang: Lang) -> Result<(String, u8), Error> {
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
