//! Text helpers: input limits and the key used to match agency names.

use unicode_normalization::UnicodeNormalization;

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
            format!("không phải văn bản UTF-8 (byte thứ {}); hãy lưu tệp với mã hoá UTF-8", e.valid_up_to() + 1),
            format!("not UTF-8 text (byte {}); save the file as UTF-8", e.valid_up_to() + 1),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::input(file, 0, "tệp rỗng", "the file is empty"));
    }
    Ok(text)
}

/// A spelling-tolerant key for agency names: Unicode-normalised, case-folded, without
/// diacritics, spaces collapsed. "Ban Tuyên giáo Tỉnh uỷ" and "ban tuyên giáo tỉnh ủy"
/// (the old and new placement of the tone mark) get the same key.
#[must_use]
pub fn name_key(name: &str) -> String {
    let stripped: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}
