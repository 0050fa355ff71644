// The tie tooltip: the tie under the pointer (input.js sets it), with its kinds, tone, dates and reports; a click pins it in the panel.

import { kindChip } from './kinds.js';
import { el } from './dom.js';
import { endedRow } from './compare.js';

/** Fills the tie tooltip from a tie detail (see Entente.tieDetail). */
function fillTip(tip, d) {
  const line = el('div', 'tie-head');
  for (const k of d.kinds) line.append(kindChip(k), ' ');
  line.append(el('span', `tone tone-${d.tone}`, d.tone));
  const n = d.events.length;
  const span = n ? `${d.events[0].date} – ${d.events[n - 1].date}` : '';
  const reports = d.citations === 1 ? 'Rests on a single report' : `${d.citations} reports cited`;
  tip.replaceChildren(
    el('strong', null, `${d.sourceName} — ${d.targetName}`),
    line,
    el('p', 'tip-count', `${n} event${n === 1 ? '' : 's'}, ${span}`),
    el('p', d.citations === 1 ? 'single-source' : 'tip-count', reports),
    el('p', 'hint', 'Click for the evidence'),
  );
}

/** The tie's change in the comparison on screen: its state at A and at B, and the events between with their sources. */
function fillChange(tip, row, view) {
  const state = (tone) => tone ?? 'not active';
  const list = el('ul', 'tip-events', ...row.evidence.map((e) => el('li', null,
    `${e.date}${e.end ? `–${e.end}` : ''} ${e.kind}, ${e.tone}: ${e.summary} — ${e.sources.map((s) => `${s.outlet}, ${s.date}`).join('; ')}`)));
  tip.append(
    el('p', `tip-change change-${row.change}`, `${row.change} between ${view.a} and ${view.b}`),
    el('p', 'tip-count', `At A (${view.a}): ${state(row.toneA)}; at B (${view.b}): ${state(row.toneB)}`),
    el('p', 'tip-count', row.newEvents ? `${row.newEvents} new event${row.newEvents === 1 ? '' : 's'} between` : 'No new event between'),
    list,
  );
}

/** @returns {{follow(x: number, y: number): void}} `follow` places the tooltip by the pointer (canvas point). */
export function installTieTip(app) {
  const tip = document.getElementById('tie-tip');
  const changed = app.state.watch(['hoverTie', 'hover', 'kinds', 'tones', 'types', 'until', 'mode', 'since', 'core']);
  let at = [0, 0];
  app.on('frame', () => {
    const { ui } = app;
    if (changed()) {
      const hovered = ui.hoverTie >= 0 && ui.hover < 0 ? ui.hoverTie : -1;
      const d = hovered >= 0 ? app.core.tieDetail(hovered) : null;
      // A tie that ended by B has no detail at B: its comparison row speaks for it.
      const ended = d ? null : endedRow(app.frame, hovered);
      if (d) fillTip(tip, d);
      if (ended) tip.replaceChildren(el('strong', null, `${ended.sourceName} — ${ended.targetName}`), el('p', 'hint', 'Click for the evidence'));
      const row = (d || ended) && app.frame.compare?.view.ties.find((t) => t.tie === hovered);
      if (row) fillChange(tip, row, app.frame.compare.view);
      tip.hidden = !d && !ended;
    }
    if (tip.hidden) return;
    const [x, y] = at;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    const cw = app.stage.clientWidth, ch = app.stage.clientHeight;
    tip.style.left = `${Math.max(8, x + 16 + w > cw - 8 ? x - w - 16 : x + 16)}px`;
    tip.style.top = `${Math.max(8, Math.min(y + 12, ch - h - 8))}px`;
  });
  return { follow(x, y) { at = [x, y]; } };
}
