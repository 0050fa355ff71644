// Draws one frame of the network on a 2D canvas from flat arrays; pure functions of (frame, ui, view).

import { KINDS, actorType } from './kinds.js';
import { emphasis, tieLit, actorLit, focusOf } from './emphasis.js';

export { focusOf };

const DIM = 0.13;

/** Widest label in CSS pixels; the focused actor's may be wider. Longer names end in "…" (the
 *  whole name is in the tooltip, the panel and the table). */
export const LABEL_MAX = 240;
export const LABEL_MAX_FOCUS = 400;

const fitted = new Map();

/** `text` shortened to at most `max` pixels in the context's current font, cut between code
 *  points, with an ellipsis; cached, since the names repeat every frame. */
export function fitLabel(ctx, text, max) {
  const key = `${ctx.font}\u0000${max}\u0000${text}`;
  let out = fitted.get(key);
  if (out !== undefined) return out;
  out = text;
  if (ctx.measureText(text).width > max) {
    const chars = Array.from(text);
    let lo = 0, hi = chars.length;
    // The longest prefix that fits with the ellipsis.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${chars.slice(0, mid).join('').trimEnd()}…`).width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = `${chars.slice(0, lo).join('').trimEnd()}…`;
  }
  if (fitted.size > 20000) fitted.clear();
  fitted.set(key, out);
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
  drawTies(ctx, frame, view, em);
  drawActors(ctx, frame, view, em);
  frame.labels = drawLabels(ctx, frame, view, em);
}

function drawTies(ctx, frame, view, em) {
  const p = frame.positions;
  const e = frame.edges;
  const anyFocus = em.focus >= 0 || em.tieK >= 0;
  ctx.lineCap = 'butt';
  for (let k = 0; k < e.length; k += 2) {
    const s = e[k], t = e[k + 1];
    const [x1, y1] = toScreen(view, p[2 * s], p[2 * s + 1]);
    const [x2, y2] = toScreen(view, p[2 * t], p[2 * t + 1]);
    const kinds = KINDS.filter((kd) => frame.kinds[k / 2] & kd.bit);
    const lit = tieLit(frame, em, k / 2);
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Several kinds on one tie: parallel lines, 3.5 px apart, centred on the tie.
    const nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    kinds.forEach((kind, j) => {
      const off = (j - (kinds.length - 1) / 2) * 3.5;
      ctx.globalAlpha = lit ? 0.9 : DIM;
      ctx.strokeStyle = view.dark ? kind.darkColor : kind.color;
      ctx.lineWidth = lit && anyFocus ? 2.4 : 1.6;
      ctx.setLineDash(kind.dash);
      ctx.beginPath();
      ctx.moveTo(x1 + nx * off, y1 + ny * off);
      ctx.lineTo(x2 + nx * off, y2 + ny * off);
      ctx.stroke();
    });
  }
  ctx.setLineDash([]);
  // A tie resting on a single report: a hollow ring at its middle (see the legend), drawn over
  // every line so that none crosses it.
  for (let k = 0; k < e.length; k += 2) {
    if (!frame.single?.[k / 2]) continue;
    const s = e[k], t = e[k + 1];
    const [x1, y1] = toScreen(view, p[2 * s], p[2 * s + 1]);
    const [x2, y2] = toScreen(view, p[2 * t], p[2 * t + 1]);
    ctx.globalAlpha = tieLit(frame, em, k / 2) ? 1 : DIM;
    ctx.beginPath();
    ctx.arc((x1 + x2) / 2, (y1 + y2) / 2, 4, 0, Math.PI * 2);
    ctx.fillStyle = view.background;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = view.ink;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

export function shapePath(ctx, shape, x, y, r) {
  ctx.beginPath();
  if (shape === 'square') {
    ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
  } else if (shape === 'triangle') {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r * 1.05, y + r * 0.7);
    ctx.lineTo(x - r * 1.05, y + r * 0.7);
    ctx.closePath();
  } else {
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

function drawActors(ctx, frame, view, em) {
  const p = frame.positions;
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const [x, y] = toScreen(view, p[2 * i], p[2 * i + 1]);
    const r = Math.max(3, frame.radii[i] * view.scale);
    const type = actorType(frame.actors[i].type);
    ctx.globalAlpha = actorLit(em, i) ? 1 : DIM + 0.1;
    shapePath(ctx, type.shape, x, y, r);
    ctx.fillStyle = view.dark ? type.darkFill : type.fill;
    ctx.fill();
    ctx.lineWidth = i === em.focus ? 3 : 1.5;
    ctx.strokeStyle = i === em.focus ? view.focusRing : view.background;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Labels by priority (the focus, the actors lit around it, then by number of ties); a label
 *  that would overlap one already placed is left out until zooming in makes room.
 *  Returns the placed boxes `[{i, x, y, w, h}]` in CSS pixels. */
function drawLabels(ctx, frame, view, em) {
  const p = frame.positions;
  const order = [];
  for (let i = 0; i < frame.actors.length; i++) if (frame.degrees[i] > 0) order.push(i);
  const lit = em.near.size > 0;
  const rank = (i) => (i === em.focus ? 4e9 : 0) + (lit && em.near.has(i) ? 2e9 : 0)
    + (em.inEgo(i) ? 1e9 : 0) + frame.degrees[i];
  order.sort((a, b) => rank(b) - rank(a) || a - b);
  ctx.font = `600 12px ${view.font}`;
  ctx.textBaseline = 'middle';
  const placed = [];
  for (const i of order) {
    const [x, y] = toScreen(view, p[2 * i], p[2 * i + 1]);
    const r = Math.max(3, frame.radii[i] * view.scale);
    const text = fitLabel(ctx, frame.actors[i].name, i === em.focus ? LABEL_MAX_FOCUS : LABEL_MAX);
    const w = ctx.measureText(text).width;
    // Right of the actor, or left of it when the right would run off the canvas.
    const right = x + r + 4;
    const bx = right + w + 4 > view.width && x - r - 8 - w >= 0 ? x - r - 8 - w : right;
    const box = { i, x: bx, y: y - 8, w: w + 4, h: 16, text };
    if (box.x > view.width || box.x + box.w < 0 || box.y > view.height || box.y + box.h < 0) continue;
    if (placed.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)) continue;
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
