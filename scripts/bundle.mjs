// Writes the page's JavaScript into the served site (target/site/, laid out by scripts/lib.sh
// build_site) with esbuild, and the preloads of the first picture into its index.html:
// - every module of www/ stays a file of its own name and exports (tests, benches and a
//   debugging person import them by name), but the code of every module main.js imports
//   statically, directly or not, is in one shared chunk, evaluated once: the first picture takes
//   main.js, that chunk, the core's glue and its wasm (7 requests with the styles and early.js,
//   not 33). Modules fetched after the first picture share chunks of their own;
// - the workers (a realm of their own, no shared instance to keep) are each one file;
// - early.js (a classic script) and wasm-bindgen's glue in pkg/ are only minified, the glue kept
//   where it is, as it finds its wasm next to itself (`import.meta.url`).
// Usage: node scripts/bundle.mjs [SITE]   (default target/site)

import { readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, normalize, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const ENTRY = 'main.js';
/** The wasm that the core's glue (pkg/entente.js) fetches as main.js starts. */
const WASM = 'pkg/entente_bg.wasm';
const EXTERNAL = ['./pkg/*'];

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

/** The page's modules, its workers (started by `new URL('./x.js', import.meta.url)`) and its
 *  classic scripts (index.html's `<script src>` without `type="module"`). */
export function sources() {
  const all = readdirSync(WWW).filter((f) => f.endsWith('.js'));
  const workers = new Set();
  for (const f of all) {
    for (const m of readFileSync(join(WWW, f), 'utf8').matchAll(/new URL\(\s*['"]\.\/([\w-]+\.js)['"]\s*,\s*import\.meta\.url\s*\)/g)) workers.add(m[1]);
  }
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const classic = new Set([...html.matchAll(/<script\b(?![^>]*type="module")[^>]*\bsrc="([\w-]+\.js)"/g)].map((m) => m[1]));
  return { modules: all.filter((f) => !workers.has(f) && !classic.has(f)), workers: [...workers], classic: [...classic] };
}

async function bundle(site) {
  const { modules, workers, classic } = sources();
  const first = moduleGraph().filter((p) => !p.startsWith('pkg/'));
  // Every module entry imports the first picture's modules: they then share one chunk, not one
  // chunk per combination of entries that reaches them.
  const scratch = mkdtempSync(join(tmpdir(), 'entente-bundle-'));
  const inject = join(scratch, 'first.js');
  writeFileSync(inject, first.map((p) => `import ${JSON.stringify(join(WWW, p))};`).join('\n'));
  const common = { bundle: true, format: 'esm', minify: true, external: EXTERNAL, logLevel: 'warning', absWorkingDir: ROOT };
  let meta;
  try {
    ({ metafile: meta } = await build({
      ...common, entryPoints: modules.map((f) => join(WWW, f)), splitting: true, inject: [inject],
      outdir: site, chunkNames: 'chunk-[hash]', metafile: true,
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const w of workers) await build({ ...common, entryPoints: [join(WWW, w)], outfile: join(site, w) });
  for (const c of classic) await build({ entryPoints: [join(WWW, c)], minify: true, outfile: join(site, c), logLevel: 'warning' });
  for (const g of readdirSync(join(WWW, 'pkg')).filter((f) => f.endsWith('.js'))) {
    await build({ entryPoints: [join(WWW, 'pkg', g)], format: 'esm', minify: true, outfile: join(site, 'pkg', g), logLevel: 'warning' });
  }
  // What main.js imports statically, directly or not: the preloads of the first picture (the
  // metafile's paths are relative to ROOT, its working directory; an external one as written).
  const fromRoot = (path) => relative(ROOT, join(site, path)).split('\\').join('/');
  const preload = new Set();
  const visit = (out) => {
    for (const i of meta.outputs[out].imports) {
      if (i.kind !== 'import-statement') continue;
      const path = i.external ? normalize(i.path) : relative(site, join(ROOT, i.path)).split('\\').join('/');
      if (preload.has(path)) continue;
      preload.add(path);
      if (!i.external) visit(i.path);
    }
  };
  visit(fromRoot(ENTRY));
  return [...preload];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = process.argv[2] ?? join(ROOT, 'target', 'site');
  const preload = await bundle(site);
  const file = join(site, 'index.html');
  const html = readFileSync(file, 'utf8');
  const tag = `<script type="module" src="${ENTRY}"></script>`;
  if (!html.includes(tag)) throw new Error(`${file}: no ${tag} to put the preloads before`);
  const links = [
    ...preload.map((p) => `<link rel="modulepreload" href="${p}">`),
    `<link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>`,
  ];
  writeFileSync(file, html.replace(tag, `${links.join('\n')}\n${tag}`));
}
