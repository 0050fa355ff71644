// The layout switcher (force, ego rings, map), the eased moves between layouts and the world outline.

import { chartModule } from './chart-module.js';
import { fitting } from './geometry.js';
import { useGuides } from './scene.js';

const RING_GAP = 120;        // layout units between ego rings, at least
const RING_SLOT = 60;        // layout units of the first ring per partner of the centre
export const MAP_SCALE = 320;      // layout units per Equal Earth unit (the world is about 1730 wide)
const MAP_SEPARATION = 34;   // no two actors closer than this on the map (layout units)...
const MAP_SEPARATION_PX = 30; // ...nor than this on the screen, at the scale that fits the map
const EASE_MS = 600;
const WORLD_URL = 'data/world-110m.json';

export const LAYOUTS = [
  { key: 'force', label: 'Force' },
  { key: 'radial', label: 'Ego rings' },
  { key: 'map', label: 'Map' },
];

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
const easeInOut = (t) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The switcher, the eased moves between layouts (on the `layout` action, see state.js) and the map's outline.
 * @param {object} app the application context from main.js
 * @returns {{fromWorker(positions: Float32Array): void}} where the worker's force positions go
 */
export function installLayouts(app) {
  const state = {
    forceSnapshot: null, // force positions saved when leaving the force layout
    anim: null,          // {from, to, start, after}
    world: null,         // {rings: [Float32Array of projected x,y]} once fetched
    homes: null,         // the map's true places (Float32Array), the canvas size they were spread for
    worldLoading: false,
    geo: null,           // the module with the ego rings and the map (chart-module.js), once fetched
    waiting: 0,          // moves to the ego rings or the map waiting for that module
  };
  // The ego rings and the map come from the module fetched after the first picture: a move to
  // them before it is here waits for it, then goes where the layout is by then.
  const withTarget = (apply) => {
    if (app.ui.layout === 'force' || state.geo) {
      apply(targetOf(app, state));
      return;
    }
    state.waiting += 1;
    Promise.all([chartModule(), import('./guides.js')]).then(([m, g]) => {
      useGuides(g);
      state.geo = m;
      if (app.ui.layout !== 'force') apply(targetOf(app, state));
    }, (err) => app.showError(`The ${app.ui.layout === 'map' ? 'map' : 'ego rings'} could not be loaded: ${err.message}`))
      .finally(() => { state.waiting -= 1; });
  };
  const controls = buildControls(app);

  app.on('layout', ({ from }) => {
    const { layout } = app.ui;
    if (from === 'force' && layout !== 'force' && !state.anim) {
      state.forceSnapshot = Float32Array.from(app.positions());
    }
    syncControls(app, controls);
    if (layout === 'map') loadWorld(app, state);
    withTarget((to) => easeTo(app, state, to));
  });

  app.on('load', () => {
    state.forceSnapshot = null;
    state.anim = null;
    // The centre list is made when it is first shown (the ego rings' layout): sorting and making
    // the options of 50,000 actors is a quarter of a second nobody waits for otherwise.
    controls.filledFor = null;
    if (app.ui.layout !== 'force') {
      state.forceSnapshot = Float32Array.from(app.positions());
      withTarget((to) => { app.core.setPositions(to); app.requestFrame(); });
      if (app.ui.layout === 'map') loadWorld(app, state);
    }
    syncControls(app, controls);
  });

  app.on('filter', () => {
    // In another layout the force layout waits, warm, for the return to 'force'.
    if (app.ui.layout !== 'force') withTarget((to) => easeTo(app, state, to));
  });

  app.on('frame', () => {
    // The map spreads crowded actors for the canvas's size: again when it changes (the table, a rotated phone).
    const h = state.homes;
    if (app.ui.layout === 'map' && h && (h.width !== app.view.width || h.height !== app.view.height) && app.view.width > 0) {
      withTarget((to) => easeTo(app, state, to));
    }
    const a = state.anim;
    if (!a) return;
    const t = Math.min(1, (performance.now() - a.start) / EASE_MS);
    const k = easeInOut(t);
    const mix = new Float32Array(a.to.length);
    for (let j = 0; j < mix.length; j++) mix[j] = a.from[j] + (a.to[j] - a.from[j]) * k;
    app.core.setPositions(mix);
    if (t < 1) {
      app.requestFrame();
    } else {
      state.anim = null;
      a.after?.();
    }
  });

  return {
    /** Whether a move to another layout is under way: easing, or waiting for its module. */
    switching: () => Boolean(state.anim) || state.waiting > 0,
    /** The land outline's rings in layout units, once fetched (the scene draws them under the map). */
    worldOutline: () => state.world?.rings ?? null,
    /** The map's true places of the actors, in layout units, while the map is shown. */
    mapHomes: () => (app.ui.layout === 'map' ? state.homes?.xy ?? null : null),
    /** The force layout's positions kept while another layout is shown (one pair per actor), else null. */
    forcePositions: () => (app.ui.layout !== 'force' && state.forceSnapshot?.length === 2 * app.frame.actors.length ? state.forceSnapshot : null),
    /** Positions of the force layout from the worker: shown in the force layout, else kept for the return to it. */
    fromWorker(positions) {
      if (app.ui.layout === 'force') {
        app.core.setPositions(positions);
        app.requestFrame();
      } else {
        state.forceSnapshot = positions;
      }
    },
  };
}

