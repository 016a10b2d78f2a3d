//! Reading input files and indicator sets, with the OS's errors in both languages.

use std::io::Read;

use dti_engine::text::{too_large, MAX_INPUT_BYTES};
use dti_engine::{builtin, Error, Framework};

use crate::cli::SetArgs;

/// An OS error in words of each language (the OS's own text is English only).
pub(crate) fn os_reason(e: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind as K;
    let (vi, en) = match e.kind() {
        K::NotFound => ("không có tệp này", "no such file"),
        K::PermissionDenied => ("không có quyền đọc tệp", "permission denied"),
        K::IsADirectory => ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
        K::InvalidData => ("dữ liệu không đọc được", "unreadable data"),
        K::Interrupted => ("việc đọc bị ngắt", "reading was interrupted"),
        K::UnexpectedEof => ("tệp kết thúc bất ngờ", "the file ended unexpectedly"),
        K::OutOfMemory => ("không đủ bộ nhớ", "out of memory"),
        _ => ("lỗi hệ điều hành khi đọc tệp", "operating-system error while reading"),
    };
    match e.raw_os_error() {
        Some(code) => (format!("{vi}, mã lỗi {code}"), format!("{en}, error code {code}")),
        None => (vi.to_owned(), en.to_owned()),
    }
}

/// Reads a file or standard input, refusing more than the engine's limit before reading
/// it all (a file's size is its length; standard input is read up to the cap plus one).
pub(crate) fn read_input(path: &str) -> Result<Vec<u8>, Error> {
    let fail = |e: std::io::Error| {
        let (vi, en) = os_reason(&e);
        Error::Input {
            file: path.to_owned(),
            line: 0,
            reason: format!("không đọc được tệp ({vi})"),
            reason_en: format!("cannot read the file ({en})"),
        }
    };
    let mut bytes = Vec::new();
    let limit = (MAX_INPUT_BYTES + 1) as u64;
    if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(fail)?;
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(too_large("-", None));
        }
    } else {
        let file = std::fs::File::open(path).map_err(fail)?;
        let size = file.metadata().map_err(fail)?;
        if size.is_dir() {
            return Err(fail(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        if size.len() > MAX_INPUT_BYTES as u64 {
            return Err(too_large(path, Some(size.len())));
        }
        file.take(limit).read_to_end(&mut bytes).map_err(fail)?;
        if bytes.len() > MAX_INPUT_BYTES {
            // Grew while being read (a pipe or a device): the size read is only the cap.
            return Err(too_large(path, None));
        }
    }
    Ok(bytes)
}

pub(crate) fn load_set(set: &SetArgs) -> Result<Framework, Error> {
    match &set.framework_file {
        Some(path) => load_framework_file(path),
        None => builtin::framework(&set.framework),
    }
}

pub(crate) fn load_framework_file(path: &str) -> Result<Framework, Error> {
    let bytes = read_input(path)?;
    let text = dti_engine::text::decode_input(path, &bytes)?;
    Framework::from_json(path, text)
}
