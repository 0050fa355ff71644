// The view in the address: filters, time, focus, layout, selection and dataset; opening the link (or going back) restores them.

import { KINDS, ACTOR_TYPES } from './kinds.js';

const TONE_KEYS = ['cooperative', 'strained', 'hostile'];
const TYPE_KEYS = ACTOR_TYPES.map((t) => t.key);
const KIND_KEYS = KINDS.map((k) => k.key);

function listOf(bits, keys, all) {
  return bits === all ? null : keys.filter((_, i) => bits & (1 << i)).join(',') || 'none';
}

function bitsOf(text, keys, all) {
  if (text === null) return all;
  return text.split(',').reduce((b, k) => (keys.includes(k) ? b | (1 << keys.indexOf(k)) : b), 0);
}

/** The query string for the state of `app`, keys in a fixed order. */
export function queryOf(app, dataParam) {
  const { ui, frame } = app;
  const q = new URLSearchParams();
  if (dataParam) q.set('data', dataParam);
  const kinds = listOf(ui.kinds, KIND_KEYS, 0b1111);
  if (kinds) q.set('kinds', kinds);
  const tones = listOf(ui.tones, TONE_KEYS, 0b111);
  if (tones) q.set('tones', tones);
  const types = listOf(ui.types, TYPE_KEYS, 0b111);
  if (types) q.set('types', types);
  if (ui.until) q.set('until', ui.until);
  if (ui.layout) q.set('layout', ui.layout);
  if (ui.ego >= 0) { q.set('focus', frame.actors[ui.ego].id); q.set('hops', String(ui.hops)); }
  if (ui.pinned >= 0) q.set('actor', frame.actors[ui.pinned].id);
  else if (ui.tie >= 0) {
    const k = Array.prototype.indexOf.call(frame.ties, ui.tie);
    if (k >= 0) q.set('tie', `${frame.actors[frame.edges[2 * k]].id}~${frame.actors[frame.edges[2 * k + 1]].id}`);
  }
  return q.toString();
}

/** Applies the state in query string `search` to `app` (unknown values are ignored). */
export function applyQuery(app, search) {
  const q = new URLSearchParams(search);
  const until = q.get('until');
  const change = {
    kinds: bitsOf(q.get('kinds'), KIND_KEYS, 0b1111),
    tones: bitsOf(q.get('tones'), TONE_KEYS, 0b111),
    types: bitsOf(q.get('types'), TYPE_KEYS, 0b111),
    until: until && /^\d{4}(-\d{2}){0,2}$/.test(until) ? until : null,
  };
  const { ui } = app;
  if (change.kinds !== ui.kinds || change.tones !== ui.tones || change.types !== ui.types || change.until !== ui.until) {
    try {
      app.setFilter(change);
    } catch (err) {
      app.showError(`The link's filter could not be applied: ${err.message}`);
    }
  }
  const layout = q.get('layout');
  if (layout && layout !== ui.layout) {
    if (typeof app.setLayout === 'function') app.setLayout(layout);
    else ui.layout = layout;
  }
  const focus = app.core.indexOf(q.get('focus') ?? '');
  const hops = q.get('hops') === '2' ? 2 : 1;
  if (focus !== ui.ego || (focus >= 0 && hops !== ui.hops)) app.setEgo(focus, hops);
  const actor = app.core.indexOf(q.get('actor') ?? '');
  const [a, b] = (q.get('tie') ?? '').split('~').map((id) => app.core.indexOf(id));
  let tie = -1;
  if (actor < 0 && a >= 0 && b >= 0) {
    const e = app.frame.edges;
    for (let k = 0; k < e.length; k += 2) {
      if ((e[k] === a && e[k + 1] === b) || (e[k] === b && e[k + 1] === a)) tie = app.frame.ties[k / 2];
    }
  }
  app.select(actor >= 0 ? { actor } : tie >= 0 ? { tie } : {}, { history: false, centre: actor >= 0 });
}

export function installUrl(app) {
  let dataParam = new URLSearchParams(location.search).get('data');
  let lastSelection = null;
  const selection = () => `${app.ui.pinned}:${app.ui.tie}:${app.ui.ego}`;
  app.on('load', ({ name } = {}) => { if (name !== dataParam) dataParam = null; });
  // The link is applied at the first frame, once the canvas has its size (focus fits to it).
  let applied = false;
  app.on('frame', () => {
    if (!applied) {
      applied = true;
      // A bare address keeps the view restored from the browser's storage (store.js).
      if (location.search) applyQuery(app, location.search);
      lastSelection = selection();
      return;
    }
    const query = queryOf(app, dataParam);
    if (`?${query}` === location.search || (!query && !location.search)) return;
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    const sel = selection();
    // A new selection is a step back can undo; filters and time replace the current entry.
    if (sel !== lastSelection && app.ui.historyPush !== false) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastSelection = sel;
    app.ui.historyPush = true;
  });
  window.addEventListener('popstate', () => {
    app.ui.historyPush = false;
    applyQuery(app, location.search);
    lastSelection = selection();
  });
}
