// What lies under a canvas point (CSS pixels from the canvas corner): an actor or a tie, asked of the Rust core.

import { toLayout } from './geometry.js';

/** Slop in screen pixels: generous on touch screens, tight with a mouse or a pen. */
function slopFor(pointerType) {
  return pointerType === 'touch' ? 14 : 4;
}

/** The visible actor under canvas point (x, y), or -1. */
export function hitActor(app, x, y, pointerType) {
  const [lx, ly] = toLayout(app.view, x, y);
  return app.core.nodeAt(lx, ly, slopFor(pointerType) / app.view.scale);
}

/** The dataset index of the visible tie under canvas point (x, y), or -1. The parallel lines
 *  of a tie are drawn 3.5 px apart on screen. */
export function hitTie(app, x, y, pointerType) {
  const [lx, ly] = toLayout(app.view, x, y);
  const s = app.view.scale;
  return app.core.tieAt(lx, ly, 3.5 / s, (slopFor(pointerType) - 1) / s);
}
