// The webview is locked down, checked in the real window: the CSP stops evaluated
// and inline script and every remote source, the capability file lets the page call
// only the app's own commands, and the window neither leaves the app's origin nor
// opens another. Each refusal is checked beside something allowed, so that a broken
// harness cannot pass for a block.
//
// Everything "remote" is a small HTTP server of this test on 127.0.0.1: it is
// reachable (checked first), so a request that never arrives was refused, not lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { cli, closeApp, freshDbPath, openApp } from "./lib.mjs";

const CASES = 5;
// A 1×1 PNG: the CSP allows data: images, so this one must load.
const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

let browser;
let remote;

/** A stand-in for a remote site that records every request it receives. */
function remoteSite() {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { "content-type": "text/html", "access-control-allow-origin": "*" });
    res.end("<!doctype html><title>remote</title><h1>remote</h1>");
  });
  server.on("upgrade", (req, socket) => {
    hits.push(req.url);
    socket.destroy();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, hits, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** Where the page is and whether the case list is still drawn, read in one step. */
function where() {
  return browser.execute(() => ({
    href: location.href,
    rows: document.querySelectorAll("[data-testid=case-list] [data-testid=row-name]").length,
  }));
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

before(async () => {
  remote = await remoteSite();
  const ping = await fetch(`${remote.url}/ping`);
  assert.equal(ping.status, 200, "the stand-in remote site answers");
  assert.deepEqual(remote.hits, ["/ping"]);
  remote.hits.length = 0;

  const db = freshDbPath();
  cli(db, ["demo", "--cases", String(CASES), "--seed", "5"]);
  browser = await openApp(db);
  await browser.waitUntil(async () => (await where()).rows === CASES, {
    timeout: 10000,
    timeoutMsg: "the case list never showed the demo cases",
  });
});

after(async () => {
  if (browser) await closeApp(browser);
  remote?.server.close();
});

test("the page runs on the app's own origin, without the global Tauri object, with frozen prototypes", async () => {
  const page = await browser.execute(() => ({
    href: location.href,
    globalTauri: typeof window.__TAURI__,
    internals: typeof window.__TAURI_INTERNALS__?.invoke,
    // freezePrototype freezes Object.prototype: no pollution of every object.
    frozen: Object.isFrozen(Object.prototype),
    polluted: (() => {
      try {
        Object.prototype.__polluted = 1;
      } catch {
        // strict-mode code throws on a frozen object; either way nothing changes
      }
      return {}.__polluted === 1;
    })(),
  }));
  assert.match(page.href, /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost)(\/|$)/);
  assert.equal(page.globalTauri, "undefined", "withGlobalTauri is off");
  assert.equal(page.internals, "function", "the IPC the UI uses through @tauri-apps/api is there");
  assert.equal(page.frozen, true, "freezePrototype is on");
  assert.equal(page.polluted, false, "a property set on Object.prototype reaches no object");
});

test("the CSP refuses evaluated and inline script, while the page's own listeners run", async () => {
  const r = await browser.executeAsync((pixel, done) => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective || e.violatedDirective));
    const attempt = (f) => {
      try {
        return { ran: f() };
      } catch (e) {
        return { threw: e.name };
      }
    };
    const out = {
      eval: attempt(() => eval("1 + 1")),
      func: attempt(() => new Function("return 2")()),
      timer: attempt(() => setTimeout("window.__timerString = 1", 0)),
    };
    const script = document.createElement("script");
    script.textContent = "window.__inlineScript = 1";
    document.head.appendChild(script);
    // An image that fails to decode: its inline handler must not run, its listener must.
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__inlineHandler = 1");
    img.addEventListener("error", () => (window.__listener = 1));
    img.src = "data:image/png;base64,AAAA";
    document.body.appendChild(img);
    const link = document.createElement("a");
    link.href = "javascript:window.__javascriptUrl = 1";
    document.body.appendChild(link);
    link.click();
    const allowed = document.createElement("img");
    allowed.addEventListener("load", () => (window.__pixel = "load"));
    allowed.addEventListener("error", () => (window.__pixel = "error"));
    allowed.src = pixel;
    document.body.appendChild(allowed);
    setTimeout(() => {
      // WebDriver returns undefined as null: say plainly what ran.
      const ran = (v) => (v === 1 ? "ran" : "did not run");
      const seen = {
        out,
        violations,
        timerString: ran(window.__timerString),
        inlineScript: ran(window.__inlineScript),
        inlineHandler: ran(window.__inlineHandler),
        listener: ran(window.__listener),
        javascriptUrl: ran(window.__javascriptUrl),
        pixel: window.__pixel,
      };
      for (const el of [script, img, link, allowed]) el.remove();
      done(seen);
    }, 800);
  }, PIXEL);
  assert.equal(r.out.eval.threw, "EvalError", `eval: ${JSON.stringify(r.out.eval)}`);
  assert.equal(r.out.func.threw, "EvalError", `new Function: ${JSON.stringify(r.out.func)}`);
  assert.equal(r.timerString, "did not run", "a string given to setTimeout");
  assert.equal(r.inlineScript, "did not run", "an injected inline script");
  assert.equal(r.inlineHandler, "did not run", "an inline onerror handler");
  assert.equal(r.javascriptUrl, "did not run", "a javascript: link");
  assert.equal(r.listener, "ran", "the failing image did fire its error event: only the inline handler was refused");
  assert.equal(r.pixel, "load", "a data: image, which the CSP allows, loads");
  assert.ok(r.violations.some((v) => v.startsWith("script-src")), `violations reported: ${r.violations}`);
});

