// The browser tools' shape, read from the modules themselves with acorn (a real JavaScript parser):
// core/ imports no tool, a tool (and offline/) imports only core/ and its own folder, nothing imports
// theme/ or the loader, and no function is over 80 lines. A newcomer finds a tool's whole code in its folder.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { parse } from "../../tools/node_modules/acorn/dist/acorn.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../content/assets/javascripts");
const MAX_LINES = 80;
const TOOLS = ["picker", "prep-sheet", "studio", "checklists", "tracker"];
// offline/ is on every page, as theme/ is (mkdocs.yml loads it), but it is a module with words of its
// own: like a tool, it imports only core/ and its own folder.
const PARTS = [...TOOLS, "offline"];

function modules(folder = ROOT) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? modules(path) : entry.name.endsWith(".js") ? [relative(ROOT, path)] : [];
  });
}

function syntax(path) {
  const text = readFileSync(join(ROOT, path), "utf8");
  const sourceType = path.startsWith("theme/") ? "script" : "module";
  return parse(text, { ecmaVersion: "latest", sourceType, locations: true });
}

/** Every node of a syntax tree, depth first. */
function* walk(node) {
  if (!node || typeof node.type !== "string") {
    return;
  }
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object") {
        yield* walk(child);
      }
    }
  }
}

/** The modules a module imports, statically or not, as paths under ROOT. */
function imports(path) {
  const found = [];
  for (const node of walk(syntax(path))) {
    const source = node.type === "ImportExpression" ? node.source : node.source && node.type.endsWith("Declaration") ? node.source : null;
    if (source && typeof source.value === "string" && source.value.startsWith(".")) {
      found.push(relative(ROOT, resolve(ROOT, dirname(path), source.value)));
    }
  }
  return found;
}

const folderOf = (path) => (path.includes("/") ? path.split("/")[0] : "");
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

test("every module of the tools sits in core/, a tool's folder, offline/ or theme/, besides the loader", () => {
  for (const path of modules()) {
    assert.ok(path === "tools.js" || ["core", "theme", ...PARTS].includes(folderOf(path)), path);
  }
});

test("core/ imports no tool, and a tool imports only core/ and its own folder", () => {
  for (const path of modules()) {
    const folder = folderOf(path);
    for (const target of imports(path)) {
      const allowed = folder === "core" ? ["core"] : folder === "" ? ["core", ...TOOLS] : ["core", folder];
      assert.ok(allowed.includes(folderOf(target)), `${path} imports ${target}`);
    }
  }
});

test("every import names a module that is there", () => {
  const all = new Set(modules());
  for (const path of modules()) {
    for (const target of imports(path)) {
      assert.ok(all.has(target), `${path} imports ${target}, which does not exist`);
    }
  }
});

test(`no function is over ${MAX_LINES} lines`, () => {
  const long = [];
  for (const path of modules()) {
    for (const node of walk(syntax(path))) {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (FUNCTIONS.has(node.type) && lines > MAX_LINES) {
        long.push(`${path}:${node.loc.start.line} (${lines} lines)`);
      }
    }
  }
  assert.deepEqual(long, []);
});

test("the checks see what they check: a tool's imports and a long function are found", () => {
  assert.ok(imports("prep-sheet/prep-sheet.js").includes("core/store.js"));
  const body = Array.from({ length: MAX_LINES }, (_, index) => `  const a${index} = ${index};`).join("\n");
  const tree = parse(`function long() {\n${body}\n}\n`, { ecmaVersion: "latest", locations: true });
  const node = [...walk(tree)].find((each) => FUNCTIONS.has(each.type));
  assert.equal(node.loc.end.line - node.loc.start.line + 1, MAX_LINES + 2);
});
