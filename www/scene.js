// What one frame shows, as flat batches in screen space: a pure function of the frame data, the UI state and the view; the canvas, the PNG and the SVG all draw it.

import { KINDS, ACTOR_TYPES } from './kinds.js';
import { emphasis, actorLit, tieFocusOf } from './emphasis.js';
import { placeLabels } from './labels.js';
import { compareBatches, QUIET } from './compare-scene.js';
import { DIM, ACTOR_DIM, project, tieBatches, tieWidthFor, actorBatches, typeIndices, dimOf } from './scene-items.js';

export { DIM };

/**
 * The scene of one frame (`complete`: every label placed with the full search in this one call,
 * as an export wants, not spread over the frames that follow; `layered`: drawn over a large
 * picture's layer, which holds every tie, ring and actor at full strength (scene-items.js
 * `layerItems`), so that `ties`, `rings` and `actors` hold only the lit ones, none when nothing
 * is emphasised). Every length is in CSS pixels of the view; every batch is one style and
 * one flat array, so that a backend draws it in a few calls (a WebGL one uploads the arrays as is).
 * @returns {{width, height, background, ink, font, emphasised, layered, tieCount, quiet,
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
 *   changes: null | object}} (`changes`: the comparison's batches, compare-scene.js, over a quiet network
 *   whose ties fade to `quiet`, else null)
 *   Batches come in drawing order (dimmed ones first); `xy` holds [x1, y1, x2, y2, ...] per line or
 *   [x, y, ...] per ring, `xyr` [x, y, r, ...] per actor; a moved label's `leader` and the leaders'
 *   `xy` run from the label box to its actor's disc. A label's text is centred on y + h / 2 (its alphabetic
 *   baseline `labels.baseline` px below that).
 */
let guides = null; // guides.js: given by layouts.js with the module that computes the ego rings and the map

/** Installs the ego rings' and the map's guides (guides.js); until then the scene has none, as the
 *  positions are the force layout's until that module is here too. */
export function useGuides(module) { guides = module; }

export function buildScene(frame, ui, view, { complete = false, layered = false } = {}) {
  const em = emphasis(frame, ui);
  const emphasised = em.focus >= 0 || em.tieK !== -1 || Boolean(frame.egoHops);
  const at = project(frame, view);
  // Over a layer (`layered`), what it holds is not made again: nothing when nothing is emphasised,
  // else only what is lit (every tie is still counted, for the width).
  // A focused actor or tie lights only its own ties and actors: only those are looked at then.
  const skipItems = layered && !emphasised;
  const litTies = layered ? litTiesOf(frame, em) : null;
  const litActors = layered && em.near.size > 0 ? Int32Array.from(em.near).sort() : null;
  const { ties, rings, drawn } = skipItems ? { ties: [], rings: [], drawn: frame.edges.length / 2 }
    : tieBatches(frame, view, em, at, KINDS, { litOnly: layered, only: litTies });
  // (With `litTies`, `drawn` counts only those; the width of the others is the layer's then.)
  const tieWidth = tieWidthFor(litTies ? frame.edges.length / 2 : drawn);
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
    emphasised,
    layered,
    tieCount: frame.edges.length / 2,
    quiet: changes ? QUIET : null,
    dim: dimOf(tieWidth),
    outline: outlineOf(ui, view),
    egoRings,
    homeLines: guides?.mapLeaders(frame, ui, view, at) ?? null,
    ties,
    rings: changes ? [] : rings,
    actors: skipItems ? [] : actorBatches(frame, view, em, at, typeIndices(frame.actors, ACTOR_TYPES), ACTOR_TYPES,
      { skip: em.focus, litOnly: layered, only: litActors }),
    focus: focusOf(frame, view, em, at),
    keyboard: keyboardOf(frame, ui, view, at),
    // While a layout moves the actors (on the main thread, or in the large-graph worker:
    // `view.moving`), a quicker placement (labels.js `placeLabels`): the frame after it rests
    // places every label with the full search.
    labels: placeLabels(frame, view, em, at, [...(view.reserved ?? []), ...(egoRings?.rings.filter((r) => r.box).map((r) => r.box) ?? [])],
      { quick: !complete && (ui.layoutStatus === 'running' || ui.dragged >= 0 || Boolean(view.moving)), complete }),
    changes,
  };
}

/** The visible ties (positions, ascending) that a focused actor or tie can light, or null when
 *  any may be lit (a focus neighbourhood alone). */
function litTiesOf(frame, em) {
  if (em.focus >= 0) {
    const e = frame.edges, out = [];
    for (let k = 0; k < e.length / 2; k++) if (e[2 * k] === em.focus || e[2 * k + 1] === em.focus) out.push(k);
    return out;
  }
  if (em.tieK >= 0) return [em.tieK];
  return em.tieK === -1 ? null : [];
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
    content: `${geometry}|${state}|${idOf(frame.egoHops)}|${view.focusVisible} ${idOf(view.world)} ${view.accent} ${view.focusRing} ${view.font} ${Boolean(view.moving)}`,
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
