#!/usr/bin/env bash
# Idle memory of Kakehashi beside an empty Tauri 2 window, measured the same way:
# each started under its own Xvfb, left idle, then the PSS of its process and every
# WebKit process summed from /proc/*/smaps_rollup. A measurement, not a test.
# Usage: tests/perf/memory.sh [release|debug]   (build first: cargo build [--release] --bins)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
profile=${1:-release}
target=${CARGO_TARGET_DIR:-$root/target}/$profile
cases=${CASES:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$target/kakehashi" --db "$work/cases.sqlite" demo --cases "$cases" --seed 1 >/dev/null
# Today's backup made beforehand, as where the app has already run today: otherwise the
# app begins one after its first screen, and the copy and its check would be counted.
"$target/kakehashi" --db "$work/cases.sqlite" backup \
  "$work/cases.sqlite.backups/kakehashi-$(date -u +%Y%m%dT%H%M%S000Z).sqlite" >/dev/null

pss_of() { # sum of PSS (KiB) of processes whose name starts with one of the arguments
  local total=0 pid comm kb
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    comm=$(cat "$dir/comm" 2>/dev/null) || continue
    for name in "$@"; do
      if [[ $comm == "$name"* ]]; then
        kb=$(awk '/^Pss:/ {print $2}' "$dir/smaps_rollup" 2>/dev/null || echo 0)
        total=$((total + ${kb:-0}))
      fi
    done
  done
  echo "$total"
}

measure() { # name, then the command
  local name=$1; shift
  # WebKit helpers of an earlier window must be gone, or they would be counted here.
  for _ in $(seq 1 50); do pgrep -x WebKitWebProces >/dev/null || pgrep -x WebKitNetworkPr >/dev/null || break; sleep 0.2; done
  local display=:$((150 + RANDOM % 50))
  Xvfb "$display" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data "$@" >/dev/null 2>&1 &
  local app=$!
  sleep "${IDLE_SECONDS:-8}"
  local kib
  kib=$(pss_of "${1##*/}" WebKitWebProces WebKitNetworkPr)
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  printf '%-28s %6d MiB PSS\n' "$name" $((kib / 1024))
}

measure "empty Tauri 2 window" "$target/empty-window"
measure "Kakehashi, $cases cases" "$target/kakehashi-app" --db "$work/cases.sqlite"
