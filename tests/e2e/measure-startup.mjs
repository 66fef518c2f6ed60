// Startup and memory of the real app: time from launch to a case list with rows,
// and idle memory (PSS of the app and its WebKit processes). A measurement, not a test.
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
times.sort((a, b) => a - b);
console.log(`start to usable case list over ${RUNS} runs: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[RUNS - 1].toFixed(0)} ms`);
console.log(`idle memory (PSS, app + WebKit processes): ${(memory / 1024).toFixed(0)} MiB`);

