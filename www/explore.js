// Installs the exploring features on the app context: evidence panel, tie hover, search, focus, filters, time, view, export, access, URL.

import { installView, moveView } from './view.js';
import { installTies } from './ties.js';
import { installPanel } from './panel.js';
import { installSearch } from './search.js';
import { installFilters } from './filters.js';
import { installFocus } from './focus.js';
import { installTimeline } from './timeline.js';
import { installExport, svgText, caption } from './export.js';
import { installA11y } from './a11y.js';
import { installUrl } from './url.js';

function refreshFrame(app) {
  const { ui, frame } = app;
  frame.single = app.core.singleSourced();
  if (ui.tie >= 0 && !Array.prototype.includes.call(frame.ties, ui.tie)) ui.tie = -1;
  if (ui.hoverTie >= 0 && !Array.prototype.includes.call(frame.ties, ui.hoverTie)) ui.hoverTie = -1;
  if (ui.kbd >= 0 && frame.degrees[ui.kbd] === 0) ui.kbd = -1;
}

/** Pins an actor or a tie in the evidence panel (nothing: unpins); centres a chosen actor. */
function select(app, { actor = -1, tie = -1 } = {}, { centre = false, history = true } = {}) {
  const { ui, frame } = app;
  ui.pinned = actor >= 0 && frame.degrees[actor] > 0 ? actor : -1;
  ui.tie = ui.pinned < 0 && tie >= 0 && Array.prototype.includes.call(frame.ties, tie) ? tie : -1;
  if (!history) ui.historyPush = false;
  if (ui.pinned >= 0) {
    const a = frame.actors[ui.pinned];
    app.announce(`${a.name}: evidence for ${frame.degrees[ui.pinned]} ties shown in the panel`);
    if (centre) {
      const { view } = app;
      const p = app.positions();
      moveView(app, { x: p[2 * ui.pinned], y: p[2 * ui.pinned + 1], scale: view.scale });
    }
  } else if (ui.tie >= 0) {
    const d = app.core.tieDetail(ui.tie);
    if (d) app.announce(`Tie ${d.sourceName} — ${d.targetName}: ${d.events.length} events shown in the panel`);
  }
  app.requestFrame();
}

export function installExplore(app) {
  Object.assign(app.ui, { tie: -1, hoverTie: -1, ego: -1, hops: 1, kbd: -1 });
  app.view.manual = false;
  app.select = (what, options) => select(app, what, options);
  app.filterKey = () => `${app.ui.kinds}:${app.ui.tones}:${app.ui.types}:${app.ui.until}`;
  app.announce = () => {};
  refreshFrame(app);
  app.on('filter', () => refreshFrame(app));
  app.on('load', () => {
    Object.assign(app.ui, { tie: -1, hoverTie: -1, kbd: -1 });
    app.view.manual = false;
    refreshFrame(app);
  });
  // Escape unpins whatever is pinned (main.js unpins actors; ties are ours).
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.ui.tie >= 0 && !e.target.closest?.('input')) app.select({});
  });
  installA11y(app);
  installView(app);
  installTies(app);
  installPanel(app);
  installSearch(app);
  installFocus(app);
  installFilters(app);
  installTimeline(app);
  installExport(app);
  installUrl(app);

  const api = window.entente;
  window.entente = Object.freeze({
    ...api,
    /** Label boxes drawn in the last frame: [{id, x, y, w, h}] in CSS pixels of the canvas. */
    labels: () => (app.drawn?.labels ?? []).map((b) => ({ id: app.frame.actors[b.i].id, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h })),
    /** What is selected and shown: pinned actor or tie, focus, filters, time, view. */
    state: () => {
      const { ui, frame, view } = app;
      const k = ui.tie >= 0 ? Array.prototype.indexOf.call(frame.ties, ui.tie) : -1;
      return {
        actor: ui.pinned >= 0 ? frame.actors[ui.pinned].id : null,
        tie: k >= 0 ? [frame.actors[frame.edges[2 * k]].id, frame.actors[frame.edges[2 * k + 1]].id] : null,
        hoverTie: ui.hoverTie,
        focus: ui.ego >= 0 ? frame.actors[ui.ego].id : null,
        hops: ui.hops,
        faded: frame.egoHops ? frame.actors.filter((_, i) => frame.degrees[i] > 0 && frame.egoHops[i] === 255).map((a) => a.id) : [],
        kinds: ui.kinds, tones: ui.tones, types: ui.types, until: ui.until,
        view: { scale: view.scale, tx: view.tx, ty: view.ty, manual: Boolean(view.manual), textured: Boolean(app.drawn?.textured), layer: app.drawn?.layer ?? null },
      };
    },
    /** Events per year by kind under the current filter, as the chart draws them. */
    eventsPerYear: () => app.core.eventsPerYear(),
    /** For each visible tie [{source, target, single}]: whether it rests on a single report. */
    singleSourced: () => Array.from(app.frame.single, (s, k) => ({
      source: app.frame.actors[app.frame.edges[2 * k]].id,
      target: app.frame.actors[app.frame.edges[2 * k + 1]].id,
      single: s === 1,
    })),
    /** The SVG export of the current view, and its caption lines. */
    exportSvg: () => svgText(app),
    caption: () => caption(app),
  });
}
