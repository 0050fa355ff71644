// Every bad file in tests/hostile.json opened through the page: its located message in the banner, the built-in dataset working under it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, settle, actorPoint, ARTIFACTS, ROOT, SITE } from './harness.mjs';

const CASES = JSON.parse(readFileSync(join(ROOT, 'tests/hostile.json'), 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** How the banner introduces a message: bytes refused before parsing, or a dataset refused. */
function banner(file, c) {
  const url = `fixtures/hostile/${file}`;
  const beforeParsing = c.kind === 'Encoding' || (c.kind === 'TooLarge' && !c.shows.includes(': '));
  return beforeParsing ? `Could not read ${url}: ${c.shows}` : `${url} is not a valid Entente dataset — ${c.shows}`;
}

test('each bad file gets its located message and the page keeps working', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  assert.ok(CASES.length >= 30);
  for (const c of CASES) {
    await page.goto(`${env.base}?data=fixtures/hostile/${encodeURIComponent(c.file)}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 15000 });
    assert.equal(await page.locator('#error').textContent(), banner(c.file, c), c.file);
    assert.match(await page.locator('#title').textContent(), /Pakistan/, `${c.file}: the built-in dataset is up`);
    assert.ok((await page.evaluate(() => window.entente.nodes())).length > 15, c.file);
    if (c.file === 'latin1.json') await page.screenshot({ path: join(ARTIFACTS, 'hostile-latin1.png') });
  }
  // The same front door for a file from the picker: bytes checked by the core, the dataset kept.
  await page.setInputFiles('#open-file', join(ROOT, 'tests/fixtures/hostile/latin1.json'));
  await page.waitForFunction(() => document.getElementById('error').textContent.startsWith('Could not read latin1.json'));
  assert.equal(await page.locator('#error').textContent(), 'Could not read latin1.json: line 7, column 116: the file is '
    + 'not UTF-8 (byte 0xE9 at offset 379); save it as UTF-8. The dataset on screen is unchanged.');
  assert.match(await page.locator('#title').textContent(), /Pakistan/);
  // After all that, the page still answers the pointer.
  await settle(page);
  const p = await actorPoint(page, 'PAK');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => document.getElementById('tooltip').dataset.actor === 'PAK');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a very long name is cut with an ellipsis on the canvas, whole in the tooltip, and no label leaves the canvas', async () => {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const data = JSON.parse(readFileSync(join(ROOT, 'data/pakistan-2021.json'), 'utf8'));
  const long = `The Republic of Türkiye ${'and its very long official designation '.repeat(15)}(end)`;
  data.actors.find((a) => a.id === 'TUR').name = long;
  mkdirSync(join(SITE, 'fixtures'), { recursive: true });
  writeFileSync(join(SITE, 'fixtures/long-name.json'), JSON.stringify(data));
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.base}?data=fixtures/long-name.json`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 15000 });
  assert.equal(await page.locator('#error').isHidden(), true);
  await settle(page);
  const width = await page.evaluate(() => document.getElementById('network').clientWidth);
  const inside = (labels) => labels.filter((b) => b.x < -0.5 || b.x + b.w > width + 0.5);
  const before = await page.evaluate(() => window.entente.labels());
  assert.deepEqual(inside(before), [], 'every label lies on the canvas');
  // Hovered, Turkey is the focus: its label is always placed, longer, and still cut.
  const p = await actorPoint(page, 'TUR');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => document.getElementById('tooltip').dataset.actor === 'TUR');
  const labels = await page.evaluate(() => window.entente.labels());
  const tur = labels.find((b) => b.id === 'TUR');
  assert.ok(tur, 'the focused actor is labelled');
  assert.ok(tur.text.startsWith('The Republic of Türkiye') && tur.text.endsWith('…'), tur.text);
  assert.ok(tur.w <= 404 && tur.w > 200, `label width ${tur.w}`);
  assert.deepEqual(inside(labels), [], 'every label lies on the canvas');
  assert.ok((await page.locator('#tooltip').innerText()).includes(long.trim()), 'the tooltip shows the whole name');
  // The names that fit are drawn whole.
  assert.equal(labels.find((b) => b.id === 'PAK')?.text, 'Pakistan');
  await page.screenshot({ path: join(ARTIFACTS, 'long-name.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
