// Draws one frame of the network on a 2D canvas from flat arrays; pure functions of (frame, ui, view).

import { KINDS, actorType } from './kinds.js';

const DIM = 0.13;

/** The actor the picture is about right now: the pinned one, else the hovered one. */
export function focusOf(ui) {
  return ui.pinned >= 0 ? ui.pinned : ui.hover;
}

/** Is actor `i` the focus or joined to it by a visible tie? */
function neighbours(frame, focus) {
  const near = new Set();
  if (focus < 0) return near;
  near.add(focus);
  const e = frame.edges;
  for (let k = 0; k < e.length; k += 2) {
    if (e[k] === focus) near.add(e[k + 1]);
    if (e[k + 1] === focus) near.add(e[k]);
  }
  return near;
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
  const focus = focusOf(ui);
  const near = neighbours(frame, focus);
  drawTies(ctx, frame, view, focus);
  drawActors(ctx, frame, view, focus, near);
  drawLabels(ctx, frame, view, focus, near);
}

function drawTies(ctx, frame, view, focus) {
  const p = frame.positions;
  const e = frame.edges;
  ctx.lineCap = 'butt';
  for (let k = 0; k < e.length; k += 2) {
    const s = e[k], t = e[k + 1];
    const [x1, y1] = toScreen(view, p[2 * s], p[2 * s + 1]);
    const [x2, y2] = toScreen(view, p[2 * t], p[2 * t + 1]);
    const kinds = KINDS.filter((kd) => frame.kinds[k / 2] & kd.bit);
    const lit = focus < 0 || s === focus || t === focus;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // Several kinds on one tie: parallel lines, 3.5 px apart, centred on the tie.
    const nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    kinds.forEach((kind, j) => {
      const off = (j - (kinds.length - 1) / 2) * 3.5;
      ctx.globalAlpha = lit ? 0.9 : DIM;
      ctx.strokeStyle = kind.color;
      ctx.lineWidth = lit && focus >= 0 ? 2.4 : 1.6;
      ctx.setLineDash(kind.dash);
      ctx.beginPath();
      ctx.moveTo(x1 + nx * off, y1 + ny * off);
      ctx.lineTo(x2 + nx * off, y2 + ny * off);
      ctx.stroke();
    });
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

function shapePath(ctx, shape, x, y, r) {
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

function drawActors(ctx, frame, view, focus, near) {
  const p = frame.positions;
  for (let i = 0; i < frame.actors.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const [x, y] = toScreen(view, p[2 * i], p[2 * i + 1]);
    const r = Math.max(3, frame.radii[i] * view.scale);
    const type = actorType(frame.actors[i].type);
    ctx.globalAlpha = focus < 0 || near.has(i) ? 1 : DIM + 0.1;
    shapePath(ctx, type.shape, x, y, r);
    ctx.fillStyle = type.fill;
    ctx.fill();
    ctx.lineWidth = i === focus ? 3 : 1.5;
    ctx.strokeStyle = i === focus ? view.focusRing : view.background;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Labels by priority (focus, its neighbours, then by number of ties); a label that would
 *  overlap one already placed is left out. */
function drawLabels(ctx, frame, view, focus, near) {
  const p = frame.positions;
  const order = [];
  for (let i = 0; i < frame.actors.length; i++) if (frame.degrees[i] > 0) order.push(i);
  const rank = (i) => (i === focus ? 2e9 : near.has(i) ? 1e9 : 0) + frame.degrees[i];
  order.sort((a, b) => rank(b) - rank(a) || a - b);
  ctx.font = `600 12px ${view.font}`;
  ctx.textBaseline = 'middle';
  const placed = [];
  for (const i of order) {
    const [x, y] = toScreen(view, p[2 * i], p[2 * i + 1]);
    const r = Math.max(3, frame.radii[i] * view.scale);
    const text = frame.actors[i].name;
    const w = ctx.measureText(text).width;
    const box = { x: x + r + 4, y: y - 8, w: w + 4, h: 16 };
    if (placed.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)) continue;
    placed.push(box);
    const faded = focus >= 0 && !near.has(i);
    ctx.globalAlpha = faded ? 0.35 : 1;
    ctx.lineWidth = 3;
    ctx.strokeStyle = view.background;
    ctx.strokeText(text, box.x, y);
    ctx.fillStyle = view.ink;
    ctx.fillText(text, box.x, y);
  }
  ctx.globalAlpha = 1;
}
