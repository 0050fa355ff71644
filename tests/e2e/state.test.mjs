// The page's state (www/state.js) on its own, in the browser with the real core: read-only
// snapshots, the fixed events, versions and frames per action, and the JSON round trip.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the state: read-only snapshots, a fixed list of events, one version per action, serialise → restore', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  const r = await page.evaluate(async () => {
    'use strict'; // as in the page's modules, where writing to a frozen object throws
    const core = await import('./pkg/entente.js');
    const wasm = await core.default(); // already started by the page: the same module
    const { createState, EVENTS } = await import('./state.js');
    const text = await (await fetch('data/pakistan-2021.json')).text();
    const make = () => {
      const counter = { frames: 0 };
      const state = createState({ memory: wasm.memory, requestFrame: () => { counter.frames += 1; } });
      state.actions.loadDataset(new core.Entente(text), { text, name: 'pakistan' });
      return { state, counter };
    };
    const threw = (fn) => { try { fn(); return null; } catch (err) { return err.constructor.name; } };
    const { state: a, counter } = make();
    const out = { events: Object.keys(EVENTS) };
    out.assignUi = threw(() => { a.ui.hover = 3; });
    out.assignView = threw(() => { a.view.scale = 3; });
    out.assignActions = threw(() => { a.actions.select = null; });
    out.unknownOn = threw(() => a.on('dragstart', () => {}));
    out.unknownEmit = threw(() => a.emit('layout-changed'));
    out.unknownField = threw(() => a.actions.moveView({ zoom: 2 }));
    // Each action that changes something: one version, one frame; one that changes nothing: neither.
    const pak = a.core.indexOf('PAK');
    const v0 = a.version, f0 = counter.frames;
    let heard = 0;
    a.on('select', () => { heard += 1; });
    const pinned = a.watch(['pinned', 'tie']);
    pinned();
    a.actions.select({ actor: pak });
    out.afterSelect = { version: a.version - v0, frames: counter.frames - f0, heard, pinned: a.ui.pinned === pak, watched: pinned() };
    a.actions.hover(-1);
    out.afterNoop = { version: a.version - v0, frames: counter.frames - f0, watched: pinned() };
    out.uiVersion = a.ui.version === a.version;
    a.actions.moveView({ scale: 2, manual: true });
    out.viewKeepsUi = a.ui.version !== a.version && a.view.scale === 2;
    // A state saved and restored into another.
    a.actions.setFilter({ kinds: a.ui.kinds & ~2, until: '2020-06', hiddenSources: ['ICEWS: x.tab'] });
    a.actions.setFocus(pak, 2);
    a.actions.setLayout('radial', 'TUR');
    const saved = JSON.parse(JSON.stringify(a.serialise()));
    out.saved = saved;
    const { state: b } = make();
    b.actions.restore(saved);
    out.restored = b.serialise();
    out.sameFrame = Array.from(b.frame.ties).join() === Array.from(a.frame.ties).join();
    // Bad masks are "everything shown"; the rest is applied before the core's refusal is thrown.
    const { state: c } = make();
    out.refused = threw(() => c.actions.restore({ kinds: 99, tones: -1, types: 'x', until: '2021-02-30', actor: 'TUR' }));
    out.afterRefusal = c.serialise();
    return out;
  });
  assert.deepEqual(r.events, ['load', 'filter', 'select', 'focus', 'layout', 'story', 'pin', 'unpin', 'edit', 'frame']);
  assert.equal(r.assignUi, 'TypeError');
  assert.equal(r.assignView, 'TypeError');
  assert.equal(r.assignActions, 'TypeError');
  assert.equal(r.unknownOn, 'Error');
  assert.equal(r.unknownEmit, 'Error');
  assert.equal(r.unknownField, 'Error');
  assert.deepEqual(r.afterSelect, { version: 1, frames: 1, heard: 1, pinned: true, watched: true });
  assert.deepEqual(r.afterNoop, { version: 1, frames: 1, watched: false });
  assert.equal(r.uiVersion, true);
  assert.equal(r.viewKeepsUi, true, 'a view move leaves the UI snapshot (and its version) as it was');
  assert.deepEqual(r.saved, {
    kinds: 13, tones: 7, types: 7, until: '2020-06', mode: 'asof', since: null, hiddenSources: ['ICEWS: x.tab'], layout: 'radial', centre: 'TUR',
    focus: 'PAK', hops: 2, actor: 'PAK', tie: null, story: null,
  });
  assert.deepEqual(r.restored, r.saved);
  assert.equal(r.sameFrame, true);
  assert.equal(r.refused, 'Error');
  assert.deepEqual({ ...r.afterRefusal, centre: null }, {
    kinds: 15, tones: 7, types: 7, until: null, mode: 'asof', since: null, hiddenSources: [], layout: 'force', centre: null, focus: null, hops: 1, actor: 'TUR', tie: null, story: null,
  });
  assert.deepEqual(errors, []);
  await context.close();
});
