// Typing against its floor: the same keystrokes, measured the same way, in the app's
// search box on a large database and in an empty Tauri 2 window holding one input.
// A measurement, not a test.
// Run: EMPTY_APP=target/release/empty-window tests/e2e/run.sh measure-typing.mjs
//      (CASES=100000 ROUNDS=3 to change the size and the number of windows of each)
//
// WebKitGTK renders at about twice the display's rate for about 3 s, starting about
// 2 s after a scroll area appears; the empty window does the same when given one. So
// each window is left to settle before the keystrokes, or they would be timed against
// that. The app is opened once first, for the file's daily backup, which it begins
// after the first screen on a new file and would otherwise share the two cores.

import { existsSync, readdirSync, statSync } from "node:fs";
import { remote } from "webdriverio";
import { cli, freshDbPath } from "./lib.mjs";
import { pct, typeInPage } from "./typing.mjs";

const PORT = Number(process.env.WEBDRIVER_PORT);
const CASES = Number(process.env.CASES ?? 100000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 8000);
const EMPTY_APP = process.env.EMPTY_APP;
if (!EMPTY_APP) throw new Error("EMPTY_APP: the empty window's binary (cargo build --release --bins)");

function open(application, args) {
  return remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: { "wdio:enforceWebDriverClassic": true, "tauri:options": { application, args } },
  });
}

const db = freshDbPath();
cli(db, ["demo", "--cases", String(CASES), "--seed", "1"]);
{
  const browser = await open(process.env.KAKEHASHI_APP, ["--db", db]);
  const dir = `${db}.backups`;
  const size = () => {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".sqlite")) : [];
    return files.length ? statSync(`${dir}/${files[0]}`).size : -1;
  };
  let last = -2;
  for (let i = 0; i < 240 && !(size() > 0 && size() === last); i++) {
    last = size();
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (size() <= 0) throw new Error(`no daily backup appeared in ${dir}`);
  await browser.deleteSession();
}
const all = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const which of ["empty window", "Kakehashi"]) {
    const app = which === "Kakehashi";
    const browser = app ? await open(process.env.KAKEHASHI_APP, ["--db", db]) : await open(EMPTY_APP, []);
    if (app) {
      await browser.$("[data-testid=nav-cases]").waitForExist({ timeout: 30000 });
      await browser.$("[data-testid=nav-cases]").click();
      await browser.$("[data-testid=case-list] button.row").waitForExist({ timeout: 30000 });
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    if (!app) {
      await browser.execute(() => {
        const input = document.createElement("input");
        input.type = "search";
        input.id = "floor";
        document.body.appendChild(input);
      });
    }
    const t = app
      ? await browser.executeAsync(typeInPage, "[data-testid=search]", "[data-testid=case-list]", "takahashi", null)
      : await browser.executeAsync(typeInPage, "#floor", "body", "takahashi", null);
    all[which] ??= { idle: [], work: [], intervals: [] };
    for (const k of ["idle", "work", "intervals"]) all[which][k].push(...t[k]);
    await browser.deleteSession();
  }
}
console.log(`${CASES} cases; ${ROUNDS} windows of each; "takahashi" typed in each`);
for (const [which, a] of Object.entries(all)) {
  console.log(
    `${which}: idle frame period p50 ${pct(a.idle, 0.5).toFixed(1)} ms; ` +
      `work per keystroke p50 ${pct(a.work, 0.5).toFixed(1)}, max ${pct(a.work, 1).toFixed(1)} ms; ` +
      `keystroke's frame interval p50 ${pct(a.intervals, 0.5).toFixed(1)}, p90 ${pct(a.intervals, 0.9).toFixed(1)}, ` +
      `max ${pct(a.intervals, 1).toFixed(1)} ms (${a.intervals.length} keystrokes)`,
  );
}
