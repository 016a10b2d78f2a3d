#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080 with live rebuild (tools from scripts/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --offline --skip-version-check "$@"
