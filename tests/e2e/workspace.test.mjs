// The coordinator's workspace in the real window: one case walked from inquiry to
// closed with an event, documents, a task and the Today screen checked on the way;
// keyboard, unsaved changes, undo, and an accessibility check of every screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, cli, closeApp, format, freshDbPath, openApp, plain, screenshot, textOf, textsOf, type } from "./lib.mjs";

const PIPELINE = [
  "records-review",
  "quoted",
  "confirmed",
  "travel-booked",
  "in-treatment",
  "recovering",
  "returned-home",
  "follow-up",
  "closed",
];

/** A Canadian patient from Ontario going to Japan: two zones 14 hours apart. */
function createCase(db) {
  const input = {
    patient: { family_name: "Côté", given_name: "Élodie", nationality: "CA", home_region: "ON" },
    case: { direction: "ca-to-jp", specialty: "proton-therapy" },
  };
  return cli(db, ["case", "create", "--json", "-"], JSON.stringify(input));
}

async function showToday(browser) {
  await browser.$("[data-testid=nav-today]").click();
  await browser.$("[data-testid=dashboard]").waitForDisplayed();
}

async function openCase(browser, reference) {
  await browser.$("[data-testid=nav-cases]").click();
  await browser.$(`button[data-reference="${reference}"]`).waitForDisplayed({ timeout: 10000 });
  await browser.$(`button[data-reference="${reference}"]`).click();
  await browser.$("[data-testid=case-detail]").waitForDisplayed();
}

async function statusCount(browser, status) {
  const text = await textOf(browser, `[data-testid=status-counts] li[data-status="${status}"] .count-value`);
  return Number(text);
}

async function waitForText(browser, selector, predicate, what) {
  await browser.waitUntil(async () => predicate(await textsOf(browser, selector)), {
    timeout: 10000,
    timeoutMsg: `${selector} never showed ${what}: ${JSON.stringify(await textsOf(browser, selector))}`,
  });
}

