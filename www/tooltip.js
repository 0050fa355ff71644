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
  const head = el('div', 'event-head', el('time', 'date', ev.end ? `${ev.date} – ${ev.end}` : ev.date), ' ', kindChip(ev.kind), ' ', el('span', `tone tone-${ev.tone}`, ev.tone));
  if (ev.assessment) head.append(' ', el('span', 'assessment', 'assessment'));
  if (ev.added) head.append(' ', el('span', 'added', `added by hand ${ev.added}`));
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

/** Places `box` next to the point (x, y) in the picture, inside its bounds, by the sizes in
 *  `seen` (the picture's from the view, the tooltip's last size from its ResizeObserver: never read from the layout,
 *  which forces the browser to lay out a large document at once, 13–26 ms at 50,000 actors). */
function placeTooltip(box, x, y, seen) {
  const { cw, ch } = seen;
  // Until its observer has reported a new tooltip's size, it is placed as if it were as large as
  // its style lets it be (26rem or 90 % wide, 70 % high): it never reaches past the picture, where
  // it would give the page scroll bars, resize the picture and set its observers off in a loop.
  const bw = seen.bw || Math.min(26 * seen.rem, 0.9 * cw);
  const bh = seen.bh || 0.7 * ch;
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
  // The sizes the tooltip is placed by. A new tooltip's size is known once it is laid out: its
  // observer fires then, before the frame is painted, and places it again by the point kept in
  // `at`, so it never shows where its old size put it.
  const seen = { cw: 0, ch: 0, bw: 0, bh: 0, rem: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16 };
  let at = null;
  let before = null; // the size before new content, kept in case the observer finds it unchanged
  // Only the tooltip is observed: the picture's size is the view's (main.js' observer of the
  // canvas), and a second observer on the picture itself, shallower than the canvas, was set off
  // again by the canvas's own resize (Firefox: "ResizeObserver loop completed").
  new ResizeObserver(([entry]) => {
    const size = entry.borderBoxSize?.[0];
    seen.bw = size ? size.inlineSize : entry.contentRect.width;
    seen.bh = size ? size.blockSize : entry.contentRect.height;
    before = null;
    if (at && !tooltip.hidden) placeTooltip(tooltip, at[0], at[1], seen);
  }).observe(tooltip);
  app.on('frame', () => {
    const { ui, frame, view } = app;
    const focus = ui.hover !== ui.pinned ? ui.hover : -1;
    if (before) {
      // A frame has passed since new content and its observer said nothing: its size is the old one.
      [seen.bw, seen.bh] = before;
      before = null;
    }
    if (changed()) {
      // New content: its size is not known until it is laid out (its observer then reports it).
      before = [seen.bw, seen.bh];
      seen.bw = seen.bh = 0;
      if (focus >= 0) {
        fillTooltip(tooltip, frame.actors[focus], app.core.tiesOf(focus));
        tooltip.scrollTop = 0;
      }
      tooltip.hidden = focus < 0;
      tooltip.dataset.actor = focus >= 0 ? frame.actors[focus].id : '';
    }
    if (focus < 0) return;
    seen.cw = view.width;
    seen.ch = view.height;
    const [x, y] = toScreen(view, frame.positions[2 * focus], frame.positions[2 * focus + 1]);
    at = [x + frame.radii[focus] * view.scale, y];
    placeTooltip(tooltip, at[0], at[1], seen);
  });
}
