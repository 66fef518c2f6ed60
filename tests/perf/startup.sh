#!/usr/bin/env bash
# Launch to first screen with its data: Kakehashi on a demo database beside an empty
# Tauri 2 window, both timed the same way. The launcher notes the time and starts the
# program; the program's page reports two animation frames after its data arrived (the
# startup probe, KAKEHASHI_STARTUP_PROBE), writes the moment and quits. No WebDriver
# session is counted. A measurement, not a test.
# Usage: tests/perf/startup.sh [release|debug]   (build first: cargo build [--release] --bins)
#        RUNS=10 CASES=100000 to change the number of runs or the database's size.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
profile=${1:-release}
target=${CARGO_TARGET_DIR:-$root/target}/$profile
cases=${CASES:-100000}
runs=${RUNS:-10}
work=$(mktemp -d)
display=:$((150 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT

"$target/kakehashi" --db "$work/cases.sqlite" demo --cases "$cases" --seed 1 >/dev/null
sleep 1

once() { # the command; prints milliseconds from launch to the reported first paint
  rm -f "$work/probe" "$work/probe.marks"
  # WebKit helpers of an earlier run must be gone, or the next start would share them.
  for _ in $(seq 1 50); do pgrep -x WebKitWebProces >/dev/null || pgrep -x WebKitNetworkPr >/dev/null || break; sleep 0.1; done
  local t0 t1
  t0=$(date +%s%N)
  DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data KAKEHASHI_STARTUP_PROBE=$work/probe \
    timeout 60 "$@" >/dev/null 2>&1 || true
  [[ -s $work/probe ]] || { echo "startup: $1 never reported its first paint" >&2; exit 1; }
  t1=$(cat "$work/probe")
  # The page's own moments on the way, if it reported any (Kakehashi does).
  if [[ -s $work/probe.marks ]]; then
    while read -r mark ns; do echo "$mark $(((ns - t0) / 1000000))"; done <"$work/probe.marks" >>"$work/marks"
  fi
  echo $(((t1 - t0) / 1000000))
}

measure() { # name, then the command
  local name=$1; shift
  # The first run is not counted: it fills the page cache. The day's automatic backup
  # waits for the first screen, which is when the app quits here, so no run pays for it.
  once "$@" >/dev/null
  rm -f "$work/marks"
  local times=()
  for _ in $(seq 1 "$runs"); do times+=("$(once "$@")"); done
  mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-34s median %5d ms   min %5d ms   max %5d ms   (%d runs)\n' "$name" \
    "${times[$((runs / 2))]}" "${times[0]}" "${times[$((runs - 1))]}" "$runs"
  if [[ -s $work/marks ]]; then
    echo "  where it went: median ms from launch to each step the shell and the page noted"
    # Steps in the order first seen; the median of each over the runs, taken as the
    # total's is (the upper one of an even count).
    awk '!($1 in n) { order[++k] = $1 } { v[$1, ++n[$1]] = $2 }
      END { for (i = 1; i <= k; i++) { m = order[i]; c = n[m]
              for (a = 1; a <= c; a++) for (b = a + 1; b <= c; b++)
                if (v[m, b] < v[m, a]) { t = v[m, a]; v[m, a] = v[m, b]; v[m, b] = t }
              printf "    %-10s %5d\n", m, v[m, int(c / 2) + 1] } }' "$work/marks"
  fi
}

measure "empty Tauri 2 window" "$target/empty-window"
measure "Kakehashi, $cases cases (Today)" "$target/kakehashi-app" --db "$work/cases.sqlite"
