// Shared helpers for the end-to-end tests: sessions on the real app through
// tauri-driver, fresh databases made by the real CLI, and the real locale files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
export const APP = process.env.KAKEHASHI_APP;
export const CLI = process.env.KAKEHASHI_CLI;
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(here, "artifacts");
const PORT = Number(process.env.WEBDRIVER_PORT ?? 4444);

if (!APP || !CLI) throw new Error("run through tests/e2e/run.sh: KAKEHASHI_APP and KAKEHASHI_CLI must be set");
mkdirSync(ARTIFACTS, { recursive: true });

/** A path for a new database in its own temporary folder. */
export function freshDbPath() {
  return join(mkdtempSync(join(tmpdir(), "kakehashi-e2e-")), "cases.sqlite");
}

/** Runs the real `kakehashi` CLI; returns stdout. */
export function cli(db, args, input) {
  return execFileSync(CLI, ["--db", db, ...args], { input, encoding: "utf8" }).trim();
}

/**
 * Starts the app on `db` in a real window and waits until it has drawn its first
 * screen. Each test starts from default settings unless it asks to keep them, so
 * that one test's failure cannot leave the next in another language.
 */
export async function openApp(db, { keepSettings = false, view = "cases" } = {}) {
  if (!keepSettings && process.env.XDG_CONFIG_HOME) {
    rmSync(join(process.env.XDG_CONFIG_HOME, "org.kakehashi.app", "preferences.json"), { force: true });
  }
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: {
      // Debian's WebKitWebDriver speaks classic WebDriver only, not BiDi.
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP, args: ["--db", db] },
    },
  });
  await browser
    .$("[data-testid=search], [data-testid=dashboard], [data-testid=startup-error]")
    .waitForExist({ timeout: 20000 });
  if (view !== "today" && (await browser.$(`[data-testid=nav-${view}]`).isExisting())) {
    await browser.$(`[data-testid=nav-${view}]`).click();
  }
  return browser;
}

/** Ends a session; a failure here must not hide the test's own failure. */
export async function closeApp(browser) {
  await browser.deleteSession().catch((e) => console.error(`closing the app failed: ${e.message}`));
}

/** Fluent wraps placeables in isolation marks; compare text without them. */
export function plain(text) {
  return text.replace(/[\u2068\u2069]/g, "").trim();
}

/**
 * Reads text inside the page in one step. Holding an element handle across a
 * re-render and asking for its text crashes Debian's WebKitWebDriver, so reads
 * never keep handles.
 */
export async function textOf(browser, selector) {
  const text = await browser.execute((sel) => document.querySelector(sel)?.innerText ?? null, selector);
  if (text === null) throw new Error(`nothing matches ${selector}`);
  return plain(text);
}

export async function textsOf(browser, selector) {
  const texts = await browser.execute(
    (sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.innerText),
    selector,
  );
  return texts.map(plain);
}

/** The plain value of a simple message in a locale file, as the app shows it. */
export function message(lang, file, id) {
  const text = readFileSync(join(root, "locales", lang, file), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${id} = `));
  if (!line) throw new Error(`${lang}/${file} has no ${id}`);
  return line.slice(id.length + 3).trim();
}

const LOCALES = { en: "en-CA", fr: "fr-CA", ja: "ja-JP" };
const bundles = {};

/** A message formatted from the real locale files, with arguments and plurals, as the UI does. */
export function format(lang, id, args) {
  if (!bundles[lang]) {
    const bundle = new FluentBundle(LOCALES[lang], { useIsolating: false });
    for (const file of ["app.ftl", "domain.ftl", "errors.ftl", "workspace.ftl", "directory.ftl", "export.ftl", "privacy.ftl", "demo.ftl"]) {
      bundle.addResource(new FluentResource(readFileSync(join(root, "locales", lang, file), "utf8")));
    }
    bundles[lang] = bundle;
  }
  const msg = bundles[lang].getMessage(id);
  if (!msg?.value) throw new Error(`${lang} has no ${id}`);
  return bundles[lang].formatPattern(msg.value, args);
}

/** Types into a field the way a person does, then checks the field holds it. */
export async function type(browser, selector, value) {
  const el = browser.$(selector);
  await el.waitForDisplayed();
  await el.clearValue();
  await el.setValue(value);
  const got = await el.getValue();
  if (got !== value) throw new Error(`typed ${JSON.stringify(value)} into ${selector}, field holds ${JSON.stringify(got)}`);
}

/**
 * The screen as a person sees it, taken from the X server: WebKitWebDriver's own
 * screenshot command hangs under Xvfb.
 */
export function screenshot(path) {
  execFileSync("import", ["-window", "root", path.includes("/") ? path : join(ARTIFACTS, `${path}.png`)]);
}

const AXE = readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * axe-core's serious and critical findings on the screen as it is now. The CSP
 * forbids adding a script tag, so axe's source runs as the body of an execute call.
 */
export async function axeViolations(browser) {
  await browser.execute(`${AXE}; window.__axe = axe; return true;`);
  const found = await browser.executeAsync((done) => {
    window.__axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) => done(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)))
      .catch((e) => done([`axe failed: ${e}`]));
  });
  return found;
}