test("a case walks from inquiry to closed with an event, documents, a task and the Today screen along the way", async () => {
  const db = freshDbPath();
  const reference = createCase(db);
  const browser = await openApp(db, { view: "today" });
  try {
    await browser.$("[data-testid=dashboard]").waitForDisplayed();
    assert.equal(await statusCount(browser, "inquiry"), 1);
    assert.equal(await statusCount(browser, "closed"), 0);

    await openCase(browser, reference);

    // An event at 09:00 in Tokyo reads as the previous evening in Toronto, the patient's home.
    await browser.$("[data-testid=add-event]").click();
    await browser.$("[data-testid=event-kind]").selectByAttribute("value", "procedure");
    await type(browser, "[data-testid=event-start]", "2026-12-01 09:00");
    await type(browser, "[data-testid=event-zone]", "Tokyo");
    await type(browser, "[data-testid=event-title]", "<b>Proton</b> session 1");
    await browser.$("[data-testid=event-save]").click();
    // A zone that is not an IANA name is refused next to its field, nothing saved.
    await browser.$("[data-testid=event-form] [data-testid=field-error]").waitForDisplayed();
    const zoneError = await textOf(browser, "[data-testid=event-form] [data-testid=field-error]");
    assert.ok(zoneError.includes(format("en", "field-event-zone")), zoneError);
    await type(browser, "[data-testid=event-zone]", "Asia/Tokyo");
    await browser.$("[data-testid=event-save]").click();
    await browser.$("[data-testid=event-local]").waitForDisplayed();
    const local = await textOf(browser, "[data-testid=event-local]");
    const home = await textOf(browser, "[data-testid=event-home]");
    assert.match(local, /Dec\.? 1, 2026/);
    assert.match(local, /09:00/);
    assert.match(home, /Nov\.? 30, 2026/);
    assert.match(home, /07:00 p\.m\./);
    // Record text is shown as text, never as markup.
    assert.ok((await textOf(browser, "[data-testid=timeline]")).includes("<b>Proton</b> session 1"));

    // Documents: ask for the passport (the case now waits on it), verify the referral letter.
    await browser.$('[data-testid=documents] li[data-kind="passport"] select').selectByAttribute("value", "requested");
    await browser.waitUntil(async () =>
      (await browser.$('[data-testid=documents] li[data-kind="passport"] select').getValue()) === "requested");
    await browser.$('[data-testid=documents] li[data-kind="referral-letter"] select').selectByAttribute("value", "verified");

    // A task already overdue.
    await type(browser, "[data-testid=task-title]", "Send CT images to the international desk");
    await type(browser, "[data-testid=task-due]", "2026-01-15");
    await browser.$("[data-testid=task-add]").click();
    await waitForText(browser, "[data-testid=tasks] li", (t) => t.length === 1, "the new task");

    await showToday(browser);
    await waitForText(browser, "[data-testid=overdue] li", (t) => t.some((x) => x.includes("Send CT images")), "the overdue task");
    await waitForText(browser, "[data-testid=waiting] li", (t) => t.some((x) => x.includes(reference)), "the case waiting on its passport");
    screenshot("workspace-today-en");

    // Completing the task takes it off Today.
    await browser.$(`[data-testid=overdue] button[data-reference="${reference}"]`).click();
    await browser.$("[data-testid=case-detail]").waitForDisplayed();
    await browser.$("[data-testid=task-done]").click();
    await browser.waitUntil(async () => (await textsOf(browser, "[data-testid=tasks] li.done")).length === 1);
    await showToday(browser);
    await waitForText(browser, "[data-testid=overdue]", (t) => t[0].includes(format("en", "today-nothing-overdue")), "nothing overdue");

    // The whole pipeline, one allowed step at a time.
    await openCase(browser, reference);
    for (const status of PIPELINE) {
      await browser.$(`[data-testid=status-to-${status}]`).click();
      const label = format("en", `case-status-${status}`);
      await browser.waitUntil(async () => (await textOf(browser, "[data-testid=detail-status]")) === label, {
        timeoutMsg: `status never became ${label}`,
      });
    }
    const timeline = await textOf(browser, "[data-testid=timeline]");
    for (const status of PIPELINE) assert.ok(timeline.includes(format("en", `case-status-${status}`)), status);

    await showToday(browser);
    assert.equal(await statusCount(browser, "closed"), 1);
    assert.equal(await statusCount(browser, "inquiry"), 0);
    await waitForText(browser, "[data-testid=waiting]", (t) => t[0].includes(format("en", "today-nothing-waiting")), "closed cases wait on nothing");

    // Everything is in the file: the CLI reads it back.
    const saved = JSON.parse(cli(db, ["case", "show", reference, "--json"]));
    assert.equal(saved.summary.status, "closed");
    assert.equal(saved.documents.find((d) => d.kind === "referral-letter").state, "verified");
    assert.equal(saved.tasks[0].done, true);
    assert.equal(saved.timeline.find((e) => e.kind === "procedure").starts_at.slice(0, 16), "2026-12-01T00:00");
  } catch (e) {
    screenshot("workspace-pipeline-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});

test("a deleted task comes back with undo, and unsaved text is never dropped silently", async () => {
  const db = freshDbPath();
  const reference = createCase(db);
  const browser = await openApp(db);
  try {
    await openCase(browser, reference);
    await type(browser, "[data-testid=task-title]", "Book the interpreter");
    await browser.$("[data-testid=task-add]").click();
    await waitForText(browser, "[data-testid=tasks] li", (t) => t.length === 1, "the task");
    await browser.$("[data-testid=tasks] li button").click();
    await browser.$("[data-testid=undo-bar]").waitForDisplayed();
    assert.equal((await textsOf(browser, "[data-testid=tasks] li")).length, 0);
    await browser.$("[data-testid=undo]").click();
    await waitForText(browser, "[data-testid=tasks] li", (t) => t.length === 1 && t[0].includes("Book the interpreter"), "the task back");

    // Half-typed note, then another screen: the app asks first.
    await type(browser, "[data-testid=note-text]", "Called the daughter about the visa");
    await browser.$("[data-testid=nav-today]").click();
    await browser.$("[data-testid=discard-confirm]").waitForDisplayed();
    await browser.keys("Escape");
    await browser.$("[data-testid=discard-confirm]").waitForDisplayed({ reverse: true });
    assert.equal(await browser.$("[data-testid=note-text]").getValue(), "Called the daughter about the visa");
    // Ctrl+S saves the form the cursor is in.
    await browser.$("[data-testid=note-text]").click();
    await browser.keys(["Control", "s"]);
    await browser.waitUntil(async () => (await textOf(browser, "[data-testid=case-detail]")).includes("Called the daughter about the visa") &&
      (await browser.$("[data-testid=note-text]").getValue()) === "");
    await browser.$("[data-testid=nav-today]").click();
    await browser.$("[data-testid=dashboard]").waitForDisplayed();
  } catch (e) {
    screenshot("workspace-undo-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});

test("Today opens each long list at its first ten rows and shows the rest on request, from the keyboard", async () => {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", "300", "--seed", "7"]);
  const browser = await openApp(db, { view: "today" });
  try {
    await browser.$("[data-testid=overdue] li").waitForExist({ timeout: 20000 });
    const rows = () => browser.execute(() => document.querySelectorAll("[data-testid=overdue] li").length);
    assert.equal(await rows(), 10, "ten overdue tasks at first");
    const more = plain(await textOf(browser, "[data-testid=overdue] [data-testid=show-more]"));
    const hidden = Number(more.match(/\d+/)[0]);
    assert.ok(hidden > 0, more);
    assert.equal(more, format("en", "today-show-more", { count: hidden }));

    await browser.execute(() => document.querySelector("[data-testid=overdue] [data-testid=show-more]").focus());
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await rows()) === 10 + hidden, { timeoutMsg: "the hidden rows never showed" });
    assert.equal(await browser.$("[data-testid=overdue] [data-testid=show-more]").isExisting(), false);
    const focused = await browser.execute(() => {
      const li = document.activeElement?.closest("li");
      return li ? [...li.parentElement.children].indexOf(li) : -1;
    });
    assert.equal(focused, 10, "the keyboard lands on the first row that was hidden");
    // The other lists keep their own state.
    const soon = await browser.execute(() => document.querySelectorAll("[data-testid=due-soon] li").length);
    assert.equal(soon, 10, "due soon still shows its first ten");
    assert.ok(await browser.$("[data-testid=due-soon] [data-testid=show-more]").isExisting(), "due soon still offers the rest");
  } finally {
    await closeApp(browser);
  }
});

test("every screen passes axe-core with no serious or critical violation, in each language", async () => {
  const db = freshDbPath();
  cli(db, ["demo", "--cases", "300", "--seed", "7"]);
  const first = JSON.parse(cli(db, ["case", "list", "--json", "--limit", "1"])).cases[0].reference;
  const browser = await openApp(db, { view: "today" });
  const found = [];
  try {
    // The check can fail: a button without a name is reported.
    await browser.execute(() => document.body.append(Object.assign(document.createElement("button"), { id: "axe-probe" })));
    assert.ok((await axeViolations(browser)).some((v) => v.startsWith("button-name")), "axe sees an unnamed button");
    await browser.execute(() => document.getElementById("axe-probe").remove());
    for (const lang of ["en", "fr", "ja"]) {
      await browser.$("[data-testid=language]").selectByAttribute("value", lang);
      await browser.waitUntil(async () => (await browser.$("html").getAttribute("lang")) === lang);
      const screens = [
        ["today", async () => showToday(browser)],
        ["case", async () => openCase(browser, first)],
        ["export", async () => {
          await browser.$("[data-testid=open-export]").click();
          await browser.$("[data-testid=export-dialog]").waitForDisplayed();
          await browser.$("[data-testid=export-preview]").waitForDisplayed({ timeout: 20000 });
        }],
        ["new-case", async () => {
          await browser.$("[data-testid=new-case]").click();
          await browser.$("[data-testid=new-case-form]").waitForDisplayed();
        }],
        ["patients", async () => {
          await browser.$("[data-testid=nav-patients]").click();
          await browser.$("[data-testid=patients-screen]").waitForDisplayed();
          await browser.$("[data-testid=patients-list] button").click();
          await browser.$("[data-testid=patient-form]").waitForDisplayed();
        }],
        ["providers", async () => {
          await browser.$("[data-testid=nav-providers]").click();
          await browser.$("[data-testid=providers-screen]").waitForDisplayed();
          await browser.$("[data-testid=providers-list] button").click();
          await browser.$("[data-testid=provider-form]").waitForDisplayed();
        }],
        ["settings", async () => {
          await browser.$("[data-testid=nav-settings]").click();
          await browser.$("[data-testid=settings]").waitForDisplayed();
        }],
      ];
      for (const [name, show] of screens) {
        await show();
        await browser.pause(200);
        for (const v of await axeViolations(browser)) found.push(`${lang}/${name}: ${v}`);
      }
    }
    assert.deepEqual(found, []);
  } catch (e) {
    screenshot("workspace-axe-failure");
    throw e;
  } finally {
    await closeApp(browser);
  }
});
