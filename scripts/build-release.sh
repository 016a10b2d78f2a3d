#!/usr/bin/env bash
# The release build, as shipped: `trunk build --release --offline --skip-version-check` in
# the current folder with std rebuilt for size (scripts/release-env.sh says what and why).
# Extra arguments go to Trunk (e.g. --public-url /chuyen-doi-so/dti/ --dist DIR).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# shellcheck source=release-env.sh
. "$ROOT/scripts/release-env.sh"
exec trunk build --release --offline --skip-version-check "$@"
