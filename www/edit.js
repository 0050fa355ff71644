// Edit mode: the dataset being edited (the io module's DatasetEditor), each edit or undo put on screen with a warm start and saved at once; window.entente.edit.

import { el, announce } from './dom.js';
import { openEdits } from './edit-store.js';
import { installHistory, COPY } from './history.js';
import { installForms } from './edit-forms.js';


const today = () => new Date().toISOString().slice(0, 10);
const copyName = (name) => (name.endsWith(COPY) ? name : `${name.replace(/^.*\//, '')}${COPY}`);

/** Where each actor of `next` (its `actors`) starts: where it was, or a new one near its partners (else beside the others). */
function warmStart(frame, next, actors) {
  const before = new Map(frame.actors.map((a, i) => [a.id, [frame.positions[2 * i], frame.positions[2 * i + 1]]]));
  const out = new Float32Array(actors.length * 2);
  let cx = 0, cy = 0;
  for (const [x, y] of before.values()) { cx += x / before.size; cy += y / before.size; }
  actors.forEach((a, i) => {
    let p = before.get(a.id);
    if (!p) {
      const partners = next.tiesOf(i).map((t) => before.get(t.partner)).filter(Boolean);
      const [mx, my] = partners.length
        ? partners.reduce(([x, y], [px, py]) => [x + px / partners.length, y + py / partners.length], [0, 0]) : [cx, cy];
      // A small step out from the partners' middle, at an angle of its own, so two new actors do not coincide.
      const angle = i * 2.399963;
      p = [mx + 24 * Math.cos(angle), my + 24 * Math.sin(angle)];
    }
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  });
  return out;
}

// After this many patches the copy's whole text is written again and its log starts anew.
const LOG_LIMIT = 50;

