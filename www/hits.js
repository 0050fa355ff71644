// What lies under a canvas point (CSS pixels from the canvas corner): an actor or a tie, asked of the Rust core.

import { toLayout } from './geometry.js';
import { ENDED } from './compare.js';

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
 *  of a tie are drawn 3.5 px apart on screen. Under a comparison, a tie that ended (drawn
 *  faded, not among the visible ties at B) is found too. */
export function hitTie(app, x, y, pointerType) {
  const [lx, ly] = toLayout(app.view, x, y);
  const s = app.view.scale;
  const tie = app.core.tieAt(lx, ly, 3.5 / s, (slopFor(pointerType) - 1) / s);
  return tie >= 0 || !app.frame.compare ? tie : endedTieAt(app.frame, lx, ly, (slopFor(pointerType) + 1) / s);
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segmentDistance(ax, ay, bx, by, x, y) {
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(ax + t * dx - x, ay + t * dy - y);
}

/** The dataset index of the comparison's nearest ended tie within `reach` of layout point (x, y), or -1. */
function endedTieAt(frame, x, y, reach) {
  const c = frame.compare, p = frame.positions;
  let best = -1, bestD = reach;
  for (let k = 0; k < c.codes.length; k++) {
    const s = c.ends[2 * k], t = c.ends[2 * k + 1];
    if (c.codes[k] !== ENDED || s < 0 || t < 0) continue;
    const d = segmentDistance(p[2 * s], p[2 * s + 1], p[2 * t], p[2 * t + 1], x, y);
    if (d <= bestD) { best = c.view.ties[k].tie; bestD = d; }
  }
  return best;
}
