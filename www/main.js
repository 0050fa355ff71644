// Boots the page: the wasm core, the style table and the dataset; runs the frame loop; after the first picture, fetches and installs the modules for exploring, opening files and the public API.

import init, { Entente, textFromBytes } from './pkg/entente.js';
import { loadStyle } from './kinds.js';
import { createState } from './state.js';
import { draw, screenView, LAYERS_FROM_TIES } from './render.js';
import { sceneKeys, changeCounter } from './scene.js';
import { fetchDataset, installGuard, isJson } from './guard.js';
import { installStore } from './store.js';
import { installLayouts } from './layouts.js';
import { installLarge } from './large.js';
import { installLegend } from './filters.js';
import { fitting, centring } from './geometry.js';
import { makeTexture } from './texture.js';
import { makeLayers } from './layers.js';
import { makeLater, mark } from './later.js';
import { makeBackends } from './backend.js';

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
/** The first picture's promise: the modules it does not need are fetched once it resolves. */
let firstDrawn = null;
const firstPicture = new Promise((resolve) => { firstDrawn = resolve; });
/** The import and export controls (io.js), fetched and installed once: after the first picture,
 *  or at once when the first dataset is not Entente JSON. */
let ioInstalled = null;
function io() {
  ioInstalled ??= import('./io.js').then((m) => m.installIo(app, loadText));
  return ioInstalled;
}
/** What the last frame drew: `{labels, textured, layer, stale, backend}` (render.js, texture.js, webgl.js). */
let drawn = null;
/** The layouts' handle (layouts.js): the world outline and the worker's positions. */
let layouts = null;
/** The large-graph worker's handle (large.js): whether its layout is moving the actors. */
let large = null;
// Counts changes of the positions, part of the keys that tell the texture and layers a frame is new.
const positionsVersion = changeCounter();
// Pan and zoom on a large picture move the last full drawing until the view rests (texture.js).
const texture = makeTexture(canvas, requestFrame);
// A large picture's ties and actors, painted once per scene and view, in the paint worker where it can
// be (layers.js); `?painter=main` paints them on the main thread.
const layers = makeLayers({ onPainted: () => { pace.retry?.(); requestFrame(); }, inWorker: new URLSearchParams(location.search).get('painter') !== 'main' });
// Canvas 2D, or WebGL2 for a picture of many ties (backend.js); a change of backend starts the texture anew.
const backends = makeBackends(canvas, requestFrame);
let lastBackend = '', backendChanges = 0;
// Work that follows the first picture in idle time: the chart, the table, the single-source flags, storing (later.js).
const work = makeLater(() => (app?.frame?.ties.length ?? 0) < LAYERS_FROM_TIES);
// A dataset was loaded and its first picture is not drawn yet; drawn in this frame, not yet rendered.
let awaitingPicture = false, drawnFirst = false;
// A large picture that the worker moves is drawn anew at most 1/PACE of the time, and never while
// the paint worker still paints the last positions' layer: the worker's positions wait (`pending`)
// until then, so hover, input and idle work get the rest, and what is drawn is what hit-testing sees
// (but for one layer's painting, when the layer drawn is the last one, moved).
const PACE = 4;
const pace = { pending: null, until: 0, timer: 0, fresh: false };

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
    get sourceText() { return state.sourceText; },
    actions: state.actions,
    on: state.on,
    emit: state.emit,
    positions: state.positions,
    dragPins: state.dragPins,
    requestFrame,
    /** Runs `task` in idle time once the picture is on screen; the same `key` queued again replaces it. */
    later: work.later,
    showError,
    clearError,
    canvas,
    stage,
    defaultSource: DEFAULT_DATA,
    /** Where a large picture's layers are painted: 'worker' or 'main' (layers.js). */
    painter: () => layers.painter(),
    /** What the last frame drew: `{labels, textured, layer, stale, backend}` (backend: 'webgl' or 'canvas'). */
    get drawn() { return drawn; },
    /** The map's land outline in layout units once fetched, else null (drawn by the scene). */
    worldOutline: () => layouts?.worldOutline() ?? null,
    /** The map's true places of the actors in layout units (before crowded ones are moved apart), else null. */
    mapHomes: () => layouts?.mapHomes() ?? null,
    /** The force layout's positions kept while another layout is shown (what an edit warm-starts from), else null. */
    forcePositions: () => layouts?.forcePositions() ?? null,
    /** Whether a move to another layout is under way (easing, or waiting for its module). */
    switching: () => layouts?.switching() ?? false,
    /** Whether the large-graph worker's layout is moving the actors (large.js). */
    layoutMoving: () => large?.moving() ?? false,
  });
}

/** The canvas's size from its ResizeObserver entry: never read from the layout, which a large
 *  document (the table of ties) would make slow to compute. */