/** Where the current layout puts every actor. */
function targetOf(app, state) {
  const { core, ui, frame } = app;
  if (ui.layout === 'radial') {
    const c = Math.max(0, core.indexOf(ui.centre ?? ''));
    // Room on the first ring for every partner of the centre (the outer rings are longer).
    const e = frame.edges;
    let partners = 0;
    for (let k = 0; k < e.length; k += 2) if (e[k] === c || e[k + 1] === c) partners++;
    return state.geo.radialPositions(frame.actors.length, e, c, Math.max(RING_GAP, (partners * RING_SLOT) / (2 * Math.PI)));
  }
  if (ui.layout === 'map') {
    // Crowded actors moved apart just enough to be told apart at the scale that fits the map.
    const lonLat = new Float64Array(2 * frame.actors.length);
    frame.actors.forEach((a, i) => { lonLat[2 * i] = a.lon; lonLat[2 * i + 1] = a.lat; });
    const xy = state.geo.mapPositions(lonLat, frame.degrees, MAP_SCALE, 0);
    state.homes = { xy, width: app.view.width, height: app.view.height };
    const fit = fitting({ ...frame, positions: xy }, app.view);
    const separation = fit && app.view.width > 0 ? Math.max(MAP_SEPARATION, MAP_SEPARATION_PX / fit.scale) : MAP_SEPARATION;
    return state.geo.mapPositions(lonLat, frame.degrees, MAP_SCALE, separation);
  }
  return state.forceSnapshot ?? Float32Array.from(app.positions());
}

/** Eases every actor from where it is to `to`; jumps when the person prefers reduced motion. */
function easeTo(app, state, to) {
  const toForce = app.ui.layout === 'force';
  const after = () => {
    if (toForce) {
      state.forceSnapshot = null;
      app.actions.resumeLayout(0.05);
    }
  };
  if (reducedMotion()) {
    state.anim = null;
    app.core.setPositions(to);
    after();
    app.requestFrame();
    return;
  }
  state.anim = { from: Float32Array.from(app.positions()), to, start: performance.now(), after };
  app.requestFrame();
}

function loadWorld(app, state) {
  if (state.world || state.worldLoading) return;
  state.worldLoading = true;
  Promise.all([fetch(WORLD_URL), chartModule()])
    .then(([res, geo]) => Promise.all([res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`)), geo]))
    .then(([world, geo]) => {
      state.world = { rings: world.rings.map((r) => geo.projectLonLat(Float32Array.from(r), MAP_SCALE)) };
      app.requestFrame();
    })
    .catch((err) => {
      // The map still works without its outline; say so once.
      app.showError(`The world outline (${WORLD_URL}) could not be read: ${err.message}`);
    })
    .finally(() => { state.worldLoading = false; });
}

function buildControls(app) {
  const box = document.createElement('fieldset');
  box.id = 'layouts';
  const legend = document.createElement('legend');
  legend.textContent = 'Layout';
  box.append(legend);
  const radios = [];
  for (const l of LAYOUTS) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'layout';
    radio.value = l.key;
    radio.checked = l.key === 'force';
    radio.addEventListener('change', () => { if (radio.checked && app.core) app.actions.setLayout(l.key); });
    label.append(radio, document.createTextNode(l.label));
    box.append(label);
    radios.push(radio);
  }
  const centreLabel = document.createElement('label');
  centreLabel.className = 'centre';
  const select = document.createElement('select');
  select.id = 'layout-centre';
  select.addEventListener('change', () => { if (app.core) app.actions.setLayout('radial', select.value); });
  centreLabel.append(document.createTextNode('Centre '), select);
  box.append(centreLabel);
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = 'Force: drag an actor to pin it, double-click to release it.';
  box.append(hint);
  const controls = document.getElementById('controls');
  controls.insertBefore(box, controls.firstChild);
  return { radios, select, centreLabel, filledFor: null };
}

/** The centre list: the first 5,000 actors by name, and the centre wherever it sorts. */
function fillCentres(app, controls) {
  const byName = new Intl.Collator().compare;
  const actors = [...app.frame.actors].sort((a, b) => byName(a.name, b.name));
  const listed = actors.slice(0, 5000);
  const centre = app.ui.centre && actors.findIndex((a) => a.id === app.ui.centre);
  if (centre >= 5000) listed.push(actors[centre]);
  controls.filledFor = app.core;
  controls.select.replaceChildren(...listed.map((a) => {
    const option = document.createElement('option');
    option.value = a.id;
    option.textContent = a.name;
    return option;
  }));
}

function syncControls(app, controls) {
  for (const r of controls.radios) r.checked = r.value === app.ui.layout;
  const radial = app.ui.layout === 'radial';
  if (radial && controls.filledFor !== app.core) fillCentres(app, controls);
  if (app.ui.centre && controls.filledFor === app.core) {
    controls.select.value = app.ui.centre;
    if (controls.select.value !== app.ui.centre) {
      fillCentres(app, controls); // a centre chosen elsewhere (the panel, the address) beyond the list
      controls.select.value = app.ui.centre;
    }
  }
  controls.centreLabel.hidden = !radial;
}
