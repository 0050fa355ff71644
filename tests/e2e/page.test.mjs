// End to end in headless Chromium: the page loads the Pakistan dataset, hovering shows evidence,
// filters remove ties from the API and the picture, bad data gets a located message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, settle, actorPoint, ARTIFACTS, SITE } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Counts canvas pixels of the diplomatic green (#007a56, also blended with the white
 *  background): no other kind, actor or label colour has green well above red and blue. */
async function greenPixels(page) {
  return page.evaluate(() => {
    const c = document.getElementById('network');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (g > r + 40 && g > b + 15) n++;
    }
    return n;
  });
}

test('the page shows Pakistan at the centre of its ties, with no console error', async () => {
  const { page, context, errors } = await open(env.browser, env.base, { deviceScaleFactor: 2 });
  await settle(page);
  const nodes = await page.evaluate(() => window.entente.nodes());
  assert.ok(nodes.length >= 15, `only ${nodes.length} actors drawn`);
  const box = await page.locator('#network').boundingBox();
  const pak = nodes.find((n) => n.id === 'PAK');
  assert.ok(Math.abs(pak.x - box.width / 2) < 2 && Math.abs(pak.y - box.height / 2) < 2, `PAK at ${pak.x},${pak.y}`);
  for (const n of nodes) {
    assert.ok(n.x >= 0 && n.x <= box.width && n.y >= 0 && n.y <= box.height, `${n.id} off the canvas`);
  }
  const canvasPx = await page.evaluate(() => document.getElementById('network').width);
  assert.equal(canvasPx, Math.round(box.width * 2), 'the canvas backs each CSS pixel with devicePixelRatio pixels');
  await page.screenshot({ path: join(ARTIFACTS, 'overview.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first picture\'s code is one chunk, preloaded at once with the core\'s glue and wasm, and each file is fetched once', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')]
    .map((l) => new URL(l.href).pathname));
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  // What main.js imports statically, and what that imports, as served (scripts/bundle.mjs).
  const staticImports = (file) => [...readFileSync(join(SITE, file), 'utf8').matchAll(/\b(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const closure = new Set();
  const visit = (file) => { for (const f of staticImports(file)) if (!closure.has(f)) { closure.add(f); visit(f); } };
  visit('main.js');
  assert.equal(closure.size, 2, `main.js needs one chunk and the core's glue: ${[...closure]}`);
  for (const f of closure) assert.ok(preloaded.includes(`/${f}`), `${f} is preloaded: ${preloaded.join(' ')}`);
  assert.ok(preloaded.includes('/pkg/entente.js') && preloaded.includes('/pkg/entente_bg.wasm'), preloaded.join(' '));
  // What the page fetches after its first picture (the controls, io) is not preloaded.
  assert.ok(!preloaded.includes('/explore.js') && !preloaded.includes('/io.js'), preloaded.join(' '));
  for (const path of preloaded) assert.ok(fetched.includes(path), `${path} is preloaded and used`);
  // A preload that the page's own request did not match would show as a second fetch.
  const twice = fetched.filter((p, k) => fetched.indexOf(p) !== k);
  assert.deepEqual(twice, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering Pakistan and then Turkey shows their ties and cited evidence', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const pak = await actorPoint(page, 'PAK');
  await page.mouse.move(pak.x, pak.y);
  const tip = page.locator('#tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.getAttribute('data-actor'), 'PAK');
  const pakText = await tip.innerText();
  assert.match(pakText, /Pakistan/);
  assert.match(pakText, /Turkey/);
  assert.match(pakText, /Source: Dawn, 2021-/);
  const apiTies = await page.evaluate(() => window.entente.ties('PAK'));
  assert.equal(await tip.locator('li.tie').count(), apiTies.length);

  const tur = await actorPoint(page, 'TUR');
  await page.mouse.move(tur.x, tur.y);
  await page.waitForFunction(() => document.getElementById('tooltip').dataset.actor === 'TUR');
  const turText = await tip.innerText();
  assert.match(turText, /T129/);
  assert.match(turText, /Source: Dawn, 2021-03-17/);
  await page.screenshot({ path: join(ARTIFACTS, 'hover-turkey.png') });

  await page.mouse.move(2, 2);
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('unticking Diplomatic removes diplomatic-only ties from the API and the picture', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const before = await page.evaluate(() => window.entente.edges());
  const diplomaticOnly = before.filter((e) => e.kinds.length === 1 && e.kinds[0] === 'diplomatic');
  assert.ok(diplomaticOnly.length > 0, 'the dataset has diplomatic-only ties');
  const greenBefore = await greenPixels(page);
  assert.ok(greenBefore > 50, `diplomatic lines drawn: ${greenBefore} px`);
  const posBefore = await page.evaluate(() => window.entente.nodes());

  await page.getByLabel('Diplomatic').uncheck();
  assert.deepEqual(await page.evaluate(() => window.entente.filter()),
    { defense: true, diplomatic: false, economic: true, conflict: true });
  const after = await page.evaluate(() => window.entente.edges());
  for (const d of diplomaticOnly) {
    assert.ok(!after.some((e) => e.source === d.source && e.target === d.target), `${d.source}-${d.target} still shown`);
  }
  assert.ok(after.every((e) => !e.kinds.includes('diplomatic')));
  const pakTies = await page.evaluate(() => window.entente.ties('PAK'));
  assert.ok(pakTies.every((t) => t.events.every((ev) => ev.kind !== 'diplomatic')));

  // Warm start: the picture changes without a reshuffle — Pakistan stays put, the others move little.
  await settle(page);
  const posAfter = await page.evaluate(() => window.entente.nodes());
  assert.equal(await greenPixels(page), 0, 'no diplomatic line left in the picture');
  const pakA = posAfter.find((n) => n.id === 'PAK'), pakB = posBefore.find((n) => n.id === 'PAK');
  assert.ok(Math.hypot(pakA.x - pakB.x, pakA.y - pakB.y) < 2);
  await page.screenshot({ path: join(ARTIFACTS, 'no-diplomatic.png') });

  await page.evaluate(() => window.entente.setFilter({ diplomatic: true }));
  assert.equal(await page.getByLabel('Diplomatic').isChecked(), true, 'the API and the checkbox agree');
  assert.equal((await page.evaluate(() => window.entente.edges())).length, before.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the picture follows a window resize', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await settle(page);
  const box = await page.locator('#network').boundingBox();
  const nodes = await page.evaluate(() => window.entente.nodes());
  for (const n of nodes) assert.ok(n.x >= 0 && n.x <= box.width && n.y >= 0 && n.y <= box.height, `${n.id} off the canvas`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dataset that fails validation gets a located message, not a blank page', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/bad_kind.json`);
  const banner = page.locator('#error');
  await banner.waitFor({ state: 'visible' });
  const text = await banner.innerText();
  assert.match(text, /fixtures\/bad_kind\.json/);
  assert.match(text, /line 49, column 27: ties\[0\]\.events\[1\]\.kind: "militry" is not one of defense, diplomatic, economic, conflict/);
  assert.deepEqual(errors, [], 'a bad dataset is a message, not a console error');
  await page.screenshot({ path: join(ARTIFACTS, 'bad-data.png') });
  await context.close();
});
