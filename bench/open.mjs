// The open benchmark: generated datasets opened with ?data= in headless Chromium, each phase read from
// the page's performance marks (www/later.js `mark`), a hover timed right after the first picture,
// and the main thread's long tasks after it. Prints a markdown table of medians over the runs.
// Usage: node bench/open.mjs [--runs N] [ACTORS ...]   (default 5 runs of 5000 20000 50000); run by bench/open.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, SITE } from '../tests/e2e/harness.mjs';
import { syntheticDataset } from './synthetic.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [5000, 20000, 50000];
const LONG_TASK_MS = 200;

/** Installed before the page's scripts: long tasks, and when the tooltip first names an actor
 *  after a pointer move (the event's own time stamp to the tooltip's change). */
function observe() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__hover = { moved: null, shown: null, id: null };
  addEventListener('pointermove', (e) => { if (window.__hover.moved === null && window.__hover.id) window.__hover.moved = e.timeStamp; }, true);
  addEventListener('DOMContentLoaded', () => {
    const tip = document.getElementById('tooltip');
    new MutationObserver(() => {
      const h = window.__hover;
      if (h.id && h.shown === null && tip.dataset.actor === h.id) h.shown = performance.now();
    }).observe(tip, { attributes: true, attributeFilter: ['data-actor'] });
  });
}

const PHASES = [
  ['boot', 'page, modules, wasm core', null, 'entente:fetch'],
  ['fetch', 'fetch', 'entente:fetch', 'entente:fetched'],
  ['text', 'bytes to text', 'entente:fetched', 'entente:text'],
  ['parse', 'parse + validate', 'entente:parse', null],
  ['index', 'index (+ layout start)', 'entente:index', null],
  ['state', 'the frame state (actors, visible ties)', 'entente:index', 'entente:dataset'],
  ['layoutFrame', 'first layout frame', 'entente:dataset', 'entente:layout-frame'],
  ['drawing', 'first drawing', 'entente:layout-frame', 'entente:painted'],
];
const MILESTONES = [
  ['painted', 'on screen', 'entente:painted'],
  ['single', 'single-source flags', 'entente:single'],
  ['chart', 'chart', 'entente:chart'],
  ['table', 'table', 'entente:table'],
  ['stored', 'stored', 'entente:stored'],
];

async function openOnce(browser, base, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}?data=fixtures/${file}`);
  await page.waitForFunction(() => performance.getEntriesByName('entente:painted').length > 0, null, { timeout: 180000, polling: 20 });
  // Hover the centre actor (pinned at the origin, so it stays put while the worker lays out the rest),
  // once the public API (installed after the first picture) can say where it is.
  await page.waitForFunction(() => typeof window.entente?.nodes === 'function', null, { timeout: 180000, polling: 20 });
  const centre = await page.evaluate(() => {
    const nodes = window.entente.nodes();
    const c = nodes.reduce((a, b) => (b.ties > a.ties ? b : a));
    const r = document.getElementById('network').getBoundingClientRect();
    window.__hover.id = c.id;
    return { id: c.id, x: r.left + c.x, y: r.top + c.y };
  });
  await page.mouse.move(centre.x, centre.y);
  await page.waitForFunction(() => window.__hover.shown !== null, null, { timeout: 60000, polling: 20 });
  await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0),
    MILESTONES.map((m) => m[2]), { timeout: 180000, polling: 100 });
  await page.waitForTimeout(1000); // long tasks that follow the last mark
  const result = await page.evaluate(({ PHASES, MILESTONES }) => {
    const at = (name) => performance.getEntriesByName(name)[0];
    const out = {};
    for (const [key, , from, to] of PHASES) {
      if (to === null) { out[key] = at(from).duration; continue; }
      const a = from === null ? 0 : at(from).startTime + (at(from).duration ?? 0);
      out[key] = at(to).startTime - a;
    }
    for (const [key, , name] of MILESTONES) out[`${key}At`] = at(name).startTime;
    const after = window.__long.filter((t) => t.start >= at('entente:painted').startTime);
    out.longest = Math.max(0, ...after.map((t) => t.duration));
    out.over = after.filter((t) => t.duration > 200).length;
    out.hover = window.__hover.shown - window.__hover.moved;
    out.bytes = performance.getEntriesByType('resource').find((r) => r.name.includes('fixtures/'))?.decodedBodySize ?? 0;
    return out;
  }, { PHASES, MILESTONES });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

mkdirSync(join(SITE, 'fixtures'), { recursive: true });
const env = await start();
const table = [];
try {
  for (const n of SIZES) {
    const data = syntheticDataset(n);
    const file = `open-${n}.json`;
    writeFileSync(join(SITE, 'fixtures', file), JSON.stringify(data));
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const one = await openOnce(env.browser, env.base, file);
      runs.push(one);
      console.error(`${n} actors, run ${r + 1}: on screen at ${one.paintedAt.toFixed(0)} ms, hover ${one.hover.toFixed(0)} ms, `
        + `longest task after ${one.longest.toFixed(0)} ms (${one.over} over ${LONG_TASK_MS} ms), stored at ${one.storedAt.toFixed(0)} ms`);
    }
    const med = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((x) => x[k]))]));
    med.worst = Math.max(...runs.map((x) => x.longest));
    table.push({ n, ties: data.ties.length, med });
  }
} finally {
  await env.close();
}

const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const date = new Date().toISOString().slice(0, 10);
console.log(`Opening with ?data= in headless Chromium, ${os.cpus().length} cores, ${date}; median of ${RUNS} runs each\n`);
console.log(`| phase | ${table.map((t) => `${t.n.toLocaleString('en')} actors, ${t.ties.toLocaleString('en')} ties (${(t.med.bytes / 1e6).toFixed(1)} MB)`).join(' | ')} |`);
console.log(`|---|${table.map(() => '---:').join('|')}|`);
for (const [key, label] of PHASES) console.log(`| ${label} | ${table.map((t) => ms(t.med[key])).join(' | ')} |`);
for (const [key, label] of MILESTONES) console.log(`| **${label}**, since navigation | ${table.map((t) => ms(t.med[`${key}At`])).join(' | ')} |`);
console.log(`| hover after the first picture: pointer move to tooltip | ${table.map((t) => ms(t.med.hover)).join(' | ')} |`);
console.log(`| longest main-thread task after the first picture (worst run) | ${table.map((t) => `${ms(t.med.longest)} (${ms(t.med.worst)})`).join(' | ')} |`);
console.log(`| tasks over ${LONG_TASK_MS} ms after the first picture | ${table.map((t) => String(t.med.over)).join(' | ')} |`);
