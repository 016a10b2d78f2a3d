# Sourced by scripts/build-release.sh (and bench-size.sh for its baselines): the release
# wasm with the standard library rebuilt for size (issue 15; BENCHMARKS.md "Cuts measured").
#
# std is compiled with the release profile (opt-level z, LTO) and its `optimize_for_size`
# feature instead of the prebuilt std, and panic locations (file, line) are left out of the
# wasm; the panic message itself stays, so console_error_panic_hook still prints it: −26 kB
# gzip of wasm on the first visit. These are unstable cargo and rustc flags, enabled on the
# stable toolchain by RUSTC_BOOTSTRAP=1 (std's source comes from `rustup component add
# rust-src`, done by scripts/install.sh): a toolchain that drops them fails the build
# loudly. DTI_PLAIN_STD=1 builds with the prebuilt std (no unstable flags; a larger wasm).
# Only cargo runs for wasm may see these variables: -Zbuild-std needs --target, so native
# runs (the `dti` command in Trunk's hooks) go through scripts/native-cargo.sh.
if [ "${DTI_PLAIN_STD:-}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Joined with .cargo/config.toml's flags for this target (--cfg erase_components).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none"
fi
