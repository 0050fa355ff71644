// The force layout of a large graph, off the main thread: a module worker running the same wasm core.

import init, { ForceLayout } from './pkg/entente_layout.js';

const TICKS_PER_POST = 4;
let layout = null;
let job = 0; // bumped by every new 'start', so an old run stops posting
let running = false;

const ready = init();

/** Runs the layout in small slices, posting positions and progress after each one. */
async function run(id) {
  const alpha0 = Math.max(layout.alpha(), 1e-3);
  const alphaMin = 1e-3;
  let moving = true;
  running = true;
  while (moving && id === job) {
    moving = layout.step(TICKS_PER_POST);
    const done = !moving;
    const progress = done ? 1 : Math.min(0.99, Math.log(alpha0 / layout.alpha()) / Math.log(alpha0 / alphaMin));
    const positions = layout.positions();
    self.postMessage({ type: 'positions', job: id, positions, progress, done }, [positions.buffer]);
    // Let messages (new edges, pins) in between slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (id === job) running = false;
}

self.onmessage = async ({ data }) => {
  await ready;
  try {
    if (data.type === 'start') {
      job = data.job;
      layout?.free();
      // Without `refine`: a refined picture is not where the forces rest, so every later warm run
      // (a drag, an edit) would move every actor back toward them (5 % of the picture's width).
      layout = new ForceLayout(data.nodeCount, data.edges, undefined, { ...data.options, multilevel: true, refine: false });
      // Refine the coarse-to-fine start on d3's gentle schedule: the picture settles smoothly.
      layout.setAlphaDecay(0.0228);
      layout.setRadii(data.radii);
      layout.setWeights(data.weights);
      for (const [i, x, y] of data.pins) layout.pin(i, x, y);
      self.postMessage({ type: 'positions', job, positions: layout.positions(), progress: 0, done: false });
      run(job);
    } else if (data.type === 'warm') {
      // After an edit: the same forces from the positions given, as warm as the run in progress
      // (if one is) or only `alpha`, so the actors an edit did not touch barely move.
      const hot = running && layout ? layout.alpha() : 0;
      job = data.job;
      layout?.free();
      layout = new ForceLayout(data.nodeCount, data.edges, data.positions, { ...data.options, alpha: Math.max(data.alpha, hot) });
      layout.setAlphaDecay(0.0228);
      layout.setRadii(data.radii);
      layout.setWeights(data.weights);
      for (const [i, x, y] of data.pins) layout.pin(i, x, y);
      run(job);
    } else if (data.type === 'edges' && layout) {
      job = data.job;
      layout.setEdges(data.edges, 0.3);
      layout.setRadii(data.radii);
      layout.setWeights(data.weights);
      run(job);
    } else if ((data.type === 'pin' || data.type === 'unpin') && layout) {
      if (data.type === 'pin') layout.pin(data.actor, data.x, data.y);
      else layout.unpin(data.actor);
      if (!running) {
        layout.setAlpha(0.1);
        run(job);
      }
    }
  } catch (err) {
    self.postMessage({ type: 'error', message: err.message });
  }
};
