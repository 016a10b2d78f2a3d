#!/usr/bin/env bash
# Trunk post_build hook. Trunk starts the hooks of one stage all at once, so this one
# script keeps the order: first the indicator sets as files beside the app, then the
# service worker's manifest (which leaves sets/ to the catalogue).
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
cargo run --quiet --locked -p dti-engine --bin dti -- sets index --gzip "$sets"
echo "post-build: dti sets index took $(( ($(date +%s%N) - t0) / 1000000 )) ms (cargo included)"

node scripts/sw-manifest.mjs
