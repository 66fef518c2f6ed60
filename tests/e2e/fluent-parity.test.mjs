// One set of .ftl files, two engines: fluent-rs in the core (CLI, errors, exports)
// and fluent.js in the UI must say the same thing. Runs the real CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, format, root } from "./lib.mjs";

// Grouping spaces differ between CLDR versions (U+00A0 or U+202F); the words must not.
const squash = (s) => s.replace(/[\u00a0\u202f]/g, " ");

function rust(lang, id, args = {}) {
  const flags = Object.entries(args).flatMap(([k, v]) => ["--arg", `${k}=${v}`]);
  return execFileSync(CLI, ["--lang", lang, "message", id, ...flags], { encoding: "utf8" }).replace(/\n$/, "");
}

/** Ids of messages with no variables, from the English files. */
function plainIds() {
  const ids = [];
  for (const file of ["app.ftl", "domain.ftl", "errors.ftl"]) {
    for (const line of readFileSync(join(root, "locales", "en", file), "utf8").split("\n")) {
      const m = line.match(/^([a-zA-Z][\w-]*) = (.*)$/);
      if (m && !m[2].includes("{")) ids.push(m[1]);
    }
  }
  return ids;
}

const WITH_ARGS = [
  ["case-count", { count: 0 }],
  ["case-count", { count: 1 }],
  ["case-count", { count: 2 }],
  ["case-count", { count: 12345 }],
  ["cli-demo-created", { count: 1 }],
  ["cli-demo-created", { count: 500 }],
  ["search-result-count", { count: 1 }],
  ["search-first-results", { count: 50 }],
  ["error-too-long", { field: "X", max: 200 }],
  ["error-required", { field: "Nom" }],
  ["detail-status-change", { from: "A", to: "B" }],
  ["form-created", { reference: "KH-2026-0042" }],
  ["error-schema-too-new", { found: 2, supported: 1 }],
];

for (const lang of ["en", "fr", "ja"]) {
  test(`${lang}: messages with arguments and plurals read the same in Rust and in the UI`, () => {
    for (const [id, args] of WITH_ARGS) {
      assert.equal(squash(rust(lang, id, args)), squash(format(lang, id, args)), `${lang} ${id} ${JSON.stringify(args)}`);
    }
  });

  test(`${lang}: every message without arguments reads the same in Rust and in the UI`, () => {
    const ids = plainIds();
    assert.ok(ids.length > 100, "the sample is the whole catalogue");
    for (const id of ids) {
      assert.equal(rust(lang, id), format(lang, id), `${lang} ${id}`);
    }
  });
}
