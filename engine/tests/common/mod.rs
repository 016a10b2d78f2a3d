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
