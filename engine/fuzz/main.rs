//! `make fuzz`: seeded, structure-aware fuzzing of every parser of the engine, in the
//! unwinding `release-native` profile (cargo-fuzz needs a nightly toolchain these
//! machines lack). Each target turns a seeded generator's input into engine calls, counts
//! panics (caught, never fatal) and broken invariants, and prints inputs run, panics and
//! time per target. Failing inputs are written to `target/fuzz-failures/`.
//!
//! ```sh
//! cargo run --locked --profile release-native -p dti-engine --example fuzz -- [--inputs N] [--seconds S] [--seed X] [TARGET…]
//! ```
//! `--inputs` per target (default 1.000.000), `--seconds` a time budget for the whole run
//! (shared between the targets; CI uses it to stay within two minutes), `FUZZ_INPUTS` and
//! `FUZZ_SECONDS` as environment variables do the same.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod gen;
mod targets;

use gen::Rng;

/// One fuzz target: `generate` makes an input from the generator (deterministic for a
/// seed), `execute` feeds it to the engine and returns a broken invariant, if any.
/// The spreadsheet (xlsx) import adds its own entry here when it lands in the engine.
pub struct Target {
    pub name: &'static str,
    pub generate: fn(&mut Rng, &targets::Corpus) -> Vec<u8>,
    pub execute: fn(&[u8], &targets::Corpus) -> Result<(), String>,
}

struct Report {
    name: &'static str,
    inputs: usize,
    panics: usize,
    violations: usize,
    elapsed: Duration,
    first: Vec<String>,
}

fn arg_value(args: &[String], flag: &str) -> Option<String> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned()
}

fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let env = |k: &str| std::env::var(k).ok();
    let inputs: usize = arg_value(&args, "--inputs").or_else(|| env("FUZZ_INPUTS")).and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let seconds: Option<f64> = arg_value(&args, "--seconds").or_else(|| env("FUZZ_SECONDS")).and_then(|v| v.parse().ok());
    let seed: u64 = arg_value(&args, "--seed").and_then(|v| v.parse().ok()).unwrap_or(0x0d71_2022);
    let flags = ["--inputs", "--seconds", "--seed"];
    let wanted: Vec<&str> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !(a.starts_with("--") || *i > 0 && flags.contains(&args[i - 1].as_str())))
        .map(|(_, a)| a.as_str())
        .collect();
    let all = targets::all();
    let chosen: Vec<&Target> = all.iter().filter(|t| wanted.is_empty() || wanted.contains(&t.name)).collect();
    if chosen.is_empty() {
        eprintln!("no such target; targets: {}", all.iter().map(|t| t.name).collect::<Vec<_>>().join(", "));
        std::process::exit(2);
    }
    // Panics are counted, not printed one by one (a million inputs).
    std::panic::set_hook(Box::new(|_| {}));
    let corpus = targets::Corpus::load();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(chosen.len());
    // Targets run `threads` at a time: each gets the budget over the rounds that takes.
    let rounds = chosen.len().div_ceil(threads);
    let budget = seconds.map(|s| Duration::from_secs_f64(s / rounds as f64));
    println!(
        "fuzz: {} target(s), {} inputs each{}, seed {seed:#x}, {threads} thread(s)",
        chosen.len(),
        grouped(inputs),
        budget.map_or(String::new(), |b| format!(", at most {:.1} s each", b.as_secs_f64()))
    );
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let mut reports: Vec<Report> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(target) = chosen.get(i) else { break };
                        done.push(run_target(target, &corpus, inputs, budget, seed ^ (i as u64) << 32));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    reports.sort_by_key(|r| chosen.iter().position(|t| t.name == r.name));
    let mut failed = false;
    for r in &reports {
        let rate = r.inputs as f64 / r.elapsed.as_secs_f64().max(1e-9);
        println!(
            "{:<10} {:>11} inputs  {:>3} panics  {:>3} invariant failures  {:>7.1} s  ({} inputs/s)",
            r.name,
            grouped(r.inputs),
            r.panics,
            r.violations,
            r.elapsed.as_secs_f64(),
            grouped(rate as usize)
        );
        for f in &r.first {
            println!("    {f}");
        }
        failed |= r.panics > 0 || r.violations > 0;
    }
    let total: usize = reports.iter().map(|r| r.inputs).sum();
    println!("total: {} inputs in {:.1} s", grouped(total), started.elapsed().as_secs_f64());
    if failed {
        std::process::exit(1);
    }
}

fn run_target(target: &Target, corpus: &targets::Corpus, inputs: usize, budget: Option<Duration>, seed: u64) -> Report {
    let mut rng = Rng::new(seed);
    let start = Instant::now();
    let mut report = Report { name: target.name, inputs: 0, panics: 0, violations: 0, elapsed: Duration::ZERO, first: Vec::new() };
    for n in 0..inputs {
        if n % 256 == 0 && budget.is_some_and(|b| start.elapsed() >= b) {
            break;
        }
        let input = (target.generate)(&mut rng, corpus);
        let outcome = catch_unwind(AssertUnwindSafe(|| (target.execute)(&input, corpus)));
        report.inputs += 1;
        let failure = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(why)) => {
                report.violations += 1;
                Some(format!("invariant: {why}"))
            }
            Err(payload) => {
                report.panics += 1;
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Some(format!("panic: {msg}"))
            }
        };
        if let Some(why) = failure {
            if report.first.len() < 5 {
                let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/fuzz-failures");
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("{}-{n}.bin", target.name));
                let _ = std::fs::write(&path, &input);
                let shown: String = why.chars().take(300).collect();
                report.first.push(format!("input {n} ({}): {shown}", path.display()));
            }
        }
    }
    report.elapsed = start.elapsed();
    // Progress for long runs; the table at the end repeats it.
    eprintln!("done: {} ({} inputs, {:.1} s)", target.name, grouped(report.inputs), report.elapsed.as_secs_f64());
    report
}
