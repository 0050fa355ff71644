// Keyboard and screen reader access: where arrow keys lead (input.js reads the keys), the focus ring, the table of ties (tie-table.js).

import { toScreen } from './geometry.js';
import { announce } from './dom.js';
import { installTieTable } from './tie-table.js';

/** The actor to move to from `from` for an arrow pointing along (dx, dy): among actors joined to
 *  it by a visible tie, then among all visible actors, the one best placed in that direction. */
export function neighbourInDirection(frame, from, dx, dy) {
  const p = frame.positions;
  const joined = new Set();
  for (let k = 0; k < frame.edges.length; k += 2) {
    if (frame.edges[k] === from) joined.add(frame.edges[k + 1]);
    if (frame.edges[k + 1] === from) joined.add(frame.edges[k]);
  }
  const best = (candidates) => {
    let pick = -1, score = Infinity;
    for (const i of candidates) {
      if (i === from || frame.degrees[i] === 0 || (frame.egoHops && frame.egoHops[i] === 255)) continue;
      const vx = p[2 * i] - p[2 * from], vy = p[2 * i + 1] - p[2 * from + 1];
      const along = vx * dx + vy * dy;
      const d = Math.hypot(vx, vy) || 1;
      if (along / d < 0.35) continue; // more than ~70° off the arrow's direction
      const s = d * (2 - along / d);
      if (s < score) { score = s; pick = i; }
    }
    return pick;
  };
  const j = best(joined);
  return j >= 0 ? j : best(frame.actors.keys());
}


/** What the live region says about actor i. */
export function describeActor(app, i) {
  const a = app.frame.actors[i];
  const n = app.frame.degrees[i];
  return `${a.name}, ${a.type.replace('-', ' ')}, ${n} tie${n === 1 ? '' : 's'} shown. Enter shows the evidence.`;
}

/** The actor keyboard moves start from: the last one, else the pinned one, the focus, the busiest. */
export function keyboardStart(app) {
  const { ui, frame } = app;
  if (ui.kbd >= 0 && frame.degrees[ui.kbd] > 0) return ui.kbd;
  if (ui.pinned >= 0) return ui.pinned;
  if (ui.ego >= 0) return ui.ego;
  let best = -1;
  frame.degrees.forEach((d, i) => { if (d > 0 && (best < 0 || d > frame.degrees[best])) best = i; });
  return best;
}

/** Puts the keyboard on actor i: hovered, said, and brought into view if it is off the canvas. */
export function moveKeyboard(app, i) {
  if (i < 0) return;
  app.actions.setKeyboardActor(i);
  announce(describeActor(app, i));
  const { view } = app;
  const [x, y] = toScreen(view, app.frame.positions[2 * i], app.frame.positions[2 * i + 1]);
  if (x < 0 || y < 0 || x > view.width || y > view.height) {
    app.actions.moveView({ tx: view.tx + view.width / 2 - x, ty: view.ty + view.height / 2 - y, manual: true });
  }
}

/** The network as an application for assistive technology, what is said when something is pinned, the focus ring, the table. */
export function installA11y(app) {
  const { canvas } = app;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'network');
  canvas.setAttribute('aria-label', 'Network of ties between actors. Arrow keys move to the actor in that direction, Page Down and Page Up go through every actor, Enter shows the evidence, + and − zoom, 0 fits.');

  app.on('select', () => {
    const { ui, frame } = app;
    if (ui.pinned >= 0) {
      announce(`${frame.actors[ui.pinned].name}: evidence for ${frame.degrees[ui.pinned]} ties shown in the panel`);
    } else if (ui.tie >= 0) {
      const d = app.core.tieDetail(ui.tie);
      if (d) announce(`Tie ${d.sourceName} — ${d.targetName}: ${d.events.length} events shown in the panel`);
    }
  });
  const section = document.getElementById('table-view');
  const toggle = document.getElementById('table-toggle');
  toggle.addEventListener('click', () => {
    const show = section.classList.contains('visually-hidden');
    section.classList.toggle('visually-hidden', !show);
    toggle.setAttribute('aria-pressed', String(show));
    if (show) section.focus();
  });
  installTieTable(app, { announce });
}
