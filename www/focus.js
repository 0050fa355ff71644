// Focus (ego) mode's bar: who is in focus and within how many hops, 1 or 2 hops, leave; entering or leaving fits the view.

import { fitView } from './view.js';
import { el, announce } from './dom.js';

export function installFocus(app) {
  const bar = document.getElementById('ego-bar');
  const text = el('span');
  const one = el('button', { type: 'button' }, '1 hop');
  const two = el('button', { type: 'button' }, '2 hops');
  const leave = el('button', { type: 'button', id: 'leave-focus' }, 'Leave focus');
  bar.append(text, one, two, leave);
  one.addEventListener('click', () => app.actions.setFocus(app.ui.ego, 1));
  two.addEventListener('click', () => app.actions.setFocus(app.ui.ego, 2));
  leave.addEventListener('click', () => app.actions.setFocus(-1));

  /** The bar, for the neighbourhood over the ties shown now. */
  function show() {
    const { ui, frame } = app;
    bar.hidden = ui.ego < 0;
    if (ui.ego < 0) return;
    const n = frame.egoHops.filter((h, i) => h !== 255 && frame.degrees[i] > 0).length - 1;
    text.textContent = `Focus: ${frame.actors[ui.ego].name} and ${n} actor${n === 1 ? '' : 's'} within ${ui.hops} hop${ui.hops === 1 ? '' : 's'}`;
    one.setAttribute('aria-pressed', String(ui.hops === 1));
    two.setAttribute('aria-pressed', String(ui.hops === 2));
  }

  app.on('focus', ({ was }) => {
    show();
    if (app.ui.ego >= 0) {
      fitView(app);
      announce(text.textContent);
    } else if (was >= 0) {
      fitView(app);
      announce('Focus left: the whole network is shown');
    }
  });
  app.on('filter', show);
  app.on('load', show);
  show();
}
