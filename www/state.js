// The page's state and its one owner: every change is a named action here; modules read it and call actions.
//
// `ui` and `view` are frozen snapshots, replaced by each action that changes them (an assignment
// from outside throws). An action that changes something bumps `version`, stamps the fields it
// changed and asks for a frame (one that changes nothing does neither); widgets ask
// `watch(fields)` whether something they show changed instead of rebuilding keys.
// `serialise()` and `restore()` are the state as plain JSON: the address and the kept datasets use them.

import { FILTER_LISTS, allBits, radiusFor } from './kinds.js';
import { LAYOUTS } from './layouts.js';
import { compareFrame, endedRow } from './compare.js';

/** The events between page modules, with what each means; emitting or subscribing to another name throws. */
export const EVENTS = Object.freeze({
  load: 'a new dataset is on screen: {text, name}',
  filter: 'the filter or the date changed, and the frame with it',
  select: 'an actor or a tie was pinned, or nothing: {centre}',
  focus: 'focus mode was entered, changed or left: {was}',
  layout: 'the layout was switched: {from}',
  story: 'a story step is shown, or the story was left: {was}',
  pin: 'an actor was dragged to layout point (x, y): {actor, x, y}',
  unpin: 'a pinned actor was released: {actor}',
  edit: 'the dataset on screen was edited, or an edit undone or redone: {step, kind}',
  frame: 'a frame was drawn',
});

/** Above this many actors the force layout runs in a worker (large.js). */
const WORKER_FROM_ACTORS = 2000;
/** The layout's temperature target while an actor is dragged. */
const DRAG_HEAT = 0.3;

/** The filter fields: bit masks of kinds, tones and actor types shown, the date (or null), and
 *  the names of the source datasets hidden (`core.sourceDatasets()`; '' is the dataset's own events). */
export const FILTER = Object.freeze(['kinds', 'tones', 'types', 'until', 'hiddenSources']);
const NONE_HIDDEN = Object.freeze([]);
/** `names` as the state keeps them: distinct strings, sorted, frozen; `was` when they are the same. */
function hiddenList(names, was) {
  const list = [...new Set(Array.isArray(names) ? names.filter((n) => typeof n === 'string') : [])].sort();
  return list.length === was.length && list.every((n, i) => n === was[i]) ? was : Object.freeze(list);
}
/** The time modes: the network as of `until`; only the events from `since` to `until`; `since` compared with `until`. */
export const TIME_MODES = Object.freeze(['asof', 'between', 'compare']);

/**
 * The UI state. Actors are indices (-1 for none); `tie`, `hoverTie` dataset tie indices; `kinds`,
 * `tones`, `types` bit masks. `layoutStatus`: 'running' (the force layout steps on the main thread),
 * 'worker' (it runs in the worker: a large dataset) or 'idle'.
 */
function initialUi() {
  return {
    hover: -1, pinned: -1, tie: -1, hoverTie: -1, kbd: -1, ego: -1, hops: 1, dragged: -1,
    ...allFilters(), until: null, mode: 'asof', since: null, hiddenSources: NONE_HIDDEN,
    layout: 'force', centre: null, layoutStatus: 'idle',
    story: null,
    editing: false, saveStatus: 'saved', saveError: null, editWarning: null,
  };
}

function allFilters() {
  return Object.fromEntries(Object.entries(FILTER_LISTS).map(([field, list]) => [field, allBits(list)]));
}

const indexIn = (list, x) => Array.prototype.indexOf.call(list, x);

/**
 * @param {{memory: WebAssembly.Memory, requestFrame: () => void}} env the core module's wasm memory
 *   (positions are read from it; an edited dataset's handle comes from the editor's module, with
 *   that module's memory: `editDataset`) and the frame loop's request
 */
