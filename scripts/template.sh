#!/usr/bin/env bash
# Trunk pre_build hook: puts the Excel template a department starts from beside the app —
# the `dti framework export` of the newest built-in set, made from the sets of this very
# build, so it can never lag behind them (nothing generated is committed). Runs before the
# pipelines, so the post_build service-worker hook precaches it. Export is deterministic:
# an identical rebuild gives identical bytes and no new app version.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run as a Trunk hook}"
dti() { "$(dirname "$0")/native-cargo.sh" run --quiet --locked -p dti-engine --bin dti -- "$@"; }
id=$(dti frameworks | tail -n 1 | cut -f1)
dti framework export "$id" --format xlsx -o "$TRUNK_STAGING_DIR/mau-bo-chi-so.xlsx"
echo "template: mau-bo-chi-so.xlsx from $id"
