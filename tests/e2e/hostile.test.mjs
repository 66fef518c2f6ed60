// Hostile input through the real forms: every string of tests/hostile/corpus.json
// (a JSON array of { name, text }, "repeat": n meaning text written n times over) is
// put into the case notes, and a sample into the new-case form, a task, an event, the
// case header, the patient form, the provider form and the search box. What is shown
// must be the text as stored, nothing may be injected into the page, nothing run.
// A query holding NUL must be answered like any other query.
//
// Values are set with the field's native setter and an input event, as a paste would:
// typing every string key by key is slow, and a key cannot type NUL. The forms are then
// sent with their own buttons. The core trims Unicode white space from every value
// (crates/core/src/validate.rs); a textarea's value has CR LF and CR turned into LF by
// the browser (HTML's "API value"), so that is what reaches the core from this form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, closeApp, format, freshDbPath, openApp, root, screenshot } from "./lib.mjs";

const CORPUS = JSON.parse(readFileSync(join(root, "tests", "hostile", "corpus.json"), "utf8")).map((e) => ({
  name: e.name,
  text: e.text.repeat(e.repeat ?? 1),
}));
const byName = (name) => {
  const h = CORPUS.find((e) => e.name === name);
  if (!h) throw new Error(`${name} is not in the corpus`);
  return h;
};

/** Strings for the other forms: one line, short enough for a name. */
const SAMPLE = [
  "html-img-onerror",
  "html-attribute-breakout",
  "svelte-html",
  "fluent-placeable",
  "typst-eval",
  "sql-drop-table",
  "csv-equals",
  "rtl-override",
  "emoji-zwj",
  "astral-cjk",
  "zalgo",
].map(byName);

// Rust's str::trim: the White_Space property (U+FEFF and U+200B are not white space).
const RUST_TRIM = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;
const rustTrim = (s) => s.replace(RUST_TRIM, "");
const chars = (s) => [...s].length;

const NOTE_MAX = 20000;

/** What the core answers to `held` sent as a note (required, 20,000 characters). */
function noteOutcome(held) {
  const v = rustTrim(held);
  // Empty, or only invisible characters (zero-width spaces and joiners, word joiner, BOM).
  if (/^[\s\u200B-\u200D\u2060\uFEFF]*$/u.test(v)) return { error: "error-required" };
  if (chars(v) > NOTE_MAX) return { error: "error-too-long", max: NOTE_MAX };
  if (v.includes("\u0000")) return { error: "error-invalid" };
  return { kept: v };
}

const shown = (s) => (s === null || s === undefined ? String(s) : chars(s) > 60 ? `${JSON.stringify([...s].slice(0, 60).join(""))}… (${chars(s)} characters)` : JSON.stringify(s));

/**
 * Sets a field's value as a paste does and tells Svelte through an input event;
 * returns what the field then holds (the browser may have changed line breaks).
 */
async function fill(browser, selector, value) {
  const held = await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      if (!el) return { missing: true };
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value").set.call(el, v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      return { value: el.value };
    },
    selector,
    value,
  );
  if (held.missing) throw new Error(`nothing matches ${selector}`);
  return held.value;
}

// Elements and attributes the corpus payloads would make if they were read as markup
// (an <img src="x">, an <svg> with a <circle>, a <summary>, a javascript: link, an
// inline handler, a <style> in the page...). The app makes none of them itself: its one
// <summary> is the case list's filters, its <strong> only on the Today screen.
const INJECTED = [
  "img[src='x']",
  "img[alt='img']",
  "svg",
  "circle",
  "iframe",
  "object",
  "embed",
  "math",
  "body script",
  "body style",
  "summary:not(.filters > summary)",
  "details[ontoggle]",
  "b",
  "em",
  "strong:not(.count-value)",
  "[onerror]",
  "[onload]",
  "[ontoggle]",
  "[onclick]",
  "[href^='javascript']",
  "[src^='javascript']",
  "[data^='javascript']",
  "[style*='javascript']",
].join(", ");

/** What a payload would have left on the page if it had been read as markup or run. */
function injected(browser) {
  return browser.execute((sel) => ({
    elements: Array.from(document.querySelectorAll(sel)).map((e) => e.outerHTML.slice(0, 120)),
    pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
  }), INJECTED);
}

