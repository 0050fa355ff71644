// Page weight: every file the default page fetches until it is idle, each compressed from disk with `gzip -9` as a static host would; prints a markdown table.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, ROOT } from '../tests/e2e/harness.mjs';

const env = await start();
try {
  const fetched = [];
  const { page, context } = await open(env.browser, env.base, {}, async (ctx) => {
    ctx.on('response', (res) => {
      const url = new URL(res.url());
      if (url.origin === new URL(env.base).origin && res.status() === 200) fetched.push(url.pathname);
    });
  });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForLoadState('networkidle');
  const rows = [...new Set(fetched)].map((path) => {
    const file = join(ROOT, 'www', path === '/' ? 'index.html' : decodeURIComponent(path.slice(1)));
    const bytes = readFileSync(file);
    return { path: path === '/' ? '/index.html' : path, raw: bytes.length, gzip: execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 30 }).length };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n) => (n / 1000).toFixed(1);
  const group = (test) => rows.filter((r) => test(r.path)).reduce((s, r) => s + r.gzip, 0);
  console.log('| file | bytes | gzip -9 |\n|---|---:|---:|');
  for (const r of rows) console.log(`| \`${r.path.slice(1)}\` | ${r.raw.toLocaleString('en')} | ${kb(r.gzip)} KB |`);
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(`| **first load, ${rows.length} files** | ${rows.reduce((s, r) => s + r.raw, 0).toLocaleString('en')} | **${kb(total)} KB** |`);
  console.log(`\ncore wasm ${kb(group((p) => p.endsWith('.wasm')))} KB, JavaScript ${kb(group((p) => p.endsWith('.js')))} KB, `
    + `CSS ${kb(group((p) => p.endsWith('.css')))} KB, HTML ${kb(group((p) => p.endsWith('.html')))} KB, `
    + `data ${kb(group((p) => p.endsWith('.json')))} KB (gzip -9)`);
  await context.close();
} finally {
  await env.close();
}
