// window.entente: a small documented API for embedding and automation (see README, "JavaScript API").

import { KINDS } from './kinds.js';
import { toScreen } from './geometry.js';
import { svgText, caption } from './export.js';

const idsOfTie = (frame, k) => [frame.actors[frame.edges[2 * k]].id, frame.actors[frame.edges[2 * k + 1]].id];

/** @param {object} app the application context from main.js */
export function installApi(app) {
  const api = {
    /** Visible actors with their position in CSS pixels from the canvas' top-left corner. */
    nodes() {
      const f = app.frame;
      const out = [];
      for (let i = 0; i < f.actors.length; i++) {
        if (f.degrees[i] === 0) continue;
        const a = f.actors[i];
        const [x, y] = toScreen(app.view, f.positions[2 * i], f.positions[2 * i + 1]);
        out.push({ id: a.id, name: a.name, type: a.type, ties: f.degrees[i], x, y });
      }
      return out;
    },
    /** The ties of actor `id` as the tooltip shows them (respecting the filter); [] if unknown. */
    ties(id) {
      const i = app.core.indexOf(String(id));
      return i < 0 ? [] : app.core.tiesOf(i);
    },
    /** Visible ties as [{source, target, kinds}] with actor ids. */
    edges() {
      const f = app.frame;
      return Array.from(f.ties, (_, k) => {
        const [source, target] = idsOfTie(f, k);
        return { source, target, kinds: KINDS.filter((kd) => f.kinds[k] & kd.bit).map((kd) => kd.key) };
      });
    },
    /** Shows only the kinds set to true; kinds left out keep their current state. */
    setFilter(filter = {}) {
      let bits = app.ui.kinds;
      for (const kind of KINDS) {
        if (filter[kind.key] === true) bits |= kind.bit;
        else if (filter[kind.key] === false) bits &= ~kind.bit;
      }
      app.actions.setFilter({ kinds: bits });
      return api.filter();
    },
    /** The current filter as {defense, diplomatic, economic, conflict} booleans. */
    filter() {
      const bits = app.ui.kinds;
      return Object.fromEntries(KINDS.map((k) => [k.key, Boolean(bits & k.bit)]));
    },
    /** The current layout, {layout: 'force' | 'radial' | 'map', centre: actor id}. */
    layout() {
      return { layout: app.ui.layout, centre: app.ui.centre };
    },
    /** Switches layout (eased), optionally around actor `centre` for 'radial'; returns layout(). */
    setLayout(layout, centre) {
      app.actions.setLayout(layout, centre);
      return api.layout();
    },
    /** Label boxes drawn in the last frame: [{id, text, x, y, w, h}] in CSS pixels of the canvas. */
    labels: () => (app.drawn?.labels ?? []).map((b) => ({ id: app.frame.actors[b.i].id, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h })),
    /** A diagnostic of what is selected and shown (its fields may change): pinned actor or tie,
     *  focus, filters, time, view, layout. */
    state: () => {
      const { ui, frame, view } = app;
      const k = ui.tie >= 0 ? Array.prototype.indexOf.call(frame.ties, ui.tie) : -1;
      return {
        actor: ui.pinned >= 0 ? frame.actors[ui.pinned].id : null,
        tie: k >= 0 ? idsOfTie(frame, k) : null,
        hoverTie: ui.hoverTie,
        focus: ui.ego >= 0 ? frame.actors[ui.ego].id : null,
        hops: ui.hops,
        faded: frame.egoHops ? frame.actors.filter((_, i) => frame.degrees[i] > 0 && frame.egoHops[i] === 255).map((a) => a.id) : [],
        kinds: ui.kinds, tones: ui.tones, types: ui.types, until: ui.until,
        layoutStatus: ui.layoutStatus,
        view: { scale: view.scale, tx: view.tx, ty: view.ty, manual: view.manual, textured: Boolean(app.drawn?.textured), layer: app.drawn?.layer ?? null },
      };
    },
    /** Events per year by kind under the current filter, as the chart draws them. */
    eventsPerYear: () => app.core.eventsPerYear(),
    /** For each visible tie [{source, target, single}]: whether it rests on a single report. */
    singleSourced: () => Array.from(app.frame.single ?? app.core.singleSourced(), (s, k) => {
      const [source, target] = idsOfTie(app.frame, k);
      return { source, target, single: s === 1 };
    }),
    /** The SVG export of the current view, and its caption lines. */
    exportSvg: () => svgText(app),
    caption: () => caption(app),
  };
  window.entente = Object.freeze(api);
  document.documentElement.dataset.ready = 'true';
}
