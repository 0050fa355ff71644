// Dragging an actor in the force layout: it follows the pointer and stays pinned where dropped; double-click releases it.

const DRAG_HEAT = 0.3; // the layout's temperature target while an actor is dragged

/** @param {object} app the application context from main.js */
export function installDrag(app) {
  const { canvas, stage } = app;
  let drag = null; // {actor, pointerId, moved}
  let swallowClick = false;

  /** Layout coordinates of a pointer event. */
  const layoutPoint = (e) => {
    const rect = canvas.getBoundingClientRect();
    const { scale, tx, ty } = app.view;
    return [(e.clientX - rect.left - tx) / scale, (e.clientY - rect.top - ty) / scale];
  };
  const actorAt = (e) => {
    const [x, y] = layoutPoint(e);
    return app.core.nodeAt(x, y, 4 / app.view.scale);
  };

  // Capture on the stage runs before any listener on the canvas (pan, click): a drag starts
  // only when the pointer goes down on an actor, and then nothing else sees the pointer.
  stage.addEventListener('pointerdown', (e) => {
    if (e.target !== canvas || e.button !== 0 || !app.core || app.ui.layout !== 'force') return;
    const actor = actorAt(e);
    if (actor < 0) return;
    e.stopPropagation();
    canvas.setPointerCapture?.(e.pointerId);
    drag = { actor, pointerId: e.pointerId, moved: false };
  }, { capture: true });

  stage.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    e.stopPropagation();
    const [x, y] = layoutPoint(e);
    if (!drag.moved) {
      drag.moved = true;
      app.core.setAlphaTarget(DRAG_HEAT);
      app.emit('dragstart', { actor: drag.actor });
    }
    app.core.pin(drag.actor, x, y);
    app.emit('pin', { actor: drag.actor, x, y });
    app.moving = true;
    app.requestFrame();
  }, { capture: true });

  const end = (e) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    e.stopPropagation();
    if (drag.moved) {
      app.core.setAlphaTarget(0);
      swallowClick = true;
      app.emit('dragend', { actor: drag.actor });
    }
    drag = null;
    app.requestFrame();
  };
  stage.addEventListener('pointerup', end, { capture: true });
  stage.addEventListener('pointercancel', end, { capture: true });

  // A drag ends with a click on the same actor; it must not open or close the tooltip.
  stage.addEventListener('click', (e) => {
    if (swallowClick) {
      swallowClick = false;
      e.stopPropagation();
    }
  }, { capture: true });

  canvas.addEventListener('dblclick', (e) => {
    if (!app.core || app.ui.layout !== 'force') return;
    const actor = actorAt(e);
    if (actor < 0 || !app.core.isPinned(actor)) return;
    app.core.unpin(actor);
    app.emit('unpin', { actor });
    app.core.reheat(0.1);
    app.moving = true;
    app.requestFrame();
  });
}
