// The drawing benchmark: on generated datasets, how long a frame takes while the person zooms with
// the wheel (one step per frame) and while the hover moves between two actors each frame, how much
// of it is the page's script, and the first hover's frame (which draws the dimmed layer in full).
// Prints a markdown table.
// Usage: node bench/render.mjs [ACTORS ...]   (default 1000 5000 20000); run by bench/render.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, open, SITE } from '../tests/e2e/harness.mjs';
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

mkdirSync(join(SITE, 'fixtures'), { recursive: true });
const env = await start();
const rows = [];
try {
  for (const n of SIZES) {
    const data = syntheticDataset(n);
    const file = `render-${n}.json`;
    writeFileSync(join(SITE, 'fixtures', file), JSON.stringify(data));
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
    // Events sent from inside the page, one per animation frame, so that the page redraws every
    // frame: the interval between frames is what the person sees (script, then Chromium's paint
    // and raster of the canvas); the script's share is timed around each frame callback.
    const run = (kind) => page.evaluate(async ({ kind, frames }) => {
      window.__frameMs = [];
      const canvas = document.getElementById('network');
      const r = canvas.getBoundingClientRect();
      const nodes = window.entente.nodes();
      // Hover: back and forth between two of the most connected actors (a full drawing each time).
      const hubs = [...nodes].sort((a, b) => b.ties - a.ties).slice(0, 2);
      const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await next();
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the view rest
      await next();
      let last = performance.now();
      const out = [];
      for (let f = 0; f < frames; f++) {
        if (kind === 'zoom') {
          canvas.dispatchEvent(new WheelEvent('wheel', {
            clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, deltaY: f % 2 ? 120 : -120, bubbles: true, cancelable: true,
          }));
        } else {
          const h = hubs[f % 2];
          canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + h.x, clientY: r.top + h.y, bubbles: true }));
        }
        await next();
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return { intervals: out, script: window.__frameMs.filter((x) => x > 0.05) };
    }, { kind, frames: FRAMES });
    const zoom = await run('zoom');
    const hover = await run('hover');
    const row = {
      n, ties: data.ties.length,
      zoom: quantile(zoom.intervals, 0.5), zoom95: quantile(zoom.intervals, 0.95),
      hover: quantile(hover.intervals, 0.5), hoverFirst: hover.intervals[0], hoverScript: quantile(hover.script, 0.5),
    };
    rows.push(row);
    console.error(`${n} actors: zoom ${row.zoom.toFixed(1)} ms per frame, hover ${row.hover.toFixed(1)} ms (script ${row.hoverScript.toFixed(1)} ms)`);
    await context.close();
  }
} finally {
  await env.close();
}

const date = new Date().toISOString().slice(0, 10);
console.log(`Frame intervals in Chromium headless (software raster), ${os.cpus().length} cores, ${date}; ${FRAMES} frames each\n`);
console.log('| actors | ties | zoom, median | zoom, p95 | hover, median | of which script | first hover (draws the dimmed layer) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.ties.toLocaleString('en')} | ${r.zoom.toFixed(1)} ms | ${r.zoom95.toFixed(1)} ms | ${r.hover.toFixed(1)} ms | ${r.hoverScript.toFixed(1)} ms | ${r.hoverFirst.toFixed(1)} ms |`);
}
