// The foundation's promises, checked in the real window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cli, closeApp, format, freshDbPath, message, openApp, root, screenshot, textOf, textsOf, type } from "./lib.mjs";

const HOSTILE = "<img src=x onerror=alert(1)>";

function rowNames(browser) {
  return textsOf(browser, "[data-testid=case-list] [data-testid=row-name]");
}

async function waitForRows(browser, predicate, what) {
  await browser.waitUntil(async () => predicate(await rowNames(browser)), {
    timeout: 10000,
    timeoutMsg: `case list never showed ${what}; it shows ${JSON.stringify(await rowNames(browser))}`,
  });
}

async function search(browser, query) {
  await type(browser, "[data-testid=search]", query);
}

test("a new case created through the form is found by typing 高橋 and by its reading", async () => {
  const db = freshDbPath();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=welcome]").waitForDisplayed();
    await browser.$("[data-testid=new-case]").click();
    await type(browser, "#field-family-name", "高橋");
    await type(browser, "#field-given-name", "健一");
    await type(browser, "#field-family-name-kana", "たかはし");
    await type(browser, "#field-given-name-kana", "けんいち");
    await type(browser, "#field-birth-date", "1961-04-02");
    await browser.$("#field-direction").selectByAttribute("value", "jp-to-ca");
    await browser.$("#field-specialty").selectByAttribute("value", "oncology");
    await type(browser, "#field-estimated-cost", "12500.50");
    await browser.$("#field-currency").selectByAttribute("value", "CAD");
    await browser.$("[data-testid=save-case]").click();

    await browser.$("[data-testid=case-detail]").waitForDisplayed({ timeout: 10000 });
    const reference = await textOf(browser, "[data-testid=detail-reference]");
    assert.match(reference, /^KH-\d{4}-0001$/);
    assert.equal(await textOf(browser, "[data-testid=detail-name]"), "高橋 健一");
    assert.equal(await textOf(browser, "[data-testid=detail-estimate]"), "$12,500.50");
    assert.ok((await textOf(browser, "[data-testid=case-detail]")).includes("Apr 2, 1961"), "birth date as typed, shown the English way");
    screenshot("created-case-en");

    for (const query of ["高橋", "タカハシ", "ﾀｶﾊｼ", "髙橋"]) {
      await search(browser, query);
      await waitForRows(browser, (names) => names.length === 1 && names[0] === "高橋 健一", `高橋 健一 for ${query}`);
    }
    // The case is in the file, not only on screen: the CLI reads it back.
    assert.match(cli(db, ["case", "show", reference, "--json"]), /"family_name": "高橋"/);
  } finally {
    await closeApp(browser);
  }
});

test("a missing family name is refused with an error naming the field, in the active language", async () => {
  const db = freshDbPath();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=language]").selectByAttribute("value", "fr");
    await browser.$("[data-testid=new-case]").click();
    await type(browser, "#field-given-name", "Élodie");
    await browser.$("#field-direction").selectByAttribute("value", "ca-to-jp");
    await browser.$("#field-specialty").selectByAttribute("value", "proton-therapy");
    await browser.$("[data-testid=save-case]").click();
    await browser.$("[data-testid=field-error]").waitForDisplayed();
    const error = await textOf(browser, "[data-testid=field-error]");
    assert.ok(error.includes(message("fr", "app.ftl", "field-family-name")), error);
    assert.equal(await browser.$("#field-family-name").getAttribute("aria-invalid"), "true");
    assert.equal(await browser.$("#field-given-name").getValue(), "Élodie", "what was typed is kept");
    assert.equal(cli(db, ["case", "list", "--json"]).includes("Élodie"), false, "nothing was saved");
    await browser.$("[data-testid=language]").selectByAttribute("value", "en");
  } finally {
    await closeApp(browser);
  }
});

