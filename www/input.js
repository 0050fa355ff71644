// Pointer and key input, each gesture in one place, turned into actions.
//
// On the canvas: hovering shows the actor or tie under the pointer; a press on an actor in the
// force layout drags it (pinned where it is dropped), a press elsewhere pans, two pointers pinch; a
// click or tap pins what is under it (or unpins); a double click releases a dragged actor; the wheel
// zooms. Hover, click, drag and pan all find actors with the same hit-test and the pointer type's slop.
// Keys: Escape (see `escape`), '/' to search, + − 0 to zoom and fit; on the focused network the
// arrows, Page Down and Page Up move between actors and Enter or Space pins. (The search box's
// own keys, arrows and Enter among its suggestions, are search.js's.)

import { canvasPoint, toLayout } from './geometry.js';
import { hitActor, hitTie } from './hits.js';
import { zoomAbout, fitView, clampScale, stopEasing } from './view.js';
import { describeActor, keyboardStart, moveKeyboard, neighbourInDirection } from './a11y.js';
import { announce } from './dom.js';

/** Screen pixels a press moves before it pans. */
const PAN_SLOP = 4;

/**
 * @param {object} app the application context from main.js
 * @param {{search: object, tieTip: object}} widgets the search box (search.js) and the tie tooltip (ties.js)
 */
export function installInput(app, { search, tieTip }) {
  pointerInput(app, tieTip);
  keyInput(app, search);
}

function pointerInput(app, tieTip) {
  const { canvas, actions } = app;
  const pointers = new Map(); // pointerId → [x, y] of the pointers down (not the one dragging an actor)
  // {kind: 'drag', id, actor, moved} | {kind: 'pan', id, x, y, moved} | {kind: 'pinch', d, cx, cy, scale, tx, ty}
  let gesture = null;
  let swallowClick = false; // the click that ends a drag, a pan or a pinch selects nothing
  // The actor the first click of a double click hit. That click opens the evidence panel, which
  // narrows the canvas and moves the picture, possibly before the second click and the dblclick
  // arrive: both act on this actor, not on whatever has moved under the pointer.
  let clicked = -1;

  const hover = (x, y, type, buttons) => {
    const actor = hitActor(app, x, y, type);
    actions.hover(actor);
    if (!buttons) {
      actions.hoverTie(actor >= 0 ? -1 : hitTie(app, x, y, type));
      tieTip.follow(x, y);
    }
    canvas.style.cursor = actor >= 0 || app.ui.hoverTie >= 0 ? 'pointer' : 'default';
  };

  const startPinch = () => {
    const [a, b] = [...pointers.values()];
    const { scale, tx, ty } = app.view;
    gesture = { kind: 'pinch', d: Math.hypot(a[0] - b[0], a[1] - b[1]) || 1, cx: (a[0] + b[0]) / 2, cy: (a[1] + b[1]) / 2, scale, tx, ty };
  };
  const pinchTo = (g) => {
    const [a, b] = [...pointers.values()];
    const d = Math.hypot(a[0] - b[0], a[1] - b[1]) || 1;
    const cx = (a[0] + b[0]) / 2, cy = (a[1] + b[1]) / 2;
    const scale = clampScale(g.scale * d / g.d);
    // The layout point under the first centre stays under the moving centre.
    const [lx, ly] = toLayout(g, g.cx, g.cy);
    stopEasing();
    actions.moveView({ scale, tx: cx - lx * scale, ty: cy - ly * scale, manual: true });
  };

  canvas.addEventListener('pointerdown', (e) => {
    if (!app.core || gesture?.kind === 'drag') return;
    swallowClick = false;
    const [x, y] = canvasPoint(canvas, e);
    if (pointers.size === 0) {
      const actor = hitActor(app, x, y, e.pointerType);
      if (actor >= 0 && e.button === 0 && app.ui.layout === 'force') {
        canvas.setPointerCapture?.(e.pointerId);
        gesture = { kind: 'drag', id: e.pointerId, actor, moved: false };
        return;
      }
      // A press on an actor in another layout neither drags nor pans: its click pins the actor.
      gesture = actor < 0 ? { kind: 'pan', id: e.pointerId, x, y, moved: false } : null;
    }
    pointers.set(e.pointerId, [x, y]);
    if (pointers.size === 2) startPinch();
  });

  canvas.addEventListener('pointermove', (e) => {
    if (!app.core) return;
    const [x, y] = canvasPoint(canvas, e);
    const g = gesture;
    if (g?.kind === 'drag') {
      if (e.pointerId !== g.id) return;
      g.moved = true;
      actions.dragActor(g.actor, ...toLayout(app.view, x, y));
      return;
    }
    hover(x, y, e.pointerType, e.buttons);
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, [x, y]);
    if (g?.kind === 'pinch' && pointers.size === 2) {
      pinchTo(g);
      swallowClick = true;
    } else if (g?.kind === 'pan' && g.id === e.pointerId) {
      const dx = x - g.x, dy = y - g.y;
      if (!g.moved && Math.hypot(dx, dy) < PAN_SLOP) return;
      if (!g.moved) canvas.setPointerCapture?.(e.pointerId);
      g.moved = true;
      g.x = x; g.y = y;
      canvas.classList.add('panning');
      stopEasing();
      actions.moveView({ tx: app.view.tx + dx, ty: app.view.ty + dy, manual: true });
    }
  });

  const release = (e) => {
    const g = gesture;
    if (g?.kind === 'drag') {
      if (e.pointerId !== g.id) return;
      if (g.moved) {
        actions.dropActor();
        swallowClick = true;
      }
      gesture = null;
      return;
    }
    pointers.delete(e.pointerId);
    if (g?.kind === 'pan' && g.id === e.pointerId) {
      if (g.moved) swallowClick = true;
      canvas.classList.remove('panning');
      gesture = null;
    } else if (g?.kind === 'pinch' && pointers.size < 2) {
      gesture = null;
    }
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);

  canvas.addEventListener('pointerleave', () => {
    if (!app.core) return;
    actions.hover(-1);
    actions.hoverTie(-1);
  });

  // A click or tap pins the actor under it (the pinned one again: unpins), else the tie under it.
  canvas.addEventListener('click', (e) => {
    if (swallowClick) {
      swallowClick = false;
      clicked = -1;
      return;
    }
    if (!app.core) return;
    const [x, y] = canvasPoint(canvas, e);
    const type = e.pointerType || 'mouse';
    const actor = e.detail > 1 && clicked >= 0 ? clicked : hitActor(app, x, y, type);
    if (e.detail <= 1) clicked = actor;
    if (actor >= 0) {
      actions.select(actor === app.ui.pinned ? {} : { actor });
    } else {
      const tie = hitTie(app, x, y, type);
      actions.select(tie >= 0 && tie !== app.ui.tie ? { tie } : {});
    }
  });

  canvas.addEventListener('dblclick', (e) => {
    if (!app.core || app.ui.layout !== 'force') return;
    const actor = clicked >= 0 ? clicked : hitActor(app, ...canvasPoint(canvas, e), 'mouse');
    if (actor >= 0) actions.releaseActor(actor);
  });

  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    if (!app.core) return;
    zoomAbout(app, ...canvasPoint(canvas, e), Math.exp(-e.deltaY * 0.0015));
  }, { passive: false });
}

