#!/usr/bin/env bash
# cargo for a native build (the `dti` command in Trunk's hooks), without the release
# build's std-for-size variables (scripts/build-release.sh): -Zbuild-std needs --target, and
# the native build stays the one the tests use.
exec env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
  -u CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS cargo "$@"
