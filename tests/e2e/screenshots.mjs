// Screenshots of the real app for docs/screenshots: the list and one case in each
// language, and the new-case form with a field error in French.
// Run: tests/e2e/run.sh screenshots.mjs
import { join } from "node:path";
import { cli, closeApp, freshDbPath, openApp, root, screenshot, type } from "./lib.mjs";

const out = join(root, "docs", "screenshots");
const db = freshDbPath();
cli(db, ["demo", "--cases", "2000", "--seed", "42"]);
const cases = JSON.parse(cli(db, ["case", "list", "--json", "--limit", "100"])).cases;
// A Japanese patient far enough along to have flights and a procedure on the timeline.
const pick = cases.find((c) => c.family_name_kana && c.status === "in-treatment") ?? cases[0];

const browser = await openApp(db);
try {
  await browser.$(`button[data-reference="${pick.reference}"]`).click();
  await browser.$("[data-testid=case-detail]").waitForDisplayed();
  for (const lang of ["en", "fr", "ja"]) {
    await browser.$("[data-testid=language]").selectByAttribute("value", lang);
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === lang);
    await browser.pause(300);
    screenshot(join(out, `detail-${lang}.png`));
  }
  await browser.$("[data-testid=nav-settings]").click();
  await browser.$("[data-testid=settings]").waitForDisplayed();
  screenshot(join(out, "settings-ja.png"));
  await browser.$("[data-testid=language]").selectByAttribute("value", "fr");
  await browser.$("[data-testid=new-case]").click();
  await type(browser, "#field-given-name", "Élodie");
  await browser.$("#field-direction").selectByAttribute("value", "ca-to-jp");
  await browser.$("[data-testid=save-case]").click();
  await browser.$("[data-testid=field-error]").waitForDisplayed();
  screenshot(join(out, "form-fr.png"));
  await browser.$("[data-testid=language]").selectByAttribute("value", "en");
} catch (e) {
  screenshot("screenshots-failure");
  throw e;
} finally {
  await closeApp(browser);
}
console.log(`screenshots of ${pick.reference} written to ${out}`);