test("switching to Japanese relabels the app, keeps a half-filled form and is remembered", async () => {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", "40", "--seed", "3"]);
  let browser = await openApp(db);
  try {
    await browser.$("[data-testid=new-case]").click();
    await type(browser, "#field-family-name", "Tremblay");
    await type(browser, "#field-estimated-cost", "12 500,50");
    await browser.$("#field-currency").selectByAttribute("value", "CAD");
    const enDate = (await textsOf(browser, "[data-testid=case-list] .meta"))[0];
    assert.match(enDate, /[A-Z][a-z]{2} \d{1,2}, \d{4}$/, "English date in the list");
    await browser.$("[data-testid=language]").selectByAttribute("value", "ja");
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === "ja");
    assert.equal(await textOf(browser, "[data-testid=new-case]"), message("ja", "app.ftl", "menu-new-case"));
    assert.equal(await textOf(browser, "label[for=field-family-name]"), `${message("ja", "app.ftl", "field-family-name")} *`);
    assert.equal(await textOf(browser, "[data-testid=save-case]"), message("ja", "app.ftl", "form-save"));
    assert.equal(await browser.$("[data-testid=search]").getAttribute("placeholder"), message("ja", "app.ftl", "search-placeholder"));
    assert.equal(await browser.$("#field-family-name").getValue(), "Tremblay", "typed text survives the switch");
    screenshot("form-ja");
    // Escape would drop the typed text: the app asks first, in Japanese.
    await browser.keys("Escape");
    await browser.$("[data-testid=discard-confirm]").waitForDisplayed();
    assert.ok((await textOf(browser, "[data-testid=discard-confirm]")).includes(message("ja", "app.ftl", "form-keep-editing")));
    await browser.$("[data-testid=discard-confirm] button:not(.danger)").click();
    assert.equal(await browser.$("#field-family-name").getValue(), "Tremblay", "keeping on editing keeps the text");
    const jaDate = (await textsOf(browser, "[data-testid=case-list] .meta"))[0];
    assert.match(jaDate, /\d{4}年\d{1,2}月\d{1,2}日$/, `Japanese date in the list: ${jaDate}`);
    // Finish the form in Japanese: the amount typed the French way is stored exactly and shown the Japanese way.
    await type(browser, "#field-given-name", "Anne");
    await browser.$("#field-direction").selectByAttribute("value", "ca-to-jp");
    await browser.$("#field-specialty").selectByAttribute("value", "health-screening");
    await browser.$("[data-testid=save-case]").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    // Japanese writes a foreign currency by its code; WebDriver may give the no-break space as a space.
    assert.equal((await textOf(browser, "[data-testid=detail-estimate]")).replace(/\u00a0/g, " "), "CAD 12,500.50");
  } finally {
    await closeApp(browser);
  }
  browser = await openApp(db, { keepSettings: true });
  try {
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === "ja", {
      timeoutMsg: "the language chosen before was not remembered",
    });
    assert.equal(await textOf(browser, "[data-testid=new-case]"), message("ja", "app.ftl", "menu-new-case"));
    await browser.$("[data-testid=case-list] button.row").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    const status = await textOf(browser, "[data-testid=detail-status]");
    const jaStatuses = ["inquiry", "records-review", "quoted", "confirmed", "travel-booked", "in-treatment", "recovering", "returned-home", "follow-up", "closed", "on-hold", "cancelled"].map((s) => message("ja", "domain.ftl", `case-status-${s}`));
    assert.ok(jaStatuses.includes(status), `status ${status} is not a Japanese status label`);
    // Back to English for the tests that follow on this machine.
    await browser.$("[data-testid=language]").selectByAttribute("value", "en");
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === "en");
  } finally {
    await closeApp(browser);
  }
});

test("a patient named like markup is shown as exactly that text", async () => {
  const db = freshDbPath();
  const input = JSON.stringify({
    patient: { family_name: HOSTILE, given_name: "<script>alert(2)</script>" },
    case: { direction: "ca-to-jp", specialty: "oncology", treatment: "<b>bold?</b>" },
  });
  const reference = cli(db, ["case", "create", "--json", "-"], input);
  const browser = await openApp(db);
  try {
    await search(browser, "onerror");
    await waitForRows(browser, (names) => names.length === 1, "the hostile name");
    const [name] = await rowNames(browser);
    assert.equal(name, `<script>alert(2)</script> ${HOSTILE}`);
    assert.equal((await browser.$$("[data-testid=case-list] img")).length, 0, "no element was made from the name");
    await browser.$(`button[data-reference="${reference}"]`).click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    assert.equal(await textOf(browser, "[data-testid=detail-name]"), `<script>alert(2)</script> ${HOSTILE}`);
    assert.equal((await browser.$$("[data-testid=case-detail] img, [data-testid=case-detail] b, [data-testid=case-detail] script")).length, 0);
  } finally {
    await closeApp(browser);
  }
});

