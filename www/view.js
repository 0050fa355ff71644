// The view's moves: zoom about a point, an eased move to a point, fit to the picture or the focus neighbourhood, the view buttons.

import { fitting, centring } from './geometry.js';
import { el } from './dom.js';

const MIN_SCALE = 0.05, MAX_SCALE = 12;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
let easing = 0; // the animation frame of an eased move under way

/** `scale` kept within the zoom limits. */
export const clampScale = (scale) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Stops an eased move under way (the person took the view). */
export function stopEasing() {
  cancelAnimationFrame(easing);
}

/** Moves the view so that layout point (x, y) sits at the middle of the canvas at `scale`,
 *  easing there over a few frames unless the person prefers reduced motion. Stops auto-fit.
 *  The middle is taken afresh each frame, so a canvas that resizes meanwhile (the evidence
 *  panel opening) still ends with the point in its middle. */
function centreOn(app, { x, y, scale }) {
  stopEasing();
  const target = () => centring(app.view, { x, y, scale });
  if (reducedMotion()) {
    app.actions.moveView({ ...target(), manual: true });
    return;
  }
  let n = 0;
  const step = () => {
    n++;
    const k = n >= 12 ? 1 : 0.3;
    const t = target(), v = app.view;
    app.actions.moveView({
      scale: v.scale + (t.scale - v.scale) * k, tx: v.tx + (t.tx - v.tx) * k, ty: v.ty + (t.ty - v.ty) * k, manual: true,
    });
    if (n < 12) easing = requestAnimationFrame(step);
  };
  easing = requestAnimationFrame(step);
}

/** Fits the actors `members` (indices) into the canvas, with room for the focus bar and view buttons. */
function fitTo(app, members) {
  const fit = fitting(app.frame, app.view, { members, marginY: 56, minScale: MIN_SCALE });
  if (fit) centreOn(app, fit);
}

/** Back to the automatic fit of the whole picture (or of the focus neighbourhood in focus mode). */
export function fitView(app) {
  if (app.ui.ego >= 0 && app.frame.egoHops) {
    const members = new Set();
    app.frame.egoHops.forEach((h, i) => { if (h !== 255) members.add(i); });
    fitTo(app, members);
  } else {
    stopEasing();
    app.actions.moveView({ manual: false });
    app.requestFrame();
  }
}

/** Zooms by `factor` about the canvas point (px, py). */
export function zoomAbout(app, px, py, factor) {
  stopEasing();
  const { view } = app;
  const scale = clampScale(view.scale * factor);
  const f = scale / view.scale;
  app.actions.moveView({ scale, tx: px - (px - view.tx) * f, ty: py - (py - view.ty) * f, manual: true });
}

/** The view buttons (zoom in, zoom out, fit), and centring an actor chosen with `centre`. */
export function installView(app) {
  const button = (label, text, onClick) => {
    const b = el('button', { type: 'button', title: label }, text);
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  };
  const middle = (factor) => () => zoomAbout(app, app.view.width / 2, app.view.height / 2, factor);
  const fit = button('Fit to view (0)', 'Fit', () => fitView(app));
  fit.id = 'fit';
  document.getElementById('view-tools').append(button('Zoom in (+)', '+', middle(1.4)), button('Zoom out (−)', '−', middle(1 / 1.4)), fit);
  app.on('select', ({ centre }) => {
    const i = app.ui.pinned;
    if (!centre || i < 0) return;
    const p = app.positions();
    centreOn(app, { x: p[2 * i], y: p[2 * i + 1], scale: app.view.scale });
  });
}
