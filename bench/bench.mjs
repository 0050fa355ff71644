// The benchmark page: runs each engine on one graph when bench/browser.mjs asks, and reports times and stress.

import init, { ForceLayout, layoutStress } from '../www/pkg/entente_layout.js';
import { ENGINES } from '../target/bench/engines.js';

const STRESS_SAMPLES = 300;

const entente = (Layout, multilevel, options = {}) => (g) => {
  const layout = multilevel
    ? new Layout(g.nodeCount, g.edges, undefined, { multilevel: true, ...options })
    : new Layout(g.nodeCount, g.edges, g.positions, options);
  return { step: (k) => layout.step(k), positions: () => layout.positions(), moving: () => layout.alpha() >= 1e-3 };
};
const ALL = {
  'entente-wasm': entente(ForceLayout, false),
  'entente-wasm-refined': entente(ForceLayout, false, { refine: true }),
  'entente-wasm-multilevel': entente(ForceLayout, true),
  // The same without the forces' polish after the refinement: the lowest stress, but a picture
  // the forces would move if run again (see the README's "Layout benchmark").
  'entente-wasm-multilevel-unpolished': entente(ForceLayout, true, { polishTicks: 0 }),
  // The multilevel start refined at once, before any tick, and left there: the quickest way to a
  // low stress (no ms per iteration: it takes none).
  'entente-wasm-multilevel-at-once': entente(ForceLayout, true, { refineAtOnce: true, polishTicks: 0 }),
  ...ENGINES,
};

/** `bench/run --against REV` builds that revision's layout module into target/bench/against/:
 *  its rows sit beside today's in the same run, the fairest before/after on a shared machine. */
async function against() {
  const rev = await fetch('../target/bench/against/rev.txt');
  if (!rev.ok) return;
  const name = (await rev.text()).trim();
  const mod = await import('../target/bench/against/entente_layout.js');
  await mod.default();
  ALL[`entente-wasm@${name}`] = entente(mod.ForceLayout, false);
  ALL[`entente-wasm-multilevel@${name}`] = entente(mod.ForceLayout, true);
}

async function graph(name) {
  const g = await (await fetch(`../target/bench/graphs/${name}.json`)).json();
  return { ...g, edges: Uint32Array.from(g.edges), positions: Float32Array.from(g.positions) };
}

/** ms per iteration over `timed` iterations after one warm-up iteration; the best of
 *  `repeats` fresh runs, since the machine is shared. */
window.speed = async (name, engine, timed, repeats) => {
  const g = await graph(name);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const run = ALL[engine](g);
    run.step(1);
    const t = performance.now();
    run.step(timed);
    best = Math.min(best, (performance.now() - t) / timed);
  }
  return best;
};

/** A full run: `iterations` (or, for Entente, until it cools), total ms including setup, and stress. */
window.quality = async (name, engine, iterations) => {
  const g = await graph(name);
  const t = performance.now();
  const run = ALL[engine](g);
  let done = 0;
  if (run.moving) {
    while (run.moving() && done < 10000) { run.step(1); done++; }
  } else {
    run.step(iterations);
    done = iterations;
  }
  const total = performance.now() - t;
  const stress = layoutStress(run.positions(), g.nodeCount, g.edges, STRESS_SAMPLES, 7);
  return { total, iterations: done, stress };
};

/** Stress of positions computed elsewhere (sfdp), the same way. */
window.stressOf = async (name, positions) => {
  const g = await graph(name);
  return layoutStress(Float32Array.from(positions), g.nodeCount, g.edges, STRESS_SAMPLES, 7);
};

await init();
await against();
window.engines = Object.keys(ALL);
document.getElementById('status').textContent = 'ready';
window.ready = true;
