//! Reading one "Chỉ số" row: code, depth, maxima, method and its parameters, source.

use rust_decimal::Decimal;

use crate::framework::{Choice, Group, Method, Provenance, ProvenanceKind, Tier, ZeroDenominator};
use crate::number::parse_vn;

use super::columns::Columns;
use super::layout::{param_owner, Col};
use super::model::{number, Row};
use super::problems::Problems;
use super::read::Item;
use super::words::{method_kind, method_word, or_vi, provenance_of, provenance_word, zero_rule, METHOD_WORDS, ZERO_FULL, ZERO_ZERO};

/// Items of a cell list: one a line when the cell has line breaks, else split on `;`.
fn items(text: &str) -> Vec<String> {
    let sep = if text.contains('\n') { '\n' } else { ';' };
    text.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn split_points(item: &str) -> Option<(&str, &str)> {
    let (label, points) = item.rsplit_once(':')?;
    Some((label.trim(), points.trim()))
}

pub(super) fn read_item(row: &Row, cols: &Columns, groups: &[Group], tname: &str, p: &mut Problems) -> Option<Item> {
    let code = cols.get(row, Col::Code);
    if code.is_empty() {
        p.add(tname, row.number, cols.name(Col::Code), "dòng có nội dung nhưng thiếu STT/Mã", "the row has content but no STT/Mã (code)");
        return None;
    }
    let depth = if let Some(i) = cols.index(Col::Depth) {
        match number(row.cell(i)).ok().filter(|d| d.fract().is_zero() && *d >= Decimal::ONE && *d <= Decimal::from(9)) {
            Some(d) => usize::try_from(d.mantissa() / 10_i128.pow(d.scale())).unwrap_or(1),
            None => {
                p.add(tname, row.number, cols.name(Col::Depth), format!("cần cấp 1, 2, 3…; ô ghi “{}”", row.cell(i).text()),
                    format!("expected level 1, 2, 3…; the cell holds “{}”", row.cell(i).text()));
                return None;
            }
        }
    } else {
        if code.split('.').any(str::is_empty) {
            p.add(tname, row.number, cols.name(Col::Code), format!("mã “{code}” có phần rỗng; viết ví dụ 1, 1.2, 1.2.3"), format!("code “{code}” has an empty part; write e.g. 1, 1.2, 1.2.3"));
            return None;
        }
        code.matches('.').count() + 1
    };
    let name_vi = cols.get(row, Col::NameVi);
    if name_vi.is_empty() {
        p.add(tname, row.number, cols.name(Col::NameVi), "cần tên chỉ số", "expected the indicator's name");
    }
    let mut maxes = Vec::new();
    for gi in 0..groups.len() {
        let Some(ci) = cols.index(Col::Max(gi)) else { continue };
        let cell = row.cell(ci);
        if cell.is_empty() {
            continue;
        }
        match number(cell) {
            Ok(v) if v >= Decimal::ZERO => maxes.push((gi, v)),
            Ok(v) => p.add(tname, row.number, cols.name(Col::Max(gi)), format!("điểm tối đa ≥ 0, ô ghi {v}"), format!("a maximum ≥ 0, the cell holds {v}")),
            Err((vi, en)) => p.add(tname, row.number, cols.name(Col::Max(gi)), format!("cần điểm tối đa: {vi}"), format!("expected the maximum: {en}")),
        }
    }
    let mut max = maxes.first().map(|(_, v)| *v);
    if maxes.iter().any(|(_, v)| Some(*v) != max) {
        let listed = maxes.iter().map(|(gi, v)| format!("{} = {}", groups[*gi].id, crate::number::format_compact(*v))).collect::<Vec<_>>().join(", ");
        p.add(tname, row.number, cols.max_span(),
            format!("điểm tối đa khác nhau giữa các nhóm ({listed}): mỗi dòng có một điểm tối đa; tách thành các dòng riêng cho từng nhóm (mỗi nhóm một chỉ số chính riêng)"),
            format!("different maxima across groups ({listed}): a row has one maximum; split it into rows per group (a main indicator per group)"));
        max = None;
    }
    let (method, method_cells) = read_method(row, cols, tname, p);
    let prov_kind = cols.get(row, Col::ProvKind);
    let basis_vi = cols.get(row, Col::ProvBasisVi);
    let basis_en = cols.get(row, Col::ProvBasisEn);
    let provenance = if prov_kind.is_empty() {
        if !basis_vi.is_empty() || !basis_en.is_empty() {
            p.add(tname, row.number, cols.name(Col::ProvKind), "có căn cứ nguồn thì cần loại nguồn", "a basis needs the kind of source");
        }
        None
    } else if let Some(kind) = provenance_of(&prov_kind) {
        Some(Provenance { kind, basis_vi, basis_en })
    } else {
        let words = [ProvenanceKind::Published, ProvenanceKind::Seed, ProvenanceKind::Inferred].map(provenance_word).join("”, “");
        p.add(tname, row.number, cols.name(Col::ProvKind), format!("“{prov_kind}”: cần một trong “{words}”"), format!("“{prov_kind}”: expected one of “{words}”"));
        None
    };
    Some(Item {
        row: row.number,
        depth,
        name_en: or_vi(cols.get(row, Col::NameEn), &name_vi),
        code,
        name_vi,
        maxes,
        max,
        method,
        method_cells,
        method_given: !cols.get(row, Col::Method).is_empty(),
        rule_vi: cols.get(row, Col::RuleVi),
        rule_en: cols.get(row, Col::RuleEn),
        evidence_vi: cols.get(row, Col::EvidenceVi),
        evidence_en: cols.get(row, Col::EvidenceEn),
        source: cols.get(row, Col::Source),
        provenance,
        children: Vec::new(),
        main: 0,
    })
}

/// The method and its parameters; (method, first parameter column filled).
fn read_method(row: &Row, cols: &Columns, tname: &str, p: &mut Problems) -> (Option<Method>, Option<usize>) {
    let filled: Vec<(usize, Col)> = cols
        .cols
        .iter()
        .filter(|(i, _, c)| param_owner(*c).is_some() && !row.cell(*i).is_empty())
        .map(|(i, _, c)| (*i, *c))
        .collect();
    let first = filled.first().map(|(i, _)| *i);
    let word = cols.get(row, Col::Method);
    if word.is_empty() {
        return (None, first);
    }
    let Some(kind) = method_kind(&word) else {
        let words = METHOD_WORDS.iter().map(|(_, w)| format!("“{w}”")).collect::<Vec<_>>().join(", ");
        p.add(tname, row.number, cols.name(Col::Method), format!("“{word}” không phải cách tính; dùng một trong: {words}"),
            format!("“{word}” is not a scoring method; use one of: {words}"));
        return (None, None);
    };
    for (_, col) in &filled {
        if let Some(owners) = param_owner(*col) {
            if !owners.contains(&kind) {
                let owner_words = owners.iter().map(|k| format!("“{}”", method_word(k))).collect::<Vec<_>>().join(" hoặc ");
                p.add(tname, row.number, cols.name(*col),
                    format!("cột này chỉ dùng cho cách tính {owner_words}, dòng này là “{}”: để trống hoặc sửa cách tính", method_word(kind)),
                    format!("this column is for the method {owner_words} only; this row is “{}”: leave it empty or change the method", method_word(kind)));
            }
        }
    }
    let before = p.list.len();
    let mut bad = |col: Col, vi: String, en: String| p.add(tname, row.number, cols.name(col), vi, en);
    let method = match kind {
        "points" => Method::Points,
        "yes_no" => Method::YesNo,
        "info" => Method::Info,
        "options" | "parts" => {
            let text = cols.get(row, Col::Choices);
            let list = items(&text);
            let mut choices = Vec::new();
            if list.is_empty() {
                bad(Col::Choices, "cần các lựa chọn và điểm, ví dụ “Chủ tịch/Bí thư: 20; Phó: 10; Không: 0”".into(),
                    "expected the choices and their points, e.g. “Chủ tịch/Bí thư: 20; Phó: 10; Không: 0”".into());
            }
            for (n, item) in list.iter().enumerate() {
                match split_points(item).map(|(l, pts)| (l, parse_vn(pts))) {
                    Some((label, Ok(points))) if !label.is_empty() => choices.push(Choice {
                        id: (n + 1).to_string(),
                        label_vi: label.to_owned(),
                        label_en: label.to_owned(),
                        points,
                    }),
                    Some((_, Err(e))) => bad(Col::Choices, format!("“{item}”: điểm không đọc được ({})", e.message(crate::Lang::Vi)),
                        format!("“{item}”: unreadable points ({})", e.message(crate::Lang::En))),
                    _ => bad(Col::Choices, format!("“{item}”: cần “tên lựa chọn: điểm”, các lựa chọn cách nhau bằng “;” hoặc xuống dòng"),
                        format!("“{item}”: expected “choice: points”, choices separated by “;” or line breaks")),
                }
            }
            let en = items(&cols.get(row, Col::ChoicesEn));
            if !en.is_empty() {
                if en.len() == list.len() {
                    for (c, label) in choices.iter_mut().zip(&en) {
                        c.label_en.clone_from(label);
                    }
                } else {
                    bad(Col::ChoicesEn, format!("{} tên tiếng Anh cho {} lựa chọn: cần bằng nhau, cùng thứ tự", en.len(), list.len()),
                        format!("{} English names for {} choices: expected as many, in the same order", en.len(), list.len()));
                }
            }
            let ids = items(&cols.get(row, Col::ChoiceIds));
            if !ids.is_empty() {
                if ids.len() == list.len() {
                    for (c, id) in choices.iter_mut().zip(&ids) {
                        c.id.clone_from(id);
                    }
                } else {
                    bad(Col::ChoiceIds, format!("{} mã cho {} lựa chọn: cần bằng nhau, cùng thứ tự", ids.len(), list.len()),
                        format!("{} ids for {} choices: expected as many, in the same order", ids.len(), list.len()));
                }
            }
            if kind == "options" {
                Method::Options { options: choices }
            } else {
                Method::Parts { parts: choices }
            }
        }
        "ratio" => {
            let numerator_vi = cols.get(row, Col::Numerator);
            let denominator_vi = cols.get(row, Col::Denominator);
            if numerator_vi.is_empty() {
                bad(Col::Numerator, "cần tên tử số a (ví dụ “Số văn bản ký số”)".into(), "expected the numerator a (e.g. “Số văn bản ký số”)".into());
            }
            if denominator_vi.is_empty() {
                bad(Col::Denominator, "cần tên mẫu số b (ví dụ “Tổng số văn bản”)".into(), "expected the denominator b (e.g. “Tổng số văn bản”)".into());
            }
            let zero_text = cols.get(row, Col::ZeroDen);
            let zero_denominator = zero_rule(&zero_text).unwrap_or_else(|| {
                bad(Col::ZeroDen, format!("“{zero_text}”: cần “{ZERO_FULL}” hoặc “{ZERO_ZERO}” (điểm khi mẫu số b = 0)"),
                    format!("“{zero_text}”: expected “{ZERO_FULL}” (full points) or “{ZERO_ZERO}” (zero) for b = 0"));
                ZeroDenominator::Zero
            });
            Method::Ratio {
                numerator_en: or_vi(cols.get(row, Col::NumeratorEn), &numerator_vi),
                denominator_en: or_vi(cols.get(row, Col::DenominatorEn), &denominator_vi),
                numerator_vi,
                denominator_vi,
                zero_denominator,
            }
        }
        _ => {
            let text = cols.get(row, Col::Tiers);
            let list = items(&text);
            if list.is_empty() {
                bad(Col::Tiers, "cần các bậc, ví dụ “≥ 4: 20; ≥ 3: 15; ≥ 1: 5”".into(), "expected the tiers, e.g. “≥ 4: 20; ≥ 3: 15; ≥ 1: 5”".into());
            }
            let mut tiers = Vec::new();
            for item in &list {
                let parsed = split_points(item).map(|(min, pts)| {
                    let min = min.trim_start_matches('≥').trim_start_matches(">=").trim();
                    (parse_vn(min), parse_vn(pts))
                });
                match parsed {
                    Some((Ok(min), Ok(points))) => tiers.push(Tier { min, points }),
                    Some((Err(e), _) | (_, Err(e))) => bad(Col::Tiers, format!("“{item}”: {}", e.message(crate::Lang::Vi)), format!("“{item}”: {}", e.message(crate::Lang::En))),
                    None => bad(Col::Tiers, format!("“{item}”: cần “≥ ngưỡng: điểm”, ví dụ “≥ 4: 20”"), format!("“{item}”: expected “≥ threshold: points”, e.g. “≥ 4: 20”")),
                }
            }
            // The annex lists the highest band first; the set keeps them ascending.
            tiers.sort_by_key(|t| t.min);
            let unit_vi = cols.get(row, Col::Unit);
            Method::Tiers { unit_en: or_vi(cols.get(row, Col::UnitEn), &unit_vi), unit_vi, tiers }
        }
    };
    // A method with an unreadable parameter is not checked further (no follow-on errors).
    if p.list.len() > before {
        return (None, None);
    }
    (Some(method), None)
}