export function createState({ memory: coreMemory, requestFrame }) {
  // The memory of the module that made the handle on screen.
  let memory = coreMemory;
  let version = 0;
  let ui = Object.freeze({ ...initialUi(), version });
  let view = Object.freeze({ scale: 1, tx: 0, ty: 0, width: 1, height: 1, dpr: 1, manual: false });
  let core = null, frame = null, source = null, sourceText = null;
  // The dataset's file as bytes when it came as such (main.js `loadBytes`): its text is decoded
  // the first time something asks for it (the exporters, the editor, adding event data).
  let sourceBytes = null;
  // Actors dragged and left pinned, by id → [x, y] in layout units: an edit's core (a new
  // session, its pins gone) and the layout worker get them back; a new dataset starts without.
  const dragPins = new Map();
  const stamps = new Map(); // field (or 'view', 'frame', 'core') → version of its last change
  const listeners = new Map(Object.keys(EVENTS).map((name) => [name, []]));

  // ---- the draft an action writes, committed at its end ----
  let draft = null;
  let viewDraft = null;
  const touched = new Set();
  const cur = () => draft ?? ui;
  function write(change) {
    draft ??= { ...ui };
    for (const [key, value] of Object.entries(change)) {
      if (!(key in draft) || key === 'version') throw new Error(`the state has no field "${key}"`);
      if (draft[key] !== value) { draft[key] = value; touched.add(key); }
    }
  }
  function writeView(change) {
    viewDraft ??= { ...view };
    for (const [key, value] of Object.entries(change)) {
      if (!(key in viewDraft)) throw new Error(`the view has no field "${key}"`);
      if (key !== 'manual' && !Number.isFinite(value)) throw new Error(`view.${key} must be a finite number, not ${value}`);
      if (viewDraft[key] !== value) { viewDraft[key] = value; touched.add('view'); }
    }
  }
  /** Ends an action: a new version and a frame if anything changed. */
  function commit() {
    const changed = touched.size > 0;
    if (changed) {
      version += 1;
      for (const key of touched) stamps.set(key, version);
      if ([...touched].some((k) => k !== 'view' && k !== 'frame' && k !== 'core')) ui = Object.freeze({ ...draft, version });
      if (touched.has('view')) view = Object.freeze(viewDraft);
      requestFrame();
    }
    touched.clear();
    draft = null;
    viewDraft = null;
    return changed;
  }

  const checked = (name) => {
    const list = listeners.get(name);
    if (!list) throw new Error(`unknown event "${name}" (events: ${Object.keys(EVENTS).join(', ')})`);
    return list;
  };
  const on = (name, fn) => { checked(name).push(fn); };
  const emit = (name, detail) => { for (const fn of checked(name)) fn(detail); };

  const positions = () => new Float32Array(memory.buffer, core.positionsPtr(), core.positionsLen());
  const visible = (i) => i >= 0 && frame.degrees[i] > 0;
  /** The actor ids of the visible tie with dataset index `t`, or null. */
  const tieIds = (t) => {
    const k = indexIn(frame.ties, t);
    return k < 0 ? null : [frame.actors[frame.edges[2 * k]].id, frame.actors[frame.edges[2 * k + 1]].id];
  };
  /** Where the force layout is after a change that moves it. */
  const wake = () => (cur().layoutStatus === 'worker' ? 'worker' : cur().layout === 'force' ? 'running' : 'idle');

  /** Re-derives the frame from the core's visible set (after a load or a filter change); the UI
   *  state then forgets what is no longer shown. */
  function rebuildFrame(actors) {
    const degrees = core.degrees();
    const radii = Float32Array.from(degrees, radiusFor);
    core.setRadii(radii);
    let at = positions();
    frame = {
      actors,
      ties: core.visibleTies(),
      edges: core.visibleEdges(),
      kinds: core.visibleKinds(),
      tones: core.visibleTones(),
      degrees,
      radii,
      // A view of the core's positions in the wasm memory: made again when a call into the core
      // has grown the memory (which detaches the old view, whose reads then give undefined).
      get positions() {
        if (at.buffer.byteLength === 0 && at.buffer !== memory.buffer) at = positions();
        return at;
      },
      set positions(next) { at = next; },
      // A large dataset's flags follow its first picture (deriveSingleSources).
      single: actors.length > WORKER_FROM_ACTORS ? null : core.singleSourced(),
      egoHops: null,
      compare: null,
    };
    const { mode, since, until } = cur();
    if (mode === 'compare' && since && until) frame.compare = compareFrame(core, since, until);
    const c = cur();
    const shownTie = (t) => (t >= 0 && (indexIn(frame.ties, t) >= 0 || endedRow(frame, t)) ? t : -1);
    write({
      hover: visible(c.hover) ? c.hover : -1,
      pinned: visible(c.pinned) ? c.pinned : -1,
      kbd: visible(c.kbd) ? c.kbd : -1,
      ego: visible(c.ego) ? c.ego : -1,
      tie: shownTie(c.tie),
      hoverTie: shownTie(c.hoverTie),
    });
    frame.egoHops = cur().ego >= 0 ? core.hops(cur().ego, cur().hops) : null;
    touched.add('frame');
  }

  const actions = {
    /** Puts a new dataset on screen: `next` an Entente handle (the one before is freed), `text`
     *  its JSON or `bytes` its file (UTF-8, checked by the core), `name` where it came from. */
    loadDataset(next, { text = null, bytes = null, name }) {
      const keepCentre = cur().centre;
      dragPins.clear();
      core?.free();
      core = next;
      memory = coreMemory;
      source = name;
      sourceText = text;
      sourceBytes = text === null ? bytes : null;
      const actors = core.actors();
      const meta = core.meta();
      const centre = keepCentre && core.indexOf(keepCentre) >= 0 ? keepCentre
        : meta.centre != null ? actors[meta.centre].id : actors[0]?.id ?? null;
      write({
        ...allFilters(), until: null, mode: 'asof', since: null, hiddenSources: NONE_HIDDEN, hover: -1, pinned: -1, tie: -1, hoverTie: -1, kbd: -1, ego: -1, dragged: -1, centre, story: null,
        layoutStatus: actors.length > WORKER_FROM_ACTORS ? 'worker' : cur().layout === 'force' ? 'running' : 'idle',
      });
      rebuildFrame(actors);
      writeView({ manual: false });
      touched.add('core');
      commit();
      emit('load', { text, bytes: sourceBytes, name });
    },

    /**
     * Puts an edited dataset on screen (edit.js): `next` an Entente handle of the editor's
     * module (the one before is freed unless it is the same, changed in place), `memory` that
     * module's wasm memory, `text` its JSON or a function that makes it, `name` the edited copy's
     * name, `positions` (two per actor) the warm start. The filters, layout, focus and selection
     * stay (by actor id); the layout moves a little.
     */
    editDataset(next, { memory: nextMemory, text, name, positions, step, kind, actors: given }) {
      const c = cur();
      const idOf = (i) => (i >= 0 ? frame.actors[i]?.id : undefined);
      const kept = { pinned: idOf(c.pinned), ego: idOf(c.ego), tie: c.tie >= 0 ? tieIds(c.tie) : null };
      if (next !== core) core?.free();
      core = next;
      memory = nextMemory;
      source = name;
      sourceText = text;
      sourceBytes = null;
      const actors = given ?? core.actors();
      core.setFilter(c.kinds, c.tones, c.types, c.until ?? undefined, c.mode === 'between' && c.since ? c.since : undefined, [...c.hiddenSources]);
      core.setPositions(positions);
      for (const [id, [x, y]] of dragPins) {
        const i = core.indexOf(id);
        if (i >= 0) core.pin(i, x, y);
        else dragPins.delete(id); // the edit took the actor out
      }
      core.reheat(0.05);
      const at = (id) => (id === undefined ? -1 : core.indexOf(id));
      const centre = c.centre && core.indexOf(c.centre) >= 0 ? c.centre : actors[0]?.id ?? null;
      rebuildFrame(actors);
      let tie = -1;
      if (kept.tie) {
        const [a, b] = kept.tie.map(at);
        for (let k = 0; k < frame.ties.length; k++) {
          const s = frame.edges[2 * k], t = frame.edges[2 * k + 1];
          if ((s === a && t === b) || (s === b && t === a)) tie = frame.ties[k];
        }
      }
      const pinned = at(kept.pinned);
      write({ hover: -1, hoverTie: -1, kbd: -1, dragged: -1, centre, pinned: visible(pinned) ? pinned : -1, tie: pinned >= 0 ? -1 : tie,
        ego: visible(at(kept.ego)) ? at(kept.ego) : -1, layoutStatus: actors.length > WORKER_FROM_ACTORS ? 'worker' : c.layout === 'force' ? 'running' : 'idle' });
      frame.egoHops = cur().ego >= 0 ? core.hops(cur().ego, cur().hops) : null;
      touched.add('core');
      commit();
      emit('load', { text, name, edit: true });
      emit('edit', { step, kind });
    },

    /** Edit mode on or off: the panel's forms, undo and redo (edit.js). */
    setEditing(on) {
      write({ editing: Boolean(on) });
      commit();
    },

    /** The warning the last edit raised (a likely duplicate), or null. */
    setEditWarning(text) {
      write({ editWarning: text === null || text === undefined ? null : String(text) });
      commit();
    },

    /** What the autosave says: 'saved', 'saving' or 'failed' with the reason. */
    setSaveStatus(status, reason = null) {
      if (!['saved', 'saving', 'failed'].includes(status)) throw new Error(`unknown save status "${status}"`);
      write({ saveStatus: status, saveError: status === 'failed' ? String(reason) : null });
      commit();
    },

    /** Changes part of the filter ({kinds, tones, types, until, hiddenSources}); the layout continues warm. Throws
     *  (changing nothing) when the core refuses it, such as a date that is not in the calendar. */
    setFilter(change) {
      const c = cur();
      const next = { kinds: c.kinds, tones: c.tones, types: c.types, until: c.until, hiddenSources: c.hiddenSources };
      for (const field of FILTER) if (field in change) next[field] = change[field];
      for (const [field, list] of Object.entries(FILTER_LISTS)) next[field] &= allBits(list);
      next.until ??= null;
      next.hiddenSources = hiddenList(next.hiddenSources, c.hiddenSources);
      core.setFilter(next.kinds, next.tones, next.types, next.until ?? undefined,
        c.mode === 'between' && c.since ? c.since : undefined, [...next.hiddenSources]);
      write(next);
      rebuildFrame(frame.actors);
      write({ layoutStatus: wake() });
      commit();
      emit('filter');
    },

    /** The single-source flags of the visible ties, when the frame was built without them. */
    deriveSingleSources() {
      if (frame.single) return;
      frame.single = core.singleSourced();
      touched.add('frame');
      commit();
    },

    /**
     * The time shown: a date (YYYY, YYYY-MM or YYYY-MM-DD) or null, the network as of then (or at
     * every date); or `{mode, a, b}`: 'asof' b, 'between' (only the events dated from a to b) or
     * 'compare' (a against b: the network at b with what changed since a). Dates out of order are
     * swapped; a mode that needs a date it lacks, or an unknown mode, throws and changes nothing.
     */
    setTime(time) {
      if (time === null || typeof time !== 'object') {
        write({ mode: 'asof', since: null });
        actions.setFilter({ until: time ?? null });
        return;
      }
      const mode = time.mode ?? 'asof';
      if (!TIME_MODES.includes(mode)) throw new Error(`unknown time mode "${mode}" (${TIME_MODES.join(', ')})`);
      let a = time.a ?? null, b = time.b ?? null;
      if (mode !== 'asof' && !(a && b)) throw new Error(`the time mode "${mode}" needs two dates, a and b`);
      if (a && b && a > b) [a, b] = [b, a];
      write({ mode, since: mode === 'asof' ? null : a });
      actions.setFilter({ until: b });
    },

    /** The actor under the pointer (or the keyboard), -1 for none. */
    hover(actor) {
      write({ hover: actor });
      commit();
    },

    /** The tie (dataset index) under the pointer, -1 for none. */
    hoverTie(tie) {
      write({ hoverTie: tie });
      commit();
    },

    /** Pins an actor or a tie in the evidence panel (neither: unpins); `centre` moves the view to the actor. */
    select({ actor = -1, tie = -1 } = {}, { centre = false } = {}) {
      const pinned = visible(actor) ? actor : -1;
      write({ pinned, tie: pinned < 0 && tie >= 0 && (indexIn(frame.ties, tie) >= 0 || endedRow(frame, tie)) ? tie : -1 });
      commit();
      emit('select', { centre });
    },

    /** Focus mode on `actor` (-1 leaves it): its neighbourhood within `hops` (1 or 2) at full strength. */
    setFocus(actor, hops = cur().hops) {
      const was = cur().ego;
      write({ ego: visible(actor) ? actor : -1, hops: hops === 2 ? 2 : 1 });
      frame.egoHops = cur().ego >= 0 ? core.hops(cur().ego, cur().hops) : null;
      touched.add('frame');
      commit();
      emit('focus', { was });
    },

    /** Switches to `layout` ('force' | 'radial' | 'map'), optionally around actor id `centre`; throws on an unknown name or id. */
    setLayout(layout, centre) {
      if (!LAYOUTS.some((l) => l.key === layout)) throw new Error(`unknown layout "${layout}" (${LAYOUTS.map((l) => l.key).join(', ')})`);
      const change = { layout };
      if (centre !== undefined && centre !== null) {
        if (core.indexOf(String(centre)) < 0) throw new Error(`no actor has id "${centre}"`);
        change.centre = String(centre);
      }
      const from = cur().layout;
      // Nothing steps while the picture eases to the new layout (layouts.js resumes the force layout).
      write({ ...change, layoutStatus: cur().layoutStatus === 'worker' ? 'worker' : 'idle' });
      commit();
      emit('layout', { from });
    },

    /** Shows the story step with id `step` (story.js applies its view), or leaves the story (null); throws on an unknown id. */
    setStory(step) {
      const id = step === null || step === undefined ? null : String(step);
      if (id !== null && !(core.story()?.steps ?? []).some((s) => s.id === id)) throw new Error(`the story has no step "${id}"`);
      const was = cur().story;
      write({ story: id });
      if (commit()) emit('story', { was });
    },

    /** The force layout moves again, warmed to `alpha` (when given). */
    resumeLayout(alpha) {
      if (alpha) core.reheat(alpha);
      write({ layoutStatus: wake() });
      commit();
      requestFrame();
    },

    /** The force layout on the main thread came to rest. */
    settleLayout() {
      if (cur().layoutStatus === 'running') write({ layoutStatus: 'idle' });
      commit();
    },

    /** Runs the force layout `ticks` steps at once (the time slider under reduced motion). */
    advanceLayout(ticks) {
      core.step(ticks);
      requestFrame();
    },

    /** Drags `actor` to layout point (x, y): pinned there, the layout warm around it. */
    dragActor(actor, x, y) {
      if (cur().dragged !== actor) core.setAlphaTarget(DRAG_HEAT);
      core.pin(actor, x, y);
      dragPins.set(frame.actors[actor].id, [x, y]);
      write({ dragged: actor, layoutStatus: wake() });
      commit();
      requestFrame();
      emit('pin', { actor, x, y });
    },

    /** Ends a drag: the actor stays pinned where it was dropped; the layout cools. */
    dropActor() {
      core.setAlphaTarget(0);
      write({ dragged: -1 });
      commit();
      requestFrame();
    },

    /** Releases a pinned actor into the layout; false if it was not pinned. */
    releaseActor(actor) {
      if (!core.isPinned(actor)) return false;
      core.unpin(actor);
      dragPins.delete(frame.actors[actor]?.id);
      core.reheat(0.1);
      write({ layoutStatus: wake() });
      commit();
      requestFrame();
      emit('unpin', { actor });
      return true;
    },

    /** Moves the view: any of `scale`, `tx`, `ty`, and `manual` (the person holds the view; no auto-fit). */
    moveView(change) {
      writeView(change);
      commit();
    },

    /** The canvas is now `width` × `height` CSS pixels at `dpr`; a view the person holds keeps its middle. */
    resizeView({ width, height, dpr }) {
      const v = view;
      writeView({ width, height, dpr });
      if (v.manual) writeView({ tx: v.tx + (width - v.width) / 2, ty: v.ty + (height - v.height) / 2 });
      commit();
    },

    /** The actor the keyboard is on (also hovered). */
    setKeyboardActor(actor) {
      write({ kbd: actor, hover: actor });
      commit();
    },

    /** The network lost the keyboard focus: its actor is no longer hovered. */
    leaveKeyboard() {
      if (cur().hover === cur().kbd) write({ hover: -1 });
      commit();
      requestFrame();
    },

    /**
     * Applies a state saved by `serialise` (or any part of it: the fields left out stay as they
     * are). Bad masks become "all", unknown actors "none". Every part that can be applied is; the
     * first error (a filter or a layout the core refuses) is thrown after.
     */
    restore(saved) {
      if (saved === null || typeof saved !== 'object') return;
      let failure = null;
      const attempt = (fn) => { try { fn(); } catch (err) { failure ??= err; } };
      const filter = {};
      for (const [field, list] of Object.entries(FILTER_LISTS)) {
        if (!(field in saved)) continue;
        const all = allBits(list), bits = saved[field];
        filter[field] = Number.isInteger(bits) && bits >= 0 && (bits & ~all) === 0 ? bits : all;
      }
      if ('until' in saved) filter.until = typeof saved.until === 'string' ? saved.until : null;
      if ('hiddenSources' in saved) filter.hiddenSources = hiddenList(saved.hiddenSources, ui.hiddenSources);
      const mode = TIME_MODES.includes(saved.mode) ? saved.mode : 'asof';
      const since = mode !== 'asof' && typeof saved.since === 'string' ? saved.since : null;
      if (('mode' in saved || 'since' in saved) && (mode !== ui.mode || since !== ui.since)) {
        attempt(() => actions.setTime(since && filter.until ? { mode, a: since, b: filter.until } : filter.until ?? null));
      }
      if (Object.keys(filter).some((field) => filter[field] !== ui[field])) attempt(() => actions.setFilter(filter));
      const centre = typeof saved.centre === 'string' && saved.centre !== ui.centre ? saved.centre : undefined;
      if (typeof saved.layout === 'string' && (saved.layout !== ui.layout || centre)) {
        attempt(() => actions.setLayout(saved.layout, centre));
      }
      const actorOf = (id) => (typeof id === 'string' ? core.indexOf(id) : -1);
      if ('focus' in saved || 'hops' in saved) {
        const focus = actorOf(saved.focus);
        const hops = saved.hops === 2 ? 2 : 1;
        if (focus !== ui.ego || (focus >= 0 && hops !== ui.hops)) actions.setFocus(focus, hops);
      }
      if ('actor' in saved || 'tie' in saved) {
        const actor = actorOf(saved.actor);
        const [a, b] = Array.isArray(saved.tie) ? saved.tie.map(actorOf) : [-1, -1];
        let tie = -1;
        for (let k = 0; actor < 0 && a >= 0 && b >= 0 && k < frame.ties.length; k++) {
          const s = frame.edges[2 * k], t = frame.edges[2 * k + 1];
          if ((s === a && t === b) || (s === b && t === a)) tie = frame.ties[k];
        }
        actions.select(actor >= 0 ? { actor } : tie >= 0 ? { tie } : {}, { centre: actor >= 0 });
      }
      if ('story' in saved) attempt(() => actions.setStory(typeof saved.story === 'string' ? saved.story : null));
      if (failure) throw failure;
    },
  };

  // An action that throws leaves no half-written draft behind.
  for (const [name, fn] of Object.entries(actions)) {
    actions[name] = (...args) => {
      try {
        return fn(...args);
      } catch (err) {
        draft = null;
        viewDraft = null;
        touched.clear();
        throw err;
      }
    };
  }

  /** The state as plain JSON: filters, layout, focus and what is pinned, with actor ids (not indices). */
  function serialise() {
    const id = (i) => (i >= 0 ? frame.actors[i].id : null);
    const k = ui.tie >= 0 ? indexIn(frame.ties, ui.tie) : -1;
    return {
      kinds: ui.kinds, tones: ui.tones, types: ui.types, until: ui.until, mode: ui.mode, since: ui.since,
      hiddenSources: ui.hiddenSources,
      layout: ui.layout, centre: ui.centre,
      focus: id(ui.ego), hops: ui.hops,
      actor: id(ui.pinned),
      tie: k >= 0 ? [id(frame.edges[2 * k]), id(frame.edges[2 * k + 1])] : null,
      story: ui.story,
    };
  }

  /** The latest version at which any of `fields` changed (0: never). */
  const stampOf = (fields) => fields.reduce((v, f) => Math.max(v, stamps.get(f) ?? 0), 0);

  return Object.freeze({
    get ui() { return ui; },
    get view() { return view; },
    get frame() { return frame; },
    get core() { return core; },
    get source() { return source; },
    /** The Entente JSON text of the dataset on screen (what the exporters read). */
    // An edited copy's text is made when first asked for (edit.js passes a function); a file
    // that came as bytes is decoded then.
    get sourceText() {
      if (typeof sourceText === 'function') sourceText = sourceText();
      if (sourceText === null && sourceBytes !== null) {
        sourceText = new TextDecoder().decode(sourceBytes);
        sourceBytes = null;
      }
      return sourceText;
    },
    get version() { return version; },
    /** The actors dragged and left pinned, as `[index, x, y]` (layout units) in the dataset on screen. */
    dragPins: () => [...dragPins].map(([id, [x, y]]) => [core.indexOf(id), x, y]).filter(([i]) => i >= 0),
    positions,
    actions: Object.freeze(actions),
    serialise,
    on,
    emit,
    stampOf,
    /** A function answering, each time it is called, whether any of `fields` (UI fields, or
     *  'view', 'frame', 'core') changed since its last call; true the first time. */
    watch(fields) {
      let seen = -1;
      return () => {
        const v = stampOf(fields);
        if (v === seen) return false;
        seen = v;
        return true;
      };
    },
  });
}
