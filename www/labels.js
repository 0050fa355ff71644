// Labels: the one rule that cuts a name to fit; every actor labelled in a small network (placement.js), by priority without overlap in a large one.

import { actorLit } from './emphasis.js';
import { EVERY_LABEL_UP_TO, placeEvery } from './placement.js';

/** The one label cut rule: a label is at most this wide in CSS pixels (the focused actor's may be
 *  wider); a longer name ends in "…" (the whole name is in the tooltip, the panel and the table). */
export const LABEL_MAX = 240;
export const LABEL_MAX_FOCUS = 400;
const LABEL_PX = 12;
const LABEL_H = 16;
const LABEL_DIM = 0.35;
/** The last resort for a long name without a short one, before it is moved out: cut to this width. */
const LABEL_TIGHT = 96;
/** Opacity and width of a leader line from a moved label to its actor. */
const LEADER_ALPHA = 0.7;
const LEADER_WIDTH = 1;

let measurer = null;
let measuredFont = '';
/** The width of `text` in CSS `font`, as a canvas measures it (the same for every output). */
export function textWidth(font, text) {
  measurer ??= (typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')).getContext('2d');
  if (font !== measuredFont) { measurer.font = font; measuredFont = font; }
  return measurer.measureText(text).width;
}

/** font → character → its advance: summed, a quick estimate of a name's width (kerning and
 *  ligatures make the true width differ by a few per cent). */
const advances = new Map();
/** A width that `text` in `font` is surely not narrower than: 80 % of the sum of its characters'
 *  advances, measured once per character. */
function widthAtLeast(font, text) {
  let byChar = advances.get(font);
  if (!byChar) advances.set(font, (byChar = new Map()));
  let sum = 0;
  for (const ch of text) {
    let w = byChar.get(ch);
    if (w === undefined) byChar.set(ch, (w = textWidth(font, ch)));
    sum += w;
  }
  return 0.8 * sum;
}

/** How far below the middle of the em box (where the canvas puts a label's y) the alphabetic
 *  baseline is in `font`: what a backend that writes baselines (svg.js) adds to y. */
export function baselineBelowMiddle(font) {
  textWidth(font, '');
  measurer.textBaseline = 'middle';
  return -measurer.measureText('x').alphabeticBaseline;
}

/** font → max width → name → `{text, w}`: the names repeat every frame. */
const fitted = new Map();
/** New names measured per frame by the priority placement, at most. */
const MEASURES_PER_FRAME = 250;

/** `fitLabel`'s answer when it has been worked out before, else undefined. */
function fittedAlready(font, text, max) {
  return fitted.get(font)?.get(max)?.get(text);
}

/** `text` cut to at most `max` pixels in `font` between code points, with an ellipsis, and its
 *  width: `{text, w}`. The one label cut rule. */
export function fitLabel(font, text, max) {
  let byMax = fitted.get(font);
  if (!byMax) fitted.set(font, (byMax = new Map()));
  let cache = byMax.get(max);
  if (!cache) byMax.set(max, (cache = new Map()));
  let out = cache.get(text);
  if (out !== undefined) return out;
  let shown = text;
  let w = textWidth(font, text);
  if (w > max) {
    const chars = Array.from(text);
    let lo = 0, hi = chars.length;
    // The longest prefix that fits with the ellipsis.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (textWidth(font, `${chars.slice(0, mid).join('').trimEnd()}…`) <= max) lo = mid;
      else hi = mid - 1;
    }
    shown = `${chars.slice(0, lo).join('').trimEnd()}…`;
    w = textWidth(font, shown);
  }
  out = { text: shown, w };
  if (cache.size > 100000) cache.clear();
  cache.set(text, out);
  return out;
}

const NO_BOXES = Object.freeze([]);
const cellKey = (cx, cy) => (cx + 32768) * 65536 + (cy + 32768);

/** Side of a cell of BoxGrid's two bitmaps, in CSS pixels. */
const BIT_CELL = 4;
/** The one buffer of the bitmaps of the grid in use (there is one at a time). */
let bitmaps = new Uint8Array(0);

