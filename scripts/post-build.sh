#!/usr/bin/env bash
# Trunk post_build hook. Trunk starts the hooks of one stage all at once, so this one
# script keeps the order: first the indicator sets as files beside the app, then the
# annex CSV module, then the service worker's manifest (which leaves sets/ to the catalogue).
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run as a Trunk hook (TRUNK_STAGING_DIR is not set)}"
cd "$(dirname "$0")/.."

# Sets and published results (NAME.csv beside NAME.json), indexed by the deployer's own
# command, `dti sets index`, with gzip -9 copies for nginx gzip_static. The dev profile:
# indexing takes 0,2 s either way, and the optimised native profile (fat LTO) cost 4 min 40 s
# on a cold target here against seconds for dev, which the engine tests mostly share.
sets="$TRUNK_STAGING_DIR/sets"
rm -rf "$sets"
mkdir -p "$sets"
cp data/frameworks/*.json data/published/*.csv "$sets/"
t0=$(date +%s%N)
# --groups: each group also as a file of its own (sets/groups/), what a first visit fetches.
scripts/native-cargo.sh run --quiet --locked -p dti-engine --bin dti -- sets index --gzip --groups "$sets"
echo "post-build: dti sets index took $(( ($(date +%s%N) - t0) / 1000000 )) ms (cargo included)"

# The annex CSV reader/writer as a second wasm module (annex-module/), which the app imports
# only when a CSV set file is chosen or a set is downloaded as CSV: it stays out of the
# first visit (issue 15, ~33 kB gzip). Same profile and wasm-opt level as the app; unhashed
# names (the app asks for annex/dti_annex.js), revalidated like the other unhashed scripts.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
t0=$(date +%s%N)
profile=()
[ "${TRUNK_PROFILE:-debug}" = release ] && profile=(--release)
# The year comparison (compare-module, annex/dti_compare.js) is built the same way beside it,
# imported when "So sánh hai năm" is first opened: a module of its own, since a user of one
# should not download the other (BENCHMARKS.md "Cuts measured").
cargo build --quiet --locked --target wasm32-unknown-unknown -p dti-annex -p dti-compare "${profile[@]}"
annex="$TRUNK_STAGING_DIR/annex"
rm -rf "$annex"
for module in dti_annex dti_compare; do
  wasm-bindgen --target web --no-typescript --out-dir "$annex" \
    "target/wasm32-unknown-unknown/${TRUNK_PROFILE:-debug}/$module.wasm"
  if [ "${TRUNK_PROFILE:-debug}" = release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types "$annex/${module}_bg.wasm" -o "$annex/${module}_bg.wasm"
  fi
done
echo "post-build: annex and comparison modules built in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

# The council's page (hoi-dong.html) with its own wasm bundle, so agencies never download
# it. Trunk 0.21 builds one HTML target per run: a nested build of council/ into a folder of
# its own, copied beside the calculator before sw-manifest lists the files (offline too).
# The outer build's TRUNK_* variables are dropped so the nested one reads its own Trunk.toml.
council_dist="$(mktemp -d)"
trap 'rm -rf "$council_dist"' EXIT
release=()
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then release=(--release); fi
t0=$(date +%s%N)
(
  cd council
  unset $(compgen -e | grep '^TRUNK_')
  trunk build "${release[@]}" --offline --skip-version-check --dist "$council_dist"
)
mv "$council_dist/index.html" "$TRUNK_STAGING_DIR/hoi-dong.html"
cp -r "$council_dist"/. "$TRUNK_STAGING_DIR/"
echo "post-build: council page (hoi-dong.html) took $(( ($(date +%s%N) - t0) / 1000000 )) ms"

node scripts/sw-manifest.mjs
