// Keeps the datasets a person opens in this browser (IndexedDB), lists them, and restores the last one with its filters.

import { el } from './dom.js';
import { FILTER } from './state.js';
import { textFromBytes } from './pkg/entente.js';

const DB_NAME = 'entente';
const DB_VERSION = 1;
const TEXTS = 'texts';     // {name, blob}: the dataset as loaded (before 2026-12: {name, text})
const ENTRIES = 'entries'; // {name, size, savedAt, usedAt, view, builtIn}: what the list shows, and the filters

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      for (const name of [TEXTS, ENTRIES]) {
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'name' });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('another tab holds an older version of the storage'));
  });
}

/** Runs `work(texts, entries)` in one transaction; resolves with its result once it is committed. */
function transact(db, mode, work) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([TEXTS, ENTRIES], mode);
    let result;
    tx.oncomplete = () => resolve(result);
    tx.onabort = () => reject(tx.error ?? new Error('the storage refused the change'));
    Promise.resolve()
      .then(() => work(tx.objectStore(TEXTS), tx.objectStore(ENTRIES)))
      .then((r) => { result = r; }, (err) => {
        try { tx.abort(); } catch { /* already finished */ }
        reject(err);
      });
  });
}

const isEntry = (e) => e !== null && typeof e === 'object' && typeof e.name === 'string'
  && Number.isFinite(e.usedAt);
const describe = (err) => (err?.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : String(err?.message ?? err));

/** Characters of the text encoded per slice when it becomes a Blob. */
const SLICE = 1 << 18;

/** The text (or its UTF-8 bytes) as a UTF-8 Blob, encoded or copied a slice per task so that a
 *  20 MB dataset never holds the main thread (IndexedDB then stores the Blob without copying it on
 *  the page's thread; a Blob made of Blobs copies nothing). */
