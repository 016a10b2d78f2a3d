//! Checks on a file the user chose in the browser, in the order the app can run them:
//! its size before reading (from the file's metadata), its encoding named when it is not
//! UTF-8, and its JSON nesting before `serde_json` (whose own limit gives an English
//! "recursion limit exceeded").

use crate::error::Error;
use crate::text::{decode_input, MAX_INPUT_BYTES};

/// Refuses a file over the input limit from its size alone, before reading a byte.
pub fn check_size(file: &str, size: f64) -> Result<(), Error> {
    if size > MAX_INPUT_BYTES as f64 {
        // Whole bytes: "10,0 MB" would not say why 10 MB is over a 10 MB limit.
        let bytes = size as u64;
        return Err(Error::input(
            file,
            0,
            format!("tệp {} byte, vượt giới hạn 10 MB ({} byte); không đọc tệp này", grouped(bytes, '.'), grouped(MAX_INPUT_BYTES as u64, '.')),
            format!("the file is {} bytes, over the 10 MB limit ({} bytes); it was not read", grouped(bytes, ','), grouped(MAX_INPUT_BYTES as u64, ',')),
        ));
    }
    Ok(())
}

/// 10485761 → "10.485.761" (Vietnamese) or "10,485,761".
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The text of a file's bytes ([`decode_input`]), naming UTF-16 when its byte-order mark
/// or its zero bytes show it (Notepad's "Unicode"), which the UTF-8 check alone reports as
/// an odd byte.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 4 && bytes[..4].iter().filter(|b| **b == 0).count() == 2);
    if utf16 {
        return Err(Error::input(
            file,
            0,
            "tệp mã hóa UTF-16 (Unicode), không phải UTF-8; hãy lưu lại tệp với mã hóa UTF-8",
            "the file is encoded as UTF-16 (Unicode), not UTF-8; save it again as UTF-8",
        ));
    }
    decode_input(file, bytes)
}

/// Deepest nesting of arrays and objects accepted; an annex five levels deep needs ~20.
pub const MAX_JSON_DEPTH: usize = 64;

/// Refuses JSON text nested deeper than [`MAX_JSON_DEPTH`], naming the line.
pub fn check_depth(file: &str, text: &str) -> Result<(), Error> {
    let (mut depth, mut line) = (0_usize, 1_usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(Error::input(
                        file,
                        line,
                        format!("JSON lồng nhau quá {MAX_JSON_DEPTH} cấp; đây không phải tệp bộ chỉ số hay phiếu của công cụ tính điểm"),
                        format!("JSON nested more than {MAX_JSON_DEPTH} levels deep; this is not an indicator-set or sheet file of the calculator"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_refused_before_reading_and_encodings_are_named() {
        assert!(check_size("a.json", 10.0 * 1024.0 * 1024.0).is_ok());
        let e = check_size("a.json", 10.0 * 1024.0 * 1024.0 + 1.0).err().map(|e| e.message(crate::Lang::Vi)).unwrap_or_default();
        assert!(e.contains("tệp 10.485.761 byte, vượt giới hạn 10 MB (10.485.760 byte); không đọc tệp này"), "{e}");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{\"a\":1}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let e = decode("u.json", &utf16).err().map(|e| e.message(crate::Lang::Vi)).unwrap_or_default();
        assert!(e.contains("UTF-16"), "{e}");
        let bom_less: Vec<u8> = "{\"a\":1}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(decode("u.json", &bom_less).err().map(|e| e.message(crate::Lang::En)).unwrap_or_default().contains("UTF-16"));
        // "Sở Y tế" in Windows-1258: ơ is 0xF5, ế is 0xEA + a combining acute (0xEC).
        let cp1258 = b"{\"agency\":\"S\xF5 Y t\xEA\xEC\"}";
        let e = decode("w.json", cp1258).err().map(|e| e.message(crate::Lang::Vi)).unwrap_or_default();
        assert!(e.contains("UTF-8"), "{e}");
        assert_eq!(decode("ok.json", "{\"a\":\"Sở\"}".as_bytes()).ok(), Some("{\"a\":\"Sở\"}"));
    }

    #[test]
    fn deep_nesting_is_refused_with_its_line() {
        let deep = format!("{{\"a\":\n{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        let e = check_depth("x.json", &deep).err().unwrap_or_else(|| panic!("accepted"));
        let msg = e.message(crate::Lang::Vi);
        assert!(msg.contains("x.json") && msg.contains("dòng 2") && msg.contains("64 cấp"), "{msg}");
    }

    #[test]
    fn brackets_inside_strings_do_not_count_and_the_limit_itself_passes() {
        let quoted = format!("{{\"a\":\"{}\\\"{}\"}}", "[".repeat(1000), "{".repeat(1000));
        assert!(check_depth("q.json", &quoted).is_ok());
        let at_limit = format!("{}{}", "[".repeat(MAX_JSON_DEPTH), "]".repeat(MAX_JSON_DEPTH));
        assert!(check_depth("l.json", &at_limit).is_ok());
        let over = format!("[{at_limit}]");
        assert!(check_depth("o.json", &over).is_err());
    }

    #[test]
    fn the_shipped_sets_pass() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/frameworks");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            assert!(check_depth(&entry.path().display().to_string(), &text).is_ok(), "{}", entry.path().display());
            seen += 1;
        }
        assert!(seen >= 2, "the shipped sets were not found");
    }
}
