// End to end in headless Chromium: import through the real file input, by drag and drop and by
// ?data=; the notices of what was assumed; bad files leave the dataset on screen; exports
// download and read back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, settle, ROOT, ARTIFACTS } from './harness.mjs';

const CORPUS = join(ROOT, '..', 'shared', 'interop', 'graphology');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const counts = (page) => page.locator('#counts').innerText();
const shown = (page) => page.evaluate(() => ({
  actors: window.entente.nodes().length,
  ties: window.entente.edges().length,
  title: document.getElementById('title').textContent,
}));

/** Clicks and collects `count` downloads (failing after 10 s without them). */
function downloadsOf(page, count, click) {
  const got = [];
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${count} downloads arrived`)), 10000);
    page.on('download', function collect(d) {
      got.push(d);
      if (got.length === count) {
        clearTimeout(timer);
        page.off('download', collect);
        resolve(got);
      }
    });
  });
  return click().then(() => done);
}

/** Picks files with the page's own file input and waits for the counts to change. */
async function pick(page, paths) {
  const before = await counts(page);
  await page.setInputFiles('#open-file', paths);
  await page.waitForFunction((b) => document.getElementById('counts').textContent !== b
    || !document.getElementById('error').hidden, before, { timeout: 20000 });
}

test('a GEXF from the corpus opens through the file input and draws its 77 actors, with notices', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  await pick(page, join(CORPUS, 'les_miserables.gexf'));
  assert.match(await counts(page), /^77 actors, 254 ties shown/);
  await settle(page);
  const now = await shown(page);
  assert.equal(now.actors, 77);
  assert.equal(now.title, 'Les Misérables, the characters coappearance weighted graph');
  const box = await page.locator('#network').boundingBox();
  const nodes = await page.evaluate(() => window.entente.nodes());
  for (const n of nodes) assert.ok(n.x >= 0 && n.x <= box.width && n.y >= 0 && n.y <= box.height, `${n.id} off the canvas`);
  const notices = page.locator('#notices');
  assert.equal(await notices.isVisible(), true);
  const text = await notices.innerText();
  assert.match(text, /254 edges have no date: their events are dated 2010-05-29, the file's own date/);
  assert.match(text, /77 nodes have no coordinates/);
  const myriel = await page.evaluate(() => window.entente.ties('0.0'));
  assert.ok(myriel.length > 0 && myriel[0].events[0].sources[0].outlet === 'les_miserables.gexf');
  await page.screenshot({ path: join(ARTIFACTS, 'import-les-miserables.png') });
  await page.getByRole('button', { name: 'Dismiss the import notices' }).click();
  assert.equal(await notices.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad file gets a located message and the dataset on screen stays', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const before = await shown(page);
  assert.ok(before.actors >= 15, 'the Pakistan dataset is on screen');
  const banner = page.locator('#error');
  for (const [file, message] of [
    ['csv/bad_kind.csv', 'bad_kind.csv: line 3, column 4: kind: "militry" is not one of defense, diplomatic, economic, conflict'],
    ['gexf/not_well_formed.gexf', 'not_well_formed.gexf: line 35, column 9: the XML is not well-formed'],
    ['graphml/unknown_node.graphml', 'unknown_node.graphml: line 42, column 5: edges[1].target: no node has the id "OTAN"'],
  ]) {
    await page.setInputFiles('#open-file', join(FIXTURES, file));
    await banner.waitFor({ state: 'visible' });
    await page.waitForFunction((m) => document.getElementById('error').textContent.includes(m), message);
    assert.match(await banner.innerText(), /the dataset on screen is unchanged/);
    assert.deepEqual(await shown(page), before, `${file} changed what is on screen`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'import-bad-file.png') });
  assert.deepEqual(errors, [], 'a bad file is a message, not a console error');
  await context.close();
});

test('an events CSV and an actors CSV picked together make one dataset', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  await pick(page, [join(FIXTURES, 'csv/pair.events.csv'), join(FIXTURES, 'csv/pair.actors.csv')]);
  assert.match(await counts(page), /^3 actors, 2 ties shown/);
  const pak = await page.evaluate(() => window.entente.ties('PAK'));
  const turkey = pak.find((t) => t.partnerName === 'Turkey');
  assert.equal(turkey.events.length, 2);
  assert.deepEqual(turkey.events[0].sources, [{ outlet: 'Dawn', date: '2021-03-17' }]);
  assert.equal(await page.locator('#notices').isVisible(), false, 'a complete pair assumes nothing');
  assert.equal(await page.locator('#error').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a GraphML file dropped on the page opens', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const text = readFileSync(join(FIXTURES, 'graphml/dated.graphml'), 'utf8');
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dated.graphml', { type: 'application/xml' }));
    return dt;
  }, text);
  await page.dispatchEvent('#stage', 'dragenter', { dataTransfer: transfer });
  assert.equal(await page.evaluate(() => document.body.classList.contains('dragging')), true);
  await page.dispatchEvent('#stage', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(() => document.getElementById('title').textContent === 'A GraphML test file');
  assert.equal(await page.evaluate(() => document.body.classList.contains('dragging')), false);
  assert.match(await counts(page), /^3 actors, 2 ties shown/);
  assert.match(await page.locator('#notices').innerText(), /1 edge has a weight, which is not kept/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('?data= opens a GEXF served beside the page', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const text = readFileSync(join(CORPUS, 'celegans.gexf'), 'utf8');
  await context.route('**/corpus/celegans.gexf', (route) => route.fulfill({ body: text, contentType: 'application/xml' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${env.base}?data=corpus/celegans.gexf`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  // 306 nodes, of which 9 have no edge: kept in the dataset, not drawn, and said so.
  assert.match(await counts(page), /^297 actors, 2148 ties shown/);
  const notices = await page.locator('#notices').innerText();
  assert.match(notices, /Imported corpus\/celegans\.gexf/);
  assert.match(notices, /9 nodes have no edges: kept in the dataset but not drawn/);
  await page.screenshot({ path: join(ARTIFACTS, 'import-celegans.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('every export downloads and reads back as the same network', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const before = await shown(page);
  const files = {};
  for (const [label, count] of [['JSON', 1], ['CSV', 2], ['GEXF', 1], ['GraphML', 1]]) {
    const downloads = await downloadsOf(page, count,
      () => page.getByRole('button', { name: label, exact: true }).click());
    files[label] = [];
    for (const d of downloads) {
      const path = join(ARTIFACTS, d.suggestedFilename());
      await d.saveAs(path);
      files[label].push(path);
    }
  }
  const names = Object.values(files).flat().map((p) => p.split('/').pop()).sort();
  assert.deepEqual(names, ['pakistan-2021.actors.csv', 'pakistan-2021.events.csv', 'pakistan-2021.gexf',
    'pakistan-2021.graphml', 'pakistan-2021.json']);
  assert.match(readFileSync(files.GEXF[0], 'utf8'), /<gexf xmlns="http:\/\/gexf\.net\/1\.3"[^>]* version="1\.3">/);
  for (const label of ['GEXF', 'GraphML', 'CSV', 'JSON']) {
    await page.setInputFiles('#open-file', files[label]);
    await page.waitForFunction(() => window.entente.nodes().length > 0);
    await settle(page);
    const now = await shown(page);
    assert.equal(now.actors, before.actors, `${label}: actors`);
    assert.equal(now.ties, before.ties, `${label}: ties`);
    assert.equal(await page.locator('#error').isVisible(), false, `${label}: no error`);
    const pak = await page.evaluate(() => window.entente.ties('PAK'));
    assert.ok(pak.some((t) => t.partnerName === 'Turkey' && t.events.some((e) => /T129/.test(e.summary))), label);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a bad ?data= dataset, opening a good file brings the page to life', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/bad_kind.json`);
  await page.locator('#error').waitFor({ state: 'visible' });
  // The message stays over the built-in dataset (store.js and main.js), until a file is opened.
  assert.match(await page.locator('#error').textContent(), /fixtures\/bad_kind\.json is not a valid Entente dataset/);
  await page.setInputFiles('#open-file', [join(FIXTURES, 'csv/pair.events.csv'), join(FIXTURES, 'csv/pair.actors.csv')]);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await settle(page);
  assert.equal(await page.locator('#error').isVisible(), false);
  const box = await page.locator('#network').boundingBox();
  const canvasPx = await page.evaluate(() => document.getElementById('network').width);
  assert.equal(canvasPx, Math.round(box.width), 'the canvas follows its box');
  const nodes = await page.evaluate(() => window.entente.nodes());
  assert.equal(nodes.length, 3);
  const tur = nodes.find((n) => n.id === 'TUR');
  await page.mouse.move(box.x + tur.x, box.y + tur.y);
  await page.waitForFunction(() => document.getElementById('tooltip').dataset.actor === 'TUR');
  assert.match(await page.locator('#tooltip').innerText(), /helicopter deal/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the importers are a second wasm module fetched on first use; a failed fetch is a message and a retry', async () => {
  const requests = [];
  let block = true;
  const { page, context, errors } = await open(env.browser, env.base, {}, async (c) => {
    c.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await c.route('**/pkg/entente_io_bg.wasm', (route) => (block ? route.abort() : route.continue()));
  });
  await settle(page);
  const io = () => requests.filter((p) => p.includes('entente_io'));
  assert.deepEqual(io(), [], 'the page loads without the importers');
  assert.ok(requests.includes('/pkg/entente_bg.wasm'), 'the core came with the page');
  // The importers cannot be fetched: a message, and the dataset on screen stays.
  const before = await shown(page);
  await page.setInputFiles('#open-file', join(CORPUS, 'les_miserables.gexf'));
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  assert.match(await page.locator('#error').textContent(), /^Import failed, the dataset on screen is unchanged — the importers could not be loaded/);
  assert.deepEqual(await shown(page), before);
  // Fetchable again: the same file opens.
  block = false;
  await page.setInputFiles('#open-file', join(CORPUS, 'les_miserables.gexf'));
  await page.waitForFunction(() => /^77 actors, 254 ties shown/.test(document.getElementById('counts').textContent), null, { timeout: 20000 });
  assert.ok(io().includes('/pkg/entente_io_bg.wasm'), `fetched on first use: ${io()}`);
  assert.deepEqual(errors.filter((e) => !/entente_io_bg\.wasm|Failed to fetch|net::ERR_FAILED/.test(e)), []);
  await context.close();
});

test('?data= is fetched once, from the page\'s start (early.js), not after the modules; another origin is not asked at all', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=data/pakistan-2021.json`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  const timing = await page.evaluate(() => ({
    requests: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/data/pakistan-2021.json')).map((e) => e.startTime),
    asked: performance.getEntriesByName('entente:fetch')[0]?.startTime,
  }));
  assert.equal(timing.requests.length, 1, `the dataset was requested ${timing.requests.length} times`);
  assert.ok(timing.requests[0] < timing.asked, `requested at ${timing.requests[0]} ms, main.js asked at ${timing.asked} ms`);
  assert.match(await counts(page), /actors/);
  assert.deepEqual(errors, []);
  await context.close();

  // Another origin: early.js makes no request; main.js refuses it with its message, and the
  // built-in dataset comes up under it.
  const other = await env.browser.newContext();
  const elsewhere = [];
  other.on('request', (r) => { if (!r.url().startsWith(env.base.replace(/\/[^/]*$/, ''))) elsewhere.push(r.url()); });
  const page2 = await other.newPage();
  await page2.goto(`${env.base}?data=https://example.org/data.json`);
  await page2.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  assert.match(await page2.locator('#error').innerText(), /only files from this site/);
  assert.deepEqual(elsewhere, []);
  await other.close();
});
