// Focus (ego) mode: only an actor's neighbourhood, 1 or 2 hops over the ties shown, at full strength; the rest faded.

import { fitView } from './view.js';

export function installFocus(app) {
  const bar = document.getElementById('ego-bar');
  const text = document.createElement('span');
  const one = document.createElement('button');
  const two = document.createElement('button');
  const leave = document.createElement('button');
  for (const [b, label] of [[one, '1 hop'], [two, '2 hops'], [leave, 'Leave focus']]) {
    b.type = 'button';
    b.textContent = label;
  }
  leave.id = 'leave-focus';
  bar.append(text, one, two, leave);
  one.addEventListener('click', () => app.setEgo(app.ui.ego, 1));
  two.addEventListener('click', () => app.setEgo(app.ui.ego, 2));
  leave.addEventListener('click', () => app.setEgo(-1));

  /** Recomputes the neighbourhood over the ties shown now. */
  function compute() {
    const { ui } = app;
    if (ui.ego >= 0 && app.frame.degrees[ui.ego] === 0) ui.ego = -1;
    app.frame.egoHops = ui.ego >= 0 ? app.core.hops(ui.ego, ui.hops) : null;
    bar.hidden = ui.ego < 0;
    if (ui.ego >= 0) {
      const n = app.frame.egoHops.filter((h, i) => h !== 255 && app.frame.degrees[i] > 0).length - 1;
      text.textContent = `Focus: ${app.frame.actors[ui.ego].name} and ${n} actor${n === 1 ? '' : 's'} within ${ui.hops} hop${ui.hops === 1 ? '' : 's'}`;
      one.setAttribute('aria-pressed', String(ui.hops === 1));
      two.setAttribute('aria-pressed', String(ui.hops === 2));
    }
  }

  /** Enters focus mode on `actor` (-1 leaves it), `hops` 1 or 2. */
  app.setEgo = (actor, hops = app.ui.hops) => {
    const { ui } = app;
    const was = ui.ego;
    ui.ego = actor >= 0 && app.frame.degrees[actor] > 0 ? actor : -1;
    ui.hops = hops === 2 ? 2 : 1;
    compute();
    if (ui.ego >= 0) {
      fitView(app);
      app.announce(text.textContent);
    } else if (was >= 0) {
      fitView(app);
      app.announce('Focus left: the whole network is shown');
    }
    app.emit('ego');
    app.requestFrame();
  };
  app.on('filter', compute);
  app.on('load', () => { app.ui.ego = -1; compute(); });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.ui.ego >= 0 && app.ui.pinned < 0 && app.ui.tie < 0
      && !e.target.closest?.('input')) app.setEgo(-1);
  });
  compute();
}
