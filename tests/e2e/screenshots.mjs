// Screenshots of the real app for docs/screenshots: the Today screen and one full
// case in each language, the patients and providers screens, and a field error in French.
// Run: XVFB_SCREEN=1280x1900x24 tests/e2e/run.sh screenshots.mjs
import { join } from "node:path";
import { cli, closeApp, freshDbPath, openApp, root, screenshot, type } from "./lib.mjs";

const out = join(root, "docs", "screenshots");
const db = freshDbPath();
cli(db, ["demo", "--cases", "2000", "--seed", "42"]);
const cases = JSON.parse(cli(db, ["case", "list", "--json", "--limit", "300"])).cases;
// A Japanese patient far enough along to have flights and a procedure on the timeline.
const pick = cases.find((c) => c.family_name_kana && c.status === "travel-booked") ?? cases[0];

const browser = await openApp(db, { view: "today" });
const tall = Number((process.env.XVFB_SCREEN ?? "1280x820").split("x")[1]);
try {
  await browser.setWindowSize(1280, tall);
  for (const lang of ["en", "fr", "ja"]) {
    await browser.$("[data-testid=language]").selectByAttribute("value", lang);
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === lang);
    await browser.$("[data-testid=nav-today]").click();
    await browser.$("[data-testid=dashboard]").waitForDisplayed();
    await browser.pause(400);
    screenshot(join(out, `today-${lang}.png`));
    await browser.$("[data-testid=nav-cases]").click();
    await type(browser, "[data-testid=search]", pick.reference);
    await browser.$(`button[data-reference="${pick.reference}"]`).waitForDisplayed();
    await browser.$(`button[data-reference="${pick.reference}"]`).click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    await browser.pause(400);
    screenshot(join(out, `detail-${lang}.png`));
    await type(browser, "[data-testid=search]", " ");
  }
  await browser.$("[data-testid=nav-patients]").click();
  await browser.$("[data-testid=patients-list] button").click();
  await browser.$("[data-testid=patient-form]").waitForDisplayed();
  screenshot(join(out, "patients-ja.png"));
  await browser.$("[data-testid=language]").selectByAttribute("value", "fr");
  await browser.$("[data-testid=nav-providers]").click();
  await browser.$("[data-testid=providers-list] button").click();
  await browser.$("[data-testid=provider-form]").waitForDisplayed();
  screenshot(join(out, "providers-fr.png"));
  await browser.$("[data-testid=nav-settings]").click();
  await browser.$("[data-testid=settings]").waitForDisplayed();
  screenshot(join(out, "settings-fr.png"));
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
