// Boots the page: loads the wasm core and the dataset, holds the UI state, runs the frame loop.

import init, { Entente, textFromBytes } from './pkg/entente.js';
import { KINDS, ACTOR_TYPES, radiusFor } from './kinds.js';
import { draw, screenView } from './render.js';
import { sceneKeys, changeCounter } from './scene.js';
import { fillTooltip, placeTooltip } from './tooltip.js';
import { installApi } from './api.js';
import { installIo } from './io.js';
import { installExplore } from './explore.js';
import { fetchDataset, installGuard } from './guard.js';
import { installStore } from './store.js';
import { installLayouts } from './layouts.js';
import { installDrag } from './drag.js';
import { installLarge } from './large.js';
import { makeTexture, makeLayers } from './texture.js';

const DEFAULT_DATA = 'data/pakistan-2021.json';

const canvas = document.getElementById('network');
const stage = document.getElementById('stage');
const tooltip = document.getElementById('tooltip');
const errorBox = document.getElementById('error');
const ctx = canvas.getContext('2d');

/**
 * The application context handed to every page module (api.js and the modules that follow).
 * `ui` is the whole UI state; actions change it and call `requestFrame()`; drawing reads it.
 */
const app = {
  wasm: null,          // the wasm module's exports (memory)
  core: null,          // the Entente handle
  frame: null,         // flat arrays of what is visible, re-made when the filter changes
  view: { scale: 1, tx: 0, ty: 0, width: 1, height: 1, dpr: 1 },
  ui: {
    kinds: 0b1111, tones: 0b111, types: 0b111, until: null,
    hover: -1, pinned: -1,
  },
  source: DEFAULT_DATA, // where the dataset on screen came from
  defaultSource: DEFAULT_DATA, // the built-in dataset
  moving: true,
  listeners: new Map(),
  /** Subscribes to 'filter' (after a filter change), 'load' ({text, name} after a new dataset), 'frame'. */
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(fn);
  },
  emit(event, detail) {
    for (const fn of this.listeners.get(event) ?? []) fn(detail);
  },
  requestFrame,
  setFilter,
  loadText,
  showError,
  clearError,
  positions,
  canvas,
  stage,
};

let queued = false;
// Pan and zoom on a large picture move the last full drawing until the view rests (texture.js).
const texture = makeTexture(canvas, requestFrame);
// A large picture's ties and actors, lit or dimmed, drawn once per scene and view (texture.js).
const layers = makeLayers();
// Until the state carries a version of the layout, the positions' changes are counted here.
const positionsVersion = changeCounter();

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}


/** Positions as a view on wasm memory; re-made each frame since memory may have grown. */
function positions() {
  return new Float32Array(app.wasm.memory.buffer, app.core.positionsPtr(), app.core.positionsLen());
}

function rebuildFrame(actors) {
  const { core } = app;
  const degrees = core.degrees();
  const radii = Float32Array.from(degrees, radiusFor);
  core.setRadii(radii);
  app.frame = {
    actors: actors ?? app.frame.actors,
    ties: core.visibleTies(),
    edges: core.visibleEdges(),
    kinds: core.visibleKinds(),
    tones: core.visibleTones(),
    degrees,
    radii,
    positions: positions(),
  };
  const shown = app.frame.ties.length;
  const count = degrees.filter((d) => d > 0).length;
  document.getElementById('counts').textContent = `${count} actors, ${shown} ties shown`;
}

function resize() {
  const { view } = app;
  const rect = canvas.getBoundingClientRect();
  view.dpr = window.devicePixelRatio || 1;
  view.width = rect.width;
  view.height = rect.height;
  canvas.width = Math.round(rect.width * view.dpr);
  canvas.height = Math.round(rect.height * view.dpr);
  if (app.core) {
    if (!app.view.manual) fit(true);
    requestFrame();
  }
}

/** Fits the visible actors into the canvas; eases toward the fit unless `snap`. */
function fit(snap) {
  const { frame, view } = app;
  const p = frame.positions;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < frame.degrees.length; i++) {
    if (frame.degrees[i] === 0) continue;
    const r = frame.radii[i];
    x0 = Math.min(x0, p[2 * i] - r); x1 = Math.max(x1, p[2 * i] + r);
    y0 = Math.min(y0, p[2 * i + 1] - r); y1 = Math.max(y1, p[2 * i + 1] + r);
  }
  if (!Number.isFinite(x0)) { x0 = -1; x1 = 1; y0 = -1; y1 = 1; }
  // Force and ego rings keep the centre actor (at the origin) in the middle: fit the bounds
  // mirrored around it. The map has no centre: fit the actors' own extent, not the world's.
  if (app.ui.layout !== 'map') {
    const hx = Math.max(-x0, x1), hy = Math.max(-y0, y1);
    x0 = -hx; x1 = hx; y0 = -hy; y1 = hy;
  }
  const margin = { x: Math.min(110, view.width / 6), y: 30 };
  const scale = Math.max(0.02, Math.min(
    (view.width - 2 * margin.x) / (x1 - x0 || 1),
    (view.height - 2 * margin.y) / (y1 - y0 || 1),
    2.5,
  ));
  const target = { scale, tx: view.width / 2 - ((x0 + x1) / 2) * scale, ty: view.height / 2 - ((y0 + y1) / 2) * scale };
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
  if (!app.core) return;
  if (app.moving) app.moving = app.core.step(1);
  app.frame.positions = positions();
  // Auto-fit until the person zooms or pans (view.js sets view.manual), until they press fit.
  const easing = app.view.manual ? false : fit(false);
  const view = screenView(app);
  const keys = sceneKeys(app.frame, app.ui, view, positionsVersion(app.frame.positions));
  app.drawn = texture.draw(ctx, view, { key: keys.content, ties: app.frame.edges.length / 2 },
    () => draw(ctx, app.frame, app.ui, view, { layers, layerKey: keys.layer }));
  updateTooltip();
  app.emit('frame');
  if (app.moving || easing) requestFrame();
}

