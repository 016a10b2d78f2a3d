#!/usr/bin/env bash
# Download-size benchmark (prints numbers, never fails on them). Builds the app
# (→ target/bench/app-dist/, so a concurrent `make test` using dist/ is left alone) and the
# minimal Leptos baseline (bench/baseline → target/bench/baseline-dist/) in this run,
# both with the workspace release profile and wasm-opt -Oz, then lists what a first visit
# downloads: raw, gzip -9 and brotli quality 11 bytes, totals, and
# app/baseline ratios. Optional: the 10 largest items of the app's wasm (when `twiggy` is
# on PATH). Reruns are incremental (cargo cache; twiggy input cached by hash).
#   bash scripts/bench-size.sh            # build both, then measure
#   bash scripts/bench-size.sh --no-build # measure the existing builds in target/bench/
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
OUT=$ROOT/target/bench
APP_DIST=$OUT/app-dist
BASE_DIST=$OUT/baseline-dist
FLOOR_DIR=$OUT/floor
mkdir -p "$OUT"

BUILD=1 WRITE=1
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    --no-write) WRITE=0 ;;
    *) echo "bench-size: unknown argument $arg" >&2; exit 2 ;;
  esac
done

build() { # name, dir, log, trunk args...
  local name=$1 dir=$2 log=$3
  shift 3
  printf 'building %s (scripts/build-release.sh)... ' "$name" >&2
  local t0=$SECONDS
  if ! (cd "$dir" && "$ROOT/scripts/build-release.sh" "$@") >"$log" 2>&1; then
    echo "FAILED, see $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  echo "$((SECONDS - t0)) s" >&2
}
if [ "$BUILD" = 1 ]; then
  build app "$ROOT" "$OUT/build-app.log" --dist "$APP_DIST"
  # Trunk copies every snippet folder wasm-bindgen left in the shared target/ (the app's
  # included) into the baseline's page; the baseline has none of its own.
  rm -rf "$ROOT/target/wasm-bindgen/release/snippets"
  build baseline "$ROOT/bench/baseline" "$OUT/build-baseline.log" --dist "$BASE_DIST"
  # The engine's first-visit path with no view layer (bench/engine-floor): same profile and
  # std (scripts/release-env.sh), wasm-bindgen and wasm-opt -Oz as Trunk runs them.
  printf 'building engine floor (cargo build --release, wasm-bindgen, wasm-opt -Oz)... ' >&2
  t0=$SECONDS
  if ! { (. "$ROOT/scripts/release-env.sh" && cargo build --release --locked --offline --target wasm32-unknown-unknown -p dti-engine-floor) &&
    wasm-bindgen --target web --out-dir "$FLOOR_DIR" --out-name floor "$ROOT/target/wasm32-unknown-unknown/release/dti_engine_floor.wasm" &&
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types "$FLOOR_DIR/floor_bg.wasm" -o "$FLOOR_DIR/floor_bg.wasm"; } >"$OUT/build-floor.log" 2>&1; then
    echo "FAILED, see $OUT/build-floor.log:" >&2
    tail -n 30 "$OUT/build-floor.log" >&2
    exit 1
  fi
  echo "$((SECONDS - t0)) s" >&2
fi
for d in "$APP_DIST" "$BASE_DIST"; do
  [ -f "$d/index.html" ] || { echo "bench-size: $d/index.html missing (run without --no-build)" >&2; exit 1; }
done

HAVE_BROTLI=0
# brotli from node's zlib (always here) — the same quality 11 as the build's .br files.
command -v node >/dev/null && HAVE_BROTLI=1

