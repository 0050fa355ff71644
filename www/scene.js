// What one frame shows, as flat batches in screen space: a pure function of the frame data, the UI state and the view; the canvas, the PNG and the SVG all draw it.

import { KINDS, ACTOR_TYPES } from './kinds.js';
import { emphasis, tieLit, actorLit, tieFocusOf } from './emphasis.js';
import { placeLabels } from './labels.js';
import { compareBatches, QUIET } from './compare-scene.js';

/** Opacity of what the emphasis leaves out (ties and rings; actors get a little more). */
export const DIM = 0.13;
const ACTOR_DIM = DIM + 0.1;
/** Shortest tie on screen, in CSS pixels, that shows its single-source ring (8 px across). */
const RING_MIN_TIE = 24;
const RING_RADIUS = 4;
/** Above this many lines on screen, the unfocused ones are 1 px wide, not 1.6: the raster of wide
 *  anti-aliased lines is most of a large frame's cost (bench/render). */
const MANY_TIES = 2000;
/** Space between the parallel lines of a tie with several kinds. */
const LANE = 3.5;

/**
 * The scene of one frame (`complete`: every label placed with the full search in this one call,
 * as an export wants, not spread over the frames that follow). Every length is in CSS pixels of the view; every batch is one style and
 * one flat array, so that a backend draws it in a few calls (a WebGL one uploads the arrays as is).
 * @returns {{width, height, background, ink, font, emphasised, tieCount,
 *   dim: {tieAlpha, tieWidth, ringAlpha, actorAlpha},
 *   outline: null | {rings: Float32Array[], colour, fillAlpha, strokeAlpha, width},
 *   egoRings: null | {colour, alpha, width, font, family, size, weight, captionAlpha, halo, baseline,
 *     rings: {hops, x, y, r, text, box: null | {x, y, w, h}}[]},
 *   homeLines: null | {colour, alpha, width, dot, xy: Float32Array, homes: Float32Array},
 *   ties: {kind, lit, colour, dash, width, alpha, xy: Float32Array}[],
 *   rings: {lit, alpha, r, width, fill, stroke, xy: Float32Array}[],
 *   actors: {type, lit, shape, fill, stroke, width, alpha, xyr: Float32Array}[],
 *   focus: null | {i, shape, x, y, r, fill, alpha, stroke, width},
 *   keyboard: null | {i, x, y, r, stroke, width, dash},
 *   labels: {font, family, size, weight, baseline, colour, halo, haloWidth, leaderWidth,
 *     leaders: {alpha, xy: Float32Array}[], boxes: {i, text, x, y, w, h, alpha, leader?: number[]}[]},
 *   changes: null | object}} (`changes`: the comparison's batches, compare-scene.js, over a quiet network)
 *   Batches come in drawing order (dimmed ones first); `xy` holds [x1, y1, x2, y2, ...] per line or
 *   [x, y, ...] per ring, `xyr` [x, y, r, ...] per actor; a moved label's `leader` and the leaders'
 *   `xy` run from the label box to its actor's disc. A label's text is centred on y + h / 2 (its alphabetic
 *   baseline `labels.baseline` px below that).
 */
let guides = null; // guides.js: given by layouts.js with the module that computes the ego rings and the map

/** Installs the ego rings' and the map's guides (guides.js); until then the scene has none, as the
 *  positions are the force layout's until that module is here too. */
export function useGuides(module) { guides = module; }

export function buildScene(frame, ui, view, { complete = false } = {}) {
  const em = emphasis(frame, ui);
  const at = project(frame, view);
  const { ties, rings, drawn } = tieBatches(frame, view, em, at);
  const tieWidth = drawn > MANY_TIES ? 1 : 1.6;
  for (const b of ties) b.width = b.lit && (em.focus >= 0 || em.tieK !== -1) ? 2.4 : tieWidth;
  const egoRings = guides?.egoGuides(frame, ui, view, at) ?? null;
  const changes = compareBatches(frame, view, at, tieFocusOf(ui));
  if (changes) for (const b of ties) b.alpha = Math.min(b.alpha, QUIET);
  return {
    width: view.width,
    height: view.height,
    background: view.background,
    ink: view.ink,
    font: view.font,
    emphasised: em.focus >= 0 || em.tieK !== -1 || Boolean(frame.egoHops),
    tieCount: frame.edges.length / 2,
    dim: { tieAlpha: DIM, tieWidth, ringAlpha: DIM, actorAlpha: ACTOR_DIM },
    outline: outlineOf(ui, view),
    egoRings,
    homeLines: guides?.mapLeaders(frame, ui, view, at) ?? null,
    ties,
    rings: changes ? [] : rings,
    actors: actorBatches(frame, view, em, at),
    focus: focusOf(frame, view, em, at),
    keyboard: keyboardOf(frame, ui, view, at),
    // While the layout moves the actors, a quicker placement (placement.js `placeEvery`): the
    // frame after it rests places every label with the full search.
    labels: placeLabels(frame, view, em, at, [...(view.reserved ?? []), ...(egoRings?.rings.filter((r) => r.box).map((r) => r.box) ?? [])],
      { quick: !complete && (ui.layoutStatus === 'running' || ui.dragged >= 0), complete }),
    changes,
  };
}

