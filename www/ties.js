// Ties under the pointer: hovering a tie shows it in a small tooltip; clicking or tapping it pins it in the evidence panel.

import { hitActor, hitTie } from './hits.js';
import { KINDS } from './kinds.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills the tie tooltip from a tie detail (see Entente.tieDetail). */
function fillTip(tip, d) {
  tip.replaceChildren();
  tip.append(el('strong', null, `${d.sourceName} — ${d.targetName}`));
  const line = el('div', 'tie-head');
  for (const k of d.kinds) line.append(el('span', `chip kind-${k}`, KINDS.find((x) => x.key === k)?.label ?? k), ' ');
  line.append(el('span', `tone tone-${d.tone}`, d.tone));
  tip.append(line);
  const n = d.events.length;
  const span = n ? `${d.events[0].date} – ${d.events[n - 1].date}` : '';
  tip.append(el('p', 'tip-count', `${n} event${n === 1 ? '' : 's'}, ${span}`));
  const reports = d.citations === 1 ? 'Rests on a single report' : `${d.citations} reports cited`;
  tip.append(el('p', d.citations === 1 ? 'single-source' : 'tip-count', reports));
  tip.append(el('p', 'hint', 'Click for the evidence'));
}

export function installTies(app) {
  const { canvas } = app;
  const tip = document.getElementById('tie-tip');
  const local = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const setHoverTie = (t) => {
    if (t !== app.ui.hoverTie) {
      app.ui.hoverTie = t;
      app.requestFrame();
    }
  };
  canvas.addEventListener('pointermove', (e) => {
    if (e.buttons) return;
    const [x, y] = local(e);
    const onActor = app.ui.hover >= 0 || hitActor(app, x, y, e.pointerType) >= 0;
    setHoverTie(onActor ? -1 : hitTie(app, x, y, e.pointerType));
    if (app.ui.hoverTie >= 0) canvas.style.cursor = 'pointer';
    tip.dataset.x = String(x);
    tip.dataset.y = String(y);
  });
  canvas.addEventListener('pointerleave', () => setHoverTie(-1));
  canvas.addEventListener('click', (e) => {
    // main.js has already pinned the actor under a mouse pointer (or unpinned on empty canvas).
    const [x, y] = local(e);
    const type = e.pointerType || (e.detail === 0 ? 'keyboard' : 'mouse');
    if (app.ui.pinned < 0) {
      const near = type === 'touch' ? hitActor(app, x, y, 'touch') : -1;
      if (near >= 0) {
        app.select({ actor: near });
        return;
      }
      const t = hitTie(app, x, y, type);
      app.select(t >= 0 && t !== app.ui.tie ? { tie: t } : {});
    } else {
      app.select({ actor: app.ui.pinned });
    }
  });
  app.on('frame', () => {
    const t = app.ui.hoverTie;
    if (t < 0 || app.ui.hover >= 0) {
      tip.hidden = true;
      tip.dataset.tie = '';
      return;
    }
    if (tip.dataset.tie !== String(t) || tip.dataset.key !== app.filterKey()) {
      const d = app.core.tieDetail(t);
      if (!d) { tip.hidden = true; return; }
      fillTip(tip, d);
      tip.dataset.tie = String(t);
      tip.dataset.key = app.filterKey();
      tip.hidden = false;
    }
    const x = Number(tip.dataset.x), y = Number(tip.dataset.y);
    const w = tip.offsetWidth, h = tip.offsetHeight;
    const cw = app.stage.clientWidth, ch = app.stage.clientHeight;
    tip.style.left = `${Math.max(8, x + 16 + w > cw - 8 ? x - w - 16 : x + 16)}px`;
    tip.style.top = `${Math.max(8, Math.min(y + 12, ch - h - 8))}px`;
  });
}
