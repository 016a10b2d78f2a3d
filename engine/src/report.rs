//! The printed form's answer column: one short phrase per answer — the chosen option,
//! "45/50 = 90,00 %", "120 Mbps" — so a cell never holds the whole option list.

use rust_decimal::Decimal;

use crate::error::Lang;
use crate::framework::Method;
use crate::number::{format_compact, format_percent, parse_vn};
use crate::sheet::Answer;

/// The answer as a short phrase; typed numbers are echoed as understood, and text that
/// is not a number stays as typed (the print shows what the sheet holds).
#[must_use]
pub fn answer_phrase(method: Option<&Method>, answer: Option<&Answer>, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let Some(answer) = answer else { return String::new() };
    let echo = |text: &str| parse_vn(text).map_or_else(|_| text.trim().to_owned(), format_compact);
    match (method, answer) {
        (Some(Method::Ratio { .. }), Answer::Ratio { numerator, denominator }) => {
            match (parse_vn(numerator), parse_vn(denominator)) {
                (Ok(a), Ok(b)) if a >= Decimal::ZERO && b > Decimal::ZERO => {
                    // Checked: 28-digit input must not overflow into a panic.
                    match a.checked_div(b).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)) {
                        Some(p) => format!("{}/{} = {}", format_compact(a), format_compact(b), format_percent(p)),
                        None => format!("{}/{}", format_compact(a), format_compact(b)),
                    }
                }
                _ => format!("{}/{}", echo(numerator), echo(denominator)),
            }
        }
        (Some(Method::Tiers { unit_vi, unit_en, .. }), Answer::Tier { text }) => {
            let unit = if vi { unit_vi } else { unit_en };
            format!("{} {unit}", echo(text)).trim_end().to_owned()
        }
        (Some(Method::Points), Answer::Points { text }) => {
            format!("{} {}", echo(text), if vi { "điểm" } else { "points" })
        }
        (Some(Method::Parts { parts }), Answer::Parts { ids }) => {
            let met: Vec<&str> = parts
                .iter()
                .filter(|p| ids.contains(&p.id))
                .map(|p| if vi { p.label_vi.as_str() } else { p.label_en.as_str() })
                .collect();
            let count = if vi {
                format!("{}/{} điều kiện", met.len(), parts.len())
            } else {
                format!("{} of {} conditions", met.len(), parts.len())
            };
            if met.is_empty() { count } else { format!("{count}: {}", met.join("; ")) }
        }
        _ => crate::export::answer_text(method, Some(answer), lang),
    }
}

