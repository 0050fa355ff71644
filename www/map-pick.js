// An actor's place picked by a click on the map layout (edit mode): the clicked layout point taken
// back through the Equal Earth projection (unprojectLonLat, in the module that computes the map:
// chart-module.js). Escape cancels; the
// latitude and longitude fields stay there to type into.

import { chartModule } from './chart-module.js';
import { el, announce } from './dom.js';
import { canvasPoint, toLayout } from './geometry.js';
import { MAP_SCALE } from './layouts.js';

/** Degrees to 3 decimals (about 100 m): finer than a pixel of the map at the closest zoom. */
const round = (deg) => Math.round(deg * 1000) / 1000;

/**
 * @param {object} app the application context from main.js
 * @returns {(name: string, onPick: (lat: number, lon: number) => void, onEnd?: (picked: boolean) => void) => void}
 *   starts picking the place of the actor called `name` (the map layout shown first); `onPick`
 *   gets the clicked place, `onEnd` is told when picking ends, picked or not.
 */
export function installMapPick(app) {
  const { canvas } = app;
  let active = null; // {name, onPick, onEnd, hint}
  let geo = null; // the module with unprojectLonLat, once fetched (the map itself needs it first)

  function end(picked) {
    const a = active;
    if (!a) return;
    active = null;
    a.hint.remove();
    canvas.classList.remove('picking');
    a.onEnd?.(picked);
  }

  // Window listeners in the capture phase run before the canvas' own (input.js): while picking,
  // a press neither pans nor drags, and the click picks a place instead of pinning.
  const onCanvas = (e) => active && e.target === canvas;
  for (const type of ['pointerdown', 'dblclick']) {
    window.addEventListener(type, (e) => { if (onCanvas(e)) e.stopImmediatePropagation(); }, true);
  }
  window.addEventListener('click', (e) => {
    if (!onCanvas(e)) return;
    e.stopImmediatePropagation();
    e.preventDefault();
    const [lx, ly] = toLayout(app.view, ...canvasPoint(canvas, e));
    const { name, onPick, hint } = active;
    if (!geo) {
      hint.textContent = `The map is still loading. Click again where ${name} is in a moment, or press Escape.`;
      return;
    }
    const at = geo.unprojectLonLat(lx, ly, MAP_SCALE);
    if (!at) {
      hint.textContent = `That point is off the map. Click inside the world's outline where ${name} is, or press Escape.`;
      return;
    }
    const [lon, lat] = at;
    end(true);
    announce(`${name}: latitude ${round(lat)}, longitude ${round(lon)}`);
    onPick(round(lat), round(lon));
  }, true);
  // Escape ends picking and nothing else (input.js' Escape would unpin the actor being edited).
  window.addEventListener('keydown', (e) => {
    if (!active || e.key !== 'Escape') return;
    e.stopImmediatePropagation();
    e.preventDefault();
    const { name } = active;
    end(false);
    announce(`Picking the place of ${name} cancelled`);
  }, true);
  // Another layout, another dataset or edit mode off: picking ends.
  app.on('layout', () => { if (app.ui.layout !== 'map') end(false); });
  const off = app.state.watch(['editing']);
  app.on('frame', () => { if (off() && !app.ui.editing) end(false); });

  return function pick(name, onPick, onEnd) {
    end(false);
    if (app.ui.layout !== 'map') app.actions.setLayout('map');
    const hint = el('p', { id: 'map-pick' }, `Click the map where ${name} is. Escape cancels.`);
    hint.setAttribute('role', 'status');
    app.stage.append(hint);
    canvas.classList.add('picking');
    active = { name, onPick, onEnd, hint };
    chartModule().then((m) => { geo = m; }, () => {
      if (active?.hint === hint) hint.textContent = 'The map could not be loaded: type the latitude and longitude instead, or press Escape.';
    });
  };
}
