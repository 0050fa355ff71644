// The evidence panel: the pinned actor's ties (or the pinned tie) with every event in date order, its kind, tone, figures, people and sources.

import { kindChip } from './kinds.js';
import { el } from './dom.js';
import { eventItem } from './tooltip.js';
import { endedRow } from './compare.js';

function button(text, action, label) {
  const b = el('button', 'small', text);
  b.type = 'button';
  b.dataset.action = action;
  if (label) b.setAttribute('aria-label', label);
  return b;
}

function chips(parent, kinds) {
  for (const k of kinds) parent.append(' ', kindChip(k));
}

function singleBadge() {
  const b = el('span', 'single-source', 'single source');
  b.title = 'Every event shown on this tie cites the same single report';
  return b;
}

function eventList(events) {
  const list = el('ol', 'events');
  for (const ev of events) list.append(eventItem(ev, true));
  return list;
}

function fillActor(panel, app, i) {
  const actor = app.frame.actors[i];
  const ties = app.core.tiesOf(i);
  const single = (tie) => app.frame.single?.[Array.prototype.indexOf.call(app.frame.ties, tie)] === 1;
  const head = el('div', 'panel-head');
  head.append(el('h2', null, actor.name), el('span', 'actor-type', actor.type.replace('-', ' ')), button('×', 'close', 'Close the evidence panel'));
  panel.append(head);
  const nSingle = ties.filter((t) => single(t.tie)).length;
  panel.append(el('p', 'tip-count', `${ties.length} tie${ties.length === 1 ? '' : 's'} shown` +
    (nSingle ? `, ${nSingle} resting on a single report` : '')));
  const focus = el('div', 'panel-actions');
  focus.append(el('span', null, 'Focus on its neighbourhood:'), button('1 hop', 'ego-1'), button('2 hops', 'ego-2'));
  panel.append(focus);
  const list = el('ul', 'ties');
  for (const tie of ties) {
    const li = el('li', 'tie');
    const title = el('div', 'tie-head');
    const partner = el('button', 'link partner', tie.partnerName);
    partner.type = 'button';
    partner.dataset.action = 'actor';
    partner.dataset.id = tie.partner;
    title.append(partner);
    chips(title, tie.kinds);
    title.append(' ', el('span', `tone tone-${tie.tone}`, tie.tone));
    if (single(tie.tie)) title.append(' ', singleBadge());
    const open = button('tie', 'tie', `Show the tie ${actor.name} — ${tie.partnerName}`);
    open.dataset.tie = String(tie.tie);
    title.append(' ', open);
    li.append(title, eventList(tie.events));
    list.append(li);
  }
  panel.append(list);
}

/** A tie's heading ("A — B") with the panel's close button; `t` has `sourceName`, `targetName`. */
function tieHead(t) {
  return el('div', 'panel-head', el('h2', null, `${t.sourceName} — ${t.targetName}`), button('×', 'close', 'Close the evidence panel'));
}

/** A tie's two actors as links that pin them; `t` has `source`, `target` and their names. */
function tieActors(t) {
  const actors = el('div', 'panel-actions');
  for (const [id, name] of [[t.source, t.sourceName], [t.target, t.targetName]]) {
    const b = el('button', 'link', name);
    b.type = 'button';
    b.dataset.action = 'actor';
    b.dataset.id = id;
    actors.append(b, ' ');
  }
  return actors;
}

/** A tie that ended by B (compare mode): its two dates' states and the events that show it. */
function fillEnded(panel, row, view) {
  panel.append(tieHead(row));
  panel.append(el('p', 'tip-change change-ended', `Ended between ${view.a} and ${view.b}: ${row.toneA ?? 'not active'} at A, not active at B`));
  panel.append(tieActors(row), eventList(row.evidence));
  return true;
}

function fillTie(panel, app, t) {
  const d = app.core.tieDetail(t);
  const ended = d ? null : endedRow(app.frame, t);
  if (ended) return fillEnded(panel, ended, app.frame.compare.view);
  if (!d) return false;
  panel.append(tieHead(d));
  const line = el('div', 'tie-head');
  chips(line, d.kinds);
  line.append(' ', el('span', `tone tone-${d.tone}`, `${d.tone} (latest event shown)`));
  if (d.citations === 1) line.append(' ', singleBadge());
  panel.append(line);
  const n = d.events.length;
  panel.append(el('p', 'tip-count', `${n} event${n === 1 ? '' : 's'} from ${d.events[0].date} to ${d.events[n - 1].date}; ${d.citations} report${d.citations === 1 ? '' : 's'} cited`));
  panel.append(tieActors(d), eventList(d.events));
  return true;
}

export function installPanel(app) {
  const panel = document.getElementById('evidence');
  panel.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const action = b.dataset.action;
    const { actions } = app;
    if (action === 'close') {
      actions.select({});
      app.canvas.focus();
    } else if (action === 'actor') {
      actions.select({ actor: app.core.indexOf(b.dataset.id) }, { centre: true });
    } else if (action === 'tie') {
      actions.select({ tie: Number(b.dataset.tie) });
    } else if (action?.startsWith('ego-')) {
      actions.setFocus(app.ui.pinned, Number(action.slice(4)));
    }
  });
  const changed = app.state.watch(['pinned', 'tie', 'kinds', 'tones', 'types', 'until', 'mode', 'since', 'core']);
  app.on('frame', () => {
    if (!changed()) return;
    const { ui } = app;
    // Nothing pinned, and nothing shown: nothing to rebuild (a filter change, typically).
    if (ui.pinned < 0 && ui.tie < 0 && panel.hidden) return;
    panel.replaceChildren();
    let shown = false;
    if (ui.pinned >= 0) {
      fillActor(panel, app, ui.pinned);
      panel.dataset.actor = app.frame.actors[ui.pinned].id;
      shown = true;
    } else if (ui.tie >= 0) {
      shown = fillTie(panel, app, ui.tie);
      panel.dataset.actor = '';
    }
    panel.dataset.tie = ui.tie >= 0 ? String(ui.tie) : '';
    panel.hidden = !shown;
    if (shown) panel.scrollTop = 0;
    document.body.classList.toggle('with-evidence', shown);
  });
}
