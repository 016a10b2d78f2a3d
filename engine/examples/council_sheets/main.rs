//! Generated sheets for the council (issue 14):
//!
//! ```sh
//! cargo run -p dti-engine --example council_sheets -- seed DIR        # the 49 sheets of the 2022 appendix
//! cargo run -p dti-engine --example council_sheets -- random N DIR    # N sheets of laocai-2022 + DIR/totals.csv
//! cargo run --profile release-native -p dti-engine --example council_sheets -- bench N   # import + rank in process
//! ```
//!
//! `seed` writes one JSON sheet per row of data/published/laocai-2022.csv whose answers
//! give exactly the published total (some appraised: see gen.rs). `random` writes N sheets
//! with distinct names and totals spread over the groups, and the same totals as
//! `group,name,total` for `dti rank` (the baseline). `bench` prints seconds and peak memory
//! of parsing and ranking N sheets in one process against `rank` on the same totals.

mod gen;

use std::time::Instant;

use dti_engine::council::{self, Council};
use dti_engine::{Decimal, Framework};

const SET: &str = include_str!("../../../data/frameworks/laocai-2022.json");
const SEED: &str = include_str!("../../../data/published/laocai-2022.csv");

fn set() -> Framework {
    Framework::from_json("data/frameworks/laocai-2022.json", SET).unwrap_or_else(|e| panic!("{e}"))
}

/// N sheets with distinct names, totals in 0..max with two decimals, groups in turn.
fn random(fw: &Framework, n: usize) -> Vec<(String, String, String, Decimal)> {
    let mut rng = gen::Lcg(2022);
    (0..n)
        .map(|i| {
            let group = &fw.groups[i % fw.groups.len()];
            let cents = group.max_points * Decimal::ONE_HUNDRED;
            let total = Decimal::from(rng.below(u64::try_from(cents).unwrap_or(1) + 1)) / Decimal::ONE_HUNDRED;
            (format!("{:05}.json", i + 1), group.id.clone(), format!("Cơ quan số {}", i + 1), total)
        })
        .collect()
}

fn sheets(fw: &Framework, n: usize) -> Vec<(String, String, String, Decimal, String)> {
    random(fw, n)
        .into_iter()
        .enumerate()
        .map(|(i, (file, group, name, total))| {
            let appraise = gen::seed_appraisal(i, total, fw.group(&group).map_or(Decimal::ZERO, |g| g.max_points));
            let sheet = gen::sheet_for_total(fw, &group, &name, total, appraise, i as u64 + 7)
                .or_else(|| gen::sheet_for_total(fw, &group, &name, total, gen::Appraise::None, i as u64 + 7))
                .unwrap_or_else(|| panic!("no sheet reaches {total} in {group}"));
            (file, group, name, total, sheet.to_json())
        })
        .collect()
}

fn totals_csv(rows: &[(String, String, String, Decimal, String)]) -> String {
    let mut out = String::from("group,name,total\n");
    for (_, g, n, t, _) in rows {
        out.push_str(&format!("{g},\"{n}\",{t}\n"));
    }
    out
}

/// Peak resident memory since the last reset, in MB (Linux; 0 elsewhere).
fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()).unwrap_or(0) / 1024
}

fn reset_peak() {
    // "5" resets the peak resident set size (Linux 4.0+).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fw = set();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["seed", dir] => {
            let rows = dti_engine::rank::parse_rank_csv("laocai-2022.csv", SEED.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
            for (name, sheet) in gen::seed_sheets(&fw, &rows) {
                std::fs::write(format!("{dir}/{name}"), sheet.to_json() + "\n").unwrap_or_else(|e| panic!("{e}"));
            }
            println!("{} sheets in {dir}", rows.len());
        }
        ["random", n, dir] => {
            let n: usize = n.parse().unwrap_or_else(|e| panic!("N: {e}"));
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
            let rows = sheets(&fw, n);
            for (file, _, _, _, json) in &rows {
                std::fs::write(format!("{dir}/{file}"), json).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(format!("{dir}/totals.csv"), totals_csv(&rows)).unwrap_or_else(|e| panic!("{e}"));
            println!("{n} sheets and totals.csv in {dir}");
        }
        ["bench", n] => {
            let n: usize = n.parse().unwrap_or_else(|e| panic!("N: {e}"));
            let rows = sheets(&fw, n);
            let csv = totals_csv(&rows);
            let bytes: usize = rows.iter().map(|r| r.4.len()).sum();
            println!("{n} sheets, {:.1} MB of JSON; totals CSV {:.2} MB", bytes as f64 / 1e6, csv.len() as f64 / 1e6);

            reset_peak();
            let base = peak_mb();
            let t = Instant::now();
            let tables = dti_engine::rank::rank_file(&fw, "totals.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            let rank_secs = t.elapsed().as_secs_f64();
            let rank_mb = peak_mb().saturating_sub(base);
            assert_eq!(tables.iter().map(|t| t.rows.len()).sum::<usize>(), n);

            // Reading alone (each file parsed and dropped), for the split below.
            let t = Instant::now();
            let read = rows.iter().filter(|(file, _, _, _, json)| council::parse_file(file, json.as_bytes()).kind().is_some()).count();
            let parse_secs = t.elapsed().as_secs_f64();
            assert_eq!(read, n);

            // As the page imports: file by file.
            reset_peak();
            let base = peak_mb();
            let t = Instant::now();
            let mut c = Council::new(fw.clone());
            for (file, _, _, _, json) in &rows {
                c.add_file(file, json.as_bytes());
            }
            let import_secs = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let tables = c.tables().unwrap_or_else(|e| panic!("{e}"));
            let problems = c.problems();
            let rank2_secs = t.elapsed().as_secs_f64();
            let csv_out = council::write_csv(c.framework(), &tables).unwrap_or_else(|e| panic!("{e}"));
            let council_mb = peak_mb().saturating_sub(base);
            assert_eq!(tables.iter().map(|t| t.rows.len()).sum::<usize>(), n);
            assert!(problems.is_empty(), "{}", problems[0].message(dti_engine::Lang::En));
            println!("rank (baseline, {n} totals):      {rank_secs:.3} s, +{rank_mb} MB peak");
            println!("council import ({n} sheets):      {import_secs:.3} s (of which reading the JSON ~{parse_secs:.3} s)");
            println!("council tables + problems:         {rank2_secs:.3} s");
            println!("council import + rank:             {:.3} s, +{council_mb} MB peak (csv {} KB)", import_secs + rank2_secs, csv_out.len() / 1024);
            println!("ratio council / rank:              {:.0}×", (import_secs + rank2_secs) / rank_secs.max(1e-9));
        }
        _ => {
            eprintln!("usage: council_sheets seed DIR | random N DIR | bench N");
            std::process::exit(2);
        }
    }
}