test("a first run on an empty database offers demo cases and shows them", async () => {
  const db = freshDbPath();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=create-demo]").click();
    const expected = format("en", "case-count", { count: 500 });
    await browser.waitUntil(async () => (await textOf(browser, "[data-testid=case-count]")) === expected, {
      timeout: 30000,
      timeoutMsg: "demo cases did not appear",
    });
    // The list draws only the rows in view, and fetches the pages it scrolls to.
    const shown = (await rowNames(browser)).length;
    assert.ok(shown > 0 && shown < 100, `a window of rows, not all 500: ${shown}`);
    await browser.execute(() => {
      const el = document.querySelector(".scroller");
      el.scrollTop = el.scrollHeight;
    });
    await browser.$('button.row[data-index="499"]').waitForDisplayed({ timeout: 10000 });
    const onlyOnHold = async () => {
      const texts = await textsOf(browser, "[data-testid=case-list] .status");
      return texts.length > 0 && texts.every((t) => t === message("en", "domain.ftl", "case-status-on-hold"));
    };
    await browser.$("[data-testid=status-filter]").selectByAttribute("value", "on-hold");
    await browser.waitUntil(onlyOnHold);
    // Search looks through every case: the filters stand aside, visibly and with the reason.
    const status = browser.$("[data-testid=status-filter]");
    await type(browser, "[data-testid=search]", "hospital");
    await browser.$("[data-testid=filters-off-hint]").waitForDisplayed();
    // The demo put its search indexes in place under the app's own connection: what
    // it finds is in every status, where the list before it held one.
    await browser.waitUntil(
      async () => {
        const texts = await textsOf(browser, "[data-testid=case-list] .status");
        return texts.some((t) => t !== message("en", "domain.ftl", "case-status-on-hold"));
      },
      { timeoutMsg: "search found none of the demo's cases" },
    );
    assert.equal(
      await textOf(browser, "[data-testid=filters-off-hint]"),
      message("en", "workspace.ftl", "list-filters-off-in-search"),
    );
    assert.equal(await status.isEnabled(), false);
    assert.equal(await status.getAttribute("aria-describedby"), "filters-off-hint");
    assert.equal(await browser.$("[data-testid=search]").getAttribute("aria-describedby"), "filters-off-hint");
    assert.notEqual(
      await status.getCSSProperty("background-color").then((c) => c.parsed.hex),
      "#ffffff",
      "a disabled filter does not look like one that can be used",
    );
    // Ctrl+K selects what the search box holds; Backspace clears it, as a person would.
    await browser.keys(["Control", "k"]);
    await browser.keys("Backspace");
    await browser.$("[data-testid=filters-off-hint]").waitForDisplayed({ reverse: true });
    assert.equal(await status.isEnabled(), true);
    assert.equal(await status.getValue(), "on-hold", "the filter chosen before the search is kept");
    await browser.waitUntil(onlyOnHold);
  } finally {
    await closeApp(browser);
  }
});

test("a database from a newer Kakehashi gets an explanation, not a crash", async () => {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", "1"]);
  // Pretend a later version wrote it (python3's sqlite3, independent of our code).
  execFileSync("python3", ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.commit()", db]);
  const digest = () => createHash("sha256").update(readFileSync(db)).digest("hex");
  const before = digest();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=startup-error]").waitForDisplayed();
    const text = await textOf(browser, "[data-testid=startup-error]");
    const supported = String(readdirSync(join(root, "crates/core/src/store/migrations")).filter((f) => f.endsWith(".sql")).length);
    assert.ok(text.includes(format("en", "error-schema-too-new", { found: "99", supported })), text);
    assert.ok(text.includes(db), "names the file");
    assert.equal(digest(), before, "the file was left untouched");
  } finally {
    await closeApp(browser);
  }
});

/** Every text node on screen, trimmed, as the person sees it. */
function screenTexts(browser) {
  return browser.execute(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el && el.closest("[hidden], script, style")) continue;
      const text = walker.currentNode.textContent.replace(/[\u2068\u2069]/g, "").trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
      for (const attr of ["placeholder", "aria-label", "title"]) {
        const v = el.getAttribute(attr);
        if (v) out.push(v.trim());
      }
    }
    return out;
  });
}

