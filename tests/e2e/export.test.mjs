// Exports from the real window: the dialog's PDF preview, the native save dialog
// (answered with xdotool, as a person would type a path), and the files read back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, closeApp, format, freshDbPath, message, openApp, screenshot } from "./lib.mjs";

/** Types a path into the native save dialog once it is up, and confirms. */
function answerSaveDialog(title, path) {
  // No window manager under Xvfb: give the dialog the keyboard focus ourselves.
  const id = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", title], { timeout: 15000, encoding: "utf8" })
    .trim()
    .split("\n")[0];
  execFileSync("xdotool", ["windowfocus", "--sync", id]);
  // The file name field holds the suggested name: replace it with the path.
  execFileSync("xdotool", ["key", "--delay", "50", "ctrl+a"]);
  execFileSync("xdotool", ["type", "--delay", "15", path]);
  execFileSync("xdotool", ["key", "Return"]);
}

async function waitForFile(browser, path) {
  await browser.waitUntil(() => existsSync(path), { timeout: 20000, timeoutMsg: `${path} was never written` });
}

test("a case exported from its dialog: PDF preview, PDF in Japanese for the interpreter, then the list as CSV", async () => {
  const db = freshDbPath();
  const input = {
    patient: {
      family_name: "吉田", given_name: "𠮷郎", family_name_kana: "よしだ", given_name_kana: "きちろう",
      nationality: "JP", passport_number: "TZ7654321",
    },
    case: { direction: "jp-to-ca", specialty: "oncology", estimated_cost: "12500", currency: "CAD" },
  };
  const reference = cli(db, ["case", "create", "--json", "-"], JSON.stringify(input));
  cli(db, ["case", "create", "--json", "-"], JSON.stringify({
    patient: { family_name: "=HYPERLINK(\"x\")", given_name: "Mallory" },
    case: { direction: "ca-to-jp", specialty: "other" },
  }));
  const out = mkdtempSync(join(tmpdir(), "kakehashi-export-"));
  const browser = await openApp(db);
  try {
    await browser.$(`button[data-reference="${reference}"]`).waitForDisplayed();
    await browser.$(`button[data-reference="${reference}"]`).click();
    await browser.$("[data-testid=open-export]").click();
    await browser.$("[data-testid=export-dialog]").waitForDisplayed();
    await browser.$("[data-testid=export-lang]").selectByAttribute("value", "ja");
    await browser.$("[data-testid=export-recipient]").selectByAttribute("value", "interpreter");
    await browser.waitUntil(
      () => browser.execute(() => document.querySelector("[data-testid=export-preview]")?.naturalWidth ?? 0).then((w) => w > 300),
      { timeout: 20000, timeoutMsg: "no preview of the first page" },
    );
    screenshot("export-dialog");

    const pdf = join(out, "summary.pdf");
    await browser.$("[data-testid=export-save]").click();
    // No consent covers the interpreter: the export waits for the coordinator's word.
    await browser.$("[data-testid=consent-confirm]").waitForDisplayed();
    await browser.$("[data-testid=export-without-consent]").click();
    answerSaveDialog(format("en", "export-save-title"), pdf);
    await waitForFile(browser, pdf);
    await browser.$("[data-testid=export-saved]").waitForDisplayed();
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    assert.ok(text.includes(message("ja", "export.ftl", "pdf-title")) && text.includes("吉田 𠮷郎") && text.includes("よしだ きちろう"), text);
    assert.ok(!text.includes("TZ7654321"), "no passport for the interpreter");
    assert.ok(cli(db, ["patient", "log", "1"]).includes('"export-without-consent"'), "the access log says so");

    await browser.keys("Escape");
    await browser.$("[data-testid=export-dialog]").waitForDisplayed({ reverse: true });
    const csv = join(out, "cases.csv");
    await browser.$("[data-testid=export-list]").click();
    answerSaveDialog(format("en", "export-save-title"), csv);
    await waitForFile(browser, csv);
    const rows = readFileSync(csv, "utf8");
    assert.ok(rows.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
    assert.ok(rows.includes(format("en", "field-reference")) && rows.includes(reference));
    assert.ok(rows.includes("'=HYPERLINK"), "a formula is made inert");
  } catch (e) {
    screenshot("export-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});