/** Placed label boxes in a grid of cells, so that a new box is checked against its neighbours only.
 *  Over `[x0, x0 + width] × [y0, y0 + height]` two bitmaps answer most checks before the boxes are
 *  read: a cell some box covers whole (a box holding that cell overlaps it for sure), and a cell some
 *  box touches (a box touching no cell of it overlaps nothing). At 50,000 actors most of the
 *  checks are of a place already taken, and are answered by the first. The answer is always the
 *  exact one of the boxes. */
export class BoxGrid {
  constructor(x0 = 0, y0 = 0, width = 0, height = 0, cell = 96) {
    this.cell = cell;
    this.cells = new Map();
    this.x0 = x0;
    this.y0 = y0;
    this.cols = Math.max(0, Math.ceil(width / BIT_CELL) + 1);
    this.rows = Math.max(0, Math.ceil(height / BIT_CELL) + 1);
    // The bitmaps reuse one buffer, cleared (a placement builds one grid per frame and is done with
    // it before the next: no 140 KB allocated and collected per frame).
    const n = this.cols * this.rows;
    if (bitmaps.length < 2 * n) bitmaps = new Uint8Array(2 * n);
    this.full = bitmaps.subarray(0, n).fill(0);
    this.touched = bitmaps.subarray(n, 2 * n).fill(0);
  }
  overlaps(b) {
    // The bitmap's cells the box touches, and those inside it whole.
    const fx = (b.x - this.x0) / BIT_CELL, fy = (b.y - this.y0) / BIT_CELL;
    const tx = (b.x + b.w - this.x0) / BIT_CELL, ty = (b.y + b.h - this.y0) / BIT_CELL;
    const ax = Math.floor(fx), ay = Math.floor(fy), bx = Math.floor(tx), by = Math.floor(ty);
    if (ax >= 0 && ay >= 0 && bx < this.cols && by < this.rows) {
      const cols = this.cols;
      for (let cy = Math.ceil(fy); cy + 1 <= ty; cy++) {
        for (let cx = Math.ceil(fx); cx + 1 <= tx; cx++) if (this.full[cy * cols + cx]) return true;
      }
      let any = false;
      for (let cy = ay; cy <= by && !any; cy++) {
        for (let cx = ax; cx <= bx; cx++) if (this.touched[cy * cols + cx]) { any = true; break; }
      }
      if (!any) return false;
    }
    const c = this.cell;
    const cx0 = Math.floor(b.x / c), cx1 = Math.floor((b.x + b.w) / c), cy0 = Math.floor(b.y / c), cy1 = Math.floor((b.y + b.h) / c);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        for (const o of this.cells.get(cellKey(cx, cy)) ?? NO_BOXES) {
          if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return true;
        }
      }
    }
    return false;
  }
  add(b) {
    const c = this.cell;
    const cx0 = Math.floor(b.x / c), cx1 = Math.floor((b.x + b.w) / c), cy0 = Math.floor(b.y / c), cy1 = Math.floor((b.y + b.h) / c);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(b); else this.cells.set(key, [b]);
      }
    }
    // Its cells in the bitmaps (clipped to them: a check that reaches past them reads the boxes).
    const fx = (b.x - this.x0) / BIT_CELL, fy = (b.y - this.y0) / BIT_CELL;
    const tx = (b.x + b.w - this.x0) / BIT_CELL, ty = (b.y + b.h - this.y0) / BIT_CELL;
    const cols = this.cols, rows = this.rows;
    const ax = Math.max(0, Math.floor(fx)), ay = Math.max(0, Math.floor(fy));
    const bx = Math.min(cols - 1, Math.floor(tx)), by = Math.min(rows - 1, Math.floor(ty));
    for (let cy = ay; cy <= by; cy++) {
      for (let cx = ax; cx <= bx; cx++) {
        this.touched[cy * cols + cx] = 1;
        if (cx >= fx && cx + 1 <= tx && cy >= fy && cy + 1 <= ty) this.full[cy * cols + cx] = 1;
      }
    }
  }
}

/** The actors with ties, by number of ties (most first), then by index (`order`), and each actor's
 *  place in that order (`rank`); kept for the last degrees array seen (a new array whenever they
 *  change). */
