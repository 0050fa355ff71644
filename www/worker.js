// The force layout of a large graph, off the main thread: a module worker running the same wasm core.

import init, { ForceLayout } from './pkg/entente_layout.js';

const TICKS_PER_POST = 4;
/** The warmth a drag or a release gives the layout, as the main thread's `reheat` (state.js). */
const PIN_ALPHA = 0.1;
let layout = null;
let job = 0; // bumped by every new 'start', so an old run stops posting
let running = false;
/** Whether the layout in hand refines itself when it cools (the multilevel start's does). */
let refined = false;
/** The actor id of each node of the layout in hand, so that its anchors go with the actors
 *  through an edit (which may add, remove and renumber them). */
let ids = [];
/** A drag or a release warmed the layout since the last slice (not the refinement's polish). */
let warmed = false;

const ready = init();

/** Runs the layout in small slices, posting positions and progress after each one. With
 *  `phases` 2 (a refined run), the second phase is the forces' polish after the refinement: it
 *  starts when alpha rises again, and the bar counts the two phases as halves. */
async function run(id, phases = 1) {
  let alpha0 = Math.max(layout.alpha(), 1e-3);
  const alphaMin = 1e-3;
  let moving = true, phase = 0, last = layout.alpha();
  running = true;
  while (moving && id === job) {
    moving = layout.step(TICKS_PER_POST);
    const alpha = layout.alpha();
    if (alpha > last && !warmed && phase + 1 < phases) { phase += 1; alpha0 = Math.max(alpha, 1e-3); }
    warmed = false;
    last = alpha;
    const done = !moving;
    const part = Math.max(0, Math.log(alpha0 / Math.max(alpha, alphaMin)) / Math.log(alpha0 / alphaMin));
    const progress = done ? 1 : Math.min(0.99, (phase + part) / phases);
    const positions = layout.positions();
    self.postMessage({ type: 'positions', job: id, positions, progress, done }, [positions.buffer]);
    // Let messages (new edges, pins) in between slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A pin or release that came in after the last slice warmed the layout again: go on.
    if (!moving && id === job && layout.alpha() > alphaMin) moving = true;
  }
  if (id === job) running = false;
}

/** `anchors` (two values per actor of `from`) in the order of `to`; NaN, where the actor starts,
 *  for an actor `from` does not have. */
function carried(anchors, from, to) {
  const index = new Map(from.map((id, i) => [id, i]));
  const out = new Float32Array(2 * to.length).fill(NaN);
  to.forEach((id, i) => {
    const k = index.get(id);
    if (k !== undefined) {
      out[2 * i] = anchors[2 * k];
      out[2 * i + 1] = anchors[2 * k + 1];
    }
  });
  return out;
}

self.onmessage = async ({ data }) => {
  await ready;
  try {
    if (data.type === 'start') {
      job = data.job;
      layout?.free();
      // The multilevel start, refined by stress majorization once it cools, then polished by
      // the same forces with every actor anchored to its refined place (ForceLayout's `refine`,
      // on with `multilevel`, and `polishAnchor`): the picture ends where the forces and the
      // anchors balance, near the refined one, and the anchors hold it through a later warm
      // run (a drag, an edit).
      layout = new ForceLayout(data.nodeCount, data.edges, undefined, { ...data.options, multilevel: true });
      refined = true;
      ids = data.ids;
      // Refine the coarse-to-fine start on d3's gentle schedule: the picture settles smoothly.
      layout.setAlphaDecay(0.0228);
      layout.setRadii(data.radii);
      layout.setWeights(data.weights);
      for (const [i, x, y] of data.pins) layout.pin(i, x, y);
      self.postMessage({ type: 'positions', job, positions: layout.positions(), progress: 0, done: false });
      run(job, 2);
    } else if (data.type === 'warm') {
      // After an edit: the same forces from the positions given, as warm as the run in progress
      // (if one is) or only `alpha`, so the actors an edit did not touch barely move.
      const hot = running && layout ? layout.alpha() : 0;
      const anchors = layout ? layout.anchors() : new Float32Array(0);
      const strength = layout ? layout.anchorStrength() : 0;
      const before = ids;
      job = data.job;
      layout?.free();
      layout = new ForceLayout(data.nodeCount, data.edges, data.positions, { ...data.options, alpha: Math.max(data.alpha, hot) });
      refined = false;
      ids = data.ids;
      // Each actor keeps its anchor (a new one is anchored where it starts): the picture rests
      // where it did, and only what the edit changed moves.
      if (strength > 0) layout.setAnchors(carried(anchors, before, ids), strength);
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
      // The first layout's refinement runs again once this cools (the warm layout has none).
      run(job, refined ? 2 : 1);
    } else if ((data.type === 'pin' || data.type === 'unpin') && layout) {
      if (data.type === 'pin') layout.pin(data.actor, data.x, data.y);
      else layout.unpin(data.actor);
      // Warm, as the main thread's drag and release (state.js): a run cooling down still has
      // room to move the actors around the pin, or the released actor back into the layout.
      if (layout.alpha() < PIN_ALPHA) {
        layout.setAlpha(PIN_ALPHA);
        warmed = true;
      }
      if (!running) run(job);
    }
  } catch (err) {
    self.postMessage({ type: 'error', message: err.message });
  }
};
