// Datasets kept in the browser: restored with their filters after a reload, listed, deleted; broken or full storage never stops the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, settle, actorPoint, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const BUILT_IN = /Pakistan/;

/** A fresh browser profile (its own IndexedDB) with an optional script run before the page's. */
async function profile(init) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function visit(page, query = '') {
  await page.goto(`${env.base}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true'
    && document.documentElement.dataset.store === 'ready', null, { timeout: 15000 });
}

/** Waits until "Your datasets" lists exactly `names`. */
async function listed(page, names) {
  await page.waitForFunction((names) => JSON.stringify([...document.querySelectorAll('#stored .stored-name')]
    .map((n) => n.textContent)) === JSON.stringify(names), names, { timeout: 5000 });
}

/** Waits until the view kept with dataset `name` satisfies `ok` (it is written asynchronously).
 *  page.evaluate awaits the read; waitForFunction would take its promise as a truthy value. */
async function keptView(page, name, ok) {
  for (const deadline = Date.now() + 15000; ;) {
    const view = await page.evaluate((name) => new Promise((resolve, reject) => {
      const open = indexedDB.open('entente', 1);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('entries').objectStore('entries').get(name);
        get.onsuccess = () => { open.result.close(); resolve(get.result?.view ?? null); };
      };
    }), name);
    if (ok(view)) return;
    if (Date.now() > deadline) throw new Error(`the view kept with ${name} is still ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Hovering `id` shows its tooltip: the page still works. */
async function hoverWorks(page, id) {
  await settle(page);
  const p = await actorPoint(page, id);
  assert.ok(p, `${id} is drawn`);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((id) => document.getElementById('tooltip').dataset.actor === id, id);
  await page.mouse.move(2, 2);
}

test('a dataset opened once comes back after a reload with its filters, until it is deleted', async () => {
  const { context, page, errors } = await profile();
  await visit(page, '?data=fixtures/minimal.json');
  assert.equal(await page.locator('#title').textContent(), 'Three actors');
  await listed(page, ['fixtures/minimal.json']);
  assert.match(await page.locator('#stored .stored-meta').textContent(), /^1\.\d kB · /);
  await page.getByLabel('Conflict').uncheck();
  // The filter is written asynchronously: wait until the store holds it.
  await keptView(page, 'fixtures/minimal.json', (view) => view?.kinds === 0b0111);

  await visit(page); // no ?data=: the kept dataset and its filter come back
  assert.equal(await page.locator('#title').textContent(), 'Three actors');
  assert.equal(await page.getByLabel('Conflict').isChecked(), false);
  assert.deepEqual(await page.evaluate(() => window.entente.filter()),
    { defense: true, diplomatic: true, economic: true, conflict: false });
  assert.deepEqual((await page.evaluate(() => window.entente.edges())).map((e) => e.kinds), [['defense']]);
  await hoverWorks(page, 'TUR');
  await page.screenshot({ path: join(ARTIFACTS, 'store-restored.png') });

  await visit(page, '?data=fixtures/hostile/odd_ids.json'); // an explicit ?data= wins
  assert.equal(await page.locator('#title').textContent(), 'Odd ids and names');
  await listed(page, ['fixtures/hostile/odd_ids.json', 'fixtures/minimal.json']);

  await page.getByRole('button', { name: 'Open fixtures/minimal.json' }).click();
  await page.waitForFunction(() => document.getElementById('title').textContent === 'Three actors');
  assert.equal(await page.getByLabel('Conflict').isChecked(), false, 'opening a kept dataset brings its filters');

  await page.getByRole('button', { name: 'Delete fixtures/minimal.json from this browser' }).click();
  await listed(page, ['fixtures/hostile/odd_ids.json']);
  assert.equal(await page.locator('#title').textContent(), 'Three actors', 'deleting does not take it off the screen');
  await page.getByRole('button', { name: 'Delete fixtures/hostile/odd_ids.json from this browser' }).click();
  await listed(page, []);
  await visit(page);
  assert.match(await page.locator('#title').textContent(), BUILT_IN);
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a comparison (or a window) is kept with its dataset: after a reload the same two dates are compared', async () => {
  const { context, page, errors } = await profile();
  await visit(page, '?data=fixtures/lasting/compare.json');
  await page.evaluate(() => window.entente.setTime({ mode: 'compare', a: '2012-01-01', b: '2016-12-31' }));
  const kept = (mode) => keptView(page, 'fixtures/lasting/compare.json', (view) => view?.mode === mode);
  await kept('compare');
  await visit(page); // no ?data=: the kept dataset comes back with its comparison
  assert.deepEqual(await page.evaluate(() => window.entente.time()), { mode: 'compare', a: '2012-01-01', b: '2016-12-31' });
  const c = await page.evaluate(() => window.entente.comparison());
  assert.equal(c.summary.startsWith('Between 2012-01-01 and 2016-12-31: 1 tie appeared, 4 ended'), true, c.summary);
  assert.equal(await page.locator('#compare-view').isVisible(), true);

  await page.evaluate(() => window.entente.setTime({ mode: 'between', a: '2011', b: '2013' }));
  await kept('between');
  await visit(page);
  assert.deepEqual(await page.evaluate(() => window.entente.time()), { mode: 'between', a: '2011', b: '2013' });
  assert.equal(await page.evaluate(() => window.entente.comparison()), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full storage is a message: the dataset stays on screen and the page goes on', async () => {
  const { context, page, errors } = await profile(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function full(value, key) {
      if (this.name === 'texts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await visit(page, '?data=fixtures/minimal.json');
  const banner = page.locator('#error');
  await banner.waitFor({ state: 'visible' });
  assert.equal(await banner.textContent(), 'Could not keep “fixtures/minimal.json” in this browser (QuotaExceededError: '
    + 'The quota has been exceeded.). It stays on screen, but will not come back after a reload.');
  assert.equal(await page.locator('#title').textContent(), 'Three actors');
  await hoverWorks(page, 'TUR');
  await page.screenshot({ path: join(ARTIFACTS, 'store-full.png') });
  await banner.click();
  await banner.waitFor({ state: 'hidden' });
  await visit(page);
  assert.match(await page.locator('#title').textContent(), BUILT_IN, 'nothing half-written is restored');
  await listed(page, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Stores written by a test straight into the page's database, bypassing store.js. */
async function corrupt(page, write) {
  await page.evaluate(write);
}

test('garbage in the storage is a message and the built-in dataset comes up', async () => {
  const { context, page, errors } = await profile();
  await visit(page, '?data=fixtures/minimal.json');
  await listed(page, ['fixtures/minimal.json']);
  await corrupt(page, () => new Promise((resolve, reject) => {
    const open = indexedDB.open('entente', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction(['texts', 'entries'], 'readwrite');
      tx.objectStore('texts').put({ name: 'fixtures/minimal.json', text: { not: 'text' } });
      tx.objectStore('entries').put({ name: 'garbage', usedAt: 'yesterday', view: 42 });
      tx.objectStore('entries').put({ name: 12, usedAt: Infinity });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await visit(page);
  assert.match(await page.locator('#error').textContent(),
    /The dataset open last time could not be restored \(“fixtures\/minimal\.json” is no longer readable in this browser's storage\); starting with the built-in dataset\./);
  assert.match(await page.locator('#title').textContent(), BUILT_IN);
  await hoverWorks(page, 'PAK');

  // A kept text that is not a dataset any more: its own located message, the built-in dataset under it.
  await corrupt(page, () => new Promise((resolve) => {
    const open = indexedDB.open('entente', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction(['texts', 'entries'], 'readwrite');
      tx.objectStore('texts').put({ name: 'broken.json', text: '{"format": "entente/1", "title": ' });
      tx.objectStore('entries').put({ name: 'broken.json', usedAt: Date.now() + 1e6, view: null });
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }));
  await visit(page);
  assert.equal(await page.locator('#error').textContent(),
    'broken.json is not a valid Entente dataset — line 1, column 33: title: EOF while parsing a value');
  assert.match(await page.locator('#title').textContent(), BUILT_IN);
  await hoverWorks(page, 'PAK');
  assert.deepEqual(errors, []);
  await context.close();
});

test('kept filters that the core refuses are a message, and everything is shown', async () => {
  const { context, page, errors } = await profile();
  await visit(page, '?data=fixtures/minimal.json');
  await listed(page, ['fixtures/minimal.json']);
  await corrupt(page, () => new Promise((resolve) => {
    const open = indexedDB.open('entente', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('entries', 'readwrite');
      const entries = tx.objectStore('entries');
      const get = entries.get('fixtures/minimal.json');
      get.onsuccess = () => entries.put({ ...get.result, view: { kinds: 1, tones: 7, types: 7, until: '2021-02-30' } });
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }));
  await visit(page);
  assert.equal(await page.locator('#error').textContent(), 'The filters kept for “fixtures/minimal.json” could not be '
    + 'applied ("2021-02-30" is not a day in the calendar); showing every tie.');
  assert.equal(await page.locator('#title').textContent(), 'Three actors');
  assert.equal((await page.evaluate(() => window.entente.edges())).length, 2);
  await hoverWorks(page, 'TTP');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage of another shape, or none at all, still starts the page', async () => {
  // A database of the same name and version, but without the object stores store.js expects.
  const other = await profile();
  // Set up from a plain file of the origin (not the page, which would create its stores); the
  // browser's own favicon request for it is answered, so no 404 reaches the console.
  await other.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  await other.page.goto(`${env.base}fixtures/minimal.json`);
  await other.page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('entente', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('something-else');
    open.onsuccess = () => { open.result.close(); resolve(); };
  }));
  await visit(other.page);
  assert.match(await other.page.locator('#error').textContent(), /The datasets kept in this browser could not be read \(NotFoundError: /);
  assert.match(await other.page.locator('#title').textContent(), BUILT_IN);
  await hoverWorks(other.page, 'PAK');
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // No IndexedDB at all (a browser that forbids storage).
  const none = await profile(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('Access is denied.', 'SecurityError'); } });
  });
  await visit(none.page);
  assert.equal(await none.page.locator('#error').textContent(), 'The datasets kept in this browser could not be read '
    + '(SecurityError: Access is denied.); starting with the built-in dataset.');
  assert.match(await none.page.locator('#title').textContent(), BUILT_IN);
  await hoverWorks(none.page, 'PAK');
  assert.deepEqual(none.errors, []);
  await none.context.close();
});