let byDegree = { degrees: null, order: new Uint32Array(0), rank: new Uint32Array(0) };
export function degreeOrder(degrees) {
  if (byDegree.degrees !== degrees) {
    // A counting sort: degrees are small whole numbers, and a comparison sort of 50,000 actors
    // with a comparator took tens of milliseconds of the first drawing.
    let top = 0;
    for (let i = 0; i < degrees.length; i++) top = Math.max(top, degrees[i]);
    const starts = new Uint32Array(top + 2);
    for (let i = 0; i < degrees.length; i++) if (degrees[i] > 0) starts[top - degrees[i] + 1]++;
    for (let d = 1; d <= top + 1; d++) starts[d] += starts[d - 1];
    const count = starts[top + 1];
    const order = new Uint32Array(count);
    const rank = new Uint32Array(degrees.length).fill(count);
    // Most ties first; within one number of ties, by index (the loop's order).
    for (let i = 0; i < degrees.length; i++) {
      if (degrees[i] > 0) {
        const k = starts[top - degrees[i]]++;
        order[k] = i;
        rank[i] = k;
      }
    }
    byDegree = { degrees, order, rank };
  }
  return byDegree;
}

/** While the actors move (`quick`) in a network too large to label every actor, labels are sought
 *  only among this many most connected actors, the focus and the actors lit around it: a canvas
 *  holds a few hundred labels, and at 50,000 actors the search over all of them took most of a
 *  frame. The frame after the layout rests looks at every actor. */
export const QUICK_CANDIDATES = 4000;

/** Labels by priority (the focus, the actors lit around it, then by number of ties). Up to
 *  `EVERY_LABEL_UP_TO` actors shown, every actor is labelled (placement.js); above, a label that
 *  would overlap one already placed is left out until zooming in makes room. `at` holds the
 *  actors on screen (`{x, y, r}`, see scene.js). `quick` (while the actors move): a shorter
 *  search, moved labels not as far (placement.js) or only `QUICK_CANDIDATES` actors tried. */
export function placeLabels(frame, view, em, at, obstacles = [], { quick = false, complete = false } = {}) {
  const lit = em.near.size > 0;
  const font = `600 ${LABEL_PX}px ${view.font}`;
  let shownCount = 0;
  for (let i = 0; i < frame.actors.length; i++) if (frame.degrees[i] > 0) shownCount++;
  const every = shownCount <= EVERY_LABEL_UP_TO;
  // Only the actors whose label could show: the ones on (or just beside) the canvas; with every
  // label, the actors whose disc is on the canvas. Tried in the order of their rank: the focus,
  // the actors lit around it, those in the focus neighbourhood, each tier by number of ties (most
  // first), then by index. The order by ties is kept from frame to frame: no sort per frame.
  const tiers = Array.from({ length: 8 }, () => []);
  const shown = [];
  const consider = (i) => {
    const x = at.x[i], y = at.y[i], r = at.r[i];
    if (every) {
      if (x + r < 0 || y + r < 0 || x - r > view.width || y - r > view.height) return;
      shown.push(i);
      if (x < 0 || y < 0 || x > view.width || y > view.height) return;
    } else if (y < -8 || y > view.height + 8 || x < -LABEL_MAX_FOCUS - 8 || x > view.width + LABEL_MAX_FOCUS + 8) return;
    tiers[(i === em.focus ? 4 : 0) + (lit && em.near.has(i) ? 2 : 0) + (em.inEgo(i) ? 1 : 0)].push(i);
  };
  const { order: byTies, rank } = degreeOrder(frame.degrees);
  const limit = quick && !every ? Math.min(byTies.length, QUICK_CANDIDATES) : byTies.length;
  for (let k = 0; k < limit; k++) consider(byTies[k]);
  if (limit < byTies.length && lit) {
    // The lit actors beyond the most connected (a hovered actor's partners), in the same order.
    const more = [...em.near].filter((i) => rank[i] >= limit && rank[i] < byTies.length).sort((a, b) => rank[a] - rank[b]);
    for (const i of more) consider(i);
  }
  if (every) shown.sort((a, b) => a - b);
  const order = tiers.reverse().flat();
  const keep = tiers.slice(0, 6).reduce((sum, t) => sum + t.length, 0);
  const boxes = every ? placeEvery(order, keep, shown, at, frame.edges, view, (i) => texts(frame, view, em, font, i), LABEL_H, obstacles, quick)
    : byPriority(order, frame, view, em, at, font, complete ? Infinity : MEASURES_PER_FRAME);
  // Names not measured yet beyond this frame's share wait for the next frames (`pending`).
  const pending = Boolean(boxes.pending);
  for (const b of boxes) b.alpha = actorLit(em, b.i) ? 1 : LABEL_DIM;
  const leaders = [1, LABEL_DIM].map((alpha) => {
    const moved = boxes.filter((b) => b.leader && b.alpha === alpha);
    return { alpha: alpha * LEADER_ALPHA, xy: Float32Array.from(moved.flatMap((b) => b.leader)) };
  }).filter((l) => l.xy.length > 0);
  return {
    font, family: view.font, size: LABEL_PX, weight: 600, baseline: baselineBelowMiddle(font), colour: view.ink, halo: view.background, haloWidth: 3,
    leaderWidth: LEADER_WIDTH, leaders, boxes, pending,
  };
}