function resize([entry]) {
  const { width, height } = entry.contentRect;
  if (!sized(width, height)) return; // already applied (`tick` before a first picture)
  if (app.core) {
    if (!app.view.manual) autoFit(true);
    tick(); // now: a new size clears the canvas, and the frame painted next must not be blank
  }
}

/** Gives the view and the canvas the size `width` × `height` (CSS pixels); false when they have
 *  it already. Setting the canvas's size clears it. */
function sized(width, height) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr), h = Math.round(height * dpr);
  if (app.view.width === width && app.view.height === height && app.view.dpr === dpr && canvas.width === w && canvas.height === h) return false;
  app.actions.resizeView({ width, height, dpr });
  canvas.width = w;
  canvas.height = h;
  return true;
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
  // While the WebGL module loads, nothing is drawn: a frame follows once it has.
  const backend = backends.pick(app.frame.edges.length / 2);
  if (backend === 'wait') return;
  if (backend !== lastBackend) { lastBackend = backend; backendChanges++; }
  if (awaitingPicture) {
    // On screen once the browser has rendered this frame: the next frame's first callback (asked
    // for before anything this tick asks for, so no other callback of that frame runs before it).
    requestAnimationFrame(() => {
      if (!drawnFirst) return;
      drawnFirst = false;
      mark('painted');
      work.pictured();
    });
    // A dataset's title, counts and progress bar, written since the last layout, can change the
    // canvas's size; its ResizeObserver would say so only after this frame, and a large first
    // picture would be painted twice. Read once now, while the document is small (no table yet).
    const box = canvas.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && sized(box.width, box.height) && !app.view.manual) autoFit(true);
  }
  const running = app.ui.layoutStatus === 'running';
  if (running && !app.core.step(1)) app.actions.settleLayout();
  app.frame.positions = app.positions();
  // Auto-fit until the person zooms or pans (view.manual), until they press fit.
  const easing = app.view.manual ? false : autoFit(false);
  if (awaitingPicture) mark('layout-frame');
  const view = screenView(app);
  const keys = sceneKeys(app.frame, app.ui, view, positionsVersion(app.frame.positions));
  const start = performance.now();
  drawn = backend === 'webgl' ? { ...backends.webgl.draw(ctx, app.frame, app.ui, view), textured: false }
    : texture.draw(ctx, view, { key: `${keys.content}|${backendChanges}`, ties: app.frame.edges.length / 2 },
      () => ({ ...draw(ctx, app.frame, app.ui, view, { layers, layerKey: keys.layer }), backend: 'canvas' }));
  if (pace.fresh) {
    pace.fresh = false;
    pace.until = performance.now() + (PACE - 1) * (performance.now() - start);
  }
  app.emit('frame');
  if (awaitingPicture && app.view.width > 1 && !drawn.stale) {
    // The first picture of a dataset is drawn: on screen at the next frame; then the rest follows.
    awaitingPicture = false;
    mark('drawn');
    drawnFirst = true;
    document.documentElement.dataset.drawn = 'true';
    firstDrawn();
  }
  // Labels waiting for their names: the next full drawing places them (a moved drawing, while
  // the view zooms or pans, keeps the last labels until the view rests).
  if (app.ui.layoutStatus === 'running' || easing || (drawn.pendingLabels && !drawn.textured)) requestFrame();
}

/** Where the worker's positions go (large.js): to the layouts (layouts.js) at once, or for a large
 *  picture no sooner than PACE times its last drawing's time after that drawing began; the
 *  layout's last positions at once. */
function pacedWorker(target) {
  const apply = (done = false) => {
    if (!pace.pending) return;
    const large = app.frame.edges.length / 2 >= LAYERS_FROM_TIES;
    const wait = pace.until - performance.now();
    clearTimeout(pace.timer);
    // While the paint worker paints the last positions' layer, the next wait for it (layers.js).
    if (large && layers.busy() && !done) return;
    if (large && wait > 0 && !done) {
      pace.timer = setTimeout(apply, wait);
      return;
    }
    const positions = pace.pending;
    pace.pending = null;
    pace.fresh = large;
    target.fromWorker(positions);
  };
  app.on('load', () => { pace.pending = null; });
  pace.retry = () => apply();
  return { fromWorker(positions, done) { pace.pending = positions; apply(done); } };
}

/**
 * Replaces the dataset with `text` (Entente JSON). On error the dataset on screen stays and the
 * message, prefixed with `name`, goes to the error banner; resolves to whether it loaded. The
 * dataset is on screen (and `load` emitted) before the first await, so callers see it at once.
 */
async function loadText(text, name) {
  let next;
  const start = performance.now();
  try {
    next = new Entente(text);
  } catch (err) {
    // The core places a field it refuses by line and column; the importers' module adds the path.
    const located = await import('./io.js').then((m) => m.locateError(text), () => null);
    const message = located ?? err.message;
    showError(`${name} is not a valid Entente dataset — ${message}`);
    return false;
  }
  return shown(next, start, { text, name });
}

