//! Validation of a set on load: every rule a set file must meet, each failure naming
//! the file, the code and what was expected.

use rust_decimal::Decimal;

use crate::error::Error;

use super::{Choice, Framework, Indicator, Method, ProvenanceKind, MAX_GROUP_POINTS};

impl Framework {
    /// Validation of the whole set, or of the part of one group (`only`). Never inlined:
    /// its two callers would otherwise each get a copy in the app's wasm.
    #[inline(never)]
    pub(super) fn check(&self, file: &str, only: Option<&str>) -> Result<(), Error> {
        let err = |code: &str, vi: String, en: String| Error::framework_invalid(file, code, vi, en);
        if self.groups.is_empty() {
            return Err(err("-", "ít nhất một nhóm".into(), "at least one group".into()));
        }
        let mut seen_groups = std::collections::BTreeSet::new();
        for g in &self.groups {
            if !seen_groups.insert(g.id.as_str()) {
                return Err(err(&g.id, format!("mã nhóm duy nhất, '{}' bị lặp", g.id), format!("a unique group id, '{}' repeats", g.id)));
            }
            if g.max_points <= Decimal::ZERO {
                return Err(err(&g.id, "điểm tối đa của nhóm > 0".into(), "group maximum > 0".into()));
            }
            // Far above any DTI set (1.000 points), low enough that every figure derived
            // from it keeps its hundredths exact in Decimal's 28 digits.
            if g.max_points > MAX_GROUP_POINTS {
                return Err(err(
                    &g.id,
                    format!("điểm tối đa của nhóm không quá 1.000.000.000, không phải {}", crate::number::format_compact(g.max_points)),
                    format!("a group maximum of at most 1,000,000,000, not {}", g.max_points.normalize()),
                ));
            }
        }
        crate::level::validate_levels(&self.levels).map_err(|(vi, en)| err("levels", vi, en))?;
        check_group_refs(&self.indicators, &seen_groups, &err)?;
        if let Some(nested) = self.indicators.iter().flat_map(|i| &i.children).find_map(first_with_groups) {
            return Err(err(nested, "chỉ chỉ số chính mới khai báo nhóm (groups)".into(), "only top-level indicators name groups".into()));
        }
        check_tree(&self.indicators, &err)?;
        if let Some(only) = only {
            self.require_group(only)?;
            let alone = Some(vec![only.to_owned()]);
            if let Some(other) = self.indicators.iter().find(|i| i.groups != alone) {
                return Err(err(
                    &other.code,
                    format!("chỉ số chính của nhóm {only} và chỉ của nhóm đó (tệp của một nhóm)"),
                    format!("a main indicator of group {only} alone (the file of one group)"),
                ));
            }
        }
        for g in self.groups.iter().filter(|g| only.is_none_or(|o| o == g.id)) {
            let mut codes = std::collections::BTreeSet::new();
            for node in self.nodes(&g.id) {
                if !codes.insert(node.indicator.code.as_str()) {
                    return Err(err(
                        &node.indicator.code,
                        format!("mã chỉ số duy nhất trong nhóm {}", g.id),
                        format!("a unique code in group {}", g.id),
                    ));
                }
            }
            let Some(computed) = self.computed_max(&g.id) else {
                return Err(err(
                    &g.id,
                    format!("tổng điểm tối đa các chỉ số chính = {} (khai báo), nhưng tổng vượt giới hạn tính toán", g.max_points),
                    format!("main indicators adding up to the declared {}, but their sum overflows", g.max_points),
                ));
            };
            if computed != g.max_points {
                return Err(err(
                    &g.id,
                    format!("tổng điểm tối đa các chỉ số chính = {} (khai báo), tính được {computed}", g.max_points),
                    format!("main indicators adding up to the declared {}, found {computed}", g.max_points),
                ));
            }
        }
        Ok(())
    }
}

fn first_with_groups(ind: &Indicator) -> Option<&str> {
    if ind.groups.is_some() {
        return Some(&ind.code);
    }
    ind.children.iter().find_map(first_with_groups)
}

fn check_group_refs<F>(
    list: &[Indicator],
    groups: &std::collections::BTreeSet<&str>,
    err: &F,
) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    for ind in list {
        if let Some(gs) = &ind.groups {
            if let Some(unknown) = gs.iter().find(|g| !groups.contains(g.as_str())) {
                return Err(err(&ind.code, format!("nhóm đã khai báo, không phải '{unknown}'"), format!("a declared group, not '{unknown}'")));
            }
        }
        check_group_refs(&ind.children, groups, err)?;
    }
    Ok(())
}

