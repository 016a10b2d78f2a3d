#!/usr/bin/env bash
# The app's release wasm with its function names kept, as the same code that ships: the
# wasm before wasm-bindgen (target/…/dti-app.wasm keeps its names) through wasm-bindgen and
# `wasm-opt -Oz -g`, as Trunk runs them but for -g. Writes OUT_DIR/dti-app.js (the glue),
# OUT_DIR/dti-app_bg.wasm (wasm-bindgen's output) and OUT_DIR/named.wasm. Used by
# scripts/bench-size.sh (bytes per part) and scripts/named-dist.sh (CPU profiles).
#
#   scripts/named-wasm.sh OUT_DIR
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
OUT=${1:?OUT_DIR}
RAW="$ROOT/target/wasm32-unknown-unknown/release/dti-app.wasm"
[ -f "$RAW" ] || { echo "named-wasm: $RAW missing (run scripts/build-release.sh first)" >&2; exit 1; }
mkdir -p "$OUT"
# The glue's name matters: the wasm imports its JavaScript from "./dti-app_bg.js".
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name dti-app "$RAW"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types "$OUT/dti-app_bg.wasm" -o "$OUT/named.wasm.tmp"
mv "$OUT/named.wasm.tmp" "$OUT/named.wasm"