// Scratch arrays reused from frame to frame; no scene keeps a reference to them.
let ends = new Float32Array(0), cls = new Uint8Array(0);
const onScreen = { x: new Float32Array(0), y: new Float32Array(0), r: new Float32Array(0) };

/** Every actor's centre and radius on screen (a radius never under 3 px): `{x, y, r}`. */
function project(frame, view) {
  const n = frame.actors.length, p = frame.positions, { scale, tx, ty } = view;
  const at = onScreen;
  if (at.x.length < n) { at.x = new Float32Array(n); at.y = new Float32Array(n); at.r = new Float32Array(n); }
  for (let i = 0; i < n; i++) {
    at.x[i] = p[2 * i] * scale + tx;
    at.y[i] = p[2 * i + 1] * scale + ty;
    at.r[i] = Math.max(3, frame.radii[i] * scale);
  }
  return at;
}

/** The ties as lines batched by (emphasis, kind), and the single-source rings by emphasis. */
function tieBatches(frame, view, em, at) {
  const e = frame.edges, n = e.length / 2, K = KINDS.length;
  const pad = 8;
  if (cls.length < n) { ends = new Float32Array(4 * n); cls = new Uint8Array(n); }
  // Pass 1: every tie's ends on screen and its class: 0 off the view, 1 dimmed, 2 lit.
  const lines = new Int32Array(2 * K), ringCount = [0, 0];
  for (let k = 0; k < n; k++) {
    const s = e[2 * k], t = e[2 * k + 1];
    const x1 = at.x[s], y1 = at.y[s], x2 = at.x[t], y2 = at.y[t];
    const off = (x1 < -pad && x2 < -pad) || (y1 < -pad && y2 < -pad)
      || (x1 > view.width + pad && x2 > view.width + pad) || (y1 > view.height + pad && y2 > view.height + pad);
    if (off) { cls[k] = 0; continue; }
    const lit = tieLit(frame, em, k) ? 1 : 0;
    cls[k] = 1 + lit;
    ends[4 * k] = x1; ends[4 * k + 1] = y1; ends[4 * k + 2] = x2; ends[4 * k + 3] = y2;
    const bits = frame.kinds[k];
    for (let j = 0; j < K; j++) if (bits & KINDS[j].bit) lines[lit * K + j]++;
    if (frame.single?.[k] && Math.hypot(x2 - x1, y2 - y1) >= RING_MIN_TIE) ringCount[lit]++;
  }
  // Pass 2: the batches, filled to their exact size.
  const xy = Array.from(lines, (c) => new Float32Array(4 * c));
  const fill = new Int32Array(2 * K);
  const ringXy = ringCount.map((c) => new Float32Array(2 * c));
  const ringFill = [0, 0];
  for (let k = 0; k < n; k++) {
    if (cls[k] === 0) continue;
    const lit = cls[k] - 1;
    const x1 = ends[4 * k], y1 = ends[4 * k + 1], x2 = ends[4 * k + 2], y2 = ends[4 * k + 3];
    const bits = frame.kinds[k];
    let count = 0;
    for (let j = 0; j < K; j++) if (bits & KINDS[j].bit) count++;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Several kinds on one tie: parallel lines, LANE px apart, centred on the tie.
    const nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    for (let j = 0, lane = 0; j < K; j++) {
      if (!(bits & KINDS[j].bit)) continue;
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
  let drawn = 0;
  for (const lit of [0, 1]) {
    KINDS.forEach((kind, j) => {
      const out = xy[lit * K + j];
      drawn += out.length / 4;
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

/** The actors batched by (emphasis, type), the focused one left out (see `focusOf`). */
function actorBatches(frame, view, em, at) {
  const n = frame.actors.length, T = ACTOR_TYPES.length;
  const typeIndex = new Map(ACTOR_TYPES.map((t, j) => [t.key, j]));
  const batch = new Int16Array(n).fill(-1);
  const counts = new Int32Array(2 * T);
  for (let i = 0; i < n; i++) {
    if (frame.degrees[i] === 0 || i === em.focus) continue;
    const x = at.x[i], y = at.y[i], r = at.r[i];
    if (x + 2 * r < 0 || y + 2 * r < 0 || x - 2 * r > view.width || y - 2 * r > view.height) continue;
    const b = (actorLit(em, i) ? T : 0) + (typeIndex.get(frame.actors[i].type) ?? 0);
    batch[i] = b;
    counts[b]++;
  }
  const xyr = Array.from(counts, (c) => new Float32Array(3 * c));
  const fill = new Int32Array(2 * T);
  for (let i = 0; i < n; i++) {
    const b = batch[i];
    if (b < 0) continue;
    const out = xyr[b], a = fill[b];
    out[a] = at.x[i]; out[a + 1] = at.y[i]; out[a + 2] = at.r[i];
    fill[b] = a + 3;
  }
  const out = [];
  for (const lit of [0, 1]) {
    ACTOR_TYPES.forEach((type, j) => {
      if (counts[lit * T + j] === 0) return;
      out.push({
        type: type.key, lit: lit === 1, shape: type.shape, fill: view.dark ? type.darkFill : type.fill,
        stroke: view.background, width: 1.5, alpha: lit ? 1 : ACTOR_DIM, xyr: xyr[lit * T + j],
      });
    });
  }
  return out;
}

/** The focused actor, drawn over the others with a ring. */
function focusOf(frame, view, em, at) {
  const f = em.focus;
  if (f < 0 || frame.degrees[f] === 0) return null;
  const type = ACTOR_TYPES.find((t) => t.key === frame.actors[f].type) ?? ACTOR_TYPES[0];
  return {
    i: f, shape: type.shape,
    x: at.x[f], y: at.y[f], r: at.r[f],
    fill: view.dark ? type.darkFill : type.fill, alpha: actorLit(em, f) ? 1 : ACTOR_DIM, stroke: view.focusRing, width: 3,
  };
}

/** The keyboard's actor, ringed while the canvas shows keyboard focus (`view.focusVisible`). */
function keyboardOf(frame, ui, view, at) {
  const i = ui.kbd ?? -1;
  if (i < 0 || !view.focusVisible || !frame.degrees[i]) return null;
  return {
    i, x: at.x[i], y: at.y[i], r: at.r[i] + 5, stroke: view.accent, width: 2.5, dash: [4, 3],
  };
}

/** The land outline under the map layout (`view.world`: rings in layout units), faint. */
function outlineOf(ui, view) {
  if (ui.layout !== 'map' || !view.world) return null;
  const rings = view.world.map((ring) => {
    const out = new Float32Array(ring.length);
    for (let j = 0; j < ring.length; j += 2) {
      out[j] = ring[j] * view.scale + view.tx;
      out[j + 1] = ring[j + 1] * view.scale + view.ty;
    }
    return out;
  });
  return { rings, colour: view.ink, fillAlpha: 0.09, strokeAlpha: 0.25, width: 0.8 };
}

// ---- what changed ----

const ids = new WeakMap();
let nextId = 1;
/** A number for an object's identity (0 for none). */
function idOf(o) {
  if (o == null) return 0;
  if (!ids.has(o)) ids.set(o, nextId++);
  return ids.get(o);
}

/**
 * Keys that change when the picture would: `layer` for what the cached layers hold (every tie and
 * actor, at this view transform), `content` for the whole scene but the view transform (the
 * texture shown while only the view moves). `positionsVersion` changes whenever the positions do.
 */
export function sceneKeys(frame, ui, view, positionsVersion) {
  const arrays = [frame.actors, frame.edges, frame.kinds, frame.single, frame.radii, frame.degrees, frame.compare].map(idOf).join(',');
  const look = `${view.width}x${view.height}@${view.dpr} ${view.background} ${view.ink} ${view.dark}`;
  const geometry = `${positionsVersion}|${arrays}|${look}`;
  // Every change of the UI state bumps its version (state.js).
  const state = ui.version;
  return {
    layer: `${geometry}|${view.scale},${view.tx},${view.ty}`,
    content: `${geometry}|${state}|${idOf(frame.egoHops)}|${view.focusVisible} ${idOf(view.world)} ${view.accent} ${view.focusRing} ${view.font}`,
  };
}

/** A counter of changes to a positions array, for `sceneKeys` until the page's state carries a
 *  version of the layout: an exact comparison with the last positions seen, no hash. */
export function changeCounter() {
  let copy = new Float32Array(0), count = 0;
  return (p) => {
    if (copy.length !== p.length) { copy = Float32Array.from(p); return ++count; }
    for (let i = 0; i < p.length; i++) {
      if (copy[i] !== p[i]) { copy.set(p); return ++count; }
    }
    return count;
  };
}
