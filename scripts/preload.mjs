// Writes into the served index.html (target/site/) a modulepreload link for every module that
// main.js imports statically, directly or not, and a preload of the core's wasm: the browser then
// fetches them all at once instead of one level of imports after another, and the wasm while the
// modules load. Computed from the sources in www/ at each build, so the list cannot go stale.
// Usage: node scripts/preload.mjs [SITE]   (default target/site)

import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const SITE = process.argv[2] ?? join(ROOT, 'target', 'site');
const ENTRY = 'main.js';
/** The wasm that the core's glue (pkg/entente.js) fetches as main.js starts. */
const WASM = 'pkg/entente_bg.wasm';

/** The static imports of one module (import … from, export … from, bare import; not import()). */
export function staticImports(source) {
  const out = [];
  const statement = /^\s*(?:import|export)\b[^;'"()]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) out.push(m[1] ?? m[2]);
  return out;
}

/** Every module main.js needs before it runs, as paths relative to www/, in the order first met. */
export function moduleGraph(entry = ENTRY) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const spec of staticImports(readFileSync(join(WWW, path), 'utf8'))) {
      if (!spec.startsWith('.')) throw new Error(`${path}: the page imports only its own modules, not ${spec}`);
      visit(normalize(join(dirname(path), spec)));
    }
  };
  visit(entry);
  seen.delete(entry);
  return [...seen];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(SITE, 'index.html');
  const html = readFileSync(file, 'utf8');
  const tag = `<script type="module" src="${ENTRY}"></script>`;
  if (!html.includes(tag)) throw new Error(`${file}: no ${tag} to put the preloads before`);
  const links = [
    ...moduleGraph().map((p) => `<link rel="modulepreload" href="${p}">`),
    `<link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>`,
  ];
  writeFileSync(file, html.replace(tag, `${links.join('\n')}\n${tag}`));
}