async function assertNothingInjected(browser, when) {
  const found = await injected(browser);
  assert.equal(found.pwned, null, `a payload ran (${when}): window.__pwned = ${found.pwned}`);
  assert.deepEqual(found.elements, [], `elements made from text (${when})`);
}

/** Everything about the notes card, read in one step. */
function notesState(browser) {
  return browser.execute(() => ({
    notes: Array.from(document.querySelectorAll(".notes li p.text")).map((p) => p.textContent),
    value: document.querySelector("[data-testid=note-text]")?.value ?? null,
    // Not named "error": webdriverio reads a returned object with an "error" key as a WebDriver error.
    fieldError: document.querySelector("[data-testid=note-form] [data-testid=field-error]")?.textContent ?? null,
    // Marked before a send: an error still marked is the previous one, not this answer.
    stale: document.querySelector("[data-testid=note-form] [data-testid=field-error]")?.dataset.stale === "yes",
  }));
}

async function openCase(browser, reference) {
  await browser.$("[data-testid=nav-cases]").click();
  await browser.$(`button[data-reference="${reference}"]`).waitForDisplayed({ timeout: 10000 });
  await browser.$(`button[data-reference="${reference}"]`).click();
  await browser.$("[data-testid=case-detail]").waitForDisplayed();
}

async function switchLanguage(browser, lang) {
  await browser.$("[data-testid=language]").selectByAttribute("value", lang);
  await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === lang);
}

/** The error a refused note shows, as the UI words it in `lang`. */
function noteError(lang, expected) {
  const args = { field: format(lang, "field-note-text") };
  if (expected.max) args.max = String(expected.max);
  return format(lang, expected.error, args);
}

