// Startup, memory and typing in the real app: time from launch to a case list with
// rows, idle memory (PSS of the app and its WebKit processes), and for each keystroke
// in search the work it causes, whether it fits its frame, and the time to the results.
// A measurement, not a test.
// Run: tests/e2e/run.sh measure-startup.mjs   (CASES=100000 RUNS=5 to change the size)

import { readFileSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { cli, closeApp, freshDbPath, openApp } from "./lib.mjs";
import { pct, typeInPage } from "./typing.mjs";

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
// Typing (typing.mjs): each keystroke a real input event at the start of a frame, its
// work and the interval to the next frame against the idle period, then the frames
// until the results show. The window is first left to settle: WebKitGTK renders at
// about twice the display's rate for about 3 s, starting about 2 s after a scroll area
// appears, in an empty Tauri window too (measure-typing.mjs compares the two).
const browser = await openApp(db);
await new Promise((r) => setTimeout(r, 8000));
const list = "[data-testid=case-list]";
const typing = await browser.executeAsync(typeInPage, "[data-testid=search]", list, "takahashi", list);
await closeApp(browser);
const period = pct(typing.idle, 0.5);
const dropped = [...typing.intervals, ...typing.waiting].filter((x) => x > period * 1.5).length;
console.log(`frame period on the idle page: p50 ${period.toFixed(1)} ms`);
console.log(`typing "takahashi": work per keystroke (script, style, layout) p50 ${pct(typing.work, 0.5).toFixed(1)} ms, max ${pct(typing.work, 1).toFixed(1)} ms`);
console.log(`typing "takahashi": keystroke's frame interval p50 ${pct(typing.intervals, 0.5).toFixed(1)} ms, max ${pct(typing.intervals, 1).toFixed(1)} ms`);
console.log(`typing "takahashi": longest frame while the results arrive and render ${pct(typing.waiting, 1).toFixed(1)} ms`);
console.log(`typing "takahashi": frames longer than 1.5 periods: ${dropped} of ${typing.intervals.length + typing.waiting.length}`);
console.log(`typing "takahashi": last keystroke to results on screen ${typing.results.toFixed(0)} ms (includes the 60 ms debounce)`);

times.sort((a, b) => a - b);
console.log(`start to usable case list over ${RUNS} runs: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[RUNS - 1].toFixed(0)} ms`);
console.log(`idle memory (PSS, app + WebKit processes): ${(memory / 1024).toFixed(0)} MiB`);