gz() { gzip -9 -c -n "$1" | wc -c; }
br() { node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"; }

# Files the page itself downloads on a first visit (as observed in Chromium): index.html
# and what it references with <script src>, <link rel=stylesheet|modulepreload|preload|icon>,
# plus the modules those scripts import statically. Not counted there: rel=manifest /
# apple-touch-icon and dynamic import()s (fetched on demand only). One rule for this
# benchmark and the budget check: scripts/size-budget.mjs.
page_files() { # dir
  SB_MODULE=$ROOT/scripts/size-budget.mjs SB_DIR=$1 node --input-type=module \
    -e 'const m = await import(process.env.SB_MODULE); console.log(m.pageFiles(process.env.SB_DIR).join("\n"))'
}
# What follows the load event (sw.js first): the service worker script, then the files its
# install precaches (its PRECACHE list) and the sets it keeps (everything under sets/),
# less those the page already fetched. annex/ (loaded on demand) is in neither.
after_load_files() { # dir
  local dir=$1
  [ -f "$dir/sw.js" ] || return 0
  echo sw.js
  { node -e 'const m = /const PRECACHE = (\[.*?\]);/.exec(require("fs").readFileSync(process.argv[1], "utf8")); if (m) console.log(JSON.parse(m[1]).join("\n"))' "$dir/sw.js"
    (cd "$dir" && find sets -type f ! -name '*.gz' ! -name '*.br' 2>/dev/null | sort); } \
    | grep -vxF -f <(page_files "$dir") || true
}

sizes() { # file → "raw gzip brotli"
  local f=$1 b=0
  [ "$HAVE_BROTLI" = 1 ] && b=$(br "$f")
  echo "$(stat -c %s "$f") $(gz "$f") $b"
}

# Prints one table; sets T_RAW T_GZ T_BR (page total) W_RAW W_GZ W_BR (wasm) for the caller.
table() { # title, dir
  local title=$1 dir=$2 f raw g b n=0 x_raw=0 x_gz=0 x_br=0
  T_RAW=0 T_GZ=0 T_BR=0 W_RAW=0 W_GZ=0 W_BR=0
  echo
  echo "$title ($dir)"
  row file raw gzip-9 brotli-11
  while read -r f; do
    read -r raw g b < <(sizes "$dir/$f")
    T_RAW=$((T_RAW + raw)) T_GZ=$((T_GZ + g)) T_BR=$((T_BR + b))
    case $f in *.wasm) W_RAW=$((W_RAW + raw)) W_GZ=$((W_GZ + g)) W_BR=$((W_BR + b)) ;; esac
    row "$f" "$raw" "$g" "$b"
  done < <(page_files "$dir")
  row "TOTAL first visit (page)" "$T_RAW" "$T_GZ" "$T_BR"
  while read -r f; do
    [ -n "$f" ] || continue
    [ $n = 0 ] && echo "  after load, not in the total: service worker + precache of files the page did not fetch"
    n=$((n + 1))
    read -r raw g b < <(sizes "$dir/$f")
    x_raw=$((x_raw + raw)) x_gz=$((x_gz + g)) x_br=$((x_br + b))
    row "  $f" "$raw" "$g" "$b"
  done < <(after_load_files "$dir")
  [ $n = 0 ] || row "  total after load" "$x_raw" "$x_gz" "$x_br"
}
row() {
  if [ "$HAVE_BROTLI" = 1 ]; then
    printf '  %-44s %10s %10s %10s\n' "$1" "$2" "$3" "$4"
  else
    printf '  %-44s %10s %10s\n' "$1" "$2" "$3"
  fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

report() {
echo "== bench-size: bytes a first visit downloads (release, opt-level z, LTO, wasm-opt -Oz)"
[ "$HAVE_BROTLI" = 1 ] || echo "   (node not on PATH: brotli column skipped)"
table "app" "$APP_DIST"
A_RAW=$T_RAW A_GZ=$T_GZ A_BR=$T_BR AW_RAW=$W_RAW AW_GZ=$W_GZ AW_BR=$W_BR
table "baseline: minimal Leptos counter" "$BASE_DIST"

echo
echo "ratios app/baseline"
printf '  %-44s %10s %10s' "wasm" "$(ratio "$AW_RAW" "$W_RAW")" "$(ratio "$AW_GZ" "$W_GZ")"
[ "$HAVE_BROTLI" = 1 ] && printf ' %10s' "$(ratio "$AW_BR" "$W_BR")"
echo
printf '  %-44s %10s %10s' "total first visit" "$(ratio "$A_RAW" "$T_RAW")" "$(ratio "$A_GZ" "$T_GZ")"
[ "$HAVE_BROTLI" = 1 ] && printf ' %10s' "$(ratio "$A_BR" "$T_BR")"
echo
printf '  %-44s %10s %10s\n' "app minus baseline, total bytes" "$((A_RAW - T_RAW))" "$((A_GZ - T_GZ))"

# The sets are files beside the app (dist/sets/), no longer inside the wasm: a first visit
# fetches the catalogue, the set it opens and that set's published results.
if [ -d "$APP_DIST/sets" ]; then
  echo
  echo "indicator sets served as files (dist/sets/, not in the wasm)"
  for f in "$APP_DIST"/sets/*.json "$APP_DIST"/sets/*.csv; do
    [ -f "$f" ] || continue
    read -r raw g b < <(sizes "$f")
    row "  sets/$(basename "$f")" "$raw" "$g" "$b"
  done
fi

# The floor: what the engine alone costs for a first visit (catalogue, group file, stored
# draft, scoring, published results, every figure formatted), no view layer at all. It is
# run once on this build's files so the bytes measured are of code that works.
if [ -f "$FLOOR_DIR/floor_bg.wasm" ]; then
  echo
  echo "engine floor: the first visit's engine path with no view layer (bench/engine-floor)"
  read -r raw g b < <(sizes "$FLOOR_DIR/floor_bg.wasm")
  row "floor_bg.wasm" "$raw" "$g" "$b"
  read -r raw2 g2 b2 < <(sizes "$FLOOR_DIR/floor.js")
  row "floor.js (glue)" "$raw2" "$g2" "$b2"
  printf '  %-44s %10s %10s\n' "app wasm / floor wasm" "$(ratio "$AW_RAW" "$raw")" "$(ratio "$AW_GZ" "$g")"
  if out=$(node "$ROOT/bench/engine-floor/run.mjs" "$APP_DIST" "$FLOOR_DIR" 2>/dev/null | head -n 1); then
    echo "  it scores the test sheet as: $out"
  else
    echo "  (the floor did not run on this build's files: its size is not meaningful)"
  fi
fi

# The first visit against the budget (the same check scripts/test.sh runs; here it only prints).
echo
node "$ROOT/scripts/size-budget.mjs" "$APP_DIST" || true

# Where the wasm's bytes go: the release wasm with its function names kept
# (scripts/named-wasm.sh), so the sizes match what ships, then file every function under
# a part of the app (scripts/wasm-parts.mjs) and,
# when twiggy is on PATH, list the largest items.
RAW_WASM=$ROOT/target/wasm32-unknown-unknown/release/dti-app.wasm
echo
if [ ! -f "$RAW_WASM" ]; then
  echo "$RAW_WASM missing: per-part and largest-items tables skipped"
  return 0
fi
key=$(sha256sum "$RAW_WASM" | cut -c1-16)
TW=$OUT/named/$key
if [ ! -f "$TW/named.wasm" ]; then
  echo "(preparing a named -Oz wasm once for this build, ~30 s)" >&2
  rm -rf "$OUT/named" && mkdir -p "$TW"
  if ! "$ROOT/scripts/named-wasm.sh" "$TW" >"$OUT/named.log" 2>&1; then
    echo "could not prepare the named wasm (see $OUT/named.log): per-part and largest-items tables skipped"
    return 0
  fi
fi
echo "app wasm, -Oz with names kept (the name section itself is not shipped)"
node "$ROOT/scripts/wasm-parts.mjs" "$TW/named.wasm"
echo
if ! command -v twiggy >/dev/null; then
  echo "twiggy not on PATH: largest-items table skipped"
  return 0
fi
echo "app wasm, 10 largest items (twiggy top)"
twiggy top -n 30 -f csv "$TW/named.wasm" \
  | awk -F, 'NR > 1 && $0 !~ /subsection/ && n < 10 {
      n++; bytes = $(NF - 3); name = $1; for (i = 2; i <= NF - 4; i++) name = name "," $i
      sub(/^"/, "", name); sub(/"$/, "", name); gsub(/""/, "\"", name)
      if (length(name) > 100) name = substr(name, 1, 97) "..."
      printf "  %10d  %s\n", bytes, name }'
}

machine() {
  local cpu
  cpu=$(sed -nE 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sm), ${cpu:-unknown CPU} × $(nproc) cores, $(rustc --version | cut -d' ' -f1-2), trunk $(trunk --version 2>/dev/null | cut -d' ' -f2)"
}

REPORT=$OUT/size-report.txt
report | tee "$REPORT"

# BENCHMARKS.md keeps the last run between its markers (other sections are left as they are).
if [ "$WRITE" = 1 ]; then
  DOC=$ROOT/BENCHMARKS.md
  if grep -q '^<!-- bench-size:begin -->$' "$DOC" && grep -q '^<!-- bench-size:end -->$' "$DOC"; then
    {
      echo "Last run: $(machine). Command: \`make bench\` (or \`bash scripts/bench-size.sh\`)."
      echo
      echo '```text'
      cat "$REPORT"
      echo '```'
    } >"$OUT/size-block.md"
    awk -v block="$OUT/size-block.md" '
      /^<!-- bench-size:begin -->$/ { print; while ((getline l < block) > 0) print l; skip = 1; next }
      /^<!-- bench-size:end -->$/ { skip = 0 }
      !skip' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
    echo "bench-size: table written to BENCHMARKS.md (## Size)" >&2
  else
    echo "bench-size: BENCHMARKS.md has no bench-size markers; table not written" >&2
  fi
fi