test("every corpus string put into the case notes is shown exactly as stored, and nothing on the page runs it", async () => {
  const db = freshDbPath();
  const reference = cli(db, ["case", "create", "--json", "-"], JSON.stringify({
    patient: { family_name: "Corpus", given_name: "Hostile" },
    case: { direction: "ca-to-jp", specialty: "oncology" },
  }));
  const browser = await openApp(db);
  try {
    await openCase(browser, reference);
    await assertNothingInjected(browser, "before anything was typed");
    const stored = [];
    let refused = 0;
    for (const h of CORPUS) {
      // NUL once in English and once in Japanese: the error names the field in the active language.
      const lang = h.name === "nul-only" ? "ja" : "en";
      if (lang !== "en") await switchLanguage(browser, lang);
      const before = await notesState(browser);
      const held = await fill(browser, "[data-testid=note-text]", h.text);
      assert.equal(held, h.text.replace(/\r\n?/g, "\n"), `${h.name}: the field holds the text, line breaks as the browser keeps them`);
      const expected = noteOutcome(held);
      await browser.execute(() => {
        const shownError = document.querySelector("[data-testid=note-form] [data-testid=field-error]");
        if (shownError) shownError.dataset.stale = "yes";
      });
      await browser.$("[data-testid=note-add]").click();
      if (expected.kept !== undefined) {
        await browser.waitUntil(async () => {
          const s = await notesState(browser);
          return s.notes.length === before.notes.length + 1 && s.value === "";
        }, { timeout: 10000, timeoutMsg: `${h.name}: the note was not added` });
        const after = await notesState(browser);
        assert.equal(after.fieldError, null, `${h.name}: no error`);
        assert.equal(after.notes[0], expected.kept, `${h.name}: shown ${shown(after.notes[0])}, stored ${shown(expected.kept)}`);
        stored.push(expected.kept);
      } else {
        refused += 1;
        const message = noteError(lang, expected);
        await browser.waitUntil(async () => {
          const s = await notesState(browser);
          return s.fieldError === message && !s.stale;
        }, {
          timeout: 10000,
          timeoutMsg: `${h.name}: no error ${JSON.stringify(message)}; shows ${JSON.stringify((await notesState(browser)).fieldError)}`,
        });
        const after = await notesState(browser);
        assert.ok(message.includes(format(lang, "field-note-text")), "the error names the field");
        assert.deepEqual(after.notes, before.notes, `${h.name}: the notes saved before are all still there`);
        assert.equal(after.value, held, `${h.name}: what was typed is kept for correcting`);
        assert.equal(await browser.$("[data-testid=note-text]").getAttribute("aria-invalid"), "true");
      }
      if (lang !== "en") await switchLanguage(browser, "en");
      await assertNothingInjected(browser, `after ${h.name}`);
    }
    assert.ok(refused >= 3, `NUL and white space alone were refused: ${refused}`);
    assert.ok(stored.length >= 70, `most strings were stored: ${stored.length}`);
    const longest = byName("ten-thousand-characters").text;
    assert.ok(stored.includes(longest), "the 10,000-character string is stored");
    // The 10,000 characters are on screen whole: no clamp, no ellipsis, no clipping.
    const clipped = await browser.execute((text) => {
      const p = Array.from(document.querySelectorAll(".notes li p.text")).find((e) => e.textContent === text);
      if (!p) return "missing";
      const style = getComputedStyle(p);
      return p.scrollHeight > p.clientHeight + 1 || style.textOverflow === "ellipsis" || style.webkitLineClamp !== "none" ? "clipped" : "whole";
    }, longest);
    assert.equal(clipped, "whole");

    await fill(browser, "[data-testid=note-text]", "");
    const newestFirst = [...stored].reverse();
    const check = (notes, when) => {
      assert.equal(notes.length, newestFirst.length, `${when}: every note is listed`);
      newestFirst.forEach((text, i) => assert.equal(notes[i], text, `${when}: note ${i} is ${shown(notes[i])}, stored ${shown(text)}`));
    };
    check((await notesState(browser)).notes, "on the case");

    // Away and back: what is shown comes from the database, not from the form.
    await browser.$("[data-testid=nav-today]").click();
    await browser.$("[data-testid=dashboard]").waitForDisplayed();
    await openCase(browser, reference);
    check((await notesState(browser)).notes, "reopened");
    await assertNothingInjected(browser, "reopened");
    // The file holds what the screen shows.
    const saved = JSON.parse(cli(db, ["case", "show", reference, "--json"]));
    check(saved.notes.map((n) => n.body), "in the database");
  } catch (e) {
    screenshot("hostile-notes-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});

/** Texts of every element matching `selector`, exact (textContent), in one step. */
function contents(browser, selector) {
  return browser.execute((sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.textContent), selector);
}

async function waitForContents(browser, selector, predicate, what) {
  await browser.waitUntil(async () => predicate(await contents(browser, selector)), {
    timeout: 10000,
    timeoutMsg: `${selector} never showed ${what}: ${JSON.stringify(await contents(browser, selector))}`,
  });
}

test("a sample of hostile strings goes through the new-case, task, event, case, patient, provider and search forms intact", async () => {
  const db = freshDbPath();
  // A case from the CLI so that the app opens on the case list.
  cli(db, ["case", "create", "--json", "-"], JSON.stringify({
    patient: { family_name: "Baseline", given_name: "Case" },
    case: { direction: "ca-to-jp", specialty: "oncology" },
  }));
  const browser = await openApp(db);
  const made = [];
  try {
    await browser.$("[data-testid=case-list]").waitForExist();
    await assertNothingInjected(browser, "before anything was typed");
    for (const h of SAMPLE) {
      const s = rustTrim(h.text);
      // New case: the string as both names, the given name first or not, either way the same.
      await browser.$("[data-testid=new-case]").click();
      await browser.$("[data-testid=new-case-form]").waitForDisplayed();
      assert.equal(await fill(browser, "#field-family-name", h.text), h.text, `${h.name}: an input holds it`);
      await fill(browser, "#field-given-name", h.text);
      await browser.$("#field-direction").selectByAttribute("value", "ca-to-jp");
      await browser.$("#field-specialty").selectByAttribute("value", "oncology");
      await browser.$("[data-testid=save-case]").click();
      await browser.$("[data-testid=case-detail]").waitForDisplayed({ timeout: 10000 });
      const [reference] = await contents(browser, "[data-testid=detail-reference]");
      await waitForContents(browser, "[data-testid=detail-name]", (t) => t[0] === `${s} ${s}`, `${h.name} as the name`);

      // A task.
      await fill(browser, "[data-testid=task-title]", h.text);
      await browser.$("[data-testid=task-add]").click();
      await waitForContents(browser, "[data-testid=tasks] li bdi", (t) => t.length === 1 && t[0] === s, `${h.name} as the task`);

      // An event.
      await browser.$("[data-testid=add-event]").click();
      await browser.$("[data-testid=event-form]").waitForDisplayed();
      await browser.$("[data-testid=event-kind]").selectByAttribute("value", "consultation");
      await fill(browser, "[data-testid=event-start]", "2026-12-01T09:00");
      await fill(browser, "[data-testid=event-zone]", "Asia/Tokyo");
      await fill(browser, "[data-testid=event-title]", h.text);
      await browser.$("[data-testid=event-save]").click();
      await waitForContents(browser, "[data-testid=timeline] .event-title", (t) => t.length === 1 && t[0] === s, `${h.name} as the event title`);

      // The case header: treatment and physician.
      await browser.$("[data-testid=edit-case]").click();
      await browser.$("[data-testid=case-form]").waitForDisplayed();
      await fill(browser, "#header-field-treatment", h.text);
      await fill(browser, "#header-field-physician", h.text);
      await browser.$("[data-testid=case-save]").click();
      await browser.$("[data-testid=case-form]").waitForExist({ reverse: true, timeout: 10000 });
      const treatment = await contents(browser, "dd.text");
      assert.deepEqual(treatment, [s], `${h.name}: the treatment as stored`);
      assert.ok((await contents(browser, "[data-testid=case-detail] dd")).includes(s), `${h.name}: the physician as stored`);
      await assertNothingInjected(browser, `${h.name} on its case`);

      const saved = JSON.parse(cli(db, ["case", "show", reference, "--json"]));
      assert.equal(saved.patient.family_name, s);
      assert.equal(saved.tasks[0].title, s);
      assert.equal(saved.timeline.find((e) => e.kind === "consultation").title, s);
      assert.equal(saved.treatment, s);
      assert.equal(saved.physician, s);
      made.push({ h, s, reference, patient: saved.patient.id });
    }

    // The patient form: contact and travel details, and the names again.
    await browser.$("[data-testid=nav-patients]").click();
    await browser.$("[data-testid=patients-screen]").waitForDisplayed();
    for (const { h, s, patient } of made) {
      await browser.$(`button[data-patient-id="${patient}"]`).waitForDisplayed({ timeout: 10000 });
      await browser.$(`button[data-patient-id="${patient}"]`).click();
      await browser.$("[data-testid=patient-form]").waitForDisplayed();
      await waitForContents(browser, "#patient-form-title", (t) => t[0] === `${s} ${s}`, `${h.name} as the patient's name`);
      for (const field of ["#field-home-region", "#field-emergency-contact", "#field-insurance", "#field-dietary-notes"]) {
        await fill(browser, field, h.text);
      }
      await browser.$("[data-testid=patient-save]").click();
      await browser.$("[data-testid=patient-saved]").waitForDisplayed({ timeout: 10000 });
      const values = await browser.execute(() =>
        ["#field-family-name", "#field-given-name", "#field-home-region", "#field-emergency-contact", "#field-insurance", "#field-dietary-notes"]
          .map((sel) => document.querySelector(sel).value));
      assert.deepEqual(values, [s, s, s, s, s, s], `${h.name}: the form shows what was saved`);
      const p = JSON.parse(cli(db, ["case", "show", made.find((m) => m.patient === patient).reference, "--json"])).patient;
      assert.deepEqual([p.home_region, p.emergency_contact, p.insurance, p.dietary_notes], [s, s, s, s], `${h.name}: in the database`);
      await assertNothingInjected(browser, `${h.name} in the patient form`);
    }

    // The provider form: a new provider named with the string.
    await browser.$("[data-testid=nav-providers]").click();
    await browser.$("[data-testid=providers-screen]").waitForDisplayed();
    for (const { h, s } of made) {
      await browser.$("[data-testid=provider-new]").click();
      await browser.$("[data-testid=provider-form]").waitForDisplayed();
      await fill(browser, "#field-name-en", h.text);
      // Chosen through a change event: WebKitWebDriver sends none when the option it picks
      // was the one last picked in this <select>, even after the form reset it.
      await browser.execute(() => {
        const select = document.querySelector("#field-country");
        select.value = "JP";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await fill(browser, "#field-city", h.text);
      await fill(browser, "#field-time-zone", "Asia/Tokyo");
      await fill(browser, "#field-desk-contact", h.text);
      await browser.$("[data-testid=provider-save]").click();
      await browser.$("[data-testid=provider-saved]").waitForDisplayed({ timeout: 10000 });
      await waitForContents(browser, "#provider-form-title bdi", (t) => t[0] === s, `${h.name} as the provider's title`);
      await waitForContents(browser, "[data-testid=providers-list] [data-testid=row-name]", (t) => t.includes(s), `${h.name} in the list`);
      const values = await browser.execute(() =>
        ["#field-name-en", "#field-name-fr", "#field-name-ja", "#field-city", "#field-desk-contact"].map((sel) => document.querySelector(sel).value));
      // A provider without a French or Japanese name is shown by its English one.
      assert.deepEqual(values, [s, s, s, s, s], `${h.name}: the provider form shows what was saved`);
      await assertNothingInjected(browser, `${h.name} in the provider form`);
    }

    // The search box: each string finds its case; a query that finds nothing is echoed as typed.
    await browser.$("[data-testid=nav-cases]").click();
    await browser.$("[data-testid=search]").waitForDisplayed();
    for (const { h, s, reference } of made) {
      await fill(browser, "[data-testid=search]", h.text);
      const rows = () => browser.execute(() =>
        Array.from(document.querySelectorAll("[data-testid=case-list] button.row"))
          .map((b) => [b.dataset.reference, b.querySelector("[data-testid=row-name]").textContent]));
      await browser.waitUntil(async () => {
        const found = await rows();
        return found.length === 1 && found[0][0] === reference;
      }, { timeout: 10000, timeoutMsg: `${h.name}: search did not show its case alone: ${JSON.stringify(await rows())}` });
      assert.equal((await rows())[0][1], `${s} ${s}`, `${h.name}: the result shows the name as stored`);
      await assertNothingInjected(browser, `searching for ${h.name}`);
    }
    for (const name of ["fluent-placeable", "sql-or-true", "fts-unbalanced", "typst-markup", "html-script"]) {
      const query = `${byName(name).text} zzqxj`;
      await fill(browser, "[data-testid=search]", query);
      const message = format("en", "search-no-results", { query });
      await waitForContents(browser, ".list .empty", (t) => t[0] === message, `no results for ${name}, echoed as typed`);
      await assertNothingInjected(browser, `searching for ${name}`);
    }
    await fill(browser, "[data-testid=search]", "");
  } catch (e) {
    screenshot("hostile-forms-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});

test("a query holding NUL in the search box is answered like any other, not with a database error", async () => {
  const db = freshDbPath();
  cli(db, ["case", "create", "--json", "-"], JSON.stringify({
    patient: { family_name: "Corpus", given_name: "Hostile" },
    case: { direction: "ca-to-jp", specialty: "oncology" },
  }));
  const browser = await openApp(db);
  try {
    for (const name of ["nul-middle", "nul-only"]) {
      const query = byName(name).text;
      await fill(browser, "[data-testid=search]", query);
      const answer = () => browser.execute(() => ({
        alerts: Array.from(document.querySelectorAll(".list [role=alert]")).map((e) => e.textContent),
        empty: document.querySelector(".list .empty")?.textContent ?? null,
      }));
      await browser.waitUntil(async () => {
        const a = await answer();
        return a.alerts.length > 0 || a.empty !== null;
      }, { timeout: 10000, timeoutMsg: `${name}: the search never answered` });
      const a = await answer();
      assert.deepEqual(a.alerts, [], `${name}: the search box shows an error`);
      assert.equal(a.empty, format("en", "search-no-results", { query }), `${name}: no case matches, said with the query as typed`);
    }
  } finally {
    await closeApp(browser);
  }
});
