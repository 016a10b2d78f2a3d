#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present at the
# pinned version, so a second run takes seconds. Safe to run on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

# Rust wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# std's source: the release build compiles std for size (scripts/release-env.sh)
if ! rustup component list --installed | grep -qx 'rust-src'; then
  log "rustup component add rust-src"
  rustup component add rust-src
fi

# Debian packages: Chromium + chromedriver (test tools must never download their own
# browser), nginx (deployment tests), LibreOffice Calc and poppler (CSV and PDF checks).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! [ -x /usr/sbin/nginx ] \
  || ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  log "apt-get install chromium chromium-driver nginx libreoffice-calc-nogui poppler-utils"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # nginx is only for the deployment tests; stop Debian from starting it as a service.
  printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq chromium chromium-driver fonts-dejavu-core nginx libreoffice-calc-nogui poppler-utils >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi

# Trunk, pinned: newer releases need a newer rustc than this machine has
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen CLI must equal the wasm-bindgen in Cargo.lock, or Trunk tries GitHub
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  echo "install: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# npm dev tools: binaryen (wasm-opt), playwright-core, axe-core — pinned in package-lock.json
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.install-stamp; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.install-stamp
fi

cargo fetch --locked >/dev/null 2>&1 || cargo fetch
log "tools ready"
