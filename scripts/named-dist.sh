#!/usr/bin/env bash
# A copy of a release build whose wasm keeps its function names, for CPU profiles that say
# which component or engine function the time went to (scripts/bench-keystroke.mjs
# --profile, then scripts/profile-tree.mjs): scripts/named-wasm.sh's wasm, the same code as
# shipped, put in place of SRC's wasm (its integrity hash in index.html updated).
# Run right after scripts/build-release.sh, so target/ holds the wasm SRC was built from.
#
#   scripts/named-dist.sh SRC_DIST OUT_DIST
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
SRC=${1:?SRC_DIST}; OUT=${2:?OUT_DIST}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
"$ROOT/scripts/named-wasm.sh" "$TMP"
rm -rf "$OUT"; cp -a "$SRC" "$OUT"
WASM=$(ls "$OUT"/dti-app-*_bg.wasm)
rm -f "$WASM.gz" "$WASM.br"
OLD=$(openssl dgst -sha384 -binary "$WASM" | base64 -w0)
cp "$TMP/named.wasm" "$WASM"
NEW=$(openssl dgst -sha384 -binary "$WASM" | base64 -w0)
sed -i "s#sha384-$OLD#sha384-$NEW#g" "$OUT/index.html"
grep -q "sha384-$NEW" "$OUT/index.html" || { echo "named-dist: the wasm's integrity hash was not found in $OUT/index.html" >&2; exit 1; }
echo "named-dist: $OUT"
