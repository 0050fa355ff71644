// window.entente: a small documented API for embedding and automation (see README, "JavaScript API").

import { KINDS } from './kinds.js';
import { toScreen } from './geometry.js';
import { svgText, caption } from './export.js';
import { storyInfo, goToStep } from './story.js';
import { endedRow } from './compare.js';

const idsOfTie = (frame, k) => [frame.actors[frame.edges[2 * k]].id, frame.actors[frame.edges[2 * k + 1]].id];

/** @param {object} app the application context from main.js @param {{edit?: object}} [extra] the edit API (edit.js) */
export function installApi(app, extra = {}) {
  const api = {
    /** Visible actors with their position in CSS pixels from the canvas' top-left corner and the
     *  radius `r` of their disc there. */
    nodes() {
      const f = app.frame;
      const out = [];
      for (let i = 0; i < f.actors.length; i++) {
        if (f.degrees[i] === 0) continue;
        const a = f.actors[i];
        const [x, y] = toScreen(app.view, f.positions[2 * i], f.positions[2 * i + 1]);
        out.push({ id: a.id, name: a.name, type: a.type, ties: f.degrees[i], x, y, r: Math.max(3, f.radii[i] * app.view.scale) });
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
    /** Label boxes drawn in the last frame: [{id, text, x, y, w, h}] in CSS pixels of the canvas; a
     *  label moved away from its actor also has `leader: {x, y}`, the leader line's end at the actor. */
    labels: () => (app.drawn?.labels ?? []).map((b) => {
      const out = { id: app.frame.actors[b.i].id, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h };
      if (b.leader) out.leader = { x: b.leader[2], y: b.leader[3] };
      return out;
    }),
    /** A diagnostic of what is selected and shown (its fields may change): pinned actor or tie,
     *  focus, filters, time, view, layout (and whether a move to another one is under way). */
    state: () => {
      const { ui, frame, view } = app;
      const k = ui.tie >= 0 ? Array.prototype.indexOf.call(frame.ties, ui.tie) : -1;
      return {
        actor: ui.pinned >= 0 ? frame.actors[ui.pinned].id : null,
        tie: k >= 0 ? idsOfTie(frame, k) : ((r) => (r ? [r.source, r.target] : null))(endedRow(frame, ui.tie)),
        hoverTie: ui.hoverTie,
        focus: ui.ego >= 0 ? frame.actors[ui.ego].id : null,
        hops: ui.hops,
        faded: frame.egoHops ? frame.actors.filter((_, i) => frame.degrees[i] > 0 && frame.egoHops[i] === 255).map((a) => a.id) : [],
        kinds: ui.kinds, tones: ui.tones, types: ui.types, until: ui.until, mode: ui.mode, since: ui.since,
        layoutStatus: ui.layoutStatus, switching: app.switching(),
        view: { scale: view.scale, tx: view.tx, ty: view.ty, manual: view.manual, textured: Boolean(app.drawn?.textured), layer: app.drawn?.layer ?? null,
          stale: Boolean(app.drawn?.stale), pendingLabels: Boolean(app.drawn?.pendingLabels), painter: app.painter(), backend: app.drawn?.backend ?? null },
      };
    },
    /** Events per year by kind under the current filter, as the chart draws them. */
    eventsPerYear: () => app.core.eventsPerYear(),
    /** For each visible tie [{source, target, single}]: whether it rests on a single report. */
    singleSourced: () => Array.from(app.frame.single ?? app.core.singleSourced(), (s, k) => {
      const [source, target] = idsOfTie(app.frame, k);
      return { source, target, single: s === 1 };
    }),
    /** Ties active at date `a` or `b` classified (appeared, ended, warmed, cooled, intensified,
     *  unchanged) with their evidence, under the current kind, tone and type filters; see README. */
    compare: (a, b) => app.core.compare(String(a), String(b)),
    /** Sets the time: `{mode: 'asof' | 'between' | 'compare', a, b}` (as of: `b`, or null for every
     *  date); returns the time now, `{mode, a, b}`. */
    setTime(time = {}) {
      const mode = time.mode ?? 'asof';
      app.actions.setTime(mode === 'asof' ? (time.b ?? null) : { mode, a: time.a, b: time.b });
      return api.time();
    },
    /** The time shown: `{mode, a, b}` (a: null as of a date). */
    time: () => ({ mode: app.ui.mode, a: app.ui.since, b: app.ui.until }),
    /** The comparison on screen (compare mode), as `compare` returns it; null in other modes. */
    comparison: () => app.frame.compare?.view ?? null,
    /** The SVG export of the current view, and its caption lines. */
    /** The story: {title, steps: [{id, title}], step (id or null), index}, or null without one. */
    story: () => storyInfo(app),
    /** Shows story step `which` (id or index from 0); returns story(). Each step shown also fires
     *  an `entente:step` event on window with detail {id, index, count}. */
    goToStep: (which) => goToStep(app, which),
    exportSvg: () => svgText(app),
    caption: () => caption(app),
    /** Editing with undo (edit.js, README "Editing"): addActor, updateActor, … each resolving to the result or the located refusal. */
    edit: extra.edit ?? null,
  };
  window.entente = Object.freeze(api);
  document.documentElement.dataset.ready = 'true';
}
