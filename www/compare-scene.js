// The comparison's scene batches: changed ties drawn over the quiet network at B, each class with its mark (readable without colour).

/** Opacity of the network's own ties under a comparison: unchanged ties stay quiet. */
export const QUIET = 0.3;
const BADGE_RADIUS = 7;
/** Per class (the order of compare.js CHANGES): line width, dash, opacity; null draws no line. */
const LINES = [
  { width: 2.4, dash: [], alpha: 0.9 }, // appeared
  { width: 1.6, dash: [1.5, 3], alpha: 0.45 }, // ended: faded and dotted
  { width: 2.4, dash: [], alpha: 0.9 }, // warmed
  { width: 2.4, dash: [], alpha: 0.9 }, // cooled
  { width: 4.5, dash: [], alpha: 0.9 }, // intensified: heavier
  null, // unchanged: the network's own line, quiet
];
const MARKS = ['+', '−', '↑', '↓', null, null];
const KEYS = ['appeared', 'ended', 'warmed', 'cooled', 'intensified', 'unchanged'];

/**
 * The comparison in `frame.compare` (compare.js `compareFrame`) as batches in screen space.
 * @param {{x: Float32Array, y: Float32Array}} at every actor's centre on screen (scene.js)
 * @param {number} focusTie the dataset index of the tie hovered or chosen: an ended one is drawn
 *   stronger, in its dots (the visible ties light themselves)
 * @returns {null | {lines: {change, colour, width, dash, alpha, xy: Float32Array}[],
 *   badges: {change, r, fill, stroke, width, colour, alpha, font, family, items: {x, y, text}[]}[],
 *   gone: {r, colour, alpha, xy: Float32Array}}} lines as [x1, y1, x2, y2, ...]; a badge at each
 *   changed tie's middle (an intensified tie's holds its count of new events); `gone` marks the
 *   actors with ties at A and none at B, faded.
 */
export function compareBatches(frame, view, at, focusTie = -1) {
  const c = frame.compare;
  if (!c) return null;
  const m = c.codes.length;
  const per = KEYS.map(() => []);
  const badges = KEYS.map(() => []);
  const focused = [];
  for (let k = 0; k < m; k++) {
    const s = c.ends[2 * k], t = c.ends[2 * k + 1], code = c.codes[k];
    if (s < 0 || t < 0 || !LINES[code]) continue;
    const x1 = at.x[s], y1 = at.y[s], x2 = at.x[t], y2 = at.y[t];
    if (code === 1 && c.view.ties[k].tie === focusTie) focused.push(x1, y1, x2, y2);
    else per[code].push(x1, y1, x2, y2);
    const text = MARKS[code] ?? (code === 4 ? String(c.counts[k]) : null);
    if (text) badges[code].push({ x: (x1 + x2) / 2, y: (y1 + y2) / 2, text });
  }
  const lines = [];
  per.forEach((xy, code) => {
    if (xy.length === 0) return;
    const style = LINES[code];
    lines.push({ change: KEYS[code], colour: view.ink, width: style.width, dash: style.dash, alpha: style.alpha, xy: Float32Array.from(xy) });
  });
  if (focused.length) lines.push({ change: 'ended', colour: view.ink, width: 2.4, dash: LINES[1].dash, alpha: 1, xy: Float32Array.from(focused) });
  const out = [];
  badges.forEach((items, code) => {
    if (items.length === 0) return;
    out.push({
      change: KEYS[code], r: BADGE_RADIUS, fill: view.background, stroke: view.ink, width: 1.3, colour: view.ink,
      alpha: code === 1 ? 0.7 : 1, font: `700 11px ${view.font}`, family: view.font, items,
    });
  });
  const gone = [];
  for (const id of c.view.actorsGone) {
    const i = frame.actors.findIndex((a) => a.id === id);
    if (i >= 0) gone.push(at.x[i], at.y[i]);
  }
  return { lines, badges: out, gone: { r: 5, colour: view.ink, alpha: 0.35, xy: Float32Array.from(gone) } };
}
