// Zoom, pan, pinch and fit: the view transform app.view, driven by wheel, drag on empty canvas, two-finger pinch, buttons and keys.

import { hitActor } from './hits.js';

const MIN_SCALE = 0.05, MAX_SCALE = 12;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Moves the view so that layout point (x, y) sits at the middle of the canvas at `scale`,
 *  easing there over a few frames unless the person prefers reduced motion. Stops auto-fit.
 *  The middle is taken afresh each frame, so a canvas that resizes meanwhile (the evidence
 *  panel opening) still ends with the point in its middle. */
export function moveView(app, { x, y, scale }) {
  const { view } = app;
  view.manual = true;
  cancelAnimationFrame(view.easing ?? 0);
  const target = () => ({ scale, tx: view.width / 2 - x * scale, ty: view.height / 2 - y * scale });
  if (reducedMotion()) {
    Object.assign(view, target());
    app.requestFrame();
    return;
  }
  let n = 0;
  const step = () => {
    n++;
    const k = n >= 12 ? 1 : 0.3;
    const t = target();
    view.scale += (t.scale - view.scale) * k;
    view.tx += (t.tx - view.tx) * k;
    view.ty += (t.ty - view.ty) * k;
    app.requestFrame();
    if (n < 12) view.easing = requestAnimationFrame(step);
  };
  view.easing = requestAnimationFrame(step);
}

/** Fits the actors `members` (indices) into the canvas; all visible actors when null. */
export function fitTo(app, members) {
  const { frame, view } = app;
  const p = frame.positions;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < frame.degrees.length; i++) {
    if (frame.degrees[i] === 0 || (members && !members.has(i))) continue;
    const r = frame.radii[i];
    x0 = Math.min(x0, p[2 * i] - r); x1 = Math.max(x1, p[2 * i] + r);
    y0 = Math.min(y0, p[2 * i + 1] - r); y1 = Math.max(y1, p[2 * i + 1] + r);
  }
  if (!Number.isFinite(x0)) return;
  // Room for labels at the sides, and for the focus bar and view buttons at the top.
  const margin = { x: Math.min(110, view.width / 6), y: 56 };
  const scale = Math.min((view.width - 2 * margin.x) / Math.max(x1 - x0, 1),
    (view.height - 2 * margin.y) / Math.max(y1 - y0, 1), 2.5);
  moveView(app, { x: (x0 + x1) / 2, y: (y0 + y1) / 2, scale: Math.max(scale, MIN_SCALE) });
}

/** Back to the automatic fit of the whole picture (or of the focus neighbourhood in focus mode). */
export function fitView(app) {
  if (app.ui.ego >= 0 && app.frame.egoHops) {
    const members = new Set();
    app.frame.egoHops.forEach((h, i) => { if (h !== 255) members.add(i); });
    fitTo(app, members);
  } else {
    cancelAnimationFrame(app.view.easing ?? 0);
    app.view.manual = false;
    app.requestFrame();
  }
}

/** Zooms by `factor` about the canvas point (px, py). */
export function zoomAbout(app, px, py, factor) {
  const { view } = app;
  cancelAnimationFrame(view.easing ?? 0);
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const f = scale / view.scale;
  view.tx = px - (px - view.tx) * f;
  view.ty = py - (py - view.ty) * f;
  view.scale = scale;
  view.manual = true;
  app.requestFrame();
}

function toolButton(label, text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', onClick);
  return b;
}

export function installView(app) {
  const { canvas, stage, view } = app;
  const pointers = new Map();
  let pan = null, pinch = null, suppressClick = false;
  const local = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const [x, y] = local(e);
    zoomAbout(app, x, y, Math.exp(-e.deltaY * 0.0015));
  }, { passive: false });

  canvas.addEventListener('pointerdown', (e) => {
    const [x, y] = local(e);
    pointers.set(e.pointerId, { x, y });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, scale: view.scale, tx: view.tx, ty: view.ty };
      pan = null;
    } else if (pointers.size === 1 && hitActor(app, x, y, e.pointerType) < 0) {
      // Pan starts only on empty canvas; a press on an actor is left to actor dragging.
      pan = { id: e.pointerId, x, y, moved: false };
    }
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    const [x, y] = local(e);
    pointers.set(e.pointerId, { x, y });
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      const cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
      const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, pinch.scale * d / pinch.d));
      // The layout point under the first centre stays under the moving centre.
      const lx = (pinch.cx - pinch.tx) / pinch.scale, ly = (pinch.cy - pinch.ty) / pinch.scale;
      Object.assign(view, { scale, tx: cx - lx * scale, ty: cy - ly * scale, manual: true });
      suppressClick = true;
      app.requestFrame();
    } else if (pan && pan.id === e.pointerId) {
      const dx = x - pan.x, dy = y - pan.y;
      if (!pan.moved && Math.hypot(dx, dy) < 4) return;
      if (!pan.moved) canvas.setPointerCapture?.(e.pointerId);
      pan.moved = true;
      cancelAnimationFrame(view.easing ?? 0);
      view.tx += dx; view.ty += dy; view.manual = true;
      pan.x = x; pan.y = y;
      canvas.classList.add('panning');
      app.requestFrame();
    }
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    if (pan && pan.id === e.pointerId) {
      if (pan.moved) suppressClick = true;
      pan = null;
      canvas.classList.remove('panning');
    }
    if (pointers.size < 2) pinch = null;
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  // A click that ends a pan or a pinch selects nothing.
  stage.addEventListener('click', (e) => {
    if (suppressClick && e.target === canvas) { e.stopPropagation(); e.preventDefault(); }
    suppressClick = false;
  }, true);

  // While the person holds the view, a resized canvas keeps what was in its middle in its middle.
  let last = { width: view.width, height: view.height };
  new ResizeObserver(() => {
    if (view.manual) {
      view.tx += (view.width - last.width) / 2;
      view.ty += (view.height - last.height) / 2;
      app.requestFrame();
    }
    last = { width: view.width, height: view.height };
  }).observe(canvas);

  const tools = document.getElementById('view-tools');
  tools.append(
    toolButton('Zoom in (+)', '+', () => zoomAbout(app, view.width / 2, view.height / 2, 1.4)),
    toolButton('Zoom out (−)', '−', () => zoomAbout(app, view.width / 2, view.height / 2, 1 / 1.4)),
    toolButton('Fit to view (0)', 'Fit', () => fitView(app)),
  );
  tools.lastChild.id = 'fit';
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('input, textarea, select')) return;
    if (e.key === '+' || e.key === '=') zoomAbout(app, view.width / 2, view.height / 2, 1.25);
    else if (e.key === '-' || e.key === '_') zoomAbout(app, view.width / 2, view.height / 2, 0.8);
    else if (e.key === '0') fitView(app);
    else return;
    e.preventDefault();
  });
}
