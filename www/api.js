// window.entente: a small documented API for embedding and automation (see README, "JavaScript API").

import { KINDS } from './kinds.js';

/** @param {object} app the application context from main.js */
export function installApi(app) {
  const api = {
    /** Visible actors with their position in CSS pixels from the canvas' top-left corner. */
    nodes() {
      const f = app.frame, v = app.view;
      const out = [];
      for (let i = 0; i < f.actors.length; i++) {
        if (f.degrees[i] === 0) continue;
        const a = f.actors[i];
        out.push({
          id: a.id, name: a.name, type: a.type, ties: f.degrees[i],
          x: f.positions[2 * i] * v.scale + v.tx,
          y: f.positions[2 * i + 1] * v.scale + v.ty,
        });
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
      const out = [];
      for (let k = 0; k < f.ties.length; k++) {
        out.push({
          source: f.actors[f.edges[2 * k]].id,
          target: f.actors[f.edges[2 * k + 1]].id,
          kinds: KINDS.filter((kd) => f.kinds[k] & kd.bit).map((kd) => kd.key),
        });
      }
      return out;
    },
    /** Shows only the kinds set to true; kinds left out keep their current state. */
    setFilter(filter = {}) {
      let bits = app.ui.kinds;
      for (const kind of KINDS) {
        if (filter[kind.key] === true) bits |= kind.bit;
        else if (filter[kind.key] === false) bits &= ~kind.bit;
      }
      app.setFilter({ kinds: bits });
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
      app.setLayout(layout, centre);
      return api.layout();
    },
  };
  window.entente = Object.freeze(api);
  document.documentElement.dataset.ready = 'true';
}
