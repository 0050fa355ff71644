// Guides under the picture: the ego layout's rings with their hop counts, and the map's lines from a displaced actor back to its true place.

import { textWidth, baselineBelowMiddle } from './labels.js';

const GUIDE_ALPHA = 0.28;
const CAPTION_ALPHA = 0.75;
const CAPTION_PX = 11;
/** Places tried for a ring's caption, as angles from the top of the ring (radians, clockwise),
 *  on the ring, then just inside or outside it, then a little further. */
const CAPTION_ANGLES = Array.from({ length: 73 }, (_, k) => (k % 2 ? 1 : -1) * Math.ceil(k / 2) * (Math.PI / 36));
/** On the map, an actor moved less than this (CSS pixels) from its true place gets no line back. */
const MOVED_PX = 2;

/** Hop distances from `centre` over the visible ties (255: not reached), kept per tie list. */
const hopsCache = new WeakMap();
function hopsFrom(frame, centre) {
  let byCentre = hopsCache.get(frame.edges);
  if (!byCentre) hopsCache.set(frame.edges, (byCentre = new Map()));
  let hops = byCentre.get(centre);
  if (hops) return hops;
  const n = frame.actors.length, e = frame.edges;
  const next = Array.from({ length: n }, () => []);
  for (let k = 0; k < e.length; k += 2) { next[e[k]].push(e[k + 1]); next[e[k + 1]].push(e[k]); }
  hops = new Uint8Array(n).fill(255);
  hops[centre] = 0;
  for (let queue = [centre], h = 1; queue.length > 0 && h < 255; h++) {
    const out = [];
    for (const v of queue) for (const u of next[v]) if (hops[u] === 255) { hops[u] = h; out.push(u); }
    queue = out;
  }
  byCentre.set(centre, hops);
  return hops;
}

/**
 * The ego layout's ring guides: for each hop count, a faint circle through its actors (at their
 * mean distance from the centre, so it follows the eased move) and a caption, "1 tie away", put
 * where it touches no actor. Null outside the ego layout.
 * @returns {null | {colour, alpha, width, font, family, size, weight, captionAlpha, halo, baseline,
 *   rings: {hops, x, y, r, text, box: {x, y, w, h}}[]}}
 */
export function egoGuides(frame, ui, view, at) {
  if (ui.layout !== 'radial' || !ui.centre) return null;
  const c = frame.actors.findIndex((a) => a.id === ui.centre);
  if (c < 0 || frame.degrees[c] === 0) return null;
  const hops = hopsFrom(frame, c);
  const sum = [], count = [];
  for (let i = 0; i < frame.actors.length; i++) {
    const h = hops[i];
    if (frame.degrees[i] === 0 || h === 0 || h === 255) continue;
    sum[h] = (sum[h] ?? 0) + Math.hypot(at.x[i] - at.x[c], at.y[i] - at.y[c]);
    count[h] = (count[h] ?? 0) + 1;
  }
  const font = `${CAPTION_PX}px ${view.font}`;
  const rings = [];
  const taken = [];
  for (let h = 1; h < count.length; h++) {
    if (!count[h]) continue;
    const r = sum[h] / count[h];
    const text = h === 1 ? '1 tie away' : `${h} ties away`;
    const w = textWidth(font, text) + 4, bh = CAPTION_PX + 4;
    let box = null;
    for (const shift of [0, -(bh / 2 + 2), bh / 2 + 2, -(bh + 6), bh + 6]) {
      for (const a of CAPTION_ANGLES) {
        const x = at.x[c] + (r + shift) * Math.sin(a), y = at.y[c] - (r + shift) * Math.cos(a);
        const b = { x: x - w / 2, y: y - bh / 2, w, h: bh };
        if (b.x < 1 || b.y < 1 || b.x + w > view.width - 1 || b.y + bh > view.height - 1) continue;
        if (touchesActor(frame, at, b) || taken.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h)) continue;
        box = b;
        break;
      }
      if (box) break;
    }
    if (box) taken.push(box);
    rings.push({ hops: h, x: at.x[c], y: at.y[c], r, text, box });
  }
  return {
    colour: view.ink, alpha: GUIDE_ALPHA, width: 1, font, family: view.font, size: CAPTION_PX, weight: 400,
    captionAlpha: CAPTION_ALPHA, halo: view.background, baseline: baselineBelowMiddle(font), rings,
  };
}

function touchesActor(frame, at, b) {
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const dx = at.x[i] - Math.max(b.x, Math.min(at.x[i], b.x + b.w));
    const dy = at.y[i] - Math.max(b.y, Math.min(at.y[i], b.y + b.h));
    if (dx * dx + dy * dy < (at.r[i] + 2) ** 2) return true;
  }
  return false;
}

/**
 * The map's lines back home: from each actor the map layout displaced (to tell crowded actors
 * apart) to its true place (`view.homes`, layout units), with a dot there. Null outside the map.
 * @returns {null | {colour, alpha, width, dot, xy: Float32Array, homes: Float32Array}} `xy` holds
 *   [x1, y1, x2, y2] per line (actor, then home), `homes` [x, y] per dot.
 */
export function mapLeaders(frame, ui, view, at) {
  const home = view.homes;
  if (ui.layout !== 'map' || !home || home.length !== 2 * frame.actors.length) return null;
  const lines = [];
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const hx = home[2 * i] * view.scale + view.tx, hy = home[2 * i + 1] * view.scale + view.ty;
    const d = Math.hypot(hx - at.x[i], hy - at.y[i]);
    if (d < Math.max(MOVED_PX, at.r[i])) continue;
    lines.push(at.x[i], at.y[i], hx, hy);
  }
  const homes = new Float32Array(lines.length / 2);
  for (let j = 0; j < lines.length; j += 4) { homes[j / 2] = lines[j + 2]; homes[j / 2 + 1] = lines[j + 3]; }
  return { colour: view.ink, alpha: 0.5, width: 0.8, dot: 1.6, xy: Float32Array.from(lines), homes };
}
