//! Text helpers: input limits and the key used to match agency names.

use crate::error::Error;

/// Largest input file the engine reads; a ranking appendix is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Longest echo of a user's value in a message; longer values end in "…".
pub const CLIP_CHARS: usize = 40;

/// A value as echoed in messages: at most [`CLIP_CHARS`] characters, then "…".
#[must_use]
pub fn clip(value: &str) -> String {
    match value.char_indices().nth(CLIP_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

/// "10.485.760" (dot-grouped, as Vietnamese prints counts); English uses commas.
pub(crate) fn format_count(n: usize, lang: crate::Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == crate::Lang::Vi { '.' } else { ',' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// The error for an input over [`MAX_INPUT_BYTES`]; `size` when known (a file's length),
/// `None` when only the cap was read (standard input), so the cap is never shown as a size.
#[must_use]
pub fn too_large(file: &str, size: Option<u64>) -> Error {
    let cap = |lang| format_count(MAX_INPUT_BYTES, lang);
    let (vi, en) = match size {
        Some(n) => {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            (
                format!("tệp {} byte, vượt giới hạn {} byte (10 MB)", format_count(n, crate::Lang::Vi), cap(crate::Lang::Vi)),
                format!("the file is {} bytes, over the {} byte (10 MB) limit", format_count(n, crate::Lang::En), cap(crate::Lang::En)),
            )
        }
        None => (
            format!("dữ liệu vượt giới hạn {} byte (10 MB)", cap(crate::Lang::Vi)),
            format!("the input exceeds the {} byte (10 MB) limit", cap(crate::Lang::En)),
        ),
    };
    Error::input(file, 0, vi, en)
}

/// Checks size and encoding of an input file and strips a UTF-8 byte-order mark.
pub fn decode_input<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        // The caller may have read only the cap plus one byte: the true size is unknown here.
        return Err(too_large(file, None));
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

/// Line numbers from byte offsets, for readers that report offsets. Counts `\n` only, so
/// CRLF files (Excel on Windows) and blank lines are numbered as an editor shows them.
/// Queries must come with non-decreasing offsets; each byte is scanned once (linear).
#[derive(Debug)]
pub(crate) struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCounter { text: text.as_bytes(), offset: 0, line: 1 }
    }

    /// 1-based line of the record the csv reader places at `offset`. The reader's offset
    /// can sit on the end of the line before (the `\n` of a CRLF, blank lines it
    /// skipped), so line ends are passed over first.
    pub(crate) fn record_line(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        self.line_at(start)
    }

    /// 1-based line of the byte at `offset`.
    pub(crate) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            // Out of order (not expected from the csv reader): count afresh, still correct.
            return self.text[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        }
        self.line += self.text[self.offset..offset].iter().filter(|b| **b == b'\n').count();
        self.offset = offset;
        self.line
    }
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
    if c.is_ascii() {
        // Most characters of a name: no table scan.
        return Some(c);
    }
    Some(FOLD_FROM.chars().zip(FOLD_TO.chars()).find(|(f, _)| *f == c).map_or(c, |(_, t)| t))
}

/// A spelling-tolerant key for agency names: case-folded, without diacritics (precomposed
/// or combining), spaces collapsed. "Ban Tuyên giáo Tỉnh u\u{1ef7}" and "ban tuyên giáo tỉnh ủy"
/// (the old and new placement of the tone mark) get the same key.
#[must_use]
pub fn name_key(name: &str) -> String {
    let folded: String = name.chars().flat_map(char::to_lowercase).filter_map(fold).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
