// Publishes the page as a folder of static files: relative URLs, content-hashed names, the CSP in a meta tag and a _headers file.
//
// Usage: node scripts/build.mjs --site target/site [--data FILE] [--out DIR] [--base PATH] [--origins LIST]
// (scripts/build builds target/site first and calls this.)

import { readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname, basename, relative, resolve, posix } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEFAULT_DATA = 'data/pakistan-2021.json';
/** What the built folder needs (tests' fixtures and the schema stay out). */
const SKIP = [/^fixtures\//, /^data\/schema\.json$/];
/** Kept under their own names: the entry page and the datasets, revalidated on each visit. */
const UNHASHED = [/^index\.html$/, /^data\//];

function args(argv) {
  const out = { site: 'target/site', out: 'target/publish', base: '/', data: null, origins: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in out) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]} (options: --data FILE, --out DIR, --base PATH, --origins LIST)`);
    out[key] = argv[i + 1];
  }
  if (!out.base.startsWith('/')) out.base = `/${out.base}`;
  if (!out.base.endsWith('/')) out.base += '/';
  return out;
}

function walk(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

/** Checks the dataset with the core itself (the same wasm the page runs); throws the located
 *  message, worded with its record path by the io module as the page words it. */
async function check(site, text, name) {
  const load = async (module) => {
    const m = await import(pathToFileURL(resolve(site, 'pkg', `${module}.js`)).href);
    m.initSync({ module: readFileSync(join(site, 'pkg', `${module}_bg.wasm`)) });
    return m;
  };
  const { Entente } = await load('entente');
  try {
    new Entente(text).free();
  } catch (err) {
    const { checkDataset } = await load('entente_io');
    throw new Error(`${name}: ${checkDataset(text) ?? err.message}`);
  }
}

const opts = args(process.argv.slice(2));
const files = walk(opts.site).filter((f) => !SKIP.some((re) => re.test(f)));
const text = new Map(files.filter((f) => /\.(js|css|html)$/.test(f)).map((f) => [f, readFileSync(join(opts.site, f), 'utf8')]));
const bytes = new Map(files.filter((f) => !text.has(f)).map((f) => [f, readFileSync(join(opts.site, f))]));

let dataName = DEFAULT_DATA;
if (opts.data) {
  const chosen = readFileSync(opts.data, 'utf8');
  try {
    await check(opts.site, chosen, opts.data);
  } catch (err) {
    console.error(`scripts/build: ${err.message}`);
    process.exit(1);
  }
  dataName = `data/${basename(opts.data).replace(/[^A-Za-z0-9._-]/g, '-')}`;
  bytes.delete(DEFAULT_DATA);
  bytes.set(dataName, Buffer.from(chosen));
}

// Each quoted reference to a file of the site, resolved against the referring file's folder
// (module imports, `new URL(..., import.meta.url)`, the wasm, the page's links and fetches).
const QUOTED = /(["'])((?:\.\/)?[A-Za-z0-9_./-]+\.(?:js|css|wasm|json))\1/g;
function refsOf(file, body) {
  const refs = [];
  for (const m of body.matchAll(QUOTED)) {
    let target = posix.normalize(posix.join(posix.dirname(file), m[2]));
    if (target === DEFAULT_DATA) target = dataName;
    if (text.has(target) || bytes.has(target)) refs.push({ literal: m[0], quote: m[1], path: m[2], target });
  }
  return refs;
}

const done = new Map(); // site path → published path

/** `body` of `file` with each reference to a file named in `names` written as its published path. */
function rewrite(file, body, names) {
  for (const ref of refsOf(file, body)) {
    if (!names.has(ref.target)) continue;
    let rel = posix.relative(posix.dirname(file), names.get(ref.target));
    if (ref.path.startsWith('./') && !rel.startsWith('.')) rel = `./${rel}`;
    body = body.split(ref.literal).join(`${ref.quote}${rel}${ref.quote}`);
  }
  if (file === 'index.html' && opts.origins) {
    body = body.replace('<title>', `<meta name="entente-origins" content="${opts.origins.replace(/[^A-Za-z0-9:/.,_ -]/g, '')}">\n<title>`);
  }
  return body;
}

/** Every file reachable from `root`, as the strongly connected components of its references,
 *  each after every component it refers to (Tarjan's order). The page's chunks refer to each
 *  other both ways (a module of the first picture imports one fetched later, which imports the
 *  first picture's chunk), so a file's name cannot follow from its own content alone: the files
 *  of one component share a hash of all their contents. */
function components(root) {
  const index = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  let next = 0;
  const strong = (file) => {
    index.set(file, next); low.set(file, next); next++;
    stack.push(file); on.add(file);
    const body = text.get(file);
    for (const ref of typeof body === 'string' ? refsOf(file, body) : []) {
      if (!index.has(ref.target)) {
        strong(ref.target);
        low.set(file, Math.min(low.get(file), low.get(ref.target)));
      } else if (on.has(ref.target)) {
        low.set(file, Math.min(low.get(file), index.get(ref.target)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let f;
      do { f = stack.pop(); on.delete(f); component.push(f); } while (f !== file);
      out.push(component.sort());
    }
  };
  strong(root);
  return out;
}

function publishComponent(files) {
  // References out of the component are known by now; those inside it are hashed as written.
  const bodies = new Map(files.map((f) => {
    const body = text.has(f) ? text.get(f) : bytes.get(f);
    return [f, typeof body === 'string' ? rewrite(f, body, done) : body];
  }));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(bodies.get(f));
  const digest = hash.digest('hex').slice(0, 10);
  for (const f of files) done.set(f, UNHASHED.some((re) => re.test(f)) ? f : f.replace(/(\.[a-z]+)$/, `.${digest}$1`));
  for (const f of files) {
    const body = typeof bodies.get(f) === 'string' ? rewrite(f, bodies.get(f), done) : bodies.get(f);
    const path = join(opts.out, done.get(f));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }
}

rmSync(opts.out, { recursive: true, force: true });
mkdirSync(opts.out, { recursive: true });
for (const component of components('index.html')) publishComponent(component);
// Files nothing refers to by a literal name are left out, and named: the modules that only
// re-export a chunk for those who import them by name (scripts/bundle.mjs), and anything unused.
const unused = [...text.keys(), ...bytes.keys()].filter((f) => !done.has(f));

const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text.get('index.html'))?.[1];
if (!csp) throw new Error('index.html has no Content-Security-Policy meta tag');
const hashed = [...done.values()].filter((f) => !UNHASHED.some((re) => re.test(f)));
writeFileSync(join(opts.out, '_headers'), [
  `${opts.base}*`,
  `  Content-Security-Policy: ${csp}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  `${opts.base}index.html`,
  '  Cache-Control: no-cache',
  `${opts.base}data/*`,
  '  Cache-Control: no-cache',
  ...hashed.map((f) => `${opts.base}${f}\n  Cache-Control: public, max-age=31536000, immutable`),
  '',
].join('\n'));
console.log(`${opts.out}: ${done.size} files (${hashed.length} content-hashed), dataset ${dataName}, base ${opts.base}${unused.length ? `; not referred to, left out: ${unused.join(', ')}` : ''}`);