/** The texts actor i may be labelled by, longest first: its name (cut to the label width, and to
 *  the canvas), its short name, and as a last resort its name cut tighter. */
function texts(frame, view, em, font, i) {
  const a = frame.actors[i];
  const max = Math.min(i === em.focus ? LABEL_MAX_FOCUS : LABEL_MAX, view.width - 8);
  const full = fitLabel(font, a.name, max);
  const out = full.text === a.name ? [full] : [];
  if (a.short && a.short !== a.name) out.push(fitLabel(font, a.short, max));
  if (full.text !== a.name) out.push(full);
  const tight = fitLabel(font, a.name, Math.min(max, LABEL_TIGHT));
  if (!a.short && tight.text !== full.text) out.push(tight);
  return out;
}

/** Labels by priority without overlap, for networks too large to label every actor. */
function byPriority(order, frame, view, em, at, font, budget) {
  const boxes = [];
  let measures = 0, pending = false;
  const grid = new BoxGrid(-16, -16, view.width + 32, view.height + 32);
  const probe = { x: 0, y: 0, w: 0, h: 0 }; // one box for the checks below, not one per actor
  for (const i of order) {
    const x = at.x[i], y = at.y[i], r = at.r[i];
    const right = x + r + 4;
    // Where even the start of a label would overlap one already placed, measure nothing; nor where
    // a box as wide as the label surely is would (a label that surely fits on the right).
    probe.x = right; probe.y = y - 8; probe.w = 16; probe.h = 16;
    if (right + 16 <= view.width && grid.overlaps(probe)) continue;
    const max = i === em.focus ? LABEL_MAX_FOCUS : LABEL_MAX;
    if (right + max + 4 <= view.width) {
      const atLeast = Math.min(widthAtLeast(font, frame.actors[i].name), 0.8 * max);
      probe.w = atLeast + 4; probe.h = LABEL_H;
      if (grid.overlaps(probe)) continue;
    }
    let fit = fittedAlready(font, frame.actors[i].name, max);
    if (fit === undefined) {
      // A name not measured yet: at most MEASURES_PER_FRAME per frame (a zoom that brings
      // thousands of new names into view measures them over a few frames, not in one long task).
      if (measures >= budget) { pending = true; continue; }
      measures++;
      fit = fitLabel(font, frame.actors[i].name, max);
    }
    const { text, w } = fit;
    // Right of the actor, or left of it when the right would run off the canvas.
    const bx = right + w + 4 > view.width && x - r - 8 - w >= 0 ? x - r - 8 - w : right;
    const box = { i, text, x: bx, y: y - 8, w: w + 4, h: LABEL_H };
    if (box.x > view.width || box.x + box.w < 0 || box.y > view.height || box.y + box.h < 0) continue;
    if (grid.overlaps(box)) continue;
    grid.add(box);
    boxes.push(box);
  }
  if (pending) boxes.pending = true;
  return boxes;
}
