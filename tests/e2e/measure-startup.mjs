// Startup, memory and typing in the real app: time from launch to a case list with
// rows, idle memory (PSS of the app and its WebKit processes), and for each keystroke
// in search the time to the next painted frame and to the results. A measurement, not a test.
// Run: tests/e2e/run.sh measure-startup.mjs   (CASES=100000 RUNS=5 to change the size)

import { readFileSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { cli, closeApp, freshDbPath, openApp } from "./lib.mjs";

const CASES = Number(process.env.CASES ?? 100000);
const RUNS = Number(process.env.RUNS ?? 5);

function pssKiB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The app process and every WebKit process it started, found by name. */
function appPss() {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let comm = "";
    try {
      comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (comm.startsWith("kakehashi-app") || comm.startsWith("WebKitWebProces") || comm.startsWith("WebKitNetworkPr")) {
      total += pssKiB(pid);
    }
  }
  return total;
}

const db = freshDbPath();
const t0 = performance.now();
cli(db, ["demo", "--cases", String(CASES), "--seed", "1"]);
console.log(`demo database: ${CASES} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const times = [];
let memory = 0;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const browser = await openApp(db);
  await browser.$("[data-testid=case-list] button.row").waitForExist({ timeout: 30000 });
  times.push(performance.now() - start);
  await new Promise((r) => setTimeout(r, 3000));
  memory = appPss();
  await closeApp(browser);
}
// Typing: each keystroke goes through the real input event; the page reports when the
// next frame was painted, and when the list showed results for the whole query.
const browser = await openApp(db);
const typing = await browser.executeAsync(async (query, done) => {
  const input = document.querySelector("[data-testid=search]");
  const list = document.querySelector("[data-testid=case-list]");
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const frames = [];
  input.focus();
  let last = performance.now();
  for (let i = 1; i <= query.length; i++) {
    const t0 = performance.now();
    input.value = query.slice(0, i);
    input.dispatchEvent(new InputEvent("input", { bubbles: true, data: query[i - 1] }));
    last = performance.now();
    await frame();
    frames.push(performance.now() - t0);
  }
  const before = list.innerHTML;
  while (list.innerHTML === before && performance.now() - last < 5000) await frame();
  done({ frames, results: performance.now() - last });
}, "takahashi");
await closeApp(browser);
const sortedFrames = [...typing.frames].sort((a, b) => a - b);
const pct = (q) => sortedFrames[Math.min(sortedFrames.length - 1, Math.round((sortedFrames.length - 1) * q))];
console.log(`typing "takahashi": keystroke to next frame p50 ${pct(0.5).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms`);
console.log(`typing "takahashi": last keystroke to results on screen ${typing.results.toFixed(0)} ms (includes the 60 ms debounce)`);

times.sort((a, b) => a - b);
console.log(`start to usable case list over ${RUNS} runs: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[RUNS - 1].toFixed(0)} ms`);
console.log(`idle memory (PSS, app + WebKit processes): ${(memory / 1024).toFixed(0)} MiB`);

