// Boots the page: loads the wasm core and the dataset, holds the UI state, runs the frame loop.

import init, { Entente } from './pkg/entente.js';
import { KINDS, ACTOR_TYPES, radiusFor } from './kinds.js';
import { draw, focusOf } from './render.js';
import { fillTooltip, placeTooltip } from './tooltip.js';
import { installApi } from './api.js';

const DEFAULT_DATA = 'data/pakistan-2021.json';

const canvas = document.getElementById('network');
const stage = document.getElementById('stage');
const tooltip = document.getElementById('tooltip');
const errorBox = document.getElementById('error');
const ctx = canvas.getContext('2d');

/** The whole UI state; actions change it and ask for a frame. */
const ui = {
  kinds: 0b1111,
  hover: -1,
  pinned: -1,
  pointer: null,
};

let wasm = null;      // the wasm module's exports (for memory)
let core = null;      // Entente handle
let frame = null;     // flat arrays of what is visible, re-made when the filter changes
let view = { scale: 1, tx: 0, ty: 0, width: 1, height: 1, dpr: 1 };
let moving = true;
let queued = false;

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function themeColours() {
  const css = getComputedStyle(document.documentElement);
  return {
    background: css.getPropertyValue('--canvas').trim() || '#fff',
    ink: css.getPropertyValue('--ink').trim() || '#111',
    focusRing: css.getPropertyValue('--focus').trim() || '#000',
    font: css.getPropertyValue('--font').trim() || 'sans-serif',
  };
}

/** Positions as a view on wasm memory; re-made each frame since memory may have grown. */
function positions() {
  return new Float32Array(wasm.memory.buffer, core.positionsPtr(), core.positionsLen());
}

function rebuildFrame() {
  const degrees = core.degrees();
  const radii = Float32Array.from(degrees, radiusFor);
  core.setRadii(radii);
  frame = {
    actors: frame?.actors ?? core.actors(),
    ties: core.visibleTies(),
    edges: core.visibleEdges(),
    kinds: core.visibleKinds(),
    tones: core.visibleTones(),
    degrees,
    radii,
    positions: null,
  };
  const shown = frame.ties.length;
  const actors = degrees.filter((d) => d > 0).length;
  document.getElementById('counts').textContent = `${actors} actors, ${shown} ties shown`;
}

function resize() {
  const rect = canvas.getBoundingClientRect();
  view.dpr = window.devicePixelRatio || 1;
  view.width = rect.width;
  view.height = rect.height;
  canvas.width = Math.round(rect.width * view.dpr);
  canvas.height = Math.round(rect.height * view.dpr);
  fit(true);
  requestFrame();
}

/** Fits the visible actors into the canvas; eases toward the fit unless `snap`. */
function fit(snap) {
  const p = frame.positions ?? positions();
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < frame.degrees.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const r = frame.radii[i];
    x0 = Math.min(x0, p[2 * i] - r); x1 = Math.max(x1, p[2 * i] + r);
    y0 = Math.min(y0, p[2 * i + 1] - r); y1 = Math.max(y1, p[2 * i + 1] + r);
  }
  if (!Number.isFinite(x0)) { x0 = -1; x1 = 1; y0 = -1; y1 = 1; }
  // Keep the centre actor (pinned at the origin) in the middle: fit the bounds mirrored around it.
  const hx = Math.max(-x0, x1), hy = Math.max(-y0, y1);
  const margin = { x: 110, y: 30 };
  const scale = Math.min(
    (view.width - 2 * margin.x) / (2 * hx || 1),
    (view.height - 2 * margin.y) / (2 * hy || 1),
    2.5,
  );
  const target = { scale: Math.max(scale, 0.05), tx: view.width / 2, ty: view.height / 2 };
  const k = snap ? 1 : 0.2;
  view.scale += (target.scale - view.scale) * k;
  view.tx += (target.tx - view.tx) * k;
  view.ty += (target.ty - view.ty) * k;
  return Math.abs(target.scale - view.scale) > 1e-3 * target.scale;
}

function requestFrame() {
  if (!queued) {
    queued = true;
    requestAnimationFrame(tick);
  }
}

function tick() {
  queued = false;
  if (!core) return;
  if (moving) moving = core.step(1);
  frame.positions = positions();
  const easing = fit(false);
  draw(ctx, frame, ui, { ...view, ...themeColours() });
  updateTooltip();
  if (moving || easing) requestFrame();
}

function actorAt(clientX, clientY) {
  const rect = canvas.getBoundingClientRect();
  const x = (clientX - rect.left - view.tx) / view.scale;
  const y = (clientY - rect.top - view.ty) / view.scale;
  return core.nodeAt(x, y, 4 / view.scale);
}

