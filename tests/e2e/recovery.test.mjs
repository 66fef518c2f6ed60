// Reliability (#7) in the real window: each file that cannot be opened gets its own
// screen in the active language with the ways out that fit (restore a backup, open
// read-only, unlock with the passphrase, try again); backups and encryption from
// Settings; consent, the access log and erasure on the Patients screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CLI, closeApp, cli, format, freshDbPath, openApp, screenshot, textOf, textsOf, type } from "./lib.mjs";

const PASSPHRASE = "kakehashi e2e passphrase";

/** Starts the app with the interface in `lang` (the recovery screen has no language menu). */
async function openIn(db, lang, options = {}) {
  const dir = join(process.env.XDG_CONFIG_HOME, "org.kakehashi.app");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "preferences.json"), JSON.stringify({ language: lang, home_zone: "America/Toronto" }));
  return openApp(db, { keepSettings: true, ...options });
}

async function recoveryKind(browser) {
  await browser.$("[data-testid=startup-error]").waitForDisplayed({ timeout: 20000 });
  return browser.execute(() => document.querySelector("[data-testid=startup-error]").dataset.kind);
}

function demoDb(cases = 20) {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", String(cases), "--seed", "4", "--anchor", "2026-11-01"]);
  return db;
}

/** A backup in the app's backup folder for `db`, made by the real CLI. */
function backupOf(db, stamp = "20261101T090000000Z") {
  const dir = `${db}.backups`;
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `kakehashi-${stamp}.sqlite`);
  cli(db, ["backup", out]);
  return out;
}

