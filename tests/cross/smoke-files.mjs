// The smoke suite's tests of files and storage: a GEXF opened, JSON and PNG exports read back, IndexedDB after a reload, bad files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';
import { decodePng, countPixels } from './png.mjs';
import { LIMIT } from './session.mjs';
import { drawn, catchDownloads, stored } from './page.mjs';

const CORPUS = join(ROOT, '..', 'shared', 'interop', 'graphology');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Registers the file tests with an engine's session: `open`, `done` and `shut` (session.mjs). */
export function smokeFiles({ open, done, shut, base }) {
  test('open a GEXF file through the file input: 77 actors drawn, with the notices of what was assumed', LIMIT, async () => {
    const page = await open();
    await page.setFiles('#open-file', join(CORPUS, 'les_miserables.gexf'));
    const counts = await page.waitFor(() => /^77 actors/.test(document.getElementById('counts').textContent)
      && document.getElementById('counts').textContent, null, { what: '77 actors', timeout: 30000 });
    assert.match(counts, /^77 actors, 254 ties shown/);
    assert.equal((await page.evaluate(() => window.entente.nodes())).length, 77);
    assert.match(await page.evaluate(() => document.getElementById('notices').innerText), /254 edges have no date/);
    assert.ok((await drawn(page)).inked > 5000, 'the network is drawn');
    await done(page, 'gexf');
  });

  test('export JSON and read it back: the file the page writes opens as the same dataset', LIMIT, async () => {
    const page = await open('?data=fixtures/minimal.json');
    await catchDownloads(page);
    await page.clickOn('button[data-format="json"]');
    const [file] = await page.waitFor(() => window.__downloads.length === 1 && Promise.all(window.__downloads), null, { what: 'the download' });
    assert.equal(file.name, 'minimal.json');
    const data = JSON.parse(file.text);
    assert.equal(data.title, 'Three actors');
    assert.deepEqual([data.actors.length, data.ties.length], [3, 2]);
    await shut(page);
    const again = await open();
    const path = join(mkdtempSync(join(tmpdir(), 'entente-cross-')), file.name);
    writeFileSync(path, file.text);
    await again.setFiles('#open-file', path);
    await again.waitFor(() => document.getElementById('title').textContent === 'Three actors', null, { what: 'the export opened' });
    assert.match(await again.evaluate(() => document.getElementById('counts').textContent), /^3 actors, 2 ties shown/);
    assert.deepEqual(await again.evaluate(() => window.entente.ties('TUR')[0].events.map((e) => e.date)), ['2018-07', '2021-03']);
    await done(again, 'export-json');
  });

  test('export PNG: the picture the page encodes decodes at twice the view, with the network and its green', LIMIT, async () => {
    const page = await open();
    await catchDownloads(page);
    await page.clickOn('#export-picture button');
    const [file] = await page.waitFor(() => window.__downloads.length === 1 && Promise.all(window.__downloads), null, { what: 'the download' });
    assert.equal(file.name, 'pakistan-2021.png');
    const png = decodePng(Buffer.from(file.bytes, 'base64'));
    const view = await page.evaluate(() => document.getElementById('network').getBoundingClientRect().toJSON());
    assert.equal(png.width, Math.round(view.width * 2));
    const network = countPixels(png, { x: 0, y: 0, width: png.width, height: Math.round(view.height * 2) });
    assert.ok(network.inked > 20000 && network.green > 200, JSON.stringify(network));
    await done(page, 'export-png');
  });

  test('IndexedDB: a dataset opened once comes back after a reload, with its filter', LIMIT, async () => {
    const page = await open('?data=fixtures/minimal.json');
    await page.waitFor(() => document.documentElement.dataset.store === 'ready', null, { what: 'the store' });
    await page.clickOn('input[name="conflict"]');
    await page.waitFor(stored, { key: 'fixtures/minimal.json', kinds: 0b0111 }, { what: 'the filter kept in IndexedDB' });
    await page.goto(base());
    await page.waitFor(() => document.documentElement.dataset.ready === 'true'
      && document.documentElement.dataset.store === 'ready', null, { what: 'the page again' });
    assert.equal(await page.evaluate(() => document.getElementById('title').textContent), 'Three actors');
    assert.deepEqual(await page.evaluate(() => [window.entente.filter().conflict, document.querySelector('input[name="conflict"]').checked]), [false, false]);
    await done(page, 'restored');
  });

  test('bad files: a located message, and the dataset on screen stays', LIMIT, async () => {
    const page = await open('?data=fixtures/bad_kind.json');
    const json = await page.waitFor(() => !document.getElementById('error').hidden && document.getElementById('error').textContent, null, { what: 'the message' });
    assert.match(json, /fixtures\/bad_kind\.json.*line 49, column 27: ties\[0\]\.events\[1\]\.kind: "militry" is not one of defense, diplomatic, economic, conflict/);
    await shut(page);
    const again = await open();
    await again.setFiles('#open-file', join(FIXTURES, 'gexf/not_well_formed.gexf'));
    const gexf = await again.waitFor(() => !document.getElementById('error').hidden && document.getElementById('error').textContent, null, { what: 'the message' });
    assert.match(gexf, /the dataset on screen is unchanged/);
    assert.match(gexf, /not_well_formed\.gexf: line 35, column 9: the XML is not well-formed/);
    assert.equal((await again.evaluate(() => window.entente.nodes())).length, 21);
    await done(again, 'bad-file', { banner: true });
  });
}
