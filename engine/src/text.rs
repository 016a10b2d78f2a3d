//! Text helpers: input limits and the key used to match agency names.

use crate::error::Error;

/// Largest input file the engine reads; a ranking appendix is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Checks size and encoding of an input file and strips a UTF-8 byte-order mark.
pub fn decode_input<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::input(
            file,
            0,
            format!("tệp {} byte, vượt giới hạn {} byte (10 MB)", bytes.len(), MAX_INPUT_BYTES),
            format!("file is {} bytes, over the {} byte (10 MB) limit", bytes.len(), MAX_INPUT_BYTES),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        Error::input(
            file,
            line,
            format!("không phải văn bản UTF-8 (byte thứ {}); hãy lưu tệp với mã hóa UTF-8", e.valid_up_to() + 1),
            format!("not UTF-8 text (byte {}); save the file as UTF-8", e.valid_up_to() + 1),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::input(file, 0, "tệp rỗng", "the file is empty"));
    }
    Ok(text)
}

/// Lowercase Vietnamese letters with diacritics, and their base letters (same order).
/// A table of 67 letters instead of a Unicode normalisation crate: its tables cost
/// ~55 KB of the Wasm bundle, for a key that only ever folds Vietnamese names.
const FOLD_FROM: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const FOLD_TO: &str = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

fn fold(c: char) -> Option<char> {
    // Combining diacritics (U+0300–U+036F): text typed in decomposed form.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    Some(FOLD_FROM.chars().position(|f| f == c).and_then(|i| FOLD_TO.chars().nth(i)).unwrap_or(c))
}

/// A spelling-tolerant key for agency names: case-folded, without diacritics (precomposed
/// or combining), spaces collapsed. "Ban Tuyên giáo Tỉnh u\u{1ef7}" and "ban tuyên giáo tỉnh ủy"
/// (the old and new placement of the tone mark) get the same key.
#[must_use]
pub fn name_key(name: &str) -> String {
    let folded: String = name.chars().flat_map(char::to_lowercase).filter_map(fold).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