test("the CSP refuses remote connections, images, frames and forms, while the app's own IPC works", async () => {
  const r = await browser.executeAsync((site, done) => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective || e.violatedDirective));
    const settle = (p) =>
      Promise.race([p, new Promise((r) => setTimeout(() => r("pending"), 3000))]).then(
        (v) => (typeof v === "string" ? v : "fulfilled"),
        (e) => `rejected ${e.name}`,
      );
    const added = [];
    const add = (el) => (document.body.appendChild(el), added.push(el), el);
    const img = add(document.createElement("img"));
    const imgState = new Promise((r) => {
      img.addEventListener("load", () => r("load"));
      img.addEventListener("error", () => r("error"));
    });
    img.src = `${site}/image.png`;
    const frame = add(document.createElement("iframe"));
    frame.src = `${site}/frame`;
    const form = add(document.createElement("form"));
    form.method = "post";
    form.action = `${site}/form`;
    form.target = "_self";
    try {
      form.submit();
    } catch {
      // refused either way
    }
    let socket = "opened";
    try {
      const ws = new WebSocket(site.replace("http:", "ws:") + "/socket");
      ws.onerror = () => (socket = "error");
    } catch (e) {
      socket = `threw ${e.name}`;
    }
    let beacon;
    try {
      beacon = navigator.sendBeacon(`${site}/beacon`, "x");
    } catch (e) {
      beacon = `threw ${e.name}`;
    }
    Promise.all([
      settle(fetch(`${site}/fetch`)),
      settle(fetch("https://example.com/")),
      settle(new Promise((ok, no) => {
        const x = new XMLHttpRequest();
        x.open("GET", `${site}/xhr`);
        x.onload = () => ok();
        x.onerror = () => no(new Error("xhr"));
        x.send();
      })),
      settle(window.__TAURI_INTERNALS__.invoke("app_info")),
      imgState,
    ]).then(([remoteFetch, exampleFetch, xhr, ipc, image]) =>
      setTimeout(() => {
        added.forEach((el) => el.remove());
        done({ remoteFetch, exampleFetch, xhr, ipc, image, socket, beacon, violations, href: location.href });
      }, 1000),
    );
  }, remote.url);
  assert.equal(r.ipc, "fulfilled", "the app's own IPC (connect-src ipc:) works");
  assert.match(r.remoteFetch, /^rejected/, "fetch to another origin");
  assert.match(r.exampleFetch, /^rejected/, "fetch to a remote site");
  assert.match(r.xhr, /^rejected/, "XMLHttpRequest to another origin");
  assert.equal(r.image, "error", "a remote image");
  assert.notEqual(r.socket, "opened", "a WebSocket");
  assert.match(r.href, /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost)(\/|$)/, "the form did not take the page away");
  for (const directive of ["connect-src", "img-src", "frame-src"]) {
    assert.ok(r.violations.some((v) => v.startsWith(directive)), `no ${directive} violation reported: ${r.violations}`);
  }
  assert.deepEqual(remote.hits, [], "the remote site received no request at all");
  assert.equal((await where()).rows, CASES, "the case list is still there");
});

