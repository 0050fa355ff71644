// Boots the page: the wasm core, the style table and the dataset; runs the frame loop; installs the page's modules.

import init, { Entente, textFromBytes } from './pkg/entente.js';
import { loadStyle } from './kinds.js';
import { createState } from './state.js';
import { draw, screenView } from './render.js';
import { sceneKeys, changeCounter } from './scene.js';
import { installApi } from './api.js';
import { installIo } from './io.js';
import { installExplore } from './explore.js';
import { fetchDataset, installGuard } from './guard.js';
import { installStore } from './store.js';
import { installLayouts } from './layouts.js';
import { installLarge } from './large.js';
import { installLegend } from './filters.js';
import { fitting, centring } from './geometry.js';
import { makeTexture, makeLayers } from './texture.js';

const DEFAULT_DATA = 'data/pakistan-2021.json';

const canvas = document.getElementById('network');
const stage = document.getElementById('stage');
const errorBox = document.getElementById('error');
const ctx = canvas.getContext('2d');

/**
 * The application context handed to every page module: the state (read-only `ui`, `view`,
 * `frame`, `core`, `source`; changed only through `actions`), the events, and the page's elements.
 * @type {object}
 */
let app = null;

let queued = false;
/** What the last frame drew: `{labels, textured, layer}` (render.js, texture.js). */
let drawn = null;
/** The layouts' handle (layouts.js): the world outline and the worker's positions. */
let layouts = null;
// Counts changes of the positions, part of the keys that tell the texture and layers a frame is new.
const positionsVersion = changeCounter();
// Pan and zoom on a large picture move the last full drawing until the view rests (texture.js).
const texture = makeTexture(canvas, requestFrame);
// A large picture's ties and actors, lit or dimmed, drawn once per scene and view (texture.js).
const layers = makeLayers();

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

function makeApp(state) {
  return Object.freeze({
    state,
    get ui() { return state.ui; },
    get view() { return state.view; },
    get frame() { return state.frame; },
    get core() { return state.core; },
    get source() { return state.source; },
    actions: state.actions,
    on: state.on,
    emit: state.emit,
    positions: state.positions,
    requestFrame,
    showError,
    clearError,
    canvas,
    stage,
    defaultSource: DEFAULT_DATA,
    /** What the last frame drew: `{labels, textured, layer}`. */
    get drawn() { return drawn; },
    /** The map's land outline in layout units once fetched, else null (drawn by the scene). */
    worldOutline: () => layouts?.worldOutline() ?? null,
  });
}

function resize() {
  const rect = canvas.getBoundingClientRect();
  app.actions.resizeView({ width: rect.width, height: rect.height, dpr: window.devicePixelRatio || 1 });
  canvas.width = Math.round(rect.width * app.view.dpr);
  canvas.height = Math.round(rect.height * app.view.dpr);
  if (app.core) {
    if (!app.view.manual) autoFit(true);
    tick(); // now: a new size clears the canvas, and the frame painted next must not be blank
  }
}

/** Moves the view toward the fit of every visible actor (at once when `snap`); true while it is still easing. */
function autoFit(snap) {
  const { view } = app;
  // Force and ego rings keep the centre actor (at the origin) in the middle; the map has no centre.
  const fit = fitting(app.frame, view, { mirror: app.ui.layout !== 'map' });
  if (!fit) return false;
  const target = centring(view, fit);
  const k = snap ? 1 : 0.2;
  app.actions.moveView({
    scale: view.scale + (target.scale - view.scale) * k,
    tx: view.tx + (target.tx - view.tx) * k,
    ty: view.ty + (target.ty - view.ty) * k,
  });
  return Math.abs(target.scale - app.view.scale) > 1e-3 * target.scale;
}

function requestFrame() {
  if (!queued) {
    queued = true;
    requestAnimationFrame(tick);
  }
}

function tick() {
  queued = false;
  if (!app?.core) return;
  const running = app.ui.layoutStatus === 'running';
  if (running && !app.core.step(1)) app.actions.settleLayout();
  app.frame.positions = app.positions();
  // Auto-fit until the person zooms or pans (view.manual), until they press fit.
  const easing = app.view.manual ? false : autoFit(false);
  const view = screenView(app);
  const keys = sceneKeys(app.frame, app.ui, view, positionsVersion(app.frame.positions));
  drawn = texture.draw(ctx, view, { key: keys.content, ties: app.frame.edges.length / 2 },
    () => draw(ctx, app.frame, app.ui, view, { layers, layerKey: keys.layer }));
  app.emit('frame');
  if (app.ui.layoutStatus === 'running' || easing) requestFrame();
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
  clearError();
  app.actions.loadDataset(next, { text, name });
  return true;
}

/** The title, the provenance line and the counts, from the dataset and the filter. */
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

function showCounts() {
  const { frame } = app;
  const actors = frame.degrees.filter((d) => d > 0).length;
  document.getElementById('counts').textContent = `${actors} actors, ${frame.ties.length} ties shown`;
}

async function main() {
  let wasm;
  try {
    wasm = await init();
    loadStyle();
  } catch (err) {
    showError(`The WebAssembly core could not start: ${err.message}`);
    return;
  }
  app = makeApp(createState({ memory: wasm.memory, requestFrame }));
  app.on('load', () => { showMeta(); showCounts(); autoFit(true); });
  app.on('filter', showCounts);
  installLegend(app);
  layouts = installLayouts(app);
  installLarge(app, layouts);
  const io = installIo(app, loadText);
  // An explicit ?data= wins over the dataset kept from last time; if it fails, the built-in
  // dataset comes up under the message.
  const store = installStore(app, loadText);
  const loadFrom = async (url) => {
    let text;
    try {
      text = await fetchDataset(url, textFromBytes);
    } catch (err) {
      showError(`Could not read ${url}: ${err.message}`);
      return false;
    }
    return io.importText(text, url);
  };
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
  installExplore(app);
  installApi(app);
  installGuard(app);
  new ResizeObserver(resize).observe(canvas);
  resize();
}

main();