function actorAt(clientX, clientY) {
  const { view } = app;
  const rect = canvas.getBoundingClientRect();
  const x = (clientX - rect.left - view.tx) / view.scale;
  const y = (clientY - rect.top - view.ty) / view.scale;
  return app.core.nodeAt(x, y, 4 / view.scale);
}

function updateTooltip() {
  const { ui, frame, view } = app;
  // The tooltip follows the hover; a pinned actor's evidence is in the side panel (panel.js).
  const focus = ui.hover !== ui.pinned ? ui.hover : -1;
  if (focus < 0) {
    tooltip.hidden = true;
    tooltip.dataset.actor = '';
    tooltip.dataset.key = '';
    return;
  }
  const key = `${focus}:${ui.pinned}:${ui.kinds}:${ui.tones}:${ui.types}:${ui.until}`;
  if (tooltip.dataset.key !== key) {
    fillTooltip(tooltip, frame.actors[focus], app.core.tiesOf(focus), false);
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

/** Changes part of the filter ({kinds, tones, types, until}); the layout continues warm. */
function setFilter(change) {
  const { ui } = app;
  const next = { kinds: ui.kinds, tones: ui.tones, types: ui.types, until: ui.until, ...change };
  app.core.setFilter(next.kinds & 0b1111, next.tones & 0b111, next.types & 0b111, next.until ?? undefined);
  Object.assign(ui, next);
  rebuildFrame();
  for (const box of document.querySelectorAll('#kinds input')) {
    box.checked = Boolean(ui.kinds & Number(box.dataset.bit));
  }
  if (ui.hover >= 0 && app.frame.degrees[ui.hover] === 0) ui.hover = -1;
  if (ui.pinned >= 0 && app.frame.degrees[ui.pinned] === 0) ui.pinned = -1;
  app.moving = true;
  app.emit('filter');
  requestFrame();
}

/**
 * Replaces the dataset with `text` (Entente JSON). On error the dataset on screen stays and the
 * message, prefixed with `name`, goes to the error banner; returns whether it loaded.
 */
function loadText(text, name) {
  let next;
  try {
    next = new Entente(text);
  } catch (err) {
    showError(`${name} is not a valid Entente dataset — ${err.message}`);
    return false;
  }
  app.core?.free();
  app.core = next;
  app.source = name;
  Object.assign(app.ui, { kinds: 0b1111, tones: 0b111, types: 0b111, until: null, hover: -1, pinned: -1 });
  for (const box of document.querySelectorAll('#kinds input')) box.checked = true;
  clearError();
  rebuildFrame(app.core.actors());
  showMeta();
  app.moving = true;
  fit(true);
  app.emit('load', { text, name });
  requestFrame();
  return true;
}

function setHover(i) {
  if (i !== app.ui.hover) {
    app.ui.hover = i;
    canvas.style.cursor = i >= 0 ? 'pointer' : 'default';
    requestFrame();
  }
}

function setPinned(i) {
  app.ui.pinned = i;
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
    box.addEventListener('change', () => {
      const bits = box.checked ? app.ui.kinds | kind.bit : app.ui.kinds & ~kind.bit;
      if (app.core) setFilter({ kinds: bits });
    });
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
  canvas.addEventListener('pointermove', (e) => setHover(actorAt(e.clientX, e.clientY)));
  canvas.addEventListener('pointerleave', () => setHover(-1));
  canvas.addEventListener('click', (e) => {
    const i = actorAt(e.clientX, e.clientY);
    setPinned(i >= 0 && i !== app.ui.pinned ? i : -1);
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
  const meta = app.core.meta();
  document.getElementById('title').textContent = meta.title;
  const p = meta.provenance;
  const foot = document.getElementById('provenance');
  if (p) {
    const parts = [`Source: “${p.title}”`, p.publication];
    if (p.volume) parts.push(`vol. ${p.volume}`);
    if (p.issue) parts.push(`issue ${p.issue}`);
    if (p.year) parts.push(String(p.year));
    foot.textContent = `${parts.join(', ')}. Each event cites the outlet the article cites.`;
  } else {
    foot.textContent = `Dataset: ${app.source}`;
  }
}

async function main() {
  buildControls();
  installLayouts(app);
  installDrag(app);
  installLarge(app);
  try {
    app.wasm = await init();
  } catch (err) {
    showError(`The WebAssembly core could not start: ${err.message}`);
    return;
  }
  installIo(app);
  // An explicit ?data= wins over the dataset kept from last time; if it fails, the built-in
  // dataset comes up under the message.
  const store = installStore(app);
  const requested = new URLSearchParams(location.search).get('data');
  const loaded = requested ? await loadFrom(requested) : await store.restore(loadFrom);
  if (!loaded) {
    const problem = errorBox.hidden ? '' : errorBox.textContent;
    if (await loadFrom(DEFAULT_DATA)) {
      if (problem) showError(problem);
    } else {
      // The message stays up; a file opened next (picker or drop) finishes the boot.
      await new Promise((resolve) => app.on('load', resolve));
    }
  }
  wirePointer();
  installApi(app);
  installExplore(app);
  installGuard(app);
  resize();
}

/** Fetches a same-origin dataset as bytes and loads it; on error the message goes to the banner. */
async function loadFrom(url) {
  let text;
  try {
    text = await fetchDataset(url, textFromBytes);
  } catch (err) {
    showError(`Could not read ${url}: ${err.message}`);
    return false;
  }
  return app.importText(text, url);
}

main();
