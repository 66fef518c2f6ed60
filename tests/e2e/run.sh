#!/usr/bin/env bash
# Runs the end-to-end tests: the built app in a real window under Xvfb, driven by
# WebKitWebDriver through tauri-driver. Expects the app and CLI already built.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
export KAKEHASHI_APP=${KAKEHASHI_APP:-$target/debug/kakehashi-app}
export KAKEHASHI_CLI=${KAKEHASHI_CLI:-$target/debug/kakehashi}
export E2E_ARTIFACTS=${E2E_ARTIFACTS:-$here/artifacts}
for bin in "$KAKEHASHI_APP" "$KAKEHASHI_CLI"; do
  [[ -x $bin ]] || { echo "e2e: $bin is not built" >&2; exit 1; }
done

work=$(mktemp -d)
mkdir -p "$E2E_ARTIFACTS"
# The tests' language choice and window size must never touch the user's own.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
# The tests' databases (made with mkdtemp) go with the rest when the run ends: left in
# /tmp, a day of runs filled the disk with 16 GB of them.
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export LANG=C.UTF-8

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free display and free ports: a second driver on a busy port exits 0 and the
# tests would talk to someone else's.
display=
for n in $(seq 90 140); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=:$n; break; fi
done
[[ -n $display ]] || { echo "e2e: no free X display" >&2; exit 1; }
port=
for p in $(seq 4444 4544); do
  if ! port_busy "$p" && ! port_busy $((p + 1000)); then port=$p; break; fi
done
[[ -n $port ]] || { echo "e2e: no free port" >&2; exit 1; }
export WEBDRIVER_PORT=$port

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A taller screen for documentation screenshots: XVFB_SCREEN=1280x1900x24.
Xvfb "$display" -screen 0 "${XVFB_SCREEN:-1280x820x24}" -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=$display
tauri_driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
"$tauri_driver" --port "$port" --native-port $((port + 1000)) >"$E2E_ARTIFACTS/driver.log" 2>&1 &
driver=$!
pids+=($driver)
for _ in $(seq 1 100); do
  port_busy "$port" && break
  kill -0 "$driver" 2>/dev/null || { cat "$E2E_ARTIFACTS/driver.log" >&2; echo "e2e: tauri-driver died" >&2; exit 1; }
  sleep 0.1
done
port_busy "$port" || { echo "e2e: tauri-driver did not listen on $port" >&2; exit 1; }

cd "$here"
status=0
if [[ $# -gt 0 ]]; then
  node "$@" || status=$?
else
  node --test --test-concurrency=1 ./*.test.mjs || status=$?
fi
if [[ $status -ne 0 ]]; then
  echo "--- tauri-driver log ---" >&2
  tail -n 50 "$E2E_ARTIFACTS/driver.log" >&2
fi
exit $status
