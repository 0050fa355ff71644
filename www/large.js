// Large graphs (more than 2,000 actors): the force layout runs in a Web Worker, with a progress bar.

import { thousands } from './dom.js';

/** Mirrors the page's layout settings (src/wasm/mod.rs `page_options`). */
const OPTIONS = { seed: 1, linkDistance: 90, charge: -260, gravity: 0.04 };
/** The warmth an edit restarts the layout with (as state.js' `reheat` on the main thread). */
const WARM_ALPHA = 0.05;

const WORKER_URL = new URL('./worker.js', import.meta.url).href;
/** The Trusted Types policy for the layout worker's script (the CSP names it): the page's own
 *  worker.js, nothing else. */
const workerPolicy = globalThis.trustedTypes?.createPolicy('entente-worker', {
  createScriptURL(url) {
    if (url !== WORKER_URL) throw new TypeError(`the worker policy passes only ${WORKER_URL}`);
    return url;
  },
});
const workerUrl = () => (workerPolicy ? workerPolicy.createScriptURL(WORKER_URL) : WORKER_URL);

/**
 * @param {object} app the application context from main.js
 * @param {{fromWorker(positions: Float32Array, done: boolean): void}} layouts where the worker's positions go (layouts.js, paced by main.js)
 * @returns {{moving(): boolean}} whether the worker's layout is moving the actors (its last
 *   positions said it was not done): the scene places labels the quick way then (labels.js)
 */
export function installLarge(app, layouts) {
  let worker = null;
  let job = 0;
  let moving = false;
  const bar = buildProgress(app.stage);
  const active = () => app.ui.layoutStatus === 'worker';

  const inputs = () => {
    const f = app.frame;
    return {
      nodeCount: f.degrees.length,
      edges: Uint32Array.from(f.edges),
      radii: Float32Array.from(f.radii),
      weights: Float32Array.from(f.degrees, (d) => (d > 0 ? 1 : 0)),
    };
  };

  /** Each node's actor id, sent with a new layout (`start`) and an edit's (`warm`) only: the
   *  worker carries each actor's anchor through an edit by it; a filter keeps the nodes. */
  const ids = () => app.frame.actors.map((a) => a.id);

  const show = (progress, done) => {
    bar.box.hidden = done;
    bar.meter.value = progress;
    bar.text.textContent = `Laying out ${thousands(app.frame.degrees.length)} actors… ${Math.round(progress * 100)}%`;
  };

  function ensureWorker() {
    if (worker) return worker;
    worker = new Worker(workerUrl(), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'error') { app.showError(`The layout worker failed: ${data.message}`); moving = false; show(1, true); return; }
      if (data.job !== job || !active()) return;
      moving = !data.done;
      layouts.fromWorker(data.positions, data.done);
      show(data.progress, data.done);
    };
    worker.onerror = (e) => { app.showError(`The layout worker could not start: ${e.message}`); moving = false; show(1, true); };
    return worker;
  }

  app.on('load', ({ edit } = {}) => {
    if (!active()) {
      worker?.terminate();
      worker = null;
      moving = false;
      show(1, true);
      return;
    }
    job += 1;
    moving = true;
    const centre = app.core.meta().centre;
    show(0, false);
    if (edit && worker) {
      // An edit: the worker goes on from where every actor is (state.js' warm start: a new actor
      // beside its partners), only warmed, so the picture stays as the person left it.
      const positions = Float32Array.from(app.forcePositions() ?? app.positions());
      // The centre, and every actor the person dragged and left pinned (the worker's pins go
      // with its layout, which the warm run replaces).
      const pins = [...(centre == null ? [] : [[centre, positions[2 * centre], positions[2 * centre + 1]]]), ...app.dragPins()];
      worker.postMessage({ type: 'warm', job, options: OPTIONS, alpha: WARM_ALPHA, pins, positions, ids: ids(), ...inputs() }, [positions.buffer]);
      return;
    }
    ensureWorker().postMessage({ type: 'start', job, options: OPTIONS, pins: centre == null ? [] : [[centre, 0, 0]], ids: ids(), ...inputs() });
  });

  app.on('filter', () => {
    if (!active()) return;
    job += 1;
    moving = true;
    show(0, false);
    ensureWorker().postMessage({ type: 'edges', job, ...inputs() });
  });

  // Drags and releases reach the worker, which holds the force layout's pins.
  app.on('pin', ({ actor, x, y }) => {
    if (active()) worker?.postMessage({ type: 'pin', actor, x, y });
  });
  app.on('unpin', ({ actor }) => {
    if (active()) worker?.postMessage({ type: 'unpin', actor });
  });
  return { moving: () => moving && active() };
}

function buildProgress(stage) {
  const box = document.createElement('div');
  box.id = 'layout-progress';
  box.hidden = true;
  const text = document.createElement('span');
  text.id = 'layout-progress-label';
  const meter = document.createElement('progress');
  meter.max = 1;
  meter.value = 0;
  meter.setAttribute('aria-labelledby', 'layout-progress-label');
  box.append(text, meter);
  stage.append(box);
  return { box, meter, text };
}
