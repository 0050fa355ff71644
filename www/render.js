// Draws one frame of the network on a 2D canvas from flat arrays; pure functions of (frame, ui, view).
// Batched for large graphs: ties grouped by (kind, emphasis) and actors by (type, emphasis), each
// group stroked or filled in chunks of CHUNK items, not one call per item.

import { KINDS, ACTOR_TYPES } from './kinds.js';
import { emphasis, tieLit, actorLit, focusOf } from './emphasis.js';

export { focusOf };

const DIM = 0.13;
/** Shortest tie on screen, in CSS pixels, that shows its single-source ring (8 px across). */
const RING_MIN_TIE = 24;
/** Above this many lines on screen, the unfocused ones are drawn 1 px wide, not 1.6: the raster
 *  of wide anti-aliased lines is most of a large frame's cost (bench/render). */
const MANY_TIES = 2000;
/** From this many ties shown, the picture is drawn over a cached layer (see `draw`). */
export const LAYERS_FROM_TIES = 1000;

/** Widest label in CSS pixels; the focused actor's may be wider. Longer names end in "…" (the
 *  whole name is in the tooltip, the panel and the table). */
export const LABEL_MAX = 240;
export const LABEL_MAX_FOCUS = 400;

/** font → max width → name → `{text, w}`. */
const fitted = new Map();

/** `text` shortened to at most `max` pixels in `font` (the context's current font, read once by
 *  the caller: reading `ctx.font` is slow), cut between code points, with an ellipsis, and its
 *  width: `{text, w}`; cached, since the names repeat every frame. */
export function fitLabel(ctx, font, text, max) {
  let byMax = fitted.get(font);
  if (!byMax) fitted.set(font, (byMax = new Map()));
  let cache = byMax.get(max);
  if (!cache) byMax.set(max, (cache = new Map()));
  let out = cache.get(text);
  if (out !== undefined) return out;
  let shown = text;
  let w = ctx.measureText(text).width;
  if (w > max) {
    const chars = Array.from(text);
    let lo = 0, hi = chars.length;
    // The longest prefix that fits with the ellipsis.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${chars.slice(0, mid).join('').trimEnd()}…`).width <= max) lo = mid;
      else hi = mid - 1;
    }
    shown = `${chars.slice(0, lo).join('').trimEnd()}…`;
    w = ctx.measureText(shown).width;
  }
  out = { text: shown, w };
  if (cache.size > 100000) cache.clear();
  cache.set(text, out);
  return out;
}

export function toScreen(view, x, y) {
  return [x * view.scale + view.tx, y * view.scale + view.ty];
}