function updateTooltip() {
  const focus = focusOf(ui);
  if (focus < 0) {
    tooltip.hidden = true;
    tooltip.dataset.actor = '';
    return;
  }
  const key = `${focus}:${ui.pinned}:${ui.kinds}`;
  if (tooltip.dataset.key !== key) {
    fillTooltip(tooltip, frame.actors[focus], core.tiesOf(focus), ui.pinned >= 0);
    tooltip.dataset.key = key;
    tooltip.dataset.actor = frame.actors[focus].id;
    tooltip.hidden = false;
    tooltip.scrollTop = 0;
  }
  const p = frame.positions;
  const x = p[2 * focus] * view.scale + view.tx;
  const y = p[2 * focus + 1] * view.scale + view.ty;
  placeTooltip(tooltip, x + frame.radii[focus] * view.scale, y, stage);
}

// ---- actions ----

export function setKinds(bits) {
  ui.kinds = bits & 0b1111;
  core.setFilter(ui.kinds, 0b111, 0b111, undefined);
  rebuildFrame();
  for (const box of document.querySelectorAll('#kinds input')) {
    box.checked = Boolean(ui.kinds & Number(box.dataset.bit));
  }
  if (ui.hover >= 0 && frame.degrees[ui.hover] === 0) ui.hover = -1;
  if (ui.pinned >= 0 && frame.degrees[ui.pinned] === 0) ui.pinned = -1;
  tooltip.dataset.key = '';
  moving = true;
  requestFrame();
}

function setHover(i) {
  if (i !== ui.hover) {
    ui.hover = i;
    canvas.style.cursor = i >= 0 ? 'pointer' : 'default';
    requestFrame();
  }
}

function setPinned(i) {
  ui.pinned = i;
  tooltip.dataset.key = '';
  requestFrame();
}

// ---- wiring ----

function buildControls() {
  const kinds = document.getElementById('kinds');
  for (const kind of KINDS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.name = kind.key;
    box.dataset.bit = String(kind.bit);
    box.addEventListener('change', () => setKinds(box.checked ? ui.kinds | kind.bit : ui.kinds & ~kind.bit));
    const swatch = document.createElement('canvas');
    swatch.className = 'swatch';
    swatch.width = 44; swatch.height = 12;
    const g = swatch.getContext('2d');
    g.strokeStyle = kind.color; g.lineWidth = 3; g.setLineDash(kind.dash);
    g.beginPath(); g.moveTo(2, 6); g.lineTo(42, 6); g.stroke();
    swatch.setAttribute('aria-hidden', 'true');
    label.append(box, swatch, document.createTextNode(kind.label));
    kinds.append(label);
  }
  const types = document.getElementById('actor-types');
  for (const t of ACTOR_TYPES) {
    const li = document.createElement('li');
    const mark = document.createElement('span');
    mark.className = `mark mark-${t.shape}`;
    mark.setAttribute('aria-hidden', 'true');
    li.append(mark, document.createTextNode(t.label));
    types.append(li);
  }
}

function wirePointer() {
  canvas.addEventListener('pointermove', (e) => {
    ui.pointer = [e.clientX, e.clientY];
    setHover(actorAt(e.clientX, e.clientY));
  });
  canvas.addEventListener('pointerleave', () => setHover(-1));
  canvas.addEventListener('click', (e) => {
    const i = actorAt(e.clientX, e.clientY);
    setPinned(i >= 0 && i !== ui.pinned ? i : -1);
  });
  tooltip.addEventListener('click', (e) => {
    if (e.target.dataset?.action === 'unpin') setPinned(-1);
  });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setPinned(-1);
  });
  new ResizeObserver(resize).observe(canvas);
}

function showMeta() {
  const meta = core.meta();
  document.getElementById('title').textContent = meta.title;
  const p = meta.provenance;
  const foot = document.getElementById('provenance');
  if (p) {
    const parts = [`Source: “${p.title}”`, p.publication];
    if (p.volume) parts.push(`vol. ${p.volume}`);
    if (p.issue) parts.push(`issue ${p.issue}`);
    parts.push(String(p.year));
    foot.textContent = `${parts.join(', ')}. Each event cites the outlet the article cites.`;
  } else {
    foot.textContent = '';
  }
}

async function main() {
  buildControls();
  try {
    wasm = await init();
  } catch (err) {
    showError(`The WebAssembly core could not start: ${err.message}`);
    return;
  }
  const url = new URLSearchParams(location.search).get('data') || DEFAULT_DATA;
  let text;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (err) {
    showError(`Could not read ${url}: ${err.message}`);
    return;
  }
  try {
    core = new Entente(text);
  } catch (err) {
    showError(`${url} is not a valid Entente dataset — ${err.message}`);
    return;
  }
  rebuildFrame();
  frame.positions = positions();
  showMeta();
  wirePointer();
  installApi({
    core: () => core,
    frame: () => frame,
    view: () => view,
    kinds: () => ui.kinds,
    setKinds,
  });
  resize();
}

main();
