// End to end: the layout switcher (force, ego rings, map), eased transitions, and dragging an actor to pin it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, open, settle, actorPoint, personDoubleClick, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Waits out a layout switch (or a release): the ease and the force layout come to rest, then
 *  the positions stop changing. */
async function settleSwitch(page) {
  await page.evaluate(() => { window.__lastNodes = undefined; });
  await page.waitForFunction(() => {
    const s = window.entente.state();
    return !s.switching && s.layoutStatus !== 'running';
  }, null, { timeout: 60000 });
  await settle(page);
}

const nodesOf = (page) => page.evaluate(() => window.entente.nodes());
const byId = (nodes) => Object.fromEntries(nodes.map((n) => [n.id, n]));

test('ego rings put Pakistan at the centre and its partners on the first ring', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  await page.getByLabel('Ego rings').check();
  assert.deepEqual(await page.evaluate(() => window.entente.layout()), { layout: 'radial', centre: 'PAK' });
  await settleSwitch(page);
  const nodes = byId(await nodesOf(page));
  const edges = await page.evaluate(() => window.entente.edges());
  const pak = nodes.PAK;
  const partners = new Set(edges.flatMap((e) => (e.source === 'PAK' ? [e.target] : e.target === 'PAK' ? [e.source] : [])));
  assert.ok(partners.size >= 5);
  const radii = [...partners].map((id) => Math.hypot(nodes[id].x - pak.x, nodes[id].y - pak.y));
  const r1 = radii[0];
  for (const r of radii) assert.ok(Math.abs(r - r1) < 1.5, `partners on one ring: ${radii}`);
  for (const [id, n] of Object.entries(nodes)) {
    if (id !== 'PAK' && !partners.has(id)) {
      assert.ok(Math.hypot(n.x - pak.x, n.y - pak.y) > r1 + 10, `${id} (not a partner) sits outside the first ring`);
    }
  }
  await page.screenshot({ path: join(ARTIFACTS, 'layout-radial.png') });

  // Another centre, chosen in the labelled select.
  await page.getByLabel('Centre').selectOption('TUR');
  await settleSwitch(page);
  const turNodes = byId(await nodesOf(page));
  const box = await page.locator('#network').boundingBox();
  assert.ok(Math.abs(turNodes.TUR.x - box.width / 2) < 2 && Math.abs(turNodes.TUR.y - box.height / 2) < 2, 'Turkey at the centre');
  await page.screenshot({ path: join(ARTIFACTS, 'layout-radial-turkey.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map puts actors at their capitals over a world outline', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  await page.getByLabel('Map').check();
  await settleSwitch(page);
  const n = byId(await nodesOf(page));
  // West to east and north to south as on a map: Washington, Ankara, Islamabad, Beijing.
  assert.ok(n.USA.x < n.TUR.x && n.TUR.x < n.PAK.x && n.PAK.x < n.CHN.x, 'longitudes in order');
  assert.ok(n.RUS.y < n.PAK.y, 'Moscow north of Islamabad');
  // The view fits the actors, not the whole world: Washington to Beijing spans most of the canvas.
  const width = (await page.locator('#network').boundingBox()).width;
  assert.ok(n.CHN.x - n.USA.x > 0.7 * width, `the actors span ${Math.round(n.CHN.x - n.USA.x)} of ${Math.round(width)} px`);
  // Land is drawn: far from every actor and tie there are faint grey pixels on the canvas.
  const grey = await page.evaluate(() => {
    const c = document.getElementById('network');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let k = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i] < 245 && Math.abs(d[i] - d[i + 2]) < 6) k++;
    return k;
  });
  assert.ok(grey > 20000, `world outline pixels: ${grey}`);
  await page.screenshot({ path: join(ARTIFACTS, 'layout-map.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching layouts eases positions over a few hundred milliseconds, and back to force', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const force = byId(await nodesOf(page));
  // The first frame in which the USA has left its force position: on any machine speed this is
  // part-way through the ease, which lasts several frames. A loop in the page, started before the
  // switch, keeps that frame's positions (a poll from the test could come after the ease's end).
  await page.evaluate(({ x, y }) => {
    window.__mid = null;
    const poll = () => {
      const nodes = window.entente.nodes();
      const n = nodes.find((a) => a.id === 'USA');
      if (Math.hypot(n.x - x, n.y - y) > 1) window.__mid = nodes;
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, force.USA);
  await page.getByLabel('Map').check();
  await page.waitForFunction(() => window.__mid, null, { timeout: 30000 });
  const mid = byId(await page.evaluate(() => window.__mid));
  await settleSwitch(page);
  const map = byId(await nodesOf(page));
  const moved = (a, b) => Math.hypot(a.USA.x - b.USA.x, a.USA.y - b.USA.y);
  assert.ok(moved(force, map) > 30, 'the USA moves between layouts');
  assert.ok(moved(force, mid) > 1 && moved(mid, map) > 1, 'a midway frame is neither the start nor the end');
  await page.getByLabel('Force').check();
  await settleSwitch(page);
  const back = byId(await nodesOf(page));
  assert.ok(moved(back, force) < 15, `back to the force picture (${moved(back, force)} px away)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with reduced motion the layout jumps at once', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await settle(page);
  const target = await page.evaluate(() => {
    window.entente.setLayout('radial');
    return window.entente.nodes().find((n) => n.id === 'PAK');
  });
  const box = await page.locator('#network').boundingBox();
  await settle(page);
  const pak = (await nodesOf(page)).find((n) => n.id === 'PAK');
  assert.ok(Math.abs(pak.x - box.width / 2) < 2, 'Pakistan at the centre');
  assert.ok(target, 'positions available right after the switch');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging an actor pins it where it is dropped; a double click releases it, though the panel opening between its clicks moves the picture', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const from = await actorPoint(page, 'CHN');
  const box = await page.locator('#network').boundingBox();
  const to = { x: box.x + 60, y: box.y + 60 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(from.x + ((to.x - from.x) * k) / 10, from.y + ((to.y - from.y) * k) / 10);
  await page.mouse.up();
  await settle(page);
  const dropped = await actorPoint(page, 'CHN');
  // The view may re-fit after the drop; the actor stays where it was dropped in layout terms.
  const pinned = await page.evaluate(() => {
    const i = window.entente.nodes().findIndex((n) => n.id === 'CHN');
    return i >= 0;
  });
  assert.ok(pinned);
  assert.equal((await page.evaluate(() => window.entente.state())).actor, null, 'the click that ends a drag pins nothing');
  assert.equal(await page.locator('#evidence').isHidden(), true);
  // The layout cools to rest around it.
  await page.waitForFunction(() => window.entente.state().layoutStatus === 'idle', null, { timeout: 60000 });
  const later = await actorPoint(page, 'CHN');
  assert.ok(Math.hypot(later.x - dropped.x, later.y - dropped.y) < 2, 'a pinned actor stays put');
  assert.ok(Math.hypot(dropped.x - from.x, dropped.y - from.y) > 40, 'it moved with the pointer');
  await page.screenshot({ path: join(ARTIFACTS, 'dragged.png') });

  // At a person's pace: the evidence panel opens between the clicks and moves the picture.
  await personDoubleClick(page, 'CHN', dropped);
  // The second click unpins what the first pinned.
  await page.waitForFunction(() => window.entente.state().actor === null);
  await settleSwitch(page);
  const released = await actorPoint(page, 'CHN');
  assert.ok(Math.hypot(released.x - dropped.x, released.y - dropped.y) > 5, 'released, it moves back toward its ties');
  assert.deepEqual(errors, []);
  await context.close();
});