export function draw(ctx, frame, ui, view) {
  const { width, height, dpr } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = view.background;
  ctx.fillRect(0, 0, width, height);
  for (const paint of view.underlays ?? []) paint(ctx, view);
  const em = emphasis(frame, ui);
  const emphasised = em.focus >= 0 || em.tieK >= 0 || Boolean(frame.egoHops);
  if (view.layers && frame.edges.length / 2 >= LAYERS_FROM_TIES) {
    // A large picture: every tie and actor, all at full strength or all dimmed, comes from a
    // cached layer (texture.js), and only what is lit is drawn over it. A hover then costs the
    // few ties of one actor, not the whole picture.
    const pass = emphasised ? 'dim' : 'all';
    const base = view.layers.picture(pass, frame, view, (c) => {
      drawTies(c, frame, view, em, pass);
      drawActors(c, frame, view, em, pass);
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(base, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (emphasised) {
      drawTies(ctx, frame, view, em, 'lit');
      drawActors(ctx, frame, view, em, 'lit');
    }
    frame.layer = pass;
  } else {
    drawTies(ctx, frame, view, em);
    drawActors(ctx, frame, view, em);
    frame.layer = null;
  }
  frame.labels = drawLabels(ctx, frame, view, em);
}

/** Is the segment (x1, y1)–(x2, y2), widened by `pad`, outside the view? */
function offView(view, x1, y1, x2, y2, pad) {
  return (x1 < -pad && x2 < -pad) || (y1 < -pad && y2 < -pad)
    || (x1 > view.width + pad && x2 > view.width + pad) || (y1 > view.height + pad && y2 > view.height + pad);
}

/** Strokes (or fills) segments in chunks of CHUNK subpaths: one call per chunk instead of one
 *  per item, but no giant path, which Chromium's raster handles far slower. */
const CHUNK = 64;

/** Strokes the lines in `xy` ([x1, y1, x2, y2, ...]) in chunks. */
function strokeLines(ctx, xy) {
  for (let a = 0; a < xy.length; a += 4 * CHUNK) {
    ctx.beginPath();
    const b = Math.min(xy.length, a + 4 * CHUNK);
    for (let k = a; k < b; k += 4) {
      ctx.moveTo(xy[k], xy[k + 1]);
      ctx.lineTo(xy[k + 2], xy[k + 3]);
    }
    ctx.stroke();
  }
}

/** Draws the ties: `pass` 'all' as the emphasis says, 'dim' every one dimmed, 'lit' only the lit. */
function drawTies(ctx, frame, view, em, pass = 'all') {
  const p = frame.positions;
  const e = frame.edges;
  const { scale, tx, ty } = view;
  const anyFocus = em.focus >= 0 || em.tieK >= 0;
  // lines[lit][kind]: every line of that kind at that emphasis, as [x1, y1, x2, y2, ...].
  const lines = [KINDS.map(() => []), KINDS.map(() => [])];
  const rings = [[], []];
  for (let k = 0; k < e.length; k += 2) {
    const s = e[k], t = e[k + 1];
    const x1 = p[2 * s] * scale + tx, y1 = p[2 * s + 1] * scale + ty;
    const x2 = p[2 * t] * scale + tx, y2 = p[2 * t + 1] * scale + ty;
    if (offView(view, x1, y1, x2, y2, 8)) continue;
    const lit = pass !== 'dim' && tieLit(frame, em, k / 2) ? 1 : 0;
    if (pass === 'lit' && !lit) continue;
    const bits = frame.kinds[k / 2];
    let count = 0;
    for (let j = 0; j < KINDS.length; j++) if (bits & KINDS[j].bit) count++;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Several kinds on one tie: parallel lines, 3.5 px apart, centred on the tie.
    const nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    for (let j = 0, n = 0; j < KINDS.length; j++) {
      if (!(bits & KINDS[j].bit)) continue;
      const off = (n++ - (count - 1) / 2) * 3.5;
      lines[lit][j].push(x1 + nx * off, y1 + ny * off, x2 + nx * off, y2 + ny * off);
    }
    // A tie resting on a single report: a hollow ring at its middle (see the legend), where
    // the tie is long enough on screen for the ring not to hide it and its ends.
    if (frame.single?.[k / 2] && len >= RING_MIN_TIE) rings[lit].push((x1 + x2) / 2, (y1 + y2) / 2);
  }
  let drawn = 0;
  for (const byKind of lines) for (const xy of byKind) drawn += xy.length / 4;
  ctx.lineCap = 'butt';
  // The dim ties first, the lit ones over them; the rings over every line, so that none crosses one.
  for (const lit of [0, 1]) {
    ctx.globalAlpha = lit ? 0.9 : DIM;
    ctx.lineWidth = lit && anyFocus ? 2.4 : drawn > MANY_TIES ? 1 : 1.6;
    KINDS.forEach((kind, j) => {
      if (lines[lit][j].length === 0) return;
      ctx.strokeStyle = view.dark ? kind.darkColor : kind.color;
      ctx.setLineDash(kind.dash);
      strokeLines(ctx, lines[lit][j]);
    });
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5;
  ctx.fillStyle = view.background;
  ctx.strokeStyle = view.ink;
  for (const lit of [0, 1]) {
    const xy = rings[lit];
    ctx.globalAlpha = lit ? 1 : DIM;
    for (let a = 0; a < xy.length; a += 2 * CHUNK) {
      ctx.beginPath();
      for (let k = a; k < Math.min(xy.length, a + 2 * CHUNK); k += 2) {
        ctx.moveTo(xy[k] + 4, xy[k + 1]);
        ctx.arc(xy[k], xy[k + 1], 4, 0, Math.PI * 2);
      }
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** Adds the outline of an actor's shape to the current path of `ctx` (a new subpath). */
export function shapePath(ctx, shape, x, y, r) {
  if (shape === 'square') {
    ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
  } else if (shape === 'triangle') {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r * 1.05, y + r * 0.7);
    ctx.lineTo(x - r * 1.05, y + r * 0.7);
    ctx.closePath();
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

/** Draws the actors: `pass` as for `drawTies`; the focused one last, with its ring, unless 'dim'. */
function drawActors(ctx, frame, view, em, pass = 'all') {
  const p = frame.positions;
  const { scale, tx, ty } = view;
  const typeIndex = new Map(ACTOR_TYPES.map((t, j) => [t.key, j]));
  // shapes[lit][type]: [x, y, r, ...]; the focused actor is drawn last, alone, with its ring.
  const shapes = [ACTOR_TYPES.map(() => []), ACTOR_TYPES.map(() => [])];
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0 || (i === em.focus && pass !== 'dim')) continue;
    const lit = pass !== 'dim' && actorLit(em, i) ? 1 : 0;
    if (pass === 'lit' && !lit) continue;
    const x = p[2 * i] * scale + tx, y = p[2 * i + 1] * scale + ty;
    const r = Math.max(3, frame.radii[i] * scale);
    if (x + 2 * r < 0 || y + 2 * r < 0 || x - 2 * r > view.width || y - 2 * r > view.height) continue;
    shapes[lit][typeIndex.get(frame.actors[i].type) ?? 0].push(x, y, r);
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = view.background;
  for (const lit of [0, 1]) {
    ctx.globalAlpha = lit ? 1 : DIM + 0.1;
    ACTOR_TYPES.forEach((type, j) => {
      const xyr = shapes[lit][j];
      ctx.fillStyle = view.dark ? type.darkFill : type.fill;
      for (let a = 0; a < xyr.length; a += 3 * CHUNK) {
        ctx.beginPath();
        for (let k = a; k < Math.min(xyr.length, a + 3 * CHUNK); k += 3) shapePath(ctx, type.shape, xyr[k], xyr[k + 1], xyr[k + 2]);
        ctx.fill();
        ctx.stroke();
      }
    });
  }
  const f = em.focus;
  if (pass !== 'dim' && f >= 0 && frame.degrees[f] > 0) {
    const type = ACTOR_TYPES[typeIndex.get(frame.actors[f].type) ?? 0];
    ctx.beginPath();
    shapePath(ctx, type.shape, p[2 * f] * scale + tx, p[2 * f + 1] * scale + ty, Math.max(3, frame.radii[f] * scale));
    ctx.globalAlpha = actorLit(em, f) ? 1 : DIM + 0.1;
    ctx.fillStyle = view.dark ? type.darkFill : type.fill;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = view.focusRing;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

const cellKey = (cx, cy) => (cx + 32768) * 65536 + (cy + 32768);

/** Placed label boxes in a grid of cells, so that a new box is checked against its neighbours only. */
class BoxGrid {
  constructor(cell = 96) { this.cell = cell; this.cells = new Map(); }
  #range(b) {
    const c = this.cell;
    return [Math.floor(b.x / c), Math.floor((b.x + b.w) / c), Math.floor(b.y / c), Math.floor((b.y + b.h) / c)];
  }
  overlaps(b) {
    const [cx0, cx1, cy0, cy1] = this.#range(b);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        for (const o of this.cells.get(cellKey(cx, cy)) ?? []) {
          if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return true;
        }
      }
    }
    return false;
  }
  add(b) {
    const [cx0, cx1, cy0, cy1] = this.#range(b);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(b); else this.cells.set(key, [b]);
      }
    }
  }
}

/** Labels by priority (the focus, the actors lit around it, then by number of ties); a label
 *  that would overlap one already placed is left out until zooming in makes room.
 *  Returns the placed boxes `[{i, text, x, y, w, h}]` in CSS pixels. */
function drawLabels(ctx, frame, view, em) {
  const p = frame.positions;
  const { scale, tx, ty } = view;
  const lit = em.near.size > 0;
  // Only the actors whose label could show: the ones on (or just beside) the canvas.
  const order = [];
  const rank = new Float64Array(frame.actors.length);
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const x = p[2 * i] * scale + tx, y = p[2 * i + 1] * scale + ty;
    if (y < -8 || y > view.height + 8 || x < -LABEL_MAX_FOCUS - 8 || x > view.width + LABEL_MAX_FOCUS + 8) continue;
    rank[i] = (i === em.focus ? 4e9 : 0) + (lit && em.near.has(i) ? 2e9 : 0) + (em.inEgo(i) ? 1e9 : 0) + frame.degrees[i];
    order.push(i);
  }
  order.sort((a, b) => rank[b] - rank[a] || a - b);
  const font = `600 12px ${view.font}`;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  const placed = [];
  const grid = new BoxGrid();
  for (const i of order) {
    const x = p[2 * i] * scale + tx, y = p[2 * i + 1] * scale + ty;
    const r = Math.max(3, frame.radii[i] * scale);
    const right = x + r + 4;
    // Where even the start of a label would overlap one already placed, measure nothing.
    if (right + 16 <= view.width && grid.overlaps({ x: right, y: y - 8, w: 16, h: 16 })) continue;
    const { text, w } = fitLabel(ctx, font, frame.actors[i].name, i === em.focus ? LABEL_MAX_FOCUS : LABEL_MAX);
    // Right of the actor, or left of it when the right would run off the canvas.
    const bx = right + w + 4 > view.width && x - r - 8 - w >= 0 ? x - r - 8 - w : right;
    const box = { i, x: bx, y: y - 8, w: w + 4, h: 16, text };
    if (box.x > view.width || box.x + box.w < 0 || box.y > view.height || box.y + box.h < 0) continue;
    if (grid.overlaps(box)) continue;
    grid.add(box);
    placed.push(box);
    ctx.globalAlpha = actorLit(em, i) ? 1 : 0.35;
    ctx.lineWidth = 3;
    ctx.strokeStyle = view.background;
    ctx.strokeText(text, box.x, y);
    ctx.fillStyle = view.ink;
    ctx.fillText(text, box.x, y);
  }
  ctx.globalAlpha = 1;
  return placed;
}
