// The security review's promises as a coordinator meets them in the window: a log row
// changed outside Kakehashi is marked on the patient's log, and the erase and restore
// confirmations say what still holds the data, in the active language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, closeApp, format, freshDbPath, openApp, screenshot, textOf } from "./lib.mjs";

async function openIn(db, lang, options = {}) {
  const dir = join(process.env.XDG_CONFIG_HOME, "org.kakehashi.app");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "preferences.json"), JSON.stringify({ language: lang, home_zone: "Asia/Tokyo" }));
  return openApp(db, { keepSettings: true, ...options });
}

/** Plain SQLite, as anyone with the file could: no Kakehashi involved. */
function sqlite(db, sql) {
  execFileSync("python3", ["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", db, sql]);
}

for (const lang of ["ja", "fr", "en"]) test(`a changed access-log row is marked on the patient's log; erase and restore say what remains (${lang})`, async () => {
  const db = freshDbPath();
  const input = { patient: { family_name: "改竄", given_name: "検出" }, case: { direction: "jp-to-ca", specialty: "oncology" } };
  const reference = cli(db, ["case", "create", "--json", "-"], JSON.stringify(input));
  // Two views from the command line, each in the log; then the first is rewritten.
  cli(db, ["case", "show", reference]);
  cli(db, ["case", "show", reference]);
  sqlite(db, "UPDATE access_log SET actor = 'someone else' WHERE id = 1");
  assert.throws(() => cli(db, ["check"]), "check fails on the changed log");

  const browser = await openIn(db, lang, { view: "patients" });
  try {
    await browser.$("[data-testid=patients-list] button.row").waitForDisplayed({ timeout: 10000 });
    await browser.$("[data-testid=patients-list] button.row").click();
    await browser.$("[data-testid=patient-privacy]").waitForDisplayed({ timeout: 10000 });
    await browser.$("[data-testid=access-log-altered]").waitForDisplayed({ timeout: 10000 });
    assert.equal(await textOf(browser, "[data-testid=access-log-altered]"), format(lang, "access-log-altered"));
    const altered = await browser.execute(() =>
      [...document.querySelectorAll("[data-testid=access-log] tr[data-action]")].filter((r) => r.dataset.altered === "true").map((r) => r.dataset.action),
    );
    assert.deepEqual(altered, ["view-case"], "only the changed row is marked");
    assert.equal(await textOf(browser, "[data-testid=access-altered]"), format(lang, "access-altered"));

    await browser.$("[data-testid=patient-erase]").click();
    await browser.$("[data-testid=erase-remains]").waitForDisplayed();
    assert.equal(await textOf(browser, "[data-testid=erase-remains]"), format(lang, "patient-erase-remains"));
    await browser.execute(() => document.querySelector("[data-testid=erase-confirm]").scrollIntoView({ block: "end" }));
    screenshot(`erase-confirm-${lang}`);

    await browser.$("[data-testid=nav-settings]").click();
    await browser.$("[data-testid=backup-now]").click();
    await browser.$("[data-testid=backup-done]").waitForDisplayed({ timeout: 20000 });
    // The day's automatic backup may land meanwhile and redraw the list under the click.
    await browser.waitUntil(
      async () => {
        await browser.execute(() => document.querySelector("[data-testid=backup-item] button")?.click());
        return browser.$("[data-testid=restore-remains]").isDisplayed();
      },
      { timeout: 10000 },
    );
    assert.equal(await textOf(browser, "[data-testid=restore-remains]"), format(lang, "recovery-restore-remains"));
    await browser.execute(() => document.querySelector("[data-testid=restore-confirm]").scrollIntoView({ block: "end" }));
    screenshot(`restore-confirm-${lang}`);
  } finally {
    await closeApp(browser);
  }
});
