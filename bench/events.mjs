// The event-data benchmark: a generated 1,000,000-row GDELT 1.0-shaped file opened through the page's
// file input in headless Chromium, read by the worker in 4 MiB slices; prints time, MB/s and the
// worker's peak wasm memory per run as a markdown table. Usage: node bench/events.mjs [--runs N] [ROWS]; run by bench/events.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, open, ROOT } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const ROWS = Number(args[0] ?? 1000000);
const file = join(ROOT, 'target', 'bench', `gdelt-${ROWS}.export.CSV`);
if (!existsSync(file)) execFileSync('node', [join(ROOT, 'bench', 'gdelt-synthetic.mjs'), String(ROWS), file], { stdio: 'inherit' });
const size = statSync(file).size;

const env = await start();
const rows = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const { page, context } = await open(env.browser, env.base);
    await page.setInputFiles('#open-file', file);
    await page.locator('#event-import').getByRole('button', { name: 'Open as new' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('entente:events-read').length > 0, null, { timeout: 600000, polling: 500 });
    const m = await page.evaluate(() => {
      const e = performance.getEntriesByName('entente:events-read')[0];
      return { ms: e.duration, ...e.detail };
    });
    await page.waitForFunction((f) => document.getElementById('title').textContent.endsWith(f), file.split('/').pop(), { timeout: 120000 });
    const shown = await page.locator('#counts').innerText();
    rows.push({ run, ...m, shown });
    await context.close();
  }
} finally {
  await env.close();
}
console.log(`\n${ROWS.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB\n`);
console.log('| run | read in the worker | MB/s | rows | peak wasm memory | on screen |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.run} | ${(r.ms / 1000).toFixed(1)} s | ${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(0)} | ${r.rows.toLocaleString('en')} | ${(r.memory / (1 << 20)).toFixed(1)} MiB | ${r.shown.split('\n')[0]} |`);
}