test("the page may call the app's own commands and nothing else", async () => {
  const calls = [
    ["app_info", {}],
    ["plugin:dialog|open", { options: {} }],
    ["plugin:dialog|message", { message: "pwned" }],
    ["plugin:fs|read_text_file", { path: "/etc/passwd" }],
    ["plugin:shell|open", { path: "https://example.com/" }],
    ["plugin:window|set_title", { label: "main", value: "pwned" }],
    ["plugin:webview|create_webview_window", { options: { label: "evil", url: "https://example.com/" } }],
    ["plugin:event|emit", { event: "menu", payload: "settings" }],
    ["plugin:window-state|save_window_state", { flags: 31 }],
    ["plugin:app|version", {}],
    ["no_such_command", {}],
  ];
  const results = await browser.executeAsync((calls, done) => {
    const one = ([command, args]) =>
      Promise.race([
        window.__TAURI_INTERNALS__.invoke(command, args).then(
          (value) => ({ command, ok: true, value }),
          (e) => ({ command, ok: false, error: typeof e === "string" ? e : JSON.stringify(e) }),
        ),
        // A dialog that opened would block here: that too is a failure.
        new Promise((r) => setTimeout(() => r({ command, ok: true, value: "no answer in 5 s" }), 5000)),
      ]);
    Promise.all(calls.map(one)).then(done);
  }, calls);
  const [info, ...refused] = results;
  assert.equal(info.ok, true, `app_info: ${info.error}`);
  assert.equal(info.value.case_count, CASES, "app_info answered for the open database");
  for (const r of refused) {
    assert.equal(r.ok, false, `${r.command} was allowed: ${JSON.stringify(r.value)}`);
    assert.match(r.error, /not allowed|not found|unknown/i, `${r.command} refused for another reason: ${r.error}`);
  }
  assert.equal((await where()).rows, CASES, "the case list is still there");
});

test("the window never leaves the app's origin and opens no other window", async () => {
  const start = await where();
  const handles = await browser.getWindowHandles();
  const attempts = [
    ["location.href to a reachable site", (url) => (window.location.href = `${url}/navigate`)],
    ["location.href to a remote site", () => (window.location.href = "https://example.com/")],
    ["location.assign to a local file", () => location.assign("file:///etc/passwd")],
    ["location.replace to a data: page", () => location.replace("data:text/html,<h1>pwned</h1>")],
    ["a link with target _blank", (url) => {
      const a = document.createElement("a");
      a.href = `${url}/blank`;
      a.target = "_blank";
      document.body.appendChild(a);
      a.click();
      a.remove();
    }],
    ["window.open", (url) => String(window.open(`${url}/popup`))],
  ];
  for (const [what, attempt] of attempts) {
    const returned = await browser.execute(attempt, remote.url);
    if (what === "window.open") assert.equal(returned, "null", "window.open gives the page no window");
    await sleep(1500);
    const now = await where();
    assert.equal(now.href, start.href, `${what}: the page left the app`);
    assert.equal(now.rows, CASES, `${what}: the case list is gone`);
  }
  assert.deepEqual(await browser.getWindowHandles(), handles, "no new window was opened");
  assert.deepEqual(remote.hits, [], "the remote site received no request at all");
});
