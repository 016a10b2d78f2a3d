# The two commands of the README. Each installs whatever is missing first (idempotent).
.PHONY: serve test test-engine

serve:
	bash scripts/install.sh
	bash scripts/serve.sh

test:
	bash scripts/install.sh
	bash scripts/test.sh

# Engine only: native, seconds, no browser tools needed.
test-engine:
	cargo test -p dti-engine

# Benchmarks (numbers only, no pass/fail): download size against a minimal Leptos app
# built in the same run, then start-up time on emulated 3G + slow CPU against a static page,
# then keystroke → updated total on a generated set of 1.000 indicators with 50 drafts
# (CPU 4x slower) against the same build on a 40-indicator set, then the council page
# importing 10.000 generated sheets against 1.000 in the same run. Start-up and keystroke
# figures are written to BENCHMARKS.md (their sections).
.PHONY: bench
bench:
	bash scripts/install.sh
	bash scripts/bench-size.sh
	node scripts/bench-startup.mjs --md BENCHMARKS.md
	node scripts/bench-keystroke.mjs --md BENCHMARKS.md
	node scripts/bench-council-page.mjs

# Fuzzing (issue 12): seeded, structure-aware generators (mutations of data/ and the engine's
# fixtures) for the number parser, set JSON, sheet JSON, totals CSV and appendix CSV, run in
# the unwinding `release-native` profile with integer overflow checks on. 1.000.000 inputs
# per target; prints inputs run, panics and invariant failures and time per target; exit 1
# on any. FUZZ_INPUTS=N or FUZZ_SECONDS=S (a total budget) shorten it; `--seed X` and
# target names after `--` in `cargo run … --example fuzz -- …` pick a run.
.PHONY: fuzz bench-cli
fuzz:
	CARGO_PROFILE_RELEASE_NATIVE_OVERFLOW_CHECKS=true \
	cargo run --locked --profile release-native -p dti-engine --example fuzz

# `dti check` / `rank` on 50.000–165.000-row files (~10 MB): seconds and peak memory.
bench-cli:
	bash scripts/bench-cli.sh

# `dti council` on 10.000 generated sheets against `dti rank` on their totals (issue 14).
.PHONY: bench-council
bench-council:
	bash scripts/bench-council.sh
