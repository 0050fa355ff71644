// Keyboard and screen reader access: arrow keys move between actors, Enter pins, a live region says what is focused, a table lists the ties shown.

import { KINDS } from './kinds.js';

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

function describeActor(app, i) {
  const a = app.frame.actors[i];
  const n = app.frame.degrees[i];
  return `${a.name}, ${a.type.replace('-', ' ')}, ${n} tie${n === 1 ? '' : 's'} shown. Enter shows the evidence.`;
}

function buildTable(app, table) {
  const body = table.tBodies[0];
  body.replaceChildren();
  const { frame } = app;
  for (let k = 0; k < frame.ties.length; k++) {
    const d = app.core.tieDetail(frame.ties[k]);
    if (!d) continue;
    const tr = document.createElement('tr');
    const n = d.events.length;
    const cells = [
      d.sourceName, d.targetName,
      d.kinds.map((x) => KINDS.find((kd) => kd.key === x)?.label ?? x).join(', '),
      d.tone, String(n), n ? `${d.events[0].date} – ${d.events[n - 1].date}` : '',
      d.citations === 1 ? '1 (single source)' : String(d.citations),
    ];
    for (const [c, text] of cells.entries()) {
      const td = document.createElement(c < 2 ? 'th' : 'td');
      if (c < 2) td.scope = 'row';
      td.textContent = text;
      tr.append(td);
    }
    const td = document.createElement('td');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = 'Evidence';
    b.setAttribute('aria-label', `Evidence for ${d.sourceName} — ${d.targetName}`);
    b.addEventListener('click', () => app.select({ tie: d.tie }));
    td.append(b);
    tr.append(td);
    body.append(tr);
  }
  table.caption.textContent = `${frame.ties.length} ties shown, with their evidence`;
}

export function installA11y(app) {
  const { canvas } = app;
  const live = document.getElementById('announce');
  app.announce = (text) => { live.textContent = text; };
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'network');
  canvas.setAttribute('aria-label', 'Network of ties between actors. Arrow keys move to the actor in that direction, Page Down and Page Up go through every actor, Enter shows the evidence, + and − zoom, 0 fits.');

  const move = (i) => {
    if (i < 0) return;
    app.ui.kbd = i;
    app.ui.hover = i;
    app.announce(describeActor(app, i));
    const { view } = app;
    const x = app.frame.positions[2 * i] * view.scale + view.tx;
    const y = app.frame.positions[2 * i + 1] * view.scale + view.ty;
    if (x < 0 || y < 0 || x > view.width || y > view.height) {
      view.tx += view.width / 2 - x;
      view.ty += view.height / 2 - y;
      view.manual = true;
    }
    app.requestFrame();
  };
  const start = () => {
    const { ui, frame } = app;
    if (ui.kbd >= 0 && frame.degrees[ui.kbd] > 0) return ui.kbd;
    if (ui.pinned >= 0) return ui.pinned;
    if (ui.ego >= 0) return ui.ego;
    let best = -1;
    frame.degrees.forEach((d, i) => { if (d > 0 && (best < 0 || d > frame.degrees[best])) best = i; });
    return best;
  };
  // Only keyboard focus (not a mouse press) picks an actor: the pinned one, else the last one.
  canvas.addEventListener('focus', () => {
    if (!canvas.matches(':focus-visible')) return;
    move(app.ui.pinned >= 0 ? app.ui.pinned : start());
  });
  canvas.addEventListener('blur', () => {
    if (app.ui.hover === app.ui.kbd) app.ui.hover = -1;
    app.requestFrame();
  });
  const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  canvas.addEventListener('keydown', (e) => {
    const from = start();
    if (dirs[e.key]) {
      e.preventDefault();
      if (from >= 0) {
        const to = neighbourInDirection(app.frame, from, ...dirs[e.key]);
        if (to >= 0) move(to);
        else app.announce(`No actor further in that direction. ${describeActor(app, from)}`);
      }
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      // Every actor in turn, busiest first: arrows can skip an actor, this never does.
      e.preventDefault();
      const order = [...app.frame.actors.keys()].filter((i) => app.frame.degrees[i] > 0)
        .sort((a, b) => app.frame.degrees[b] - app.frame.degrees[a] || a - b);
      const at = order.indexOf(from);
      move(order[(at + (e.key === 'PageDown' ? 1 : order.length - 1)) % order.length]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (from >= 0) {
        app.select(app.ui.pinned === from ? {} : { actor: from });
      }
    }
  });
  const section = document.getElementById('table-view');
  const table = section.querySelector('table');
  const toggle = document.getElementById('table-toggle');
  toggle.addEventListener('click', () => {
    const show = section.classList.contains('visually-hidden');
    section.classList.toggle('visually-hidden', !show);
    toggle.setAttribute('aria-pressed', String(show));
    if (show) section.focus();
  });
  const rebuild = () => buildTable(app, table);
  app.on('filter', rebuild);
  app.on('load', () => { app.ui.kbd = -1; rebuild(); });
  rebuild();
}
