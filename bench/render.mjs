// The drawing benchmark: how long the page's main thread works per frame (layout step, fit, draw,
// tooltip) on generated datasets, while the person zooms with the wheel. Prints a markdown table.
// Usage: node bench/render.mjs [ACTORS ...]   (default 1000 5000 20000); run by bench/render.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, open, ROOT } from '../tests/e2e/harness.mjs';
import { syntheticDataset } from './synthetic.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 5000, 20000];
const FRAMES = 40;

/** Times every requestAnimationFrame callback the page runs (installed before any page script). */
function timeFrames() {
  window.__frameMs = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const t0 = performance.now();
    cb(t);
    window.__frameMs.push(performance.now() - t0);
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

mkdirSync(join(ROOT, 'www', 'fixtures'), { recursive: true });
const env = await start();
const rows = [];
try {
  for (const n of SIZES) {
    const data = syntheticDataset(n);
    const file = `render-${n}.json`;
    writeFileSync(join(ROOT, 'www', 'fixtures', file), JSON.stringify(data));
    const { page, context } = await open(env.browser, `${env.base}?data=fixtures/${file}`, {}, (c) => c.addInitScript(timeFrames));
    // Wait for the layout to finish (the worker's bar hides; the main-thread layout stops moving).
    await page.waitForFunction(() => document.getElementById('layout-progress')?.hidden !== false, null, { timeout: 600000 });
    let last = '';
    for (;;) {
      await page.waitForTimeout(500);
      const now = await page.evaluate(() => JSON.stringify(window.entente.nodes().slice(0, 50).map((a) => [Math.round(a.x), Math.round(a.y)])));
      if (now === last) break;
      last = now;
    }
    const box = await page.locator('#network').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => { window.__frameMs = []; });
    for (let f = 0; f < FRAMES; f++) {
      await page.mouse.wheel(0, f % 2 ? 120 : -120);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const ms = (await page.evaluate(() => window.__frameMs)).filter((x) => x > 0.05);
    rows.push({ n, ties: data.ties.length, frames: ms.length, median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) });
    console.error(`${n} actors: ${ms.length} frames, median ${quantile(ms, 0.5).toFixed(1)} ms`);
    await context.close();
  }
} finally {
  await env.close();
}

const date = new Date().toISOString().slice(0, 10);
console.log(`Main-thread work per frame while zooming (Chromium headless, ${os.cpus().length} cores, ${date})\n`);
console.log('| actors | ties | frames | median | p95 | max |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.ties.toLocaleString('en')} | ${r.frames} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
}
