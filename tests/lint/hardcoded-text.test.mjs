// Every word a person reads comes from locales/: no text typed into the UI's
// templates or into the Rust hosts' output. Run by scripts/test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The UI's own Svelte compiler parses its templates exactly as the build does.
const { parse } = createRequire(join(root, "ui", "package.json"))("svelte/compiler");

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "bindings" ? [] : files(path, ext);
    return path.endsWith(ext) ? [path] : [];
  });
}

const LETTER = /\p{L}/u;
const TEXT_ATTRIBUTES = new Set(["placeholder", "title", "alt", "aria-label", "label", "aria-description"]);

/** Visits template nodes; attribute values are visited only through their Attribute. */
function walk(node, visit) {
  if (!node || typeof node !== "object") return;
  visit(node);
  if (node.type === "Attribute") return;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
    else if (value && typeof value === "object" && value.type) walk(value, visit);
  }
}

test("Svelte templates contain no literal text, only messages", () => {
  const found = [];
  for (const file of files(join(root, "ui", "src"), ".svelte")) {
    const source = readFileSync(file, "utf8");
    const ast = parse(source, { modern: true });
    walk(ast.fragment, (node) => {
      if (node.type === "Text" && LETTER.test(node.data)) {
        found.push(`${relative(root, file)}:${node.start}: ${JSON.stringify(node.data.trim())}`);
      }
      if (node.type === "Attribute" && TEXT_ATTRIBUTES.has(node.name) && Array.isArray(node.value)) {
        for (const part of node.value) {
          if (part.type === "Text" && LETTER.test(part.data)) {
            found.push(`${relative(root, file)}:${part.start}: ${node.name}=${JSON.stringify(part.data)}`);
          }
        }
      }
    });
  }
  assert.deepEqual(found, [], "text belongs in locales/*/app.ftl");
});

test("the Rust hosts print no literal words", () => {
  const found = [];
  const sources = [...files(join(root, "crates", "cli", "src"), ".rs"), ...files(join(root, "src-tauri", "src"), ".rs")];
  for (const file of sources) {
    const text = readFileSync(file, "utf8").split("#[cfg(test)]")[0];
    for (const m of text.matchAll(/(?:print|println|eprint|eprintln)!\(\s*"((?:[^"\\]|\\.)*)"/g)) {
      // The program's own name as a prefix is not a word to translate.
      const words = m[1].replace(/\{[^}]*\}/g, "").replace(/^kakehashi:/, "");
      if (LETTER.test(words)) found.push(`${relative(root, file)}: ${m[1]}`);
    }
    for (const m of text.matchAll(/\.(?:about|help|title)\(\s*"((?:[^"\\]|\\.)*)"/g)) {
      found.push(`${relative(root, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(found, []);
});
