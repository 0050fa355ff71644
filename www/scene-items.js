// A scene's ties, rings and actors as flat batches in screen space: used by scene.js for a frame and by the paint worker for a large picture's layer (no DOM, no core).

import { tieLit, actorLit } from './emphasis.js';

/** Opacity of what the emphasis leaves out (ties and rings; actors get a little more). */
export const DIM = 0.13;
export const ACTOR_DIM = DIM + 0.1;
/** Shortest tie on screen, in CSS pixels, that shows its single-source ring (8 px across). */
const RING_MIN_TIE = 24;
const RING_RADIUS = 4;
/** Above this many lines on screen, the unfocused ones are 1 px wide, not 1.6: the raster of wide
 *  anti-aliased lines is most of a large frame's cost (bench/render). */
const MANY_TIES = 2000;
/** Space between the parallel lines of a tie with several kinds. */
const LANE = 3.5;

// Scratch arrays reused from call to call; no batch keeps a reference to them.
let ends = new Float32Array(0), cls = new Uint8Array(0);
const onScreen = { x: new Float32Array(0), y: new Float32Array(0), r: new Float32Array(0) };

/** Every actor's centre and radius on screen (a radius never under 3 px): `{x, y, r}`, scratch
 *  arrays valid until the next call. */
export function project(frame, view) {
  const n = frame.degrees.length, p = frame.positions, { scale, tx, ty } = view;
  const at = onScreen;
  if (at.x.length < n) { at.x = new Float32Array(n); at.y = new Float32Array(n); at.r = new Float32Array(n); }
  for (let i = 0; i < n; i++) {
    at.x[i] = p[2 * i] * scale + tx;
    at.y[i] = p[2 * i + 1] * scale + ty;
    at.r[i] = Math.max(3, frame.radii[i] * scale);
  }
  return at;
}

/** Each actor's index in `types` (kinds.js ACTOR_TYPES), 0 for an unknown type: computed once per
 *  actors array. */
const typeIndexOf = new WeakMap();
export function typeIndices(actors, types) {
  let out = typeIndexOf.get(actors);
  if (!out) {
    const index = new Map(types.map((t, j) => [t.key, j]));
    out = Uint8Array.from(actors, (a) => index.get(a.type) ?? 0);
    typeIndexOf.set(actors, out);
  }
  return out;
}

/**
 * The ties as lines batched by (emphasis, kind), and the single-source rings by emphasis.
 * `frame`: `{edges, kinds, single, ...}` (what emphasis.js `tieLit` reads when `em` is given);
 * `em` null: every tie lit, as with no emphasis. `litOnly`: only the lit batches are made (what
 * is painted over a layer), though every tie on screen is counted in `drawn`. `only`: the ties
 * (positions among the visible ones, ascending) that can be lit, the others left out (with
 * `litOnly`: a focused actor's ties, or a focused tie); `drawn` then counts only those.
 * @returns {{ties, rings, drawn: number}} `ties` without their `width` (see `tieWidthFor`).
 */
export function tieBatches(frame, view, em, at, kinds, { litOnly = false, only = null } = {}) {
  const e = frame.edges, K = kinds.length;
  const n = only ? only.length : e.length / 2;
  const pad = 8;
  if (cls.length < e.length / 2) { ends = new Float32Array(2 * e.length); cls = new Uint8Array(e.length / 2); }
  // Pass 1: every tie's ends on screen and its class: 0 off the view, 1 dimmed, 2 lit.
  const lines = new Int32Array(2 * K), ringCount = [0, 0];
  let drawn = 0;
  for (let q = 0; q < n; q++) {
    const k = only ? only[q] : q;
    const s = e[2 * k], t = e[2 * k + 1];
    const x1 = at.x[s], y1 = at.y[s], x2 = at.x[t], y2 = at.y[t];
    const off = (x1 < -pad && x2 < -pad) || (y1 < -pad && y2 < -pad)
      || (x1 > view.width + pad && x2 > view.width + pad) || (y1 > view.height + pad && y2 > view.height + pad);
    if (off) { cls[k] = 0; continue; }
    const lit = em === null || tieLit(frame, em, k) ? 1 : 0;
    const bits = frame.kinds[k];
    for (let j = 0; j < K; j++) if (bits & kinds[j].bit) { lines[lit * K + j]++; drawn++; }
    if (litOnly && !lit) { cls[k] = 0; continue; }
    cls[k] = 1 + lit;
    ends[4 * k] = x1; ends[4 * k + 1] = y1; ends[4 * k + 2] = x2; ends[4 * k + 3] = y2;
    if (frame.single?.[k] && Math.hypot(x2 - x1, y2 - y1) >= RING_MIN_TIE) ringCount[lit]++;
  }
  if (litOnly) lines.fill(0, 0, K);
  // Pass 2: the batches, filled to their exact size.
  const xy = Array.from(lines, (c) => new Float32Array(4 * c));
  const fill = new Int32Array(2 * K);
  const ringXy = ringCount.map((c) => new Float32Array(2 * c));
  const ringFill = [0, 0];
  for (let q = 0; q < n; q++) {
    const k = only ? only[q] : q;
    if (cls[k] === 0) continue;
    const lit = cls[k] - 1;
    const x1 = ends[4 * k], y1 = ends[4 * k + 1], x2 = ends[4 * k + 2], y2 = ends[4 * k + 3];
    const bits = frame.kinds[k];
    let count = 0;
    for (let j = 0; j < K; j++) if (bits & kinds[j].bit) count++;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Several kinds on one tie: parallel lines, LANE px apart, centred on the tie.
    const nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    for (let j = 0, lane = 0; j < K; j++) {
      if (!(bits & kinds[j].bit)) continue;
      const off = (lane++ - (count - 1) / 2) * LANE;
      const b = lit * K + j, a = fill[b];
      const out = xy[b];
      out[a] = x1 + nx * off; out[a + 1] = y1 + ny * off; out[a + 2] = x2 + nx * off; out[a + 3] = y2 + ny * off;
      fill[b] = a + 4;
    }
    if (frame.single?.[k] && len >= RING_MIN_TIE) {
      ringXy[lit][ringFill[lit]++] = (x1 + x2) / 2;
      ringXy[lit][ringFill[lit]++] = (y1 + y2) / 2;
    }
  }
  const ties = [];
  for (const lit of [0, 1]) {
    kinds.forEach((kind, j) => {
      const out = xy[lit * K + j];
      if (out.length === 0) return;
      ties.push({
        kind: kind.key, lit: lit === 1, colour: view.dark ? kind.darkColor : kind.color, dash: kind.dash,
        width: 0, alpha: lit ? 0.9 : DIM, xy: out,
      });
    });
  }
  const rings = [0, 1].filter((lit) => ringXy[lit].length > 0).map((lit) => ({
    lit: lit === 1, alpha: lit ? 1 : DIM, r: RING_RADIUS, width: 1.5, fill: view.background, stroke: view.ink, xy: ringXy[lit],
  }));
  return { ties, rings, drawn };
}

