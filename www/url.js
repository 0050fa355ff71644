// The view in the address: filters (with the source datasets hidden), time (mode and dates), focus, layout, selection and dataset; opening the link (or going back) restores them.

import { FILTER_LISTS, allBits } from './kinds.js';

/** Bits of `list` as a comma-separated list of keys; null when every bit is set. */
function keysOf(bits, list) {
  return bits === allBits(list) ? null : list.filter((row) => bits & row.bit).map((row) => row.key).join(',') || 'none';
}

/** A comma-separated list of keys as bits of `list` (unknown keys ignored); every bit when absent. */
function bitsOf(text, list) {
  if (text === null) return allBits(list);
  const keys = text.split(',');
  return list.filter((row) => keys.includes(row.key)).reduce((bits, row) => bits | row.bit, 0);
}

/** The query string for a saved state (state.js `serialise`), keys in a fixed order. */
export function queryOf(saved, dataParam) {
  const q = new URLSearchParams();
  if (dataParam) q.set('data', dataParam);
  if (saved.story) { q.set('story', saved.story); return q.toString(); } // the step holds the rest of the view
  for (const [field, list] of Object.entries(FILTER_LISTS)) {
    const keys = keysOf(saved[field], list);
    if (keys) q.set(field, keys);
  }
  if (saved.until) q.set('until', saved.until);
  for (const name of saved.hiddenSources ?? []) q.append('hide', name);
  if (saved.mode && saved.mode !== 'asof' && saved.since) { q.set('mode', saved.mode); q.set('since', saved.since); }
  if (saved.layout) q.set('layout', saved.layout);
  if (saved.focus) { q.set('focus', saved.focus); q.set('hops', String(saved.hops)); }
  if (saved.actor) q.set('actor', saved.actor);
  else if (saved.tie) q.set('tie', saved.tie.join('~'));
  return q.toString();
}

/** The saved state a query string stands for: filters (every one when left out), focus and
 *  selection; the layout only when it is named. */
export function savedOf(search) {
  const q = new URLSearchParams(search);
  const until = q.get('until');
  const saved = Object.fromEntries(Object.entries(FILTER_LISTS).map(([field, list]) => [field, bitsOf(q.get(field), list)]));
  saved.until = until && /^\d{4}(-\d{2}){0,2}$/.test(until) ? until : null;
  const since = q.get('since');
  saved.since = since && /^\d{4}(-\d{2}){0,2}$/.test(since) ? since : null;
  saved.hiddenSources = q.getAll('hide');
  saved.mode = ['between', 'compare'].includes(q.get('mode')) && saved.since && saved.until ? q.get('mode') : 'asof';
  if (q.get('layout')) saved.layout = q.get('layout');
  saved.focus = q.get('focus');
  saved.hops = q.get('hops') === '2' ? 2 : 1;
  saved.actor = q.get('actor');
  const tie = (q.get('tie') ?? '').split('~');
  saved.tie = tie.length === 2 ? tie : null;
  saved.story = q.get('story');
  return saved;
}

/** Applies the state in query string `search` (what cannot be applied is a message). */
function applyQuery(app, search) {
  try {
    app.actions.restore(savedOf(search));
  } catch (err) {
    app.showError(`The link's view could not be fully applied: ${err.message}`);
  }
}

export function installUrl(app) {
  let dataParam = new URLSearchParams(location.search).get('data');
  const changed = app.state.watch(['kinds', 'tones', 'types', 'until', 'hiddenSources', 'mode', 'since', 'layout', 'ego', 'hops', 'pinned', 'tie', 'core', 'story']);
  const selected = app.state.watch(['pinned', 'tie', 'ego', 'story']);
  let quiet = true; // the change came from the address itself: replace the entry, push none
  app.on('load', ({ name } = {}) => { if (name !== dataParam) dataParam = null; });
  // The link is applied at the first frame, once the canvas has its size (focus fits to it).
  let applied = false;
  app.on('frame', () => {
    if (!applied) {
      applied = true;
      // A bare address keeps the view restored from the browser's storage (store.js).
      if (location.search) applyQuery(app, location.search);
    }
    if (!changed()) return;
    const query = queryOf(app.state.serialise(), dataParam);
    const newSelection = selected();
    if (`?${query}` === location.search || (!query && !location.search)) {
      quiet = false;
      return;
    }
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    // A new selection is a step back can undo; filters and time replace the current entry.
    if (newSelection && !quiet) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    quiet = false;
  });
  window.addEventListener('popstate', () => {
    quiet = true;
    applyQuery(app, location.search);
  });
}