/** Puts the core `next` (made at `start`) on screen with its source (`{text or bytes, name}`). */
function shown(next, start, source) {
  const [parse, index] = next.loadTimes();
  performance.measure('entente:parse', { start, duration: parse });
  performance.measure('entente:index', { start: start + parse, duration: index });
  clearError();
  work.unpictured();
  awaitingPicture = true;
  pace.fresh = true; // the first picture paces the worker's first positions
  app.actions.loadDataset(next, source);
  mark('dataset');
  return true;
}

/** Whether `bytes` fetched from `url` are Entente JSON for the core: the first character after a
 *  byte order mark and white space is `{`, or the name ends in .json and it is not `<` (as
 *  guard.js `isJson` tells a text). */
function looksLikeJson(url, bytes) {
  let k = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (k < bytes.length && (bytes[k] === 0x20 || bytes[k] === 0x0a || bytes[k] === 0x0d || bytes[k] === 0x09)) k++;
  return bytes[k] === 0x7b || (/\.json$/i.test(url.split(/[?#]/)[0]) && k < bytes.length && bytes[k] !== 0x3c);
}

/**
 * As `loadText`, from the bytes of an Entente JSON file (`Entente.fromBytes`: no JS string made
 * on the way). A refusal is placed as `loadText` places it, from the text decoded then.
 */
async function loadBytes(bytes, name) {
  let next;
  const start = performance.now();
  mark('text');
  try {
    next = Entente.fromBytes(bytes);
  } catch (err) {
    let text;
    try {
      text = textFromBytes(bytes);
    } catch (unread) {
      // The bytes themselves are refused (size, not UTF-8): said as a fetched file's are.
      showError(`Could not read ${name}: ${unread.message}`);
      return false;
    }
    const located = await import('./io.js').then((m) => m.locateError(text), () => null);
    showError(`${name} is not a valid Entente dataset — ${located ?? err.message}`);
    return false;
  }
  return shown(next, start, { bytes, name });
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
  // An edit keeps the view where the person has it (edit.js, the editDataset action).
  app.on('load', ({ edit } = {}) => { showMeta(); showCounts(); if (!edit) { layers.forget(); autoFit(true); } });
  app.on('filter', showCounts);
  // A large dataset's single-source flags follow its first picture (state.js).
  const single = () => { if (!app.frame.single) app.later('single', () => { app.actions.deriveSingleSources(); mark('single'); }); };
  app.on('load', single);
  app.on('filter', single);
  new ResizeObserver(resize).observe(canvas);
  installLegend(app);
  layouts = installLayouts(app);
  large = installLarge(app, pacedWorker(layouts));
  // An explicit ?data= wins over the dataset kept from last time; if it fails, the built-in
  // dataset comes up under the message.
  const store = installStore(app, loadText);
  const loadFrom = async (url) => {
    let bytes, text;
    try {
      mark('fetch');
      bytes = await fetchDataset(url, (raw) => raw);
      // Entente JSON goes to the core as bytes, with no JS string in between (state.js decodes
      // the text when something asks for it).
      if (looksLikeJson(url, bytes)) return loadBytes(bytes, url);
      text = textFromBytes(bytes);
      mark('text');
    } catch (err) {
      // Not UTF-8 text may still be event data (a SIPRI export is Latin-1): the io module knows.
      const maybeEvents = bytes && bytes[0] !== 0x7b && !/\.json$/i.test(url.split(/[?#]/)[0]);
      const events = maybeEvents ? await (await io()).importEventBytes(bytes, url) : null;
      if (events !== null) return events;
      showError(`Could not read ${url}: ${err.message}`);
      return false;
    }
    return isJson(url, text) ? loadText(text, url) : (await io()).importText(text, url);
  };
  const requested = new URLSearchParams(location.search).get('data');
  let loaded = requested ? await loadFrom(requested) : await store.restore(loadFrom);
  if (!loaded) {
    const problem = errorBox.hidden ? '' : errorBox.textContent;
    loaded = await loadFrom(DEFAULT_DATA);
    if (loaded && problem) showError(problem);
  }
  // The first picture needs none of what follows: it is fetched once the picture is drawn.
  if (loaded) await firstPicture;
  let modules;
  try {
    modules = await Promise.all([import('./explore.js'), import('./api.js'), io(), import('./edit.js')]);
  } catch (err) {
    showError(`The picture is shown, but the page's controls could not be loaded: ${err.message}. Reload the page to try again.`);
    return;
  }
  const [{ installExplore }, { installApi }, , { installEdit }] = modules;
  // The message stays up; a file opened next (picker or drop) finishes the boot.
  if (!loaded) await new Promise((resolve) => app.on('load', resolve));
  installExplore(app);
  installApi(app, { edit: installEdit(app) });
  installGuard(app);
  requestFrame();
}

main();