/** The unfocused ties' width for `drawn` lines on screen. */
export const tieWidthFor = (drawn) => (drawn > MANY_TIES ? 1 : 1.6);

/**
 * The actors batched by (emphasis, type), the actor `skip` left out (the focused one, drawn on
 * its own). `types` is each actor's index in `typeList` (`typeIndices`); `em` null: all lit.
 * `only`: the actors (ascending) that can be lit, the others left out (with `litOnly`).
 */
export function actorBatches(frame, view, em, at, types, typeList, { skip = -1, litOnly = false, only = null } = {}) {
  const n = frame.degrees.length, T = typeList.length;
  const batch = new Int16Array(n).fill(-1);
  const counts = new Int32Array(2 * T);
  const m = only ? only.length : n;
  for (let q = 0; q < m; q++) {
    const i = only ? only[q] : q;
    if (frame.degrees[i] === 0 || i === skip) continue;
    const x = at.x[i], y = at.y[i], r = at.r[i];
    if (x + 2 * r < 0 || y + 2 * r < 0 || x - 2 * r > view.width || y - 2 * r > view.height) continue;
    const lit = em === null || actorLit(em, i);
    if (litOnly && !lit) continue;
    const b = (lit ? T : 0) + types[i];
    batch[i] = b;
    counts[b]++;
  }
  const xyr = Array.from(counts, (c) => new Float32Array(3 * c));
  const fill = new Int32Array(2 * T);
  for (let q = 0; q < m; q++) {
    const i = only ? only[q] : q;
    const b = batch[i];
    if (b < 0) continue;
    const out = xyr[b], a = fill[b];
    out[a] = at.x[i]; out[a + 1] = at.y[i]; out[a + 2] = at.r[i];
    fill[b] = a + 3;
  }
  const out = [];
  for (const lit of [0, 1]) {
    typeList.forEach((type, j) => {
      if (counts[lit * T + j] === 0) return;
      out.push({
        type: type.key, lit: lit === 1, shape: type.shape, fill: view.dark ? type.darkFill : type.fill,
        stroke: view.background, width: 1.5, alpha: lit ? 1 : ACTOR_DIM, xyr: xyr[lit * T + j],
      });
    });
  }
  return out;
}

/**
 * A large picture's layer (layers.js): every tie, ring and actor on screen at full strength, as
 * `buildScene` gives them with nothing emphasised. `frame`: `{edges, kinds, single, radii,
 * degrees, positions, types}` (`types` from `typeIndices`); `style`: `{kinds, types}` (kinds.js
 * KINDS, ACTOR_TYPES); `quiet`: null, or the opacity the ties fade to under a comparison
 * (compare-scene.js `QUIET`; no rings then).
 * @returns {{ties, rings, actors, dim: object}} what paint-items.js `paintItems` paints
 */
export function layerItems(frame, view, style, quiet) {
  const at = project(frame, view);
  const { ties, rings, drawn } = tieBatches(frame, view, null, at, style.kinds);
  const width = tieWidthFor(drawn);
  for (const b of ties) {
    b.width = width;
    if (quiet !== null) b.alpha = Math.min(b.alpha, quiet);
  }
  return {
    ties,
    rings: quiet !== null ? [] : rings,
    actors: actorBatches(frame, view, null, at, frame.types, style.types),
    dim: dimOf(width),
  };
}

/** How a layer under an emphasis is faded. */
export const dimOf = (tieWidth) => ({ tieAlpha: DIM, tieWidth, ringAlpha: DIM, actorAlpha: ACTOR_DIM });