/// The sheet as readable text, to read or paste into a message: heading, totals, the
/// council's appraisal, then each indicator with its answer, points and evidence.
pub fn sheet_text(framework: &crate::Framework, sheet: &crate::sheet::ScoreSheet, lang: Lang) -> Result<String, crate::Error> {
    use crate::number::format_points;
    use crate::sheet::{difference_label, evaluate, Outcome};
    let r = evaluate(framework, sheet)?;
    let vi = lang == Lang::Vi;
    let t = |a: &'static str, b: &'static str| if vi { a } else { b };
    let mut o = String::new();
    let agency = if sheet.agency.trim().is_empty() { t("(chưa ghi tên)", "(no name given)") } else { sheet.agency.as_str() };
    o.push_str(&format!("{} {}\n", t("Cơ quan, đơn vị:", "Agency:"), agency));
    o.push_str(&format!("{} {}\n", t("Nhóm:", "Group:"), framework.group_name(&sheet.group, lang)));
    o.push_str(&format!("{} {}\n\n", t("Bộ chỉ số:", "Indicator set:"), if vi { &framework.title_vi } else { &framework.title_en }));
    let s = &r.standing;
    if r.is_blank() {
        o.push_str(&format!("{} {} / {} — {}\n", t("Tổng điểm tự đánh giá:", "Self-assessed total:"), format_points(s.total), format_compact(s.max), t("chưa có câu trả lời", "no answer yet")));
    } else {
        o.push_str(&format!(
            "{} {} / {} ({}) — {}\n",
            t("Tổng điểm tự đánh giá:", "Self-assessed total:"),
            format_points(s.total),
            format_compact(s.max),
            format_percent(s.percent),
            framework.level_name(&s.level_id, lang)
        ));
    }
    if let Some(a) = &r.appraisal {
        o.push_str(&a.headline(framework, lang));
        o.push('\n');
        o.push_str(&format!("{}: {}\n", difference_label(lang), format_points(a.difference())));
    }
    for node in framework.nodes(&sheet.group) {
        let ind = node.indicator;
        let name = if vi { &ind.name_vi } else { &ind.name_en };
        if node.depth == 0 {
            let m = r.mains.iter().find(|m| m.code == ind.code);
            let points = m.map(|m| format_points(m.points)).unwrap_or_default();
            o.push_str(&format!("\n{}. {name} — {points} / {}\n", ind.code, format_compact(ind.max_points)));
            continue;
        }
        if !ind.is_leaf() {
            o.push_str(&format!("  {} {name}\n", ind.code));
            continue;
        }
        let entry = sheet.entries.get(&ind.code);
        let leaf = r.leaves.iter().find(|l| l.code == ind.code);
        let answer = answer_phrase(ind.method.as_ref(), entry.and_then(|e| e.self_answer.as_ref()), lang);
        let points = match leaf.map(|l| &l.outcome) {
            Some(Outcome::Scored(p)) => format!("{} / {}", format_points(*p), format_compact(ind.max_points)),
            Some(Outcome::Invalid(e)) => e.message(lang),
            _ => t("chưa trả lời", "unanswered").to_owned(),
        };
        let answer = if answer.is_empty() { String::new() } else { format!("{answer} → ") };
        o.push_str(&format!("  {} {name}: {answer}{points}\n", ind.code));
        if let Some(Some(Outcome::Scored(p))) = leaf.map(|l| &l.appraised) {
            let diff = leaf.and_then(crate::sheet::LeafResult::difference).map(format_points).unwrap_or_default();
            o.push_str(&format!("      {} {} · {}: {diff}\n", t("Thẩm định:", "Appraised:"), format_points(*p), difference_label(lang)));
        }
        if let Some(e) = entry {
            let ev = crate::export::evidence_text(&e.evidence);
            let status = crate::export::status_name(e.status, lang);
            if !ev.is_empty() || !status.is_empty() {
                let sep = if ev.is_empty() || status.is_empty() { "" } else { " · " };
                o.push_str(&format!("      {} {ev}{sep}{status}\n", t("Minh chứng:", "Evidence:")));
            }
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Tier, ZeroDenominator};

    #[test]
    fn phrases_are_short_and_carry_units() {
        let ratio = Method::Ratio {
            numerator_vi: String::new(),
            numerator_en: String::new(),
            denominator_vi: String::new(),
            denominator_en: String::new(),
            zero_denominator: ZeroDenominator::Full,
        };
        let r = |a: &str, b: &str| answer_phrase(Some(&ratio), Some(&Answer::Ratio { numerator: a.into(), denominator: b.into() }), Lang::Vi);
        assert_eq!(r("45", "50"), "45/50 = 90,00 %");
        assert_eq!(r("2", "3"), "2/3 = 66,67 %");
        assert_eq!(r("1.200", "1.500"), "1.200/1.500 = 80,00 %");
        assert_eq!(r("3", "0"), "3/0");
        assert_eq!(r("abc", "4"), "abc/4");
        let tiers = Method::Tiers { unit_vi: "Mbps".into(), unit_en: "Mbps".into(), tiers: vec![Tier { min: Decimal::ONE, points: Decimal::TEN }] };
        assert_eq!(answer_phrase(Some(&tiers), Some(&Answer::Tier { text: "120".into() }), Lang::Vi), "120 Mbps");
        assert_eq!(answer_phrase(Some(&Method::Points), Some(&Answer::Points { text: "12,5".into() }), Lang::Vi), "12,5 điểm");
        assert_eq!(answer_phrase(Some(&Method::YesNo), Some(&Answer::YesNo { value: true }), Lang::Vi), "Có");
        assert_eq!(answer_phrase(None, None, Lang::Vi), "");
    }
}