/** English interface words that Japanese writes differently: none may show on a Japanese screen. */
function englishOnlyLabels() {
  const labels = new Set();
  const japanese = new Set();
  const files = ["app.ftl", "domain.ftl", "errors.ftl", "workspace.ftl", "directory.ftl", "export.ftl", "privacy.ftl"];
  for (const file of files) {
    const text = readFileSync(new URL(`../../locales/ja/${file}`, import.meta.url), "utf8");
    for (const line of text.split("\n")) {
      const m = line.match(/^[a-zA-Z][\w-]* = (.*)$/);
      if (m) japanese.add(m[1].trim());
    }
  }
  for (const file of files) {
    const text = readFileSync(new URL(`../../locales/en/${file}`, import.meta.url), "utf8");
    for (const line of text.split("\n")) {
      const m = line.match(/^([a-zA-Z][\w-]*) = ([^{]*)$/);
      if (!m || !/[A-Za-z]{2}/.test(m[2])) continue;
      // Words Japanese uses too (the language menu's "English") are not English-only.
      if (!japanese.has(m[2].trim())) labels.add(m[2].trim());
    }
  }
  return labels;
}

test("a Japanese screen shows no English label, and Japanese dates and amounts", async () => {
  const db = freshDbPath();
  const input = JSON.stringify({
    patient: {
      family_name: "佐藤", given_name: "花子", family_name_kana: "さとう", given_name_kana: "はなこ",
      birth_date: "1961-04-02", nationality: "JP", preferred_language: "ja",
    },
    case: { direction: "ca-to-jp", specialty: "proton-therapy", estimated_cost: "1234567", currency: "JPY", opened_on: "2026-01-15" },
  });
  const reference = cli(db, ["case", "create", "--json", "-"], input);
  const english = englishOnlyLabels();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=language]").selectByAttribute("value", "ja");
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === "ja");
    await browser.$(`button[data-reference="${reference}"]`).waitForDisplayed();
    await browser.$(`button[data-reference="${reference}"]`).click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    const detail = await textOf(browser, "[data-testid=case-detail]");
    assert.ok(detail.includes("￥1,234,567"), `amount in yen as Japanese writes it: ${detail}`);
    assert.ok(detail.includes("1961年4月2日"), "birth date as Japanese writes it");
    const seen = [];
    for (const screen of ["detail", "form", "today", "patients", "providers", "settings"]) {
      if (screen === "form") await browser.$("[data-testid=new-case]").click();
      if (screen !== "detail" && screen !== "form") {
        if (screen === "today") await browser.keys("Escape");
        await browser.$(`[data-testid=nav-${screen}]`).click();
        await browser.$(`[data-testid=${screen === "today" ? "dashboard" : screen === "settings" ? "settings" : `${screen}-screen`}]`).waitForDisplayed();
      }
      const first = browser.$(`[data-testid=${screen}-list] button`);
      if ((screen === "patients" || screen === "providers") && (await first.isExisting())) await first.click();
      await browser.pause(200);
      seen.push(...(await screenTexts(browser)).filter((t) => english.has(t)).map((t) => `${screen}: ${t}`));
    }
    assert.deepEqual(seen, [], "English labels on a Japanese screen");

    // The imperial era, on request.
    await browser.$("[data-testid=settings-era]").click();
    await browser.$("[data-testid=settings-save]").click();
    await browser.$("[data-testid=settings-saved]").waitForDisplayed();
    await browser.$("[data-testid=nav-cases]").click();
    await browser.$(`button[data-reference="${reference}"]`).waitForDisplayed();
    await browser.$(`button[data-reference="${reference}"]`).click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    await browser.waitUntil(async () => (await textOf(browser, "[data-testid=case-detail]")).includes("昭和36年4月2日"), {
      timeoutMsg: "birth date not shown in the Shōwa era",
    });
    screenshot("detail-ja-era");
    await browser.$("[data-testid=nav-settings]").click();
    await browser.$("[data-testid=settings-era]").click();
    await browser.$("[data-testid=settings-language]").selectByAttribute("value", "en");
    await browser.$("[data-testid=settings-save]").click();
    await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === "en");
  } finally {
    await closeApp(browser);
  }
});

test("the coordinator named in Settings is the author of changes in the audit log", async () => {
  const db = freshDbPath();
  const browser = await openApp(db);
  try {
    await browser.$("[data-testid=nav-settings]").click();
    await type(browser, "#field-coordinator", "x".repeat(201));
    await browser.$("[data-testid=settings-save]").click();
    await browser.$("[data-testid=field-error]").waitForDisplayed();
    await type(browser, "#field-coordinator", "Marie Tremblay");
    await browser.$("[data-testid=settings-save]").click();
    await browser
      .waitUntil(async () => (await textsOf(browser, "[role=status]")).includes(message("en", "app.ftl", "settings-saved")))
      .catch(async (e) => {
        screenshot("settings-not-saved");
        throw new Error(`${e.message}; status: ${JSON.stringify(await textsOf(browser, "[role=status], [role=alert]"))}`);
      });
    await browser.$("[data-testid=new-case]").click();
    await type(browser, "#field-family-name", "Côté");
    await type(browser, "#field-given-name", "Élodie");
    await browser.$("#field-direction").selectByAttribute("value", "ca-to-jp");
    await browser.$("#field-specialty").selectByAttribute("value", "oncology");
    await browser.$("[data-testid=save-case]").click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
  } finally {
    await closeApp(browser);
  }
  const actors = execFileSync("python3", ["-c", "import sqlite3,sys; print(','.join(sorted({r[0] for r in sqlite3.connect(sys.argv[1]).execute('select actor from audit_log')})))", db], { encoding: "utf8" }).trim();
  assert.equal(actors, "Marie Tremblay");
});
