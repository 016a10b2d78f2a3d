#!/usr/bin/env bash
# Every test: engine (native), components (wasm in headless Chromium), the release
# build, then end-to-end flows in Chromium against that build. Run after install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "spelling: one Vietnamese tone-mark convention (the decisions' own)"
node --test tests/lint/

step "engine: unit, property and CLI tests (native)"
cargo test --locked -p dti-engine

step "engine: annex workbooks and CSV re-saved by LibreOffice (headless, Vietnamese locale)"
cargo test --locked -p dti-engine --test libreoffice -- --ignored

step "engine: fuzz targets, 90 s in all (make fuzz runs 1.000.000 inputs per target)"
# Faster to compile than the full release-native (no LTO); same unwinding profile.
FUZZ_SECONDS=90 CARGO_PROFILE_RELEASE_NATIVE_LTO=false CARGO_PROFILE_RELEASE_NATIVE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_NATIVE_OVERFLOW_CHECKS=true \
  cargo run --locked --profile release-native -p dti-engine --example fuzz

step "app: component tests (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown -p dti-app

step "council page: component tests (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown -p dti-council

step "release build (size profile, std rebuilt for size, wasm-opt -Oz, offline)"
scripts/build-release.sh

step "end-to-end: user flows in Chromium (Playwright) against dist/"
node --test --test-concurrency=1 tests/e2e/

step "size: what a first visit downloads before the total shows (gzip -9): fails above the ceiling; prints the gap to the 150 kB budget"
# Last, so a size failure does not hide the flows' results; per-part budgets: BENCHMARKS.md.
node scripts/size-budget.mjs dist
