// Page weight: the files the default page fetches for its first picture, and those it fetches after (the chart module), each compressed from disk with `gzip -9` as a static host would; prints markdown tables.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, SITE } from '../tests/e2e/harness.mjs';

const env = await start();
try {
  const { page, context } = await open(env.browser, env.base, {}, async (ctx) => {
    // The moment the first frame is drawn: the page sets data-drawn then (data-ready once the
    // modules fetched after it are installed).
    await ctx.addInitScript(() => {
      new MutationObserver(() => {
        if (document.documentElement.dataset.drawn === 'true') window.__readyAt ??= performance.now();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-drawn'] });
    });
  });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForLoadState('networkidle');
  // Every same-origin file with its request time; the document itself is requested first.
  const entries = await page.evaluate(() => [
    { path: location.pathname, first: true },
    ...performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).origin === location.origin)
      .map((e) => ({ path: new URL(e.name).pathname, first: e.startTime < window.__readyAt })),
  ]);
  const seen = new Map();
  for (const e of entries) if (!seen.has(e.path)) seen.set(e.path, e.first);
  const rows = [...seen].map(([path, first]) => {
    const file = join(SITE, path === '/' ? 'index.html' : decodeURIComponent(path.slice(1)));
    const bytes = readFileSync(file);
    return { path: path === '/' ? '/index.html' : path, first, raw: bytes.length, gzip: execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 30 }).length };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n) => (n / 1000).toFixed(1);
  const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
  for (const [title, part] of [['first load (requested before the first frame is drawn)', rows.filter((r) => r.first)],
    ['after the first frame (the modules for exploring, opening and exporting; the chart; until the network is idle)', rows.filter((r) => !r.first)]]) {
    console.log(`\n${title}\n\n| file | bytes | gzip -9 |\n|---|---:|---:|`);
    for (const r of part) console.log(`| \`${r.path.slice(1)}\` | ${r.raw.toLocaleString('en')} | ${kb(r.gzip)} KB |`);
    console.log(`| **${part.length} files** | ${sum(part, 'raw').toLocaleString('en')} | **${kb(sum(part, 'gzip'))} KB** |`);
    const group = (test) => kb(sum(part.filter((r) => test(r.path)), 'gzip'));
    console.log(`\nwasm ${group((p) => p.endsWith('.wasm'))} KB, JavaScript ${group((p) => p.endsWith('.js'))} KB, `
      + `CSS ${group((p) => p.endsWith('.css'))} KB, HTML ${group((p) => p.endsWith('.html'))} KB, `
      + `data ${group((p) => p.endsWith('.json'))} KB (gzip -9)`);
  }
  const first = sum(rows.filter((r) => r.first), 'gzip');
  console.log(`\nfirst load ${kb(first)} KB, after it ${kb(sum(rows, 'gzip') - first)} KB, all ${kb(sum(rows, 'gzip'))} KB (gzip -9)`);
  await context.close();
} finally {
  await env.close();
}
