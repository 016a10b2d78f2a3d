//! The layout's words for the set's values (methods, statuses, sources), both ways.

use crate::framework::{ProvenanceKind, ReferenceOrigin, Status, ZeroDenominator};
use crate::text::name_key;

/// Key for comparing headers and words: case, diacritics, spaces and slashes ignored.
pub(super) fn key(text: &str) -> String {
    name_key(text).chars().filter(|c| !c.is_whitespace() && *c != '/').collect()
}

pub(super) const METHOD_WORDS: &[(&str, &str)] = &[
    ("points", "Nhập điểm"),
    ("yes_no", "Có/Không"),
    ("options", "Chọn một"),
    ("parts", "Từng điều kiện"),
    ("ratio", "Tỷ lệ"),
    ("tiers", "Theo bậc"),
    ("info", "Thông tin"),
];

pub(super) fn method_word(kind: &str) -> &'static str {
    METHOD_WORDS.iter().find(|(k, _)| *k == kind).map_or("", |(_, w)| w)
}

pub(super) fn method_kind(word: &str) -> Option<&'static str> {
    let k = key(word);
    let alias = match k.as_str() {
        "tile" => "ratio",
        "codat" | "datkhongdat" => "yes_no",
        _ => "",
    };
    if !alias.is_empty() {
        return Some(alias);
    }
    METHOD_WORDS.iter().find(|(id, w)| key(w) == k || *id == k).map(|(id, _)| *id)
}

pub(super) const ZERO_FULL: &str = "đủ điểm";
pub(super) const ZERO_ZERO: &str = "0 điểm";

pub(super) fn zero_rule(word: &str) -> Option<ZeroDenominator> {
    match key(word).as_str() {
        "dudiem" | "full" | "toida" | "diemtoida" => Some(ZeroDenominator::Full),
        "0diem" | "0" | "khongdiem" | "zero" => Some(ZeroDenominator::Zero),
        _ => None,
    }
}

pub(super) fn status_word(s: Status) -> &'static str {
    match s {
        Status::Official => "Chính thức",
        Status::Reference => "Tham khảo",
    }
}

pub(super) fn status_of(word: &str) -> Option<Status> {
    match key(word).as_str() {
        "chinhthuc" | "official" => Some(Status::Official),
        "thamkhao" | "reference" => Some(Status::Reference),
        _ => None,
    }
}

pub(super) fn provenance_word(k: ProvenanceKind) -> &'static str {
    match k {
        ProvenanceKind::Published => "Đã công bố",
        ProvenanceKind::Seed => "Quyết định gốc",
        ProvenanceKind::Inferred => "Suy luận",
    }
}

pub(super) fn provenance_of(word: &str) -> Option<ProvenanceKind> {
    match key(word).as_str() {
        "dacongbo" | "published" => Some(ProvenanceKind::Published),
        "quyetdinhgoc" | "seed" => Some(ProvenanceKind::Seed),
        "suyluan" | "inferred" => Some(ProvenanceKind::Inferred),
        _ => None,
    }
}

pub(super) fn origin_word(o: ReferenceOrigin) -> &'static str {
    match o {
        ReferenceOrigin::Seed => "Quyết định gốc",
        ReferenceOrigin::External => "Nguồn ngoài",
    }
}

pub(super) fn origin_of(word: &str) -> Option<ReferenceOrigin> {
    match key(word).as_str() {
        "quyetdinhgoc" | "seed" => Some(ReferenceOrigin::Seed),
        "nguonngoai" | "external" => Some(ReferenceOrigin::External),
        _ => None,
    }
}

pub(super) fn or_vi(en: String, vi: &str) -> String {
    if en.is_empty() {
        vi.to_owned()
    } else {
        en
    }
}
