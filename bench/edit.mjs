// The edit benchmark: a generated dataset opened with ?data= in headless Chromium, then edits, undo and
// redo through window.entente.edit, each timed from the call to the second frame after it (on screen),
// and the save that follows. Prints a markdown table of medians. Usage: node bench/edit.mjs [--runs N] [ACTORS ...]
// (default 3 runs of 5000 and 50000); run after `build_web`.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, SITE } from '../tests/e2e/harness.mjs';
import { syntheticDataset } from './synthetic.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [5000, 50000];
const STEPS = ['add event', 'update actor', 'undo', 'redo'];

/** In the page: each step timed to the second animation frame after its promise resolves, then its save. */
async function steps() {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const edit = window.entente.edit;
  const nodes = window.entente.nodes();
  const [a, b] = [nodes[0].id, nodes[nodes.length - 1].id];
  const out = {};
  const time = async (name, run) => {
    const t = performance.now();
    const r = await run();
    if (r === null || r?.ok === false) throw new Error(`${name}: ${JSON.stringify(r)}`);
    out[`${name} state`] = performance.now() - t;
    await frames();
    out[name] = performance.now() - t;
    const s = performance.now();
    await edit.saved();
    out[`${name} saved`] = performance.now() - s;
  };
  const event = { date: '2021-06', kind: 'economic', tone: 'cooperative', summary: 'A benchmark event.',
    sources: [{ outlet: 'Bench', date: '2021-06-01' }] };
  // The first edit fetches the editor's module and reads the dataset once: timed apart.
  const t = performance.now();
  await edit.history();
  out['first use'] = performance.now() - t;
  await time('add event', () => edit.addEvent(a, b, event));
  const actor = await edit.actor(nodes[1].id);
  await time('update actor', () => edit.updateActor(actor.id, { ...actor, name: `${actor.name} (renamed)` }));
  await time('undo', () => edit.undo());
  await time('redo', () => edit.redo());
  return out;
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const env = await start();
try {
  mkdirSync(join(SITE, 'fixtures'), { recursive: true });
  const rows = [];
  for (const n of SIZES) {
    const file = `edit-bench-${n}.json`;
    writeFileSync(join(SITE, 'fixtures', file), JSON.stringify(syntheticDataset(n)));
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${env.base}?data=fixtures/${file}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && window.entente?.edit, null, { timeout: 300000 });
      runs.push(await page.evaluate(steps));
      await context.close();
    }
    const m = (k) => `${median(runs.map((x) => x[k])).toFixed(0)} ms`;
    rows.push(`| ${n.toLocaleString('en')} | ${m('first use')} | ${STEPS.map((s) => `${m(`${s} state`)} / ${m(s)} / ${m(`${s} saved`)}`).join(' | ')} |`);
  }
  console.log(`| actors | first use | ${STEPS.join(' | ')} |`);
  console.log(`|---:|---:|${STEPS.map(() => '---:').join('|')}|`);
  for (const row of rows) console.log(row);
  console.log(`\nEach cell: the page's state changed / the second frame after it / the save after that; median of ${RUNS} runs.`);
} finally {
  await env.close();
}
