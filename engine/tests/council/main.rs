//! The council (issue 14): the 49 sheets of the 2022 appendix give the appendix back, by
//! the rules; every problem is listed; outputs read back; import order does not matter.
#![cfg(feature = "council")]

#[path = "../common/mod.rs"]
mod common;
#[path = "../../examples/council_sheets/gen.rs"]
mod gen;

mod checker;
mod command;
mod order;
mod outputs;
mod problems;
mod tables;

use std::path::PathBuf;

use common::d;
use dti_engine::council::{self, Council, Table};
use dti_engine::{builtin, Decimal, Framework, Lang};

/// A table without entry ids: group, (rank, name, total, level[, basis, source]) rows, average.
type Plain = Vec<(String, Vec<(usize, String, Decimal, String)>, Decimal)>;
type PlainWithSource = Vec<(String, Vec<(usize, String, Decimal, String, &'static str, council::Source)>, Decimal)>;

fn set(id: &str) -> Framework {
    builtin::framework(id).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/council")
}

/// The committed 49 sheets: (file name, bytes), by name.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixture_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}"))))
        .collect();
    files.sort();
    files
}

fn seed_council() -> Council {
    let mut c = Council::new(set("laocai-2022"));
    for (name, bytes) in seed_files() {
        c.add_file(&name, &bytes);
    }
    c
}

fn tables(c: &Council) -> Vec<Table> {
    c.tables().unwrap_or_else(|e| panic!("{e}"))
}

fn messages(c: &Council, lang: Lang) -> Vec<String> {
    c.problems().iter().map(|p| p.message(lang)).collect()
}

fn sheet_json(fw: &Framework, group: &str, agency: &str, total: &str) -> Vec<u8> {
    gen::sheet_for_total(fw, group, agency, d(total), gen::Appraise::None, 3)
        .unwrap_or_else(|| panic!("no sheet for {total}"))
        .to_json()
        .into_bytes()
}