/** @param {object} app the application context from main.js @returns the `window.entente.edit` API */
export function installEdit(app) {
  // Edit mode's styles follow the first picture with this module (not part of the first load).
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('edit.css', import.meta.url).href }));
  const store = openEdits();
  let editor = null;     // the DatasetEditor of the dataset on screen
  let editorCore = null; // the core it follows (app.core after its last step on screen)
  let unkept = null;     // the text the editor was made from, while the store does not hold it
  let logged = 0;        // patches kept after the store's text
  let saving = Promise.resolve();
  let unsaved = 0;       // steps asked to be kept and not kept yet
  // The editor's module holds the editor and, once something is edited, the dataset on screen
  // (its own Entente, which follows the editor's patches: the page's core module has no
  // `applyPatch`). Fetched the first time an edit needs it (a failed fetch is tried again).
  let editModule = null;
  let editMemory = null;
  const editWasm = () => {
    editModule ??= import('./pkg/entente_edit.js').then(async (m) => { editMemory = (await m.default()).memory; return m; });
    editModule.catch(() => { editModule = null; });
    return editModule;
  };
  let EditedCore = null; // the editor's module's Entente, once fetched

  /** The editor of the dataset on screen, made (with its kept history) when the dataset changed.
   *  Calls run one after another: two at once would both free the old editor (a double free that
   *  the wasm module refuses as a null pointer) and make two new ones. */
  let making = Promise.resolve();
  function ensure() {
    const next = making.then(makeEditor);
    making = next.catch(() => {});
    return next;
  }
  async function makeEditor() {
    const { DatasetEditor, Entente } = await editWasm();
    EditedCore = Entente;
    if (editor && editorCore === app.core) return editor;
    editor?.free();
    editor = null;
    const text = app.sourceText;
    const kept = await store.load(app.source).catch(() => null);
    const same = kept && kept.text === text && !kept.log.length;
    if (kept && !same && app.source.endsWith(COPY)) {
      // A kept copy opened from the datasets' store may be older than its last edit: the edits' store wins.
      editor = new DatasetEditor(kept.text, kept.history);
      editor.catchUp(`[${kept.log.join(',')}]`);
      [unkept, logged] = [null, kept.log.length];
      show('restored the last edits', 'restore', true);
      return editor;
    }
    editor = new DatasetEditor(text, same ? kept.history : null);
    editorCore = app.core;
    [unkept, logged] = [same ? null : text, 0];
    return editor;
  }

  /** Keeps the step at once: the patch after the kept text, or now and then (and first) the whole
   *  text; the indicator says saving…, saved, or why not. */
  function save(name, patch) {
    app.actions.setSaveStatus('saving');
    const history = editor.historyJson();
    let work;
    const text = unkept ?? (logged >= LOG_LIMIT ? editor.jsonCompact() : null);
    if (unkept !== null) work = () => store.saveWhole({ name, text, history, log: [patch] });
    else if (text !== null) work = () => store.saveWhole({ name, text, history });
    else work = () => store.saveStep({ name, history, patch });
    logged = unkept !== null ? 1 : logged >= LOG_LIMIT ? 0 : logged + 1;
    unkept = null;
    // "Saved" only once every step asked for is kept: a save that ends while later ones wait
    // (quick undos or redos) must not say so, or a reload then would lose the last steps.
    unsaved += 1;
    saving = saving.then(work)
      .then(() => {
        unsaved -= 1;
        if (unsaved === 0) app.actions.setSaveStatus('saved');
      }, (err) => {
        unsaved -= 1;
        // The next step writes the whole text again, so that nothing kept depends on what failed.
        unkept = editor.jsonCompact();
        logged = 0;
        app.actions.setSaveStatus('failed', err.message);
        announce(`Could not save: ${err.message}`);
      });
    return saving;
  }

  /** The editor's last step on screen as the edited copy: the handle on screen, once it is the
   *  editor's module's, follows by the editor's patch; the first edit (a handle of the core
   *  module), `whole` or a refused patch: a handle made in that module from the editor's dataset
   *  (`DatasetEditor.core()`, already checked: no text read again). */
  function show(step, kind, whole = false) {
    const name = copyName(app.source);
    // Where each actor is in the force layout (kept aside while the map or the rings are shown),
    // so that going back to it after an edit finds the picture as it was.
    const frame = { actors: app.frame.actors, positions: Float32Array.from(app.forcePositions() ?? app.positions()) };
    const patch = editor.patch();
    let next = app.core;
    try {
      if (whole || !(next instanceof EditedCore)) throw new Error('a whole dataset');
      next.applyPatch(editor.corePatch());
    } catch {
      next = editor.core();
    }
    const actors = next.actors();
    const positions = warmStart(frame, next, actors);
    // The copy's text is written only when asked for (an export, the datasets' store): reading 50,000 actors takes a while.
    const ed = editor;
    const text = () => (ed === editor ? ed.jsonCompact() : null);
    editorCore = next;
    app.actions.editDataset(next, { memory: editMemory, text, name, positions, step, kind, actors });
    if (!whole) save(name, patch);
  }

  /** Applies an op; resolves to `{ok, name, warnings}` or `{ok: false, error}` (nothing changed). */
  async function apply(op) {
    const ed = await ensure();
    const result = ed.apply(JSON.stringify(op), today());
    if (result.ok) {
      app.actions.setEditWarning(result.warnings?.length ? `${result.name}: ${result.warnings.map((w) => w.message).join(' ')}` : null);
      show(result.name, 'edit');
      announce(result.warnings?.length ? `${result.name}. Warning: ${result.warnings[0].message}` : result.name);
    } else {
      announce(`Refused: ${result.error.text}`);
    }
    return result;
  }

  async function step(kind) {
    const ed = await ensure();
    const name = kind === 'undo' ? ed.undo() : ed.redo();
    if (name === undefined || name === null) return null;
    show(name, kind);
    announce(`${kind === 'undo' ? 'Undone' : 'Redone'}: ${name}`);
    return name;
  }

  // A kept copy opened on reload (perhaps before this module came) is brought up to its last edit at once.
  app.on('load', ({ name, edit } = {}) => { if (!edit && name?.endsWith(COPY)) ensure().catch(() => {}); });
  if (app.source?.endsWith(COPY)) ensure().catch(() => {});

  const api = Object.freeze({
    addActor: (actor) => apply({ op: 'addActor', actor }),
    updateActor: (id, actor) => apply({ op: 'updateActor', id, actor }),
    removeActor: (id) => apply({ op: 'removeActor', id }),
    mergeActors: (keep, merge) => apply({ op: 'mergeActors', keep, merge }),
    addEvent: (source, target, event) => apply({ op: 'addEvent', source, target, event }),
    updateEvent: (source, target, index, event) => apply({ op: 'updateEvent', source, target, index, event }),
    removeEvent: (source, target, index) => apply({ op: 'removeEvent', source, target, index }),
    undo: () => step('undo'),
    redo: () => step('redo'),
    /** `{done: [oldest … latest], undone: [next to redo …]}`, the steps by name. */
    history: async () => (await ensure()).history(),
    /** The events of the tie of `a` and `b` in the dataset's order: the index `updateEvent` and `removeEvent` take. */
    events: async (a, b) => (await ensure()).eventsOf(String(a), String(b)),
    /** The actor with this id as the dataset holds it, or null. */
    actor: async (id) => (await ensure()).actor(String(id)) ?? null,
    /** The dataset being edited, as its Entente JSON reads. */
    dataset: async () => JSON.parse((await ensure()).json()),
    /** Resolves when the last save has finished (whatever its outcome). */
    saved: () => saving,
  });
  installHistory(app, api);
  installForms(app, api);
  return api;
}