const inField = (target) => Boolean(target.closest?.('input, textarea, select'));

/**
 * Escape, the one handler, in this order:
 * 1. the search box's suggestions are open: close them, and nothing else;
 * 2. in the search box: clear it, and nothing else;
 * 3. otherwise, in one press: leave focus mode, and unpin the pinned tie or actor.
 */
function escape(app, search, e) {
  if (search.isOpen()) {
    search.close();
  } else if (e.target === search.input) {
    search.clear();
  } else {
    if (app.ui.ego >= 0) app.actions.setFocus(-1);
    if (app.ui.pinned >= 0 || app.ui.tie >= 0) app.actions.select({});
    return;
  }
  e.preventDefault();
}

function keyInput(app, search) {
  const { canvas, actions } = app;
  window.addEventListener('keydown', (e) => {
    if (!app.core) return;
    const middle = (factor) => zoomAbout(app, app.view.width / 2, app.view.height / 2, factor);
    if (e.key === 'Escape') escape(app, search, e);
    else if (inField(e.target)) return;
    else if (e.key === '/') search.focus();
    else if (e.ctrlKey || e.metaKey || e.altKey) return;
    else if (e.key === '+' || e.key === '=') middle(1.25);
    else if (e.key === '-' || e.key === '_') middle(0.8);
    else if (e.key === '0') fitView(app);
    else return;
    if (e.key !== 'Escape') e.preventDefault();
  });

  // Only keyboard focus (not a mouse press) puts the keyboard on an actor: the pinned one, else the last one.
  canvas.addEventListener('focus', () => {
    if (!app.core || !canvas.matches(':focus-visible')) return;
    moveKeyboard(app, app.ui.pinned >= 0 ? app.ui.pinned : keyboardStart(app));
  });
  canvas.addEventListener('blur', () => { if (app.core) actions.leaveKeyboard(); });

  const directions = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  canvas.addEventListener('keydown', (e) => {
    if (!app.core) return;
    const { frame } = app;
    const from = keyboardStart(app);
    if (directions[e.key]) {
      e.preventDefault();
      if (from < 0) return;
      const to = neighbourInDirection(frame, from, ...directions[e.key]);
      if (to >= 0) moveKeyboard(app, to);
      else announce(`No actor further in that direction. ${describeActor(app, from)}`);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      // Every actor in turn, busiest first: arrows can skip an actor, this never does.
      e.preventDefault();
      const order = [...frame.actors.keys()].filter((i) => frame.degrees[i] > 0)
        .sort((a, b) => frame.degrees[b] - frame.degrees[a] || a - b);
      const at = order.indexOf(from);
      moveKeyboard(app, order[(at + (e.key === 'PageDown' ? 1 : order.length - 1)) % order.length]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (from >= 0) actions.select(app.ui.pinned === from ? {} : { actor: from });
    }
  });
}
