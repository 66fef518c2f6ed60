// The first screen's data arrives inside the page's HTML at launch
// (src-tauri/src/first_screen.rs) instead of by command. Record text carried that way
// must stay text, and the data must be used once only: a reload after a change shows
// the change, never what was read at launch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cli, closeApp, freshDbPath, openApp, screenshot, textsOf } from "./lib.mjs";

// Each would close the data block or become markup if it were spliced in as it is.
const FAMILY = `</script><img src="x" onerror="window.__pwned='family'">`;
const GIVEN = "<!--<script>";
const TASK = `</SCRIPT><script>window.__pwned='task'</script><b>bold</b>`;

/** A fresh file holding one case whose patient and overdue task carry the strings above. */
function hostileFile() {
  const demo = freshDbPath();
  cli(demo, ["demo", "--cases", "1", "--seed", "3"]);
  const reference = cli(demo, ["case", "list"]).split("\t")[0];
  const exported = join(dirname(demo), "case.json");
  cli(demo, ["export", "--format", "json", "--out", exported, reference]);
  const doc = JSON.parse(readFileSync(exported, "utf8"));
  doc.patient.family_name = FAMILY;
  doc.patient.given_name = GIVEN;
  doc.case.status = "confirmed";
  const due = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
  doc.tasks = [{ title: TASK, due_on: due, done: false }];
  writeFileSync(exported, JSON.stringify(doc));
  const db = freshDbPath();
  cli(db, ["import", exported]);
  return db;
}

function pageState(browser) {
  return browser.execute(() => ({
    pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
    made: Array.from(document.querySelectorAll("img, b, body script, [onerror]")).map((e) => e.outerHTML.slice(0, 80)),
    block: document.getElementById("first-screen") !== null,
    // Set by ui/src/lib/api.ts when it took the data from the page.
    from: document.documentElement.dataset.firstScreen ?? null,
  }));
}

test("Today at launch shows record text from the page's HTML as text, and a reload after a change shows the change", async () => {
  const db = hostileFile();
  const browser = await openApp(db, { view: "today" });
  try {
    await browser.$("[data-testid=overdue] li").waitForExist({ timeout: 10000 });
    const rows = await textsOf(browser, "[data-testid=overdue] li");
    assert.equal(rows.length, 1, `one overdue task: ${JSON.stringify(rows)}`);
    assert.ok(rows[0].includes(TASK), `the task's title as stored: ${rows[0]}`);
    assert.ok(rows[0].includes(FAMILY) && rows[0].includes(GIVEN), `the patient's name as stored: ${rows[0]}`);
    const state = await pageState(browser);
    assert.equal(state.pwned, null, "a payload ran");
    assert.deepEqual(state.made, [], "elements were made from record text");
    assert.equal(state.block, false, "the data block is left in the page");
    assert.equal(state.from, "page", "the first screen was not taken from the page");

    // Completing the task changes Today; the page is then reloaded.
    await browser.$("[data-testid=overdue] button[data-reference]").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    await browser.$("[data-testid=task-done]").click();
    await browser.waitUntil(async () => (await textsOf(browser, "[data-testid=tasks] li.done")).length === 1);
    await browser.refresh();
    await browser.$("[data-testid=overdue]").waitForExist({ timeout: 20000 });
    await browser.waitUntil(async () => (await textsOf(browser, "[data-testid=overdue] li")).every((t) => !t.includes(TASK)), {
      timeout: 10000,
      timeoutMsg: "the reloaded page still lists the completed task",
    });
    const reloaded = await pageState(browser);
    assert.equal(reloaded.from, null, "the reloaded page was given the data read at launch");
    assert.equal(reloaded.block, false);
    assert.equal(reloaded.pwned, null, "a payload ran after the reload");
  } catch (e) {
    screenshot("first-screen-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});

test("a daily backup that fails after the first screen is drawn is reported in Settings", async () => {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", "5", "--seed", "2"]);
  // A file where the backup folder should be: the backup cannot be made.
  writeFileSync(`${db}.backups`, "not a folder");
  const browser = await openApp(db, { view: "today" });
  try {
    await browser.$("[data-testid=overdue]").waitForExist({ timeout: 10000 });
    await browser.$("[data-testid=nav-settings]").click();
    await browser.$("[data-testid=backup-failed]").waitForExist({
      timeout: 15000,
      timeoutMsg: "Settings never said the daily backup failed",
    });
    const text = await textsOf(browser, "[data-testid=backup-failed]");
    assert.equal(text.length, 1);
    assert.ok(text[0].length > 0);
  } catch (e) {
    screenshot("first-screen-backup-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});