async function blobOf(data) {
  const parts = [];
  const bytes = typeof data !== 'string';
  for (let i = 0; i < data.length;) {
    let end = Math.min(data.length, i + (bytes ? 4 * SLICE : SLICE)); // a copy of bytes is quicker than encoding
    if (!bytes && end < data.length && (data.charCodeAt(end - 1) & 0xfc00) === 0xd800) end += 1; // a whole surrogate pair
    parts.push(new Blob([bytes ? data.subarray(i, end) : data.slice(i, end)]));
    i = end;
    if (i < data.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(parts, { type: 'application/json' });
}

/** The text of a kept dataset: a Blob read through the core's bytes front door, or a text kept by
 *  an earlier version; null if the record holds neither. */
async function textOf(kept) {
  if (typeof kept?.text === 'string') return kept.text;
  if (kept?.blob instanceof Blob) return textFromBytes(new Uint8Array(await kept.blob.arrayBuffer()));
  return null;
}

function formatSize(bytes) {
  if (!Number.isFinite(bytes)) return '';
  return bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/**
 * Installs the store; call before the first dataset loads. Every dataset that loads is kept
 * (the built-in one only by name), with its filters; "Your datasets" lists the kept ones.
 * @param {object} app the application context from main.js
 * @param {(text: string, name: string) => Promise<boolean>} loadText puts an Entente JSON text on screen (main.js)
 * @returns {{restore: (loadFrom: (url: string) => Promise<boolean>) => Promise<boolean>}}
 */
export function installStore(app, loadText) {
  let database = null;
  let restoring = null; // the name of a dataset being loaded from the store (no need to write it back)
  let told = false;     // whether the person already knows the storage is failing
  const tell = (message) => { told = true; app.showError(message); };
  const db = () => (database ??= (async () => openDatabase())());
  const section = buildSection();

  /** Keeps the entry of `name` (its filters, when it was used) and, unless null, its text:
   *  `kept` is `{blob}` or `{text}`, the record stored (`textOf` reads either). */
  function keep(name, kept) {
    const builtIn = name === app.defaultSource;
    const now = Date.now();
    return db().then((d) => transact(d, 'readwrite', async (texts, entries) => {
      const old = await request(entries.get(name));
      const entry = { name, builtIn, view: filterOf(app.state.serialise()), usedAt: now, size: old?.size, savedAt: old?.savedAt };
      if (kept !== null && !builtIn) {
        texts.put({ name, ...kept });
        Object.assign(entry, { size: kept.blob?.size ?? kept.text.length, savedAt: now });
      }
      entries.put(entry);
    }));
  }

  /** Keeps `data` (a text, or a file's UTF-8 bytes) as a Blob; where the browser refuses to
   *  store a Blob (WebKitGTK does: "Error preparing Blob/File data to be stored"), as text. */
  async function keepText(name, data) {
    const blob = await blobOf(data);
    try {
      await keep(name, { blob });
    } catch {
      await keep(name, { text: typeof data === 'string' ? data : new TextDecoder().decode(data) });
    }
  }

  // True while a kept dataset is loading and its view is not yet applied.
  let settling = false;
  // Storing follows the first picture (main.js `later`); a filter change meanwhile is kept after it
  // (the entry may already have been written with the view before the change).
  let storing = false, changedMeanwhile = false;
  // A dataset that cannot be kept is always said; lost filters or last-used marks only once.
  const copies = new Set(); // edited copies whose text this page has kept once: the edits' store (edit-store.js) keeps the rest
  app.on('load', ({ text, bytes, name, edit }) => {
    const lazy = typeof text === 'function';
    const kept = name === restoring || name === app.defaultSource || (edit && lazy && copies.has(name)) ? null
      : lazy ? (copies.add(name), text) : text ?? bytes;
    storing = true;
    changedMeanwhile = false;
    app.later(`store ${name}`, async () => {
      try {
        const whole = typeof kept === 'function' ? kept() : kept;
        await (whole === null ? keep(name, null) : keepText(name, whole));
        performance.mark('entente:stored');
        refresh();
      } catch (err) {
        if (kept !== null) {
          tell(`Could not keep “${name}” in this browser (${describe(err)}). It stays on screen, but will not come back after a reload.`);
        }
      } finally {
        storing = false;
        if (changedMeanwhile) keepView();
      }
    });
  });
  function keepView() {
    changedMeanwhile = false;
    keep(app.source, null).catch((err) => {
      if (!told) tell(`Could not keep the filters in this browser (${describe(err)}); the view on screen is unchanged.`);
    });
  }
  app.on('filter', () => {
    if (storing) changedMeanwhile = true;
    else keepView();
  });

  /** Loads a kept dataset by name, then its filters; returns whether it loaded. */
  async function open(name) {
    const found = await db().then((d) => transact(d, 'readonly', async (texts, entries) => (
      { text: await request(texts.get(name)), entry: await request(entries.get(name)) })));
    const text = await textOf(found.text);
    if (text === null) throw new Error(`“${name}” is no longer readable in this browser's storage`);
    restoring = name;
    settling = true;
    let ok;
    try {
      ok = await loadText(text, name);
    } finally {
      restoring = null;
    }
    try {
      if (ok) applyView(found.entry?.view);
    } finally {
      // The store is ready once the kept view is on screen, not when the dataset alone is.
      settling = false;
      await refresh();
    }
    return ok;
  }

  /** The kept filters and time mode back on screen (bad masks: everything shown; a bad mode: as of). */
  function applyView(view) {
    if (view === null || typeof view !== 'object') return;
    try {
      app.actions.restore({ ...filterOf(view), until: typeof view.until === 'string' ? view.until : null });
    } catch (err) {
      app.showError(`The filters kept for “${app.source}” could not be applied (${err.message}); showing every tie.`);
    }
  }

  /** Loads the dataset that was on screen last time (with `loadFrom` for the built-in one). */
  async function restore(loadFrom) {
    let last;
    try {
      const all = await db().then((d) => transact(d, 'readonly', (texts, entries) => request(entries.getAll())));
      last = all.filter(isEntry).reduce((a, b) => (a && a.usedAt >= b.usedAt ? a : b), null);
    } catch (err) {
      tell(`The datasets kept in this browser could not be read (${describe(err)}); starting with the built-in dataset.`);
      return false;
    }
    if (!last) return false;
    try {
      if (last.name !== app.defaultSource) return await open(last.name);
      const ok = await loadFrom(last.name);
      if (ok) applyView(last.view);
      return ok;
    } catch (err) {
      tell(`The dataset open last time could not be restored (${describe(err)}); starting with the built-in dataset.`);
      return false;
    }
  }

  async function remove(name) {
    await db().then((d) => transact(d, 'readwrite', (texts, entries) => {
      texts.delete(name);
      entries.delete(name);
    }));
  }

  /** Redraws the "Your datasets" list from the store. */
  async function refresh() {
    let entries = [];
    try {
      entries = await db().then((d) => transact(d, 'readonly', (t, e) => request(e.getAll())));
    } catch { /* the load or restore that failed has said so */ }
    const list = section.querySelector('ul');
    const kept = entries.filter((e) => isEntry(e) && !e.builtIn).sort((a, b) => b.usedAt - a.usedAt);
    list.replaceChildren(...kept.map((entry) => item(entry)));
    section.querySelector('.hint').textContent = kept.length
      ? 'Kept in this browser only.' : 'None yet. Datasets you open are kept here, in this browser only.';
    if (!settling) document.documentElement.dataset.store = 'ready';
  }

  function item(entry) {
    const li = el('li');
    if (entry.name === app.source) li.setAttribute('aria-current', 'true');
    const name = el('span', 'stored-name', entry.name);
    const when = Number.isFinite(entry.savedAt) ? new Date(entry.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
    const meta = el('span', 'stored-meta', [formatSize(entry.size), when].filter(Boolean).join(' · '));
    const load = button('Open', `Open ${entry.name}`, () => open(entry.name));
    const del = button('Delete', `Delete ${entry.name} from this browser`, () => remove(entry.name).then(refresh));
    li.append(name, meta, load, del);
    return li;
  }

  function button(label, description, action) {
    const b = el('button', { type: 'button' }, label);
    b.setAttribute('aria-label', description);
    b.addEventListener('click', () => action().catch((err) => app.showError(`${description}: ${describe(err)}`)));
    return b;
  }

  refresh();
  return { restore };
}

/** What is kept with a dataset: the filter part of a saved state (state.js `serialise`) and the
 *  time mode with its first date (a comparison or a window comes back with the dataset). */
const KEPT = Object.freeze([...FILTER, 'mode', 'since']);

function filterOf(saved) {
  return Object.fromEntries(KEPT.map((field) => [field, saved[field] ?? null]));
}

function buildSection() {
  const section = el('fieldset', { id: 'stored' }, el('legend', null, 'Your datasets'), el('p', 'hint'), el('ul'));
  document.getElementById('controls').append(section);
  return section;
}
