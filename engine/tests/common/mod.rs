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
