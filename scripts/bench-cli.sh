#!/usr/bin/env bash
# `dti` on large inputs (prints numbers, never fails on them): seconds and peak memory of
# `check` and `rank --format json|csv` on generated appendices of 50.000, 100.000 and
# 165.000 rows (the last is ~10 MB, just under the input limit). Issue 12 measured the old `check`
# at 15 s / 128 s for 50.000 / 100.000 rows and `rank --format json` at 2,9 GB for 10 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --locked --profile release-native -p dti-engine --bin dti >&2
DTI=$PWD/target/release-native/dti
DIR=$PWD/target/bench/cli
mkdir -p "$DIR"

gen() { # rows → appendix CSV with one group, distinct names and totals, consistent ranks
  awk -v n="$1" 'BEGIN {
    print "group,rank,name,total,level,group_average";
    for (i = 0; i < n; i++) total += (n - i) * 1000 / (n + 1);
    avg = sprintf("%.2f", total / n);
    for (i = 0; i < n; i++) {
      t = (n - i) * 1000 / (n + 1);
      lvl = (t > 750) ? "Dẫn dắt" : (t > 500 ? "Nâng cao" : (t > 250 ? "Hình thành" : "Khởi động"));
      printf "huyen,%d,\"Cơ quan số %d\",%.4f,%s,%s\n", i + 1, i, t, lvl, avg
    }
  }'
}

measure() { # label, command...
  local label=$1; shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" >/dev/null 2>"$DIR/err.txt" || status=$?
  read -r secs kb < <(tail -n 1 "$DIR/time.txt")
  printf '%-24s %7s s %6s MB  exit %s\n' "$label" "$secs" "$((kb / 1024))" "$status"
}

for n in 50000 100000 165000; do
  f=$DIR/appendix-$n.csv
  gen "$n" >"$f"
  printf '\n%d rows, %s bytes\n' "$n" "$(wc -c <"$f")"
  measure "check" "$DTI" check "$f"
  measure "check --format json" "$DTI" check "$f" --format json
  measure "rank --format json" "$DTI" rank "$f" --format json
  measure "rank --format csv" "$DTI" rank "$f" --format csv
done
