// End to end: a generated dataset of 5,000 actors is laid out in a Web Worker with a progress bar while hover keeps working,
// and, in Canvas 2D, zooming it moves the last full drawing until the view rests.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, hoverMoving, settle, loneActor, drag, personDoubleClick, ROOT, SITE, ARTIFACTS } from './harness.mjs';
import { syntheticDataset } from '../../bench/synthetic.mjs';

const ACTORS = 5000;

let env;
before(async () => {
  mkdirSync(join(SITE, 'fixtures'), { recursive: true });
  writeFileSync(join(SITE, 'fixtures', 'large.json'), JSON.stringify(syntheticDataset(ACTORS)));
  env = await start();
});
after(async () => { await env?.close(); });

/**
 * Serves worker.js with a gate after the first slice of the layout: the worker holds there until
 * the test opens the gate (a BroadcastChannel message), so the layout is still running when the
 * test hovers, however fast or slow the machine is. Only the gate is added; the layout is the
 * page's own.
 */
const gated = { served: 0 };
async function gatedWorker(context) {
  const source = readFileSync(join(ROOT, 'www', 'worker.js'), 'utf8');
  const yieldLine = 'await new Promise((resolve) => setTimeout(resolve, 0));';
  assert.ok(source.includes(yieldLine), 'worker.js still yields between slices the way this test gates it');
  const gate = `${yieldLine}
    await (self.__gate ??= new Promise((resolve) => {
      new BroadcastChannel('entente-test-gate').onmessage = () => resolve();
    }));`;
  const body = source.replace(yieldLine, gate);
  await context.route('**/worker.js', (route) => {
    gated.served += 1;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
}

test('a large dataset is laid out in a worker: progress bar, hover while it runs, then done', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/large.json`, {}, gatedWorker);
  assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, 'loaded without error');
  const bar = page.locator('#layout-progress');
  const running = await page.evaluate(() => {
    // Count the frames the main thread draws while the worker runs.
    window.__frames = 0;
    const count = () => { window.__frames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
    return document.getElementById('layout-progress').hidden === false;
  });
  // Hover an actor while the layout is still running: its tooltip opens.
  const hubId = 'A00000';
  await hoverMoving(page, hubId);
  assert.equal(gated.served, 1, 'the page ran the gated worker');
  const progressAtHover = await page.evaluate(() => Number(document.querySelector('#layout-progress progress').value));
  const hiddenAtHover = await page.evaluate(() => document.getElementById('layout-progress').hidden);
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(frames >= 3, `the page kept drawing while the worker ran (${frames} frames)`);
  await page.screenshot({ path: join(ARTIFACTS, 'large-running.png') });
  assert.ok(running, 'the progress bar shows while the layout runs');
  assert.ok(!hiddenAtHover && progressAtHover < 1, `hovered while running (progress ${progressAtHover})`);
  // Open the gate: the layout runs to the end.
  await page.evaluate(() => new BroadcastChannel('entente-test-gate').postMessage('go'));
  // The bar completes and goes away; every actor has a finite position.
  await bar.waitFor({ state: 'hidden', timeout: 60000 });
  const nodes = await page.evaluate(() => window.entente.nodes());
  assert.equal(nodes.length, ACTORS);
  assert.ok(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
  await page.screenshot({ path: join(ARTIFACTS, 'large-done.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// The texture and the layers are the Canvas 2D backend's (where WebGL2 is missing or lost); the
// WebGL backend draws every frame in full (webgl.test.mjs).
test('zooming a large picture in Canvas 2D moves its last drawing, then draws it in full once the view rests', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/large.json&renderer=canvas`);
  await page.locator('#layout-progress').waitFor({ state: 'hidden', timeout: 60000 });
  // The work that follows the first picture in idle time done too: the single-source flags change
  // the picture (a full drawing, not the moved one), which on a busy machine could otherwise come
  // just as the wheel turns.
  await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0),
    ['entente:single', 'entente:chart', 'entente:table', 'entente:stored'], { timeout: 60000 });
  await page.waitForFunction(() => !window.entente.state().view.textured);
  const box = await page.locator('#network').boundingBox();
  // One synchronous look at the page: whether the frame was the moved drawing, the labels, and
  // how many dark pixels the canvas has.
  await page.evaluate(() => {
    window.__look = () => {
      const c = document.getElementById('network');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
      return { textured: window.entente.state().view.textured, labels: window.entente.labels(), ink };
    };
  });
  const look = () => window.__look();
  // The pointer first (it may hover an actor, a full drawing), then the picture as it rests.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !window.entente.state().view.textured);
  const first = await page.evaluate(look);
  assert.ok(!first.textured && first.labels.length > 5 && first.ink > 5000, JSON.stringify({ labels: first.labels.length, ink: first.ink }));
  // The moved drawing lasts REST_MS after the last view change: too short to be caught by polls
  // from the test on a busy machine. A loop in the page looks at every frame, before the next one
  // is drawn: it keeps the last full drawing and stops at the first moved one. A wheel step that
  // changes the picture itself (the hovered actor under the pointer, as the actors grow) gives a
  // full drawing instead, so the wheel turns again, a step at a time, until a moved drawing comes.
  await page.evaluate(() => {
    window.__seen = null;
    window.__frames = 0;
    let full = null;
    const poll = () => {
      window.__frames += 1;
      const v = window.__look();
      if (v.textured && full) window.__seen = { before: full, during: v };
      else {
        if (!v.textured) full = v;
        requestAnimationFrame(poll);
      }
    };
    requestAnimationFrame(poll);
  });
  for (let step = 0; step < 20 && !(await page.evaluate(() => window.__seen !== null)); step++) {
    const at = await page.evaluate(() => window.__frames);
    await page.mouse.wheel(0, -120);
    await page.waitForFunction((at) => window.__seen !== null || window.__frames >= at + 6, at, { timeout: 30000 });
  }
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen, 'a moved drawing within 20 wheel steps');
  const { before, during } = seen;
  // The moved drawing: the picture is there, zoomed (more ink), and the labels are not yet redone.
  assert.deepEqual(during.labels, before.labels);
  assert.ok(during.ink > before.ink, `zoomed in, the picture covers more of the canvas (${before.ink} → ${during.ink} dark pixels)`);
  // At rest, the full drawing: labels placed again for the new view.
  await page.waitForFunction(() => !window.entente.state().view.textured, null, { timeout: 30000 });
  const after = await page.evaluate(() => window.entente.labels());
  assert.notDeepEqual(after.map((b) => [Math.round(b.x), Math.round(b.y)]), before.labels.map((b) => [Math.round(b.x), Math.round(b.y)]));
  await page.screenshot({ path: join(ARTIFACTS, 'large-zoomed.png') });
  assert.deepEqual(errors, []);
  await context.close();

  // A small picture is always drawn in full.
  const small = await open(env.browser, env.base);
  const b2 = await small.page.locator('#network').boundingBox();
  await small.page.mouse.move(b2.x + b2.width / 2, b2.y + b2.height / 2);
  for (let k = 0; k < 5; k++) {
    await small.page.mouse.wheel(0, -120);
    await small.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assert.equal(await small.page.evaluate(() => window.entente.state().view.textured), false);
  }
  assert.deepEqual(small.errors, []);
  await small.context.close();
});

