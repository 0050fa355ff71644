// The evidence tooltip of the hovered actor: its ties, their kinds and tone, and each dated event with its sources.
// Every string from the dataset goes in as text, never as HTML.

import { kindChip } from './kinds.js';
import { el } from './dom.js';
import { toScreen } from './geometry.js';

function formatFigure(f) {
  const n = Math.abs(f.value) >= 1e9 ? `${f.value / 1e9} billion`
    : Math.abs(f.value) >= 1e6 ? `${f.value / 1e6} million` : `${f.value}`;
  return `${n} ${f.unit}${f.what ? ` (${f.what})` : ''}`;
}

/** Only an http or https address becomes a link (the core refuses any other; this is a second lock). */
const WEB = /^https?:\/\/[^/\s]/i;

/** A source as the panel cites it: its outlet and date (and title), a link to the item when it has an address, its quote. */
function citation(s) {
  const text = `${s.outlet}, ${s.date}${s.title ? `: ${s.title}` : ''}`;
  if (!s.url || !WEB.test(s.url)) return [text];
  const a = el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', className: 'source-link' }, text);
  a.setAttribute('aria-label', `${text} (opens in a new tab)`);
  return [a];
}

/**
 * One event as a list item. With `links` (the evidence panel) each source with an address is a link
 * opening in a new tab, and a source's title and quote are shown; the tooltip cites outlet and date only.
 */
export function eventItem(ev, links = false) {
  const head = el('div', 'event-head', el('time', 'date', ev.date), ' ', kindChip(ev.kind), ' ', el('span', `tone tone-${ev.tone}`, ev.tone));
  if (ev.assessment) head.append(' ', el('span', 'assessment', 'assessment'));
  const li = el('li', ev.assessment ? 'event is-assessment' : 'event', head, el('p', 'summary', ev.summary));
  if (ev.figures?.length) li.append(el('p', 'figures', ev.figures.map(formatFigure).join('; ')));
  if (ev.people?.length) li.append(el('p', 'people', `People: ${ev.people.join(', ')}`));
  if (!links) {
    const cites = ev.sources.map((s) => `${s.outlet}, ${s.date}`).join('; ');
    li.append(el('p', 'sources', `Source: ${cites}`));
    return li;
  }
  const cites = el('p', 'sources', 'Source: ');
  ev.sources.forEach((s, k) => cites.append(...(k ? ['; '] : []), ...citation(s)));
  li.append(cites);
  for (const s of ev.sources) if (s.quote) li.append(el('blockquote', 'quote', el('q', null, s.quote), ` — ${s.outlet}`));
  return li;
}

/**
 * Fills `box` with the ties of `actor`.
 * @param {HTMLElement} box
 * @param {{name: string, type: string}} actor
 * @param {Array} ties as returned by Entente.tiesOf
 */
function fillTooltip(box, actor, ties) {
  const count = ties.length === 1 ? '1 tie shown' : `${ties.length} ties shown`;
  const list = el('ul', 'ties', ...ties.map((tie) => {
    const title = el('div', 'tie-head', el('strong', 'partner', tie.partnerName));
    for (const k of tie.kinds) title.append(' ', kindChip(k));
    title.append(' ', el('span', `tone tone-${tie.tone}`, tie.tone));
    return el('li', 'tie', title, el('ul', 'events', ...tie.events.map(eventItem)));
  }));
  box.replaceChildren(
    el('div', 'tip-head', el('h2', null, actor.name), el('span', 'actor-type', actor.type.replace('-', ' '))),
    el('p', 'tip-count', `${count} — click to keep this open`),
    list,
  );
}

/** Places `box` next to the point (x, y) in its container, inside the container's bounds. */
function placeTooltip(box, x, y, container) {
  const cw = container.clientWidth, ch = container.clientHeight;
  const bw = box.offsetWidth, bh = box.offsetHeight;
  let left = x + 16, top = y + 12;
  if (left + bw > cw - 8) left = Math.max(8, x - bw - 16);
  if (top + bh > ch - 8) top = Math.max(8, ch - bh - 8);
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
}

/** The tooltip follows the hovered actor; a pinned actor's evidence is in the side panel (panel.js). */
export function installTooltip(app) {
  const tooltip = document.getElementById('tooltip');
  const changed = app.state.watch(['hover', 'pinned', 'kinds', 'tones', 'types', 'until', 'core']);
  app.on('frame', () => {
    const { ui, frame, view } = app;
    const focus = ui.hover !== ui.pinned ? ui.hover : -1;
    if (changed()) {
      if (focus >= 0) {
        fillTooltip(tooltip, frame.actors[focus], app.core.tiesOf(focus));
        tooltip.scrollTop = 0;
      }
      tooltip.hidden = focus < 0;
      tooltip.dataset.actor = focus >= 0 ? frame.actors[focus].id : '';
    }
    if (focus < 0) return;
    const [x, y] = toScreen(view, frame.positions[2 * focus], frame.positions[2 * focus + 1]);
    placeTooltip(tooltip, x + frame.radii[focus] * view.scale, y, app.stage);
  });
}
