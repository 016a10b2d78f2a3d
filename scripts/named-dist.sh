#!/usr/bin/env bash
# A copy of a release build whose wasm keeps its function names, for CPU profiles that say
# which component or engine function the time went to (scripts/bench-keystroke.mjs
# --profile, then scripts/profile-tree.mjs). The same code as shipped: the release wasm
# before wasm-bindgen (target/…/dti-app.wasm, names kept) through wasm-bindgen and
# `wasm-opt -Oz -g`, put in place of SRC's wasm (its integrity hash in index.html updated).
# Run right after scripts/build-release.sh, so target/ holds the wasm SRC was built from.
#
#   scripts/named-dist.sh SRC_DIST OUT_DIST
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
SRC=${1:?SRC_DIST}; OUT=${2:?OUT_DIST}
RAW="$ROOT/target/wasm32-unknown-unknown/release/dti-app.wasm"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$TMP" --out-name dti-app "$RAW"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$TMP/dti-app_bg.wasm" -o "$TMP/named.wasm"
rm -rf "$OUT"; cp -a "$SRC" "$OUT"
WASM=$(ls "$OUT"/dti-app-*_bg.wasm)
rm -f "$WASM.gz" "$WASM.br"
OLD=$(openssl dgst -sha384 -binary "$WASM" | base64 -w0)
cp "$TMP/named.wasm" "$WASM"
NEW=$(openssl dgst -sha384 -binary "$WASM" | base64 -w0)
sed -i "s#sha384-$OLD#sha384-$NEW#g" "$OUT/index.html"
grep -q "sha384-$NEW" "$OUT/index.html" || { echo "named-dist: the wasm's integrity hash was not found in $OUT/index.html" >&2; exit 1; }
echo "named-dist: $OUT"