test('hovering a large picture in Canvas 2D draws the actor\'s ties over a cached, dimmed layer', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/large.json&renderer=canvas`);
  await page.locator('#layout-progress').waitFor({ state: 'hidden', timeout: 60000 });
  // Strongly coloured pixels: ties at full strength (dimmed ones, at 13 %, are pale).
  const bright = () => page.evaluate(() => {
    const c = document.getElementById('network');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) n++;
    }
    return n;
  });
  // The pointer off every actor: the whole picture at full strength, from the 'all' layer.
  await page.mouse.move(3, 400);
  // The layer painted for this very view (not the last one moved, while the paint worker paints it).
  await page.waitForFunction(() => window.entente.state().view.layer === 'all' && !window.entente.state().view.textured && !window.entente.state().view.stale);
  const all = await bright();
  await hoverMoving(page, 'A00007');
  await page.waitForFunction(() => window.entente.state().view.layer === 'dim' && !window.entente.state().view.stale);
  const lit = await bright();
  const ties = (await page.evaluate(() => window.entente.ties('A00007'))).length;
  assert.ok(ties >= 5, `A00007 has ${ties} ties`);
  assert.ok(lit > 20 * ties && all > 10 * lit, `bright tie pixels: ${all} unhovered, ${lit} with A00007's ${ties} ties lit`);
  await page.screenshot({ path: join(ARTIFACTS, 'large-hover.png') });
  // Leaving the actor brings the full-strength picture back (the auto-fit may still be easing
  // by a fraction of a pixel, hence within 2 %).
  await page.mouse.move(3, 400);
  await page.waitForFunction(() => window.entente.state().view.layer === 'all' && !window.entente.state().view.stale);
  const again = await bright();
  assert.ok(Math.abs(again - all) < 0.02 * all, `${again} vs ${all}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in the worker\'s layout, an actor dragged and released with a double click (the panel opening between its clicks) goes back into the layout', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/large.json`);
  const bar = page.locator('#layout-progress');
  await bar.waitFor({ state: 'hidden', timeout: 60000 });
  // Zoom in with the keyboard: the person holds the view, so it no longer fits itself to the layout.
  for (let k = 0; k < 5; k++) await page.keyboard.press('+');
  await page.waitForFunction(() => window.entente.state().view.manual);
  // An actor with one tie, well inside the canvas and away from every other actor, and a point
  // 120 px further from its partner; clear of the right side, where the evidence panel (25rem)
  // opens on the first click and would take the second.
  const pick = await loneActor(page, { margin: 160, distance: 120, right: 160 + 400 });
  assert.ok(pick.room > 12, `${pick.id} stands ${pick.room} px from any other actor`);
  // Where the actor is in layout units (the view changes when the evidence panel opens and closes).
  const layoutPoint = (id) => page.evaluate((id) => {
    const n = window.entente.nodes().find((a) => a.id === id);
    const v = window.entente.state().view;
    return { x: (n.x - v.tx) / v.scale, y: (n.y - v.ty) / v.scale };
  }, id);
  await drag(page, pick.from, pick.to);
  // The worker lays out around the pin, and holds the actor where it was dropped.
  await page.waitForFunction(({ id, to }) => {
    const n = window.entente.nodes().find((a) => a.id === id);
    const r = document.getElementById('network').getBoundingClientRect();
    return document.getElementById('layout-progress').hidden && Math.hypot(r.left + n.x - to.x, r.top + n.y - to.y) < 2;
  }, pick, { timeout: 60000 });
  const held = await layoutPoint(pick.id);
  await page.screenshot({ path: join(ARTIFACTS, 'large-dragged.png') });
  // A double click releases it: the worker runs again without the pin and the actor moves toward its partner.
  // At a person's pace: the evidence panel opens between the clicks and moves the picture.
  await personDoubleClick(page, pick.id, pick.to);
  const released = await (await page.waitForFunction(({ id, held }) => {
    const n = window.entente.nodes().find((a) => a.id === id);
    const v = window.entente.state().view;
    const x = (n.x - v.tx) / v.scale, y = (n.y - v.ty) / v.scale;
    return Math.hypot(x - held.x, y - held.y) > 10 && { x, y };
  }, { id: pick.id, held }, { timeout: 30000 })).jsonValue();
  assert.ok(Math.hypot(released.x - held.x, released.y - held.y) > 10);
  await page.screenshot({ path: join(ARTIFACTS, 'large-released.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// A large picture's layer (every tie, ring and actor) is painted in the paint worker, so that the
// main thread stays free for hover and input; it must be the picture the main thread would paint.
test('a large picture\'s layer painted in the paint worker is the one the main thread paints, and without OffscreenCanvas the main thread paints it', async () => {
  const picture = async (url, setup = null) => {
    const { page, context, errors } = await open(env.browser, url, {}, setup);
    await page.locator('#layout-progress').waitFor({ state: 'hidden', timeout: 60000 });
    await settle(page);
    await page.mouse.move(3, 400);
    await page.waitForFunction(() => {
      const v = window.entente.state().view;
      return v.layer === 'all' && !v.textured && !v.stale;
    });
    const shot = await page.evaluate(() => {
      const c = document.getElementById('network');
      return { painter: window.entente.state().view.painter, data: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data) };
    });
    assert.deepEqual(errors, []);
    await context.close();
    return shot;
  };
  const worker = await picture(`${env.base}?data=fixtures/large.json&renderer=canvas`);
  const main = await picture(`${env.base}?data=fixtures/large.json&renderer=canvas&painter=main`);
  const none = await picture(`${env.base}?data=fixtures/large.json&renderer=canvas`, (ctx) => ctx.addInitScript(() => { delete window.OffscreenCanvas; }));
  assert.equal(worker.painter, 'worker');
  assert.equal(main.painter, 'main');
  assert.equal(none.painter, 'main');
  // The same layout (seeded), the same picture: pixels that differ by more than a rounding.
  const differ = (a, b) => {
    let n = 0, ink = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 24) n++;
      if (a[i] + a[i + 1] + a[i + 2] < 600) ink++;
    }
    return { n, ink };
  };
  const d = differ(worker.data, main.data);
  assert.ok(d.ink > 5000, `the picture has ink (${d.ink} dark pixels)`);
  assert.ok(d.n < 0.01 * d.ink, `${d.n} of ${d.ink} inked pixels differ between the worker's and the main thread's painting`);
  assert.ok(differ(none.data, main.data).n < 0.01 * d.ink);
});
