// End to end: the standalone ForceLayout class, imported from pkg/entente_layout.js by plain JS on a page without the app.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let env;
let page;
before(async () => {
  env = await start();
  page = await (await env.browser.newContext()).newPage();
  // A same-origin page that is not the app: the directory listing of pkg/.
  await page.goto(`${env.base}pkg/`);
  await page.evaluate(async () => {
    const mod = await import('/pkg/entente_layout.js');
    await mod.default();
    window.mod = mod;
  });
});
after(async () => { await env?.close(); });

test('a ring laid out from JS: positions are a Float32Array, finite, deterministic by seed', async () => {
  const r = await page.evaluate(() => {
    const { ForceLayout, layoutStress } = window.mod;
    const n = 100;
    const edges = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) { edges[2 * i] = i; edges[2 * i + 1] = (i + 1) % n; }
    const run = (seed) => {
      const layout = new ForceLayout(n, edges, undefined, { seed, linkDistance: 20, charge: -30, theta: 0.9 });
      const start = layoutStress(layout.positions(), n, edges, 50, 1);
      const moving = layout.step(500);
      const p = layout.positions();
      const out = { isF32: p instanceof Float32Array, len: p.length, finite: p.every(Number.isFinite), moving,
        alpha: layout.alpha(), start, end: layoutStress(p, n, edges, 50, 1), p: Array.from(p) };
      layout.free();
      return out;
    };
    const a = run(1), b = run(1), c = run(2);
    return { a, same: JSON.stringify(a.p) === JSON.stringify(b.p), differs: JSON.stringify(a.p) !== JSON.stringify(c.p) };
  });
  assert.ok(r.a.isF32);
  assert.equal(r.a.len, 200);
  assert.ok(r.a.finite);
  assert.equal(r.a.moving, false, 'the layout cools down');
  assert.ok(r.a.alpha < 0.001);
  assert.ok(r.a.end < r.a.start / 2, `stress ${r.a.start} -> ${r.a.end}`);
  assert.ok(r.same, 'same seed, same positions');
  assert.ok(r.differs, 'another seed, other positions');
});

test('given positions, pin, unpin, alpha and warm start from JS', async () => {
  const r = await page.evaluate(() => {
    const { ForceLayout } = window.mod;
    const edges = new Uint32Array([0, 1, 1, 2, 2, 3, 3, 0]);
    const start = new Float32Array([0, 0, 50, 0, 50, 50, 0, 50]);
    const layout = new ForceLayout(4, edges, start, { seed: 5 });
    const first = Array.from(layout.positions());
    layout.pin(2, 200, 200);
    layout.step(100);
    const pinned = Array.from(layout.positions().slice(4, 6));
    layout.unpin(2);
    layout.setAlpha(0.5);
    layout.setEdges(new Uint32Array([0, 1, 1, 2]), 0.5);
    layout.step(10);
    return { first, pinned, alpha: layout.alpha(), isPinned: layout.isPinned(2), nodeCount: layout.nodeCount };
  });
  assert.deepEqual(r.first, [0, 0, 50, 0, 50, 50, 0, 50], 'given positions are the start');
  assert.deepEqual(r.pinned, [200, 200]);
  assert.equal(r.isPinned, false);
  assert.ok(r.alpha > 0 && r.alpha < 0.5);
  assert.equal(r.nodeCount, 4);
});

test('bad input from JS throws Errors with messages', async () => {
  const messages = await page.evaluate(() => {
    const { ForceLayout } = window.mod;
    const attempt = (fn) => { try { fn(); return null; } catch (e) { return `${e instanceof Error}:${e.message}`; } };
    const ok = new ForceLayout(2, new Uint32Array([0, 1]), undefined, {});
    return [
      attempt(() => new ForceLayout(2, new Uint32Array([0, 2]), undefined, {})),
      attempt(() => new ForceLayout(2, new Uint32Array([0, 1]), new Float32Array(3), {})),
      attempt(() => new ForceLayout(2, new Uint32Array([0, 1]), undefined, { gravity: NaN })),
      attempt(() => new ForceLayout(2, new Uint32Array([0, 1]), undefined, { chrage: -30 })),
      attempt(() => ok.pin(5, 0, 0)),
      attempt(() => ok.step(-3)),
      attempt(() => new ForceLayout(2, new Uint32Array([1, 1, 0, 1, 0, 1]), new Float32Array([NaN, 1, Infinity, 2]), {})),
    ];
  });
  assert.equal(messages[0], 'true:edge 0: node 2 is out of range (the graph has 2 nodes)');
  assert.equal(messages[1], 'true:positions: expected 4 values (x,y per node), got 3');
  assert.equal(messages[2], 'true:options.gravity must be a finite number, got NaN');
  assert.match(messages[3], /^true:options\.chrage is not an option/);
  assert.equal(messages[4], 'true:pin: node 5 is out of range (the graph has 2 nodes)');
  assert.match(messages[5], /^true:step: iterations must be a whole number/);
  assert.equal(messages[6], null, 'self-loops, duplicates and NaN starts are documented behaviour, not errors');
});
