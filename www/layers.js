// A large picture's layer: every tie, ring and actor at full strength, painted once per scene and view and drawn under what a frame adds (the lit ties of a hover, labels, focus). Made and painted in the paint worker where OffscreenCanvas allows (from the positions; the ties' data goes once per frame arrays), so that the main thread stays free; until it comes back, the last layer is drawn moved to the current view.

import { paintItems } from './paint-items.js';
import { layerItems, typeIndices } from './scene-items.js';
import { KINDS, ACTOR_TYPES } from './kinds.js';

const WORKER_URL = new URL('./paint-worker.js', import.meta.url).href;
/** The Trusted Types policy for the paint worker's script (the CSP names it): the page's own
 *  paint-worker.js, nothing else. */
const policy = globalThis.trustedTypes?.createPolicy('entente-paint', {
  createScriptURL(url) {
    if (url !== WORKER_URL) throw new TypeError(`the paint policy passes only ${WORKER_URL}`);
    return url;
  },
});

/** Whether this browser can paint a layer in a worker (checked again by the worker itself). */
function workerPainting() {
  return typeof Worker === 'function' && typeof OffscreenCanvas === 'function'
    && typeof OffscreenCanvas.prototype.transferToImageBitmap === 'function';
}

/**
 * @param {{onPainted(): void, inWorker?: boolean}} options `onPainted` is called when a layer
 *   painted in the worker has come (or the worker failed); `inWorker` false paints every layer on
 *   the main thread.
 * @returns {{layer(key, frame, scene, view): {image, view, exact: boolean}, has(key): boolean,
 *   busy(): boolean, forget(): void, painter(): string}}
 *   `layer` gives the layer for `key` (scene.js `sceneKeys(...).layer`) of `frame` (its positions
 *   and ties) under `view` (the screen's view: scale, tx, ty, dpr, size, colours), as
 *   scene-items.js `layerItems` makes it (`scene.quiet`: a comparison is shown): the one painted
 *   for `key` (`exact`), or, while that one is painted in the worker, the last one painted (its
 *   `view` says where it was painted, to move it by).
 *   `busy` says whether the worker is painting one; `forget` drops the last layer (a new dataset
 *   must not show the last one's meanwhile); `painter` says where layers are painted: 'worker' or
 *   'main'.
 */
export function makeLayers({ onPainted, inWorker = true }) {
  let held = null; // the last layer painted: {key, image, view, w, h, dpr}
  let worker = null;
  let useWorker = inWorker && workerPainting();
  let flight = null; // the job the worker paints: {id, key, view, w, h, dpr}
  let next = null; // the newest job waiting for the worker, with its copy of the positions
  let jobs = 0;
  let sent = null; // the frame arrays the worker holds (`tieData`)

  function paintHere(key, frame, scene, view) {
    const image = held && held.image instanceof HTMLCanvasElement ? held.image : document.createElement('canvas');
    image.width = Math.round(scene.width * view.dpr);
    image.height = Math.round(scene.height * view.dpr);
    const ctx = image.getContext('2d');
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    const data = { ...tieData(frame), positions: frame.positions };
    paintItems(ctx, layerItems(data, look(view), { kinds: KINDS, types: ACTOR_TYPES }, scene.quiet), 'all');
    held = { key, image, view: pick(view), w: scene.width, h: scene.height, dpr: view.dpr };
    return held;
  }

  function post(job) {
    next = null;
    const { positions, frame, quiet, look: lookOf, ...rest } = job;
    const data = tieData(frame);
    if (!sent || Object.keys(data).some((k) => data[k] !== sent[k])) {
      worker.postMessage({ type: 'data', data, style: { kinds: [...KINDS], types: [...ACTOR_TYPES] } });
      sent = data;
    }
    worker.postMessage({ type: 'paint', id: job.id, w: job.w, h: job.h, dpr: job.dpr, view: lookOf, quiet, positions }, [positions.buffer]);
    flight = rest;
  }

  function ensureWorker() {
    if (worker) return worker;
    worker = new Worker(policy ? policy.createScriptURL(WORKER_URL) : WORKER_URL, { type: 'module' });
    sent = null;
    worker.onmessage = ({ data }) => {
      const job = flight;
      flight = null;
      if (data.error || !job || data.id !== job.id) {
        // The worker cannot paint here: every layer is painted on the main thread from now on.
        if (data.error) giveUp();
        onPainted();
        return;
      }
      held?.image.close?.();
      held = { key: job.key, image: data.bitmap, view: job.view, w: job.w, h: job.h, dpr: job.dpr };
      if (next) post(next);
      onPainted();
    };
    worker.onerror = () => { giveUp(); onPainted(); };
    return worker;
  }

  function giveUp() {
    useWorker = false;
    worker?.terminate();
    worker = null;
    flight = null;
    next = null;
  }

  return {
    painter: () => (useWorker ? 'worker' : 'main'),
    has: (key) => held?.key === key,
    busy: () => flight !== null,
    forget() {
      held?.image.close?.();
      held = null;
      next = null;
    },
    layer(key, frame, scene, view) {
      if (held?.key === key) return { ...held, exact: true };
      // Nothing of this size to show meanwhile (the first picture, a new size): painted here, now.
      const sameSize = held && held.w === scene.width && held.h === scene.height && held.dpr === view.dpr;
      if (!useWorker || !sameSize) return { ...paintHere(key, frame, scene, view), exact: true };
      if (flight?.key !== key && next?.key !== key) {
        // The positions are copied now: the next frame's are other ones (a waiting job keeps the newest).
        const job = {
          id: ++jobs, key, view: pick(view), w: scene.width, h: scene.height, dpr: view.dpr,
          frame, positions: frame.positions.slice(), quiet: scene.quiet, look: look(view),
        };
        ensureWorker();
        if (flight) next = job;
        else post(job);
      }
      return { ...held, exact: false };
    },
  };
}

const pick = ({ scale, tx, ty, dpr }) => ({ scale, tx, ty, dpr });

/** What a layer's items read of the view (scene-items.js). */
const look = ({ scale, tx, ty, width, height, dark, background, ink }) => ({ scale, tx, ty, width, height, dark, background, ink });

/** What a layer's items read of the frame but its positions: sent to the worker once per change
 *  of these arrays (the single-source flags come after a large dataset's first picture). */
function tieData(frame) {
  return {
    edges: frame.edges, kinds: frame.kinds, single: frame.single ?? null, radii: frame.radii, degrees: frame.degrees,
    types: typeIndices(frame.actors, ACTOR_TYPES),
  };
}
