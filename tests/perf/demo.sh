#!/usr/bin/env bash
# Demo generation timed as docs/performance.md reports it: `kakehashi demo` into a new
# file, wall and user time and peak memory for each run, and the medians. Given two
# programs it runs them in turn, one pair after another: this machine's speed drifts
# from minute to minute, so only runs taken side by side compare. A measurement, not a
# test.
# Usage: tests/perf/demo.sh [PROGRAM [OTHER_PROGRAM]]   (default: target/release/kakehashi;
#        build first: cargo build --release -p kakehashi-cli)
#        CASES=100000 SEED=7 RUNS=5 to change the size, the data or the number of runs;
#        KAKEHASHI_PASSPHRASE=... for an encrypted store.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
programs=("${@:-${CARGO_TARGET_DIR:-$root/target}/release/kakehashi}")
cases=${CASES:-100000}
seed=${SEED:-7}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# GNU time gives peak memory; bash's own `time` does not.
[[ -x /usr/bin/time ]] || { echo "demo: needs /usr/bin/time (apt install time)" >&2; exit 1; }

for _ in $(seq 1 "$runs"); do
  for i in "${!programs[@]}"; do
    rm -f "$work"/cases.sqlite*
    /usr/bin/time -o "$work/time" -f "%e %U %M" \
      "${programs[$i]}" --db "$work/cases.sqlite" demo --cases "$cases" --seed "$seed" >/dev/null
    read -r wall user kib <"$work/time"
    printf '%s\t%6.2f s wall\t%6.2f s user\t%5d MB peak\n' "${programs[$i]}" "$wall" "$user" $((kib / 1024))
    echo "$wall" >>"$work/wall.$i"
  done
done

for i in "${!programs[@]}"; do
  median=$(sort -n "$work/wall.$i" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "median ${programs[$i]}: $median s ($runs runs of $cases cases)"
done