/** The app may take a moment to let go of the folder after its session ends. */
async function unmount(dir) {
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync("umount", [dir], { stdio: "ignore" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  execFileSync("umount", ["--lazy", dir]);
}

function damage(db) {
  const bytes = readFileSync(db);
  bytes.fill(0xff, 100, 4096);
  writeFileSync(db, bytes);
}

test("a damaged file gets its screen in each language, and restoring a backup brings the cases back", async () => {
  for (const lang of ["en", "fr", "ja"]) {
    const db = demoDb();
    backupOf(db);
    damage(db);
    const browser = await openIn(db, lang);
    try {
      assert.equal(await recoveryKind(browser), "corrupt");
      assert.equal(await textOf(browser, "[data-testid=recovery-title]"), format(lang, "recovery-title-corrupt"));
      assert.equal(await textOf(browser, "[data-testid=recovery-message]"), format(lang, "error-database-corrupt"));
      await browser.$("[data-testid=backup-item]").waitForDisplayed();
      screenshot(`recovery-corrupt-${lang}`);
      await browser.$("[data-testid=backup-item] button").click();
      await browser.$("[data-testid=restore-yes]").click();
      await browser.$("[data-testid=dashboard], [data-testid=search]").waitForDisplayed({ timeout: 20000 });
    } finally {
      await closeApp(browser);
    }
    assert.match(cli(db, ["check"]), /20/, "the restored file holds the 20 demo cases");
    const aside = readdirSync(dirname(db)).filter((f) => /\.before-restore-[0-9TZ]+$/.test(f));
    assert.equal(aside.length, 1, "the damaged file is kept aside, not deleted");
  }
});

test("a file from a newer Kakehashi is refused untouched, with a way to another file", async () => {
  const db = demoDb(3);
  execFileSync("python3", ["-c", `import sqlite3; c = sqlite3.connect(${JSON.stringify(db)}); c.execute("PRAGMA user_version = 99"); c.commit()`]);
  const before = readFileSync(db);
  const browser = await openIn(db, "fr");
  try {
    assert.equal(await recoveryKind(browser), "newer");
    assert.equal(await textOf(browser, "[data-testid=recovery-title]"), format("fr", "recovery-title-newer"));
    assert.ok(await browser.$("[data-testid=recovery-open-another]").isDisplayed());
    screenshot("recovery-newer-fr");
  } finally {
    await closeApp(browser);
  }
  assert.ok(readFileSync(db).equals(before), "the newer file was not changed");
});

test("a file in use elsewhere opens read-only on request, and for writing once it is free", async () => {
  const db = demoDb(5);
  // Another Kakehashi holds the file: its OS lock is taken the same way.
  const holder = spawn("flock", ["--nonblock", `${db}.lock`, "sleep", "120"], { stdio: "ignore", detached: true });
  await new Promise((r) => setTimeout(r, 300));
  const browser = await openIn(db, "ja");
  try {
    assert.equal(await recoveryKind(browser), "in-use");
    assert.equal(await textOf(browser, "[data-testid=recovery-title]"), format("ja", "recovery-title-in-use"));
    screenshot("recovery-in-use-ja");
    await browser.$("[data-testid=recovery-read-only]").click();
    await browser.$("[data-testid=read-only-banner]").waitForDisplayed({ timeout: 10000 });
    assert.equal(await textOf(browser, "[data-testid=read-only-banner]"), format("ja", "read-only-banner"));
    await browser.$("[data-testid=nav-cases]").click();
    await browser.$("[data-testid=case-list] button.row").waitForDisplayed({ timeout: 10000 });
    screenshot("read-only-view-ja");
  } finally {
    await closeApp(browser);
    // The whole group: the sleeping child holds the lock too.
    process.kill(-holder.pid, "SIGKILL");
  }
  await new Promise((r) => setTimeout(r, 300));
  const again = await openIn(db, "en", { view: "today" });
  try {
    await again.$("[data-testid=dashboard]").waitForDisplayed({ timeout: 20000 });
  } finally {
    await closeApp(again);
  }
});

test("a read-only folder offers a read-only view; a change there is refused by name", async (t) => {
  const db = demoDb(5);
  const dir = dirname(db);
  // Root ignores permission bits: the folder is made read-only with a bind mount.
  try {
    execFileSync("mount", ["--bind", dir, dir], { stdio: "ignore" });
  } catch {
    t.skip("this machine does not allow mounting a read-only folder");
    return;
  }
  execFileSync("mount", ["-o", "remount,bind,ro", dir]);
  let browser;
  try {
    browser = await openIn(db, "en");
    assert.equal(await recoveryKind(browser), "read-only");
    assert.equal(await textOf(browser, "[data-testid=recovery-message]"), format("en", "error-read-only"));
    screenshot("recovery-read-only-en");
    await browser.$("[data-testid=recovery-read-only]").click();
    await browser.$("[data-testid=read-only-banner]").waitForDisplayed({ timeout: 10000 });
    await browser.$("[data-testid=nav-cases]").click();
    await browser.$("[data-testid=case-list] button.row").waitForDisplayed({ timeout: 10000 });
    await browser.$("[data-testid=case-list] button.row").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    const notes = await textsOf(browser, ".notes .text");
    await type(browser, "[data-testid=note-text]", "cannot be saved here");
    await browser.$("[data-testid=note-add]").click();
    await browser.waitUntil(async () => (await textsOf(browser, "[role=alert]")).some((t) => t.includes(format("en", "error-read-only"))), {
      timeout: 10000,
      timeoutMsg: "the refused note was not explained",
    });
    assert.deepEqual(await textsOf(browser, ".notes .text"), notes, "nothing changed on screen");
  } finally {
    if (browser) await closeApp(browser);
    await unmount(dir);
  }
});

test("an encrypted file asks for its passphrase; a wrong one is refused, the right one opens it", async () => {
  const db = demoDb(5);
  execFileSync(CLI, ["--db", db, "encrypt"], { input: `${PASSPHRASE}\n` });
  for (const lang of ["en", "fr", "ja"]) {
    const browser = await openIn(db, lang);
    try {
      assert.equal(await recoveryKind(browser), "locked");
      assert.equal(await textOf(browser, "[data-testid=recovery-title]"), format(lang, "recovery-title-locked"));
      await type(browser, "[data-testid=unlock-passphrase]", "not the passphrase");
      await browser.$("[data-testid=unlock]").click();
      await browser.$("[data-testid=recovery-failure]").waitForDisplayed({ timeout: 20000 });
      assert.equal(await textOf(browser, "[data-testid=recovery-failure]"), format(lang, "error-wrong-passphrase"));
      screenshot(`recovery-locked-${lang}`);
      if (lang === "ja") {
        await type(browser, "[data-testid=unlock-passphrase]", PASSPHRASE);
        await browser.$("[data-testid=unlock]").click();
        await browser.$("[data-testid=dashboard]").waitForDisplayed({ timeout: 20000 });
      }
    } finally {
      await closeApp(browser);
    }
  }
});

test("Settings backs up now, and encrypts the open file and takes the encryption off again", async () => {
  const db = demoDb(5);
  let browser = await openIn(db, "en", { view: "settings" });
  try {
    // Opening the file for writing made the day's automatic backup.
    const backups = () => (existsSync(`${db}.backups`) ? readdirSync(`${db}.backups`).filter((f) => f.endsWith(".sqlite")) : []);
    await browser.waitUntil(async () => backups().length === 1, { timeout: 20000, timeoutMsg: "no automatic backup was made" });
    await browser.$("[data-testid=backup-now]").waitForDisplayed();
    await browser.$("[data-testid=backup-now]").click();
    await browser.$("[data-testid=backup-done]").waitForDisplayed({ timeout: 20000 });
    assert.equal(backups().length, 2, "and one more on request");
    assert.equal((await textsOf(browser, "[data-testid=backup-item]")).length, 2);
    // A short passphrase is refused by name; two different ones are caught.
    await type(browser, "[data-testid=new-passphrase]", "short");
    await type(browser, "[data-testid=repeat-passphrase]", "short");
    await browser.$("[data-testid=encrypt]").click();
    await browser.$("[data-testid=field-error]").waitForDisplayed();
    assert.equal(await textOf(browser, "[data-testid=field-error]"), format("en", "error-too-short", { field: format("en", "field-passphrase"), min: 10 }));
    await type(browser, "[data-testid=new-passphrase]", PASSPHRASE);
    await type(browser, "[data-testid=repeat-passphrase]", PASSPHRASE);
    await browser.$("[data-testid=encrypt]").click();
    await browser.$("[data-testid=encryption-done]").waitForDisplayed({ timeout: 20000 });
    assert.equal(await textOf(browser, "[data-testid=encryption-state]"), format("en", "settings-encrypted"));
    screenshot("settings-safety-en");
  } finally {
    await closeApp(browser);
  }
  assert.ok(!readFileSync(db).subarray(0, 16).toString("latin1").startsWith("SQLite format 3"), "the file is encrypted");
  assert.throws(() => cli(db, ["check"]), "unreadable without the passphrase");
  const checked = execFileSync(CLI, ["--db", db, "check"], { env: { ...process.env, KAKEHASHI_PASSPHRASE: PASSPHRASE }, encoding: "utf8" });
  assert.match(checked, /5/);

  browser = await openIn(db, "en");
  try {
    assert.equal(await recoveryKind(browser), "locked");
    await type(browser, "[data-testid=unlock-passphrase]", PASSPHRASE);
    await browser.$("[data-testid=unlock]").click();
    await browser.$("[data-testid=nav-settings]").waitForDisplayed({ timeout: 20000 });
    await browser.$("[data-testid=nav-settings]").click();
    // Removing the encryption takes the current passphrase, and a confirmation.
    await type(browser, "[data-testid=current-passphrase]", "not the passphrase");
    await browser.$("[data-testid=decrypt]").click();
    await browser.$("[data-testid=decrypt-yes]").click();
    await browser.$("[data-testid=current-passphrase-error]").waitForDisplayed({ timeout: 20000 });
    assert.equal(
      await textOf(browser, "[data-testid=current-passphrase-error]"),
      format("en", "error-not-the-passphrase", { field: format("en", "field-current-passphrase") }),
    );
    await type(browser, "[data-testid=current-passphrase]", PASSPHRASE);
    await browser.$("[data-testid=decrypt]").click();
    await browser.$("[data-testid=decrypt-confirm]").waitForDisplayed();
    await browser.$("[data-testid=decrypt-yes]").click();
    await browser.$("[data-testid=encryption-done]").waitForDisplayed({ timeout: 20000 });
    assert.equal(await textOf(browser, "[data-testid=encryption-state]"), format("en", "settings-not-encrypted"));
  } finally {
    await closeApp(browser);
  }
  assert.match(cli(db, ["check"]), /5/, "plain again: readable without a passphrase");
});

test("consent, the access log, export-all and erasure on the Patients screen", async () => {
  const db = freshDbPath();
  const input = { patient: { family_name: "Qwertyson", given_name: "Ulla" }, case: { direction: "ca-to-jp", specialty: "oncology" } };
  const reference = cli(db, ["case", "create", "--json", "-"], JSON.stringify(input));
  cli(db, ["case", "create", "--json", "-"], JSON.stringify({ patient: { family_name: "Keeper", given_name: "Kim" }, case: { direction: "ca-to-jp", specialty: "oncology" } }));
  const browser = await openIn(db, "fr", { view: "patients" });
  try {
    await browser.$("[data-testid=patients-list] button.row").waitForDisplayed({ timeout: 10000 });
    await browser.execute(() => {
      const row = [...document.querySelectorAll("[data-testid=patients-list] button.row")].find((r) => r.textContent.includes("Qwertyson"));
      row.click();
    });
    await browser.$("[data-testid=patient-privacy]").waitForDisplayed({ timeout: 10000 });
    // A consent without scope is refused by name, in French.
    await type(browser, "[data-testid=consent-given-on]", "2026-10-01");
    await browser.$("[data-testid=consent-add]").click();
    await browser.$("[data-testid=consent-form] [data-testid=field-error]").waitForDisplayed();
    assert.equal(
      await textOf(browser, "[data-testid=consent-form] [data-testid=field-error]"),
      format("fr", "error-required", { field: format("fr", "field-consent-scope") }),
    );
    await browser.$("[data-testid=scope-care-coordination]").click();
    await browser.$("[data-testid=scope-cross-border-transfer]").click();
    await browser.$("[data-testid=consent-add]").click();
    await browser.$("[data-testid=consent]").waitForDisplayed({ timeout: 10000 });
    const consent = await textOf(browser, "[data-testid=consent]");
    assert.ok(consent.includes(format("fr", "consent-scope-cross-border-transfer")), consent);
    await browser.$("[data-testid=withdraw]").click();
    await type(browser, "[data-testid=withdrawn-on]", "2026-10-20");
    await browser.$("[data-testid=withdraw-save]").click();
    await browser.$("[data-testid=consent-withdrawn]").waitForDisplayed({ timeout: 10000 });
    const actions = await browser.execute(() => [...document.querySelectorAll("[data-testid=access-log] tr[data-action]")].map((r) => r.dataset.action));
    for (const a of ["view-patient", "create-case", "consent-given", "consent-withdrawn"]) assert.ok(actions.includes(a), `${a} in ${actions}`);
    screenshot("patient-privacy-fr");

    await browser.$("[data-testid=patient-erase]").click();
    await browser.$("[data-testid=erase-yes]").click();
    await browser.$("[data-testid=erased-notice]").waitForDisplayed({ timeout: 10000 });
    assert.ok((await textOf(browser, "[data-testid=erased-notice]")).includes(reference));
    const names = await textsOf(browser, "[data-testid=patients-list] button.row");
    assert.ok(!names.some((n) => n.includes("Qwertyson")), "gone from the list");
    assert.ok(names.some((n) => n.includes("Keeper")), "the other patient stays");
  } finally {
    await closeApp(browser);
  }
  assert.throws(() => cli(db, ["case", "show", reference]), "the case is gone");
  assert.ok(!readFileSync(db).includes("Qwertyson"), "no trace of the name in the file");
  assert.ok(!existsSync(`${db}-wal`) || !readFileSync(`${db}-wal`).includes("Qwertyson"), "nor in the WAL");
});

test("a full disk: the change is refused in words and everything saved stays; freeing space lets work go on", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "kakehashi-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", dir], { stdio: "ignore" });
  } catch {
    t.skip("this machine does not allow mounting a small disk");
    return;
  }
  const db = join(dir, "cases.sqlite");
  let browser;
  try {
    cli(db, ["demo", "--cases", "5", "--seed", "4", "--anchor", "2026-11-01"]);
    browser = await openIn(db, "fr", { view: "cases" });
    await browser.$("[data-testid=case-list] button.row").waitForDisplayed({ timeout: 10000 });
    await browser.$("[data-testid=case-list] button.row").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    const notes = await textsOf(browser, ".notes .text");
    // Fill the disk to the last byte.
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "filler")}`, "bs=64k"], { stdio: "ignore" });
    } catch {
      // dd stops with "no space left", which is the point.
    }
    const long = "x".repeat(19000);
    let refused = false;
    for (let i = 0; i < 20 && !refused; i++) {
      await browser.execute((v) => {
        const el = document.querySelector("[data-testid=note-text]");
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(el, v);
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, `${long} ${i}`);
      await browser.$("[data-testid=note-add]").click();
      await new Promise((r) => setTimeout(r, 500));
      refused = (await textsOf(browser, "[data-testid=note-error]")).length > 0;
    }
    assert.ok(refused, "the disk filled up and a note was refused");
    assert.equal(await textOf(browser, "[data-testid=note-error]"), format("fr", "error-disk-full"));
    await browser.execute(() => document.querySelector("[data-testid=note-error]").scrollIntoView({ block: "center" }));
    screenshot("disk-full-fr");
    const shown = await textsOf(browser, ".notes .text");
    for (const n of notes) assert.ok(shown.includes(n), "earlier notes are still shown");
    execFileSync("rm", [join(dir, "filler")]);
    await browser.$("[data-testid=note-add]").click();
    await browser.waitUntil(async () => (await textsOf(browser, ".notes .text")).length === shown.length + 1, {
      timeout: 10000,
      timeoutMsg: "the note was not saved once space was freed",
    });
    assert.deepEqual(await textsOf(browser, "[data-testid=note-error]"), [], "and the error is gone");
    assert.match(cli(db, ["check"]), /5/, "the file passes its integrity check");
  } finally {
    if (browser) await closeApp(browser);
    await unmount(dir);
  }
});
