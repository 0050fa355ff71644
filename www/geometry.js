// Where things are: canvas points, layout points, the view transform between them, and the view that fits a set of actors.

/** The point of a pointer event in CSS pixels from the canvas' top-left corner. */
export function canvasPoint(canvas, event) {
  const r = canvas.getBoundingClientRect();
  return [event.clientX - r.left, event.clientY - r.top];
}

/** Layout coordinates of canvas point (x, y) under `view` ({scale, tx, ty}). */
export function toLayout(view, x, y) {
  return [(x - view.tx) / view.scale, (y - view.ty) / view.scale];
}

/** Canvas point of layout point (x, y) under `view`. */
export function toScreen(view, x, y) {
  return [x * view.scale + view.tx, y * view.scale + view.ty];
}

/**
 * The view that fits the visible actors (only `members`, a Set of indices, when given) into the
 * canvas: `{x, y, scale}`, the layout point to put in the canvas' middle and the scale; null when
 * no such actor is shown.
 * @param {object} frame `degrees`, `radii`, `positions`
 * @param {object} view `width`, `height`
 * @param {{members?: Set<number>, mirror?: boolean, marginY?: number, minScale?: number}} [options]
 *   `mirror`: fit the bounds mirrored around the origin, so that the actor there (the force and
 *   ego layouts' centre) stays in the middle; `marginY`: room above and below.
 */
export function fitting(frame, view, { members = null, mirror = false, marginY = 30, minScale = 0.02 } = {}) {
  const p = frame.positions;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < frame.degrees.length; i++) {
    if (frame.degrees[i] === 0 || (members && !members.has(i))) continue;
    const r = frame.radii[i];
    x0 = Math.min(x0, p[2 * i] - r); x1 = Math.max(x1, p[2 * i] + r);
    y0 = Math.min(y0, p[2 * i + 1] - r); y1 = Math.max(y1, p[2 * i + 1] + r);
  }
  if (!Number.isFinite(x0)) return null;
  if (mirror) {
    const hx = Math.max(-x0, x1), hy = Math.max(-y0, y1);
    x0 = -hx; x1 = hx; y0 = -hy; y1 = hy;
  }
  // Room for labels at the sides.
  const marginX = Math.min(110, view.width / 6);
  const scale = Math.max(minScale, Math.min(
    (view.width - 2 * marginX) / Math.max(x1 - x0, 1),
    (view.height - 2 * marginY) / Math.max(y1 - y0, 1),
    2.5,
  ));
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, scale };
}

/** The transform {scale, tx, ty} that puts layout point (x, y) in the middle of `view` at `scale`. */
export function centring(view, { x, y, scale }) {
  return { scale, tx: view.width / 2 - x * scale, ty: view.height / 2 - y * scale };
}