fn check_tree<F>(list: &[Indicator], err: &F) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    for ind in list {
        if ind.code.trim().is_empty() {
            return Err(err("?", format!("mã chỉ số không rỗng (chỉ số '{}')", crate::text::clip(&ind.name_vi)), format!("a non-empty code (indicator '{}')", crate::text::clip(&ind.name_en))));
        }
        if ind.max_points < Decimal::ZERO {
            return Err(err(&ind.code, "điểm tối đa ≥ 0".into(), "maximum ≥ 0".into()));
        }
        if let Some(p) = &ind.provenance {
            // A claim of publication or an inference is only checkable if it names its basis.
            if p.kind != ProvenanceKind::Seed && p.basis_vi.trim().is_empty() {
                return Err(err(
                    &ind.code,
                    "nguồn gốc (provenance) loại published hoặc inferred phải nêu căn cứ trong basis_vi".into(),
                    "a published or inferred provenance names its basis in basis_vi".into(),
                ));
            }
        }
        match (&ind.method, ind.children.is_empty()) {
            (Some(_), false) => {
                return Err(err(&ind.code, "chỉ số có chỉ số con thì không có cách tính điểm riêng".into(), "a parent has no method of its own".into()))
            }
            (None, true) => {
                return Err(err(&ind.code, "chỉ số lá phải có cách tính điểm (method)".into(), "a leaf needs a method".into()))
            }
            (Some(method), true) => check_method(ind, method, err)?,
            (None, false) => {
                let Some(sum) = crate::number::checked_sum(ind.children.iter().map(|c| c.max_points)) else {
                    return Err(err(
                        &ind.code,
                        format!("tổng điểm tối đa các chỉ số con = {}, nhưng tổng vượt giới hạn tính toán", ind.max_points),
                        format!("children adding up to {}, but their sum overflows", ind.max_points),
                    ));
                };
                if sum != ind.max_points {
                    return Err(err(
                        &ind.code,
                        format!("tổng điểm tối đa các chỉ số con = {} nhưng được {sum}", ind.max_points),
                        format!("children adding up to {}, found {sum}", ind.max_points),
                    ));
                }
                check_tree(&ind.children, err)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn check_method<F>(ind: &Indicator, method: &Method, err: &F) -> Result<(), Error>
where
    F: Fn(&str, String, String) -> Error,
{
    let max = ind.max_points;
    let code = ind.code.as_str();
    let unique = |choices: &[Choice]| -> Result<(), Error> {
        let mut ids = std::collections::BTreeSet::new();
        for c in choices {
            if !ids.insert(c.id.as_str()) {
                return Err(err(code, format!("mã lựa chọn duy nhất, '{}' bị lặp", c.id), format!("unique choice ids, '{}' repeats", c.id)));
            }
            if c.points < Decimal::ZERO || c.points > max {
                return Err(err(code, format!("điểm mỗi lựa chọn trong 0..{max}"), format!("choice points within 0..{max}")));
            }
        }
        Ok(())
    };
    match method {
        Method::Info if !max.is_zero() => Err(err(code, "chỉ số thông tin có điểm tối đa 0".into(), "an info indicator has maximum 0".into())),
        Method::Info => Ok(()),
        _ if max.is_zero() => Err(err(code, "điểm tối đa > 0 (chỉ số không tính điểm dùng loại info)".into(), "maximum > 0 (use info for unscored)".into())),
        Method::Points | Method::YesNo | Method::Ratio { .. } => Ok(()),
        Method::Options { options } => {
            if options.len() < 2 {
                return Err(err(code, "ít nhất 2 lựa chọn".into(), "at least 2 options".into()));
            }
            unique(options)?;
            let best = options.iter().map(|c| c.points).max().unwrap_or_default();
            if best != max {
                return Err(err(code, format!("lựa chọn cao nhất = {max} điểm, được {best}"), format!("best option worth {max}, found {best}")));
            }
            Ok(())
        }
        Method::Parts { parts } => {
            if parts.is_empty() {
                return Err(err(code, "ít nhất 1 điều kiện".into(), "at least 1 part".into()));
            }
            unique(parts)?;
            let Some(sum) = crate::number::checked_sum(parts.iter().map(|c| c.points)) else {
                return Err(err(
                    code,
                    format!("tổng điểm các điều kiện = {max}, nhưng tổng vượt giới hạn tính toán"),
                    format!("parts adding up to {max}, but their sum overflows"),
                ));
            };
            if sum != max {
                return Err(err(code, format!("tổng điểm các điều kiện = {max}, được {sum}"), format!("parts adding up to {max}, found {sum}")));
            }
            Ok(())
        }
        Method::Tiers { tiers, .. } => {
            if tiers.is_empty() {
                return Err(err(code, "ít nhất 1 bậc".into(), "at least 1 tier".into()));
            }
            for pair in tiers.windows(2) {
                if pair[1].min <= pair[0].min || pair[1].points < pair[0].points {
                    return Err(err(code, "các bậc tăng dần theo ngưỡng và điểm".into(), "tiers ascending by threshold and points".into()));
                }
            }
            if tiers.iter().any(|t| t.points < Decimal::ZERO || t.min < Decimal::ZERO) {
                return Err(err(code, "ngưỡng và điểm ≥ 0".into(), "thresholds and points ≥ 0".into()));
            }
            let top = tiers.last().map(|t| t.points).unwrap_or_default();
            if top != max {
                return Err(err(code, format!("bậc cao nhất = {max} điểm, được {top}"), format!("top tier worth {max}, found {top}")));
            }
            Ok(())
        }
    }
}
