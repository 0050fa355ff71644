// The evidence tooltip: an actor's ties, their kinds and tone, and each dated event with its sources.
// Every string from the dataset goes in as text, never as HTML.

import { KINDS } from './kinds.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function formatFigure(f) {
  const n = Math.abs(f.value) >= 1e9 ? `${f.value / 1e9} billion`
    : Math.abs(f.value) >= 1e6 ? `${f.value / 1e6} million` : `${f.value}`;
  return `${n} ${f.unit}${f.what ? ` (${f.what})` : ''}`;
}

export function eventItem(ev) {
  const li = el('li', 'event');
  const head = el('div', 'event-head');
  head.append(el('time', 'date', ev.date));
  const kind = KINDS.find((k) => k.key === ev.kind);
  const chip = el('span', `chip kind-${ev.kind}`, kind ? kind.label : ev.kind);
  head.append(' ', chip, ' ', el('span', `tone tone-${ev.tone}`, ev.tone));
  li.append(head, el('p', 'summary', ev.summary));
  if (ev.figures?.length) li.append(el('p', 'figures', ev.figures.map(formatFigure).join('; ')));
  if (ev.people?.length) li.append(el('p', 'people', `People: ${ev.people.join(', ')}`));
  const cites = ev.sources.map((s) => `${s.outlet}, ${s.date}`).join('; ');
  li.append(el('p', 'sources', `Source: ${cites}`));
  return li;
}

/**
 * Fills `box` with the ties of `actor`.
 * @param {HTMLElement} box
 * @param {{name: string, type: string}} actor
 * @param {Array} ties as returned by Entente.tiesOf
 * @param {boolean} pinned whether the panel stays open (shows a close button)
 */
export function fillTooltip(box, actor, ties, pinned) {
  box.replaceChildren();
  box.classList.toggle('pinned', pinned);
  const head = el('div', 'tip-head');
  head.append(el('h2', null, actor.name), el('span', 'actor-type', actor.type.replace('-', ' ')));
  if (pinned) {
    const close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.dataset.action = 'unpin';
    head.append(close);
  }
  box.append(head);
  const count = ties.length === 1 ? '1 tie shown' : `${ties.length} ties shown`;
  box.append(el('p', 'tip-count', count + (pinned ? '' : ' — click to keep this open')));
  const list = el('ul', 'ties');
  for (const tie of ties) {
    const li = el('li', 'tie');
    const title = el('div', 'tie-head');
    title.append(el('strong', 'partner', tie.partnerName));
    for (const k of tie.kinds) {
      const kind = KINDS.find((kd) => kd.key === k);
      title.append(' ', el('span', `chip kind-${k}`, kind ? kind.label : k));
    }
    title.append(' ', el('span', `tone tone-${tie.tone}`, tie.tone));
    const events = el('ul', 'events');
    for (const ev of tie.events) events.append(eventItem(ev));
    li.append(title, events);
    list.append(li);
  }
  box.append(list);
}

/** Places `box` next to the point (x, y) in its container, inside the container's bounds. */
export function placeTooltip(box, x, y, container) {
  const cw = container.clientWidth, ch = container.clientHeight;
  const bw = box.offsetWidth, bh = box.offsetHeight;
  let left = x + 16, top = y + 12;
  if (left + bw > cw - 8) left = Math.max(8, x - bw - 16);
  if (top + bh > ch - 8) top = Math.max(8, ch - bh - 8);
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
}
