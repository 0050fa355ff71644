// The drawing benchmark: while the person zooms with the wheel on generated datasets, how long the
// page's script works per frame (layout step, fit, draw, tooltip) and how long a frame takes in all
// (with Chromium's paint and raster). Prints a markdown table.
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
    // Zoom in and out by wheel events sent from inside the page, one per animation frame, so
    // that the page redraws every frame: the interval between frames is what the person sees
    // (script, then Chromium's paint and raster of the canvas); the work is the script alone.
    await page.evaluate(() => { window.__frameMs = []; });
    const intervals = await page.evaluate(async (frames) => {
      const canvas = document.getElementById('network');
      const r = canvas.getBoundingClientRect();
      const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true };
      const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await next();
      let last = performance.now();
      const out = [];
      for (let f = 0; f < frames; f++) {
        canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: f % 2 ? 120 : -120 }));
        await next();
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return out;
    }, FRAMES);
    const ms = (await page.evaluate(() => window.__frameMs)).filter((x) => x > 0.05);
    rows.push({
      n, ties: data.ties.length, frames: intervals.length,
      work: quantile(ms, 0.5), interval: quantile(intervals, 0.5), p95: quantile(intervals, 0.95),
    });
    console.error(`${n} actors: work ${quantile(ms, 0.5).toFixed(1)} ms, frame interval ${quantile(intervals, 0.5).toFixed(1)} ms`);
    await context.close();
  }
} finally {
  await env.close();
}

const date = new Date().toISOString().slice(0, 10);
console.log(`Zooming by one wheel step per frame (Chromium headless, software raster, ${os.cpus().length} cores, ${date})\n`);
console.log('| actors | ties | frames | script per frame (median) | frame interval (median) | frame interval (p95) | frames per second |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.ties.toLocaleString('en')} | ${r.frames} | ${r.work.toFixed(1)} ms | ${r.interval.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${(1000 / r.interval).toFixed(0)} |`);
}
