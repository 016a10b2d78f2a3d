#!/usr/bin/env bash
# The council on 10.000 generated sheets (issue 14; prints numbers, never fails on them):
# `dti council` on N sheet files against `dti rank` on the same N totals (the baseline,
# built in the same run), then import + rank in one process (what the council page does,
# natively). N defaults to 10000: `bash scripts/bench-council.sh [N]`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
N=${1:-10000}
cargo build --locked --profile release-native -p dti-engine --bin dti --example council_sheets >&2
DTI=$PWD/target/release-native/dti
GEN=$PWD/target/release-native/examples/council_sheets
DIR=$PWD/target/bench/council
rm -rf "$DIR" && mkdir -p "$DIR"
"$GEN" random "$N" "$DIR/sheets" >&2
printf '%d sheets, %s of JSON; totals.csv %s bytes\n' "$N" "$(du -sh --exclude=totals.csv "$DIR/sheets" | cut -f1)" "$(wc -c <"$DIR/sheets/totals.csv")"

measure() { # label, command... → "secs MB"
  local label=$1; shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" >"$DIR/out.txt" 2>"$DIR/err.txt" || status=$?
  read -r secs kb < <(tail -n 1 "$DIR/time.txt")
  printf '%-34s %7s s %6s MB  exit %s\n' "$label" "$secs" "$((kb / 1024))" "$status" >&2
  echo "$secs"
}

cd "$DIR/sheets"
base=$(measure "dti rank totals.csv (baseline)" "$DTI" rank totals.csv --format csv)
council=$(measure "dti council $N sheets" "$DTI" council ./*.json --format csv)
rows=$(($(wc -l <"$DIR/out.txt") - 1))
echo "council rows ranked: $rows of $N"
awk -v a="$council" -v b="$base" 'BEGIN { if (b > 0) printf "ratio council / rank: %.0f×\n", a / b; else print "ratio: rank under the clock resolution" }'
cd - >/dev/null
echo
echo "In one process (parse + score + keep each sheet, then tables and problems):"
"$GEN" bench "$N"
