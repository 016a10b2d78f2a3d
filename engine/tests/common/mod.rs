// Shared by the integration tests (each test file includes it as a module).
#![allow(dead_code)]

use dti_engine::Framework;

pub const MINI: &str = include_str!("../fixtures/mini-framework.json");
pub const SEED_CSV: &[u8] = include_bytes!("../../../data/published/laocai-2022.csv");

pub fn mini() -> Framework {
    match Framework::from_json("mini-framework.json", MINI) {
        Ok(f) => f,
        Err(e) => panic!("fixture must load: {e}"),
    }
}

pub fn d(s: &str) -> dti_engine::Decimal {
    s.parse().unwrap_or_else(|e| panic!("bad decimal literal {s}: {e}"))
}

/// The 2022 set as the codes-dependent tests were written against it (a frozen copy in
/// tests/fixtures/sets/, shared with the browser tests), so the reference sets in data/ can
/// change without rewriting these tests.
pub fn fixture_2022() -> Framework {
    const JSON: &str = include_str!("../../../tests/fixtures/sets/laocai-2022.json");
    Framework::from_json("tests/fixtures/sets/laocai-2022.json", JSON).unwrap_or_else(|e| panic!("fixture must load: {e}"))
}

/// Runs the `dti` command with `stdin` piped in (a refused oversized input may close the
/// pipe early; that is what some tests check).
pub fn dti(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_dti"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn dti: {e}"));
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin);
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("wait dti: {e}"))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `bytes` to `name` in a folder of this test binary (`tag`) and process.
pub fn temp(tag: &str, name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("dti-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}
