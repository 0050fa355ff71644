// End to end in headless Chromium: GDELT, ICEWS, SIPRI and COW files opened through the file
// input and by drag and drop, through the import dialog (mapping, restriction), read in a
// worker; SIPRI added to the shipped dataset; a big import cancelled midway changes nothing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, settle, actorPoint, ROOT, ARTIFACTS } from './harness.mjs';

const EVENTS = join(ROOT, 'tests', 'fixtures', 'events');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const counts = (page) => page.locator('#counts').innerText();
const title = (page) => page.locator('#title').innerText();
const dialog = (page) => page.locator('#event-import');

/** Waits for the title to become `want` (or an error to show). */
async function titled(page, want) {
  await page.waitForFunction((t) => document.getElementById('title').textContent === t
    || !document.getElementById('error').hidden, want, { timeout: 30000 });
  assert.equal(await page.locator('#error').isHidden(), true, await page.locator('#error').innerText());
  assert.equal(await title(page), want);
}

for (const [file, label, shown, notice] of [
  ['gdelt1.export.CSV', 'GDELT 1.0', /^4 actors, 3 ties shown/, /1 name not in the country table became an actor of its own, placed at latitude 0, longitude 0: WST/],
  ['gdelt2.export.CSV', 'GDELT 2.0', /^2 actors, 1 ties? shown/, /3 rows became 2 events per pair, month, kind and tone/],
  ['icews.events.2021.tab', 'ICEWS', /^4 actors, 3 ties shown/, /1 row names no actor on one side and was left out/],
  ['sipri-trade-register.csv', 'SIPRI trade register', /^3 actors, 2 ties shown/, /Every SIPRI deal is a cooperative defense event/],
  ['dyadic_mid_4.02.csv', 'Correlates of War', /^4 actors, 3 ties shown/, /COW 999/],
]) {
  test(`${label}: ${file} opens through the file input and the dialog`, async () => {
    const { page, context, errors } = await open(env.browser, env.base);
    await settle(page);
    await page.setInputFiles('#open-file', join(EVENTS, file));
    await dialog(page).waitFor({ state: 'visible' });
    assert.match(await dialog(page).locator('h2').innerText(), new RegExp(`^${label}: `));
    await dialog(page).getByRole('button', { name: 'Open as new' }).click();
    await titled(page, `${label}: ${file}`);
    assert.match(await counts(page), shown);
    assert.match(await page.locator('#notices').innerText(), notice);
    assert.equal(await dialog(page).count(), 0, 'the dialog is gone');
    if (file.startsWith('gdelt1')) {
      await settle(page);
      await page.screenshot({ path: join(ARTIFACTS, 'events-gdelt1.png') });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an ICEWS file dropped on the page opens restricted to Pakistan and China, tones by Goldstein', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const text = readFileSync(join(EVENTS, 'icews.events.2021.tab'), 'utf8');
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'icews.events.2021.tab'));
    return dt;
  }, text);
  await page.dispatchEvent('#stage', 'drop', { dataTransfer: transfer });
  await dialog(page).waitFor({ state: 'visible' });
  await dialog(page).getByLabel('Only pairs with').fill('China');
  await dialog(page).getByLabel('Tone from').selectOption('goldstein');
  await dialog(page).getByLabel('Strained below Goldstein').fill('3');
  await page.screenshot({ path: join(ARTIFACTS, 'events-dialog.png') });
  await dialog(page).getByRole('button', { name: 'Open as new' }).click();
  await titled(page, 'ICEWS: icews.events.2021.tab');
  assert.match(await counts(page), /^2 actors, 1 ties? shown/);
  const ties = await page.evaluate(() => window.entente.ties('CHN'));
  assert.equal(ties.length, 1);
  // Each row's intensity gives its tone: 3.0 is cooperative, 1.0 and 2.8 are below 3, strained.
  assert.deepEqual(ties[0].events.map((e) => [e.date, e.tone, e.summary]), [
    ['2021-06', 'cooperative', '1 ICEWS event between Pakistan and China: express intent to cooperate (CAMEO 03)'],
    ['2021-06', 'strained', '2 ICEWS events between Pakistan and China: consult (CAMEO 04)'],
  ]);
  assert.match(await page.locator('#notices').innerText(), /Left out by the restriction: 2 rows outside the chosen actors or dates/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("SIPRI's transfers are added to the article's dataset, matched by country, and cite their dataset", async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const before = { title: await title(page), counts: await counts(page) };
  const eventsOfPak = () => page.evaluate(() => window.entente.ties('PAK').reduce((n, t) => n + t.events.length, 0));
  const pakBefore = await eventsOfPak();
  await page.setInputFiles('#open-file', join(EVENTS, 'sipri-trade-register.csv'));
  await dialog(page).waitFor({ state: 'visible' });
  await dialog(page).getByRole('button', { name: 'Add to current dataset' }).click();
  await page.waitForFunction(() => /Added 4 events/.test(document.getElementById('notices').textContent), null, { timeout: 30000 });
  assert.equal(await title(page), before.title);
  assert.equal(await counts(page), before.counts, 'the same actors and ties: the deals joined existing ties');
  assert.match(await page.locator('#notices').innerText(), /matched to actors already shown: China, Pakistan, Turkey/);
  const ties = await page.evaluate(() => window.entente.ties('PAK'));
  const events = ties.flatMap((t) => t.events);
  const frigates = events.find((e) => e.summary.startsWith('China to Pakistan: 4 Type-054A/P (frigate)'));
  assert.ok(frigates, 'the frigate deal is on the Pakistan–China tie');
  assert.equal(frigates.sources[0].title, 'SIPRI trade register: sipri-trade-register.csv');
  assert.equal(await eventsOfPak(), pakBefore + 4, 'every deal involves Pakistan');
  await settle(page);
  const pak = await actorPoint(page, 'PAK');
  await page.mouse.click(pak.x, pak.y);
  await page.locator('#evidence').getByText('SIPRI trade register: sipri-trade-register.csv').first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'events-sipri-added.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the filters hide and show one source dataset: the SIPRI deals, then the article\'s own events', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const sources = page.locator('#source-datasets');
  assert.equal(await sources.isHidden(), true, 'one source dataset: no control');
  const before = await counts(page);
  const eventsOfPak = () => page.evaluate(() => window.entente.ties('PAK').reduce((n, t) => n + t.events.length, 0));
  const pakBefore = await eventsOfPak();
  await page.setInputFiles('#open-file', join(EVENTS, 'sipri-trade-register.csv'));
  await dialog(page).waitFor({ state: 'visible' });
  await dialog(page).getByRole('button', { name: 'Add to current dataset' }).click();
  await page.waitForFunction(() => /Added 4 events/.test(document.getElementById('notices').textContent), null, { timeout: 30000 });
  await sources.waitFor({ state: 'visible' });
  const labels = await sources.locator('label').allInnerTexts();
  assert.equal(labels.length, 2);
  assert.equal(labels[0], `${await title(page)}\nthe dataset's own, 59 events`);
  assert.equal(labels[1], 'SIPRI trade register: sipri-trade-register.csv\n4 events');
  // The checkboxes' accessible names are the visible labels, name and count.
  const sipri = sources.getByRole('checkbox', { name: 'SIPRI trade register: sipri-trade-register.csv 4 events', exact: true });
  const own = sources.getByRole('checkbox', { name: /the dataset's own, 59 events$/ });
  assert.equal(await sipri.count(), 1);
  assert.equal(await own.count(), 1);
  const hidden = () => page.evaluate(() => new URL(location.href).searchParams.getAll('hide'));

  await sipri.uncheck();
  await page.waitForFunction((n) => window.entente.ties('PAK').reduce((k, t) => k + t.events.length, 0) === n, pakBefore);
  assert.equal(await counts(page), before, 'every tie SIPRI reports is also the article\'s');
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('hide').length === 1);
  assert.deepEqual(await hidden(), ['SIPRI trade register: sipri-trade-register.csv']);
  assert.equal(await page.locator('#reset-filters').isDisabled(), false);

  await sipri.check();
  await own.uncheck();
  // Only the deals are left: China and Turkey with Pakistan; every tie the article alone reports is gone.
  await page.waitForFunction(() => /^3 actors, 2 ties shown/.test(document.getElementById('counts').innerText), null, { timeout: 20000 });
  const ties = await page.evaluate(() => window.entente.ties('PAK'));
  assert.deepEqual(ties.map((t) => t.partner).sort(), ['CHN', 'TUR']);
  assert.ok(ties.flatMap((t) => t.events).every((e) => e.sources[0].title === 'SIPRI trade register: sipri-trade-register.csv'));
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('hide').includes(''));
  await settle(page);
  await page.screenshot({ path: join(ARTIFACTS, 'events-source-hidden.png') });

  await own.check();
  await page.waitForFunction((c) => document.getElementById('counts').innerText === c, before);
  assert.equal(await eventsOfPak(), pakBefore + 4);
  assert.equal(await page.locator('#reset-filters').isDisabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Serves events-worker.js so that it waits after its first slice until the test posts on the
 *  'entente-test-gate' channel: on a busy machine, the whole file could be read between the
 *  first progress and the click on Cancel. */
const gatedEvents = { served: 0 };
async function gatedEventsWorker(context) {
  const source = readFileSync(join(ROOT, 'www', 'events-worker.js'), 'utf8');
  const progressLine = "self.postMessage({ type: 'progress',";
  assert.ok(source.includes(progressLine), 'events-worker.js still posts its progress the way this test gates it');
  const at = source.indexOf('\n', source.indexOf(progressLine)) + 1;
  const gate = `      await (self.__gate ??= new Promise((resolve) => {
        new BroadcastChannel('entente-test-gate').onmessage = () => resolve();
      }));
`;
  const body = source.slice(0, at) + gate + source.slice(at);
  await context.route('**/events-worker.js', (route) => {
    gatedEvents.served += 1;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
}

test('a big GDELT import cancelled midway leaves the dataset on screen unchanged', async () => {
  const { page, context, errors } = await open(env.browser, env.base, {}, gatedEventsWorker);
  await settle(page);
  const before = { title: await title(page), counts: await counts(page) };
  const line = readFileSync(join(EVENTS, 'gdelt1.export.CSV'), 'utf8').split('\n')[0] + '\n';
  // About 150 MB, read in 4 MiB slices; the worker waits after the first (gatedEventsWorker), so
  // it is still being read when Cancel is pressed.
  const transfer = await page.evaluateHandle((l) => {
    const block = l.repeat(4096);
    const dt = new DataTransfer();
    dt.items.add(new File(Array(96).fill(block), 'big.export.CSV'));
    return dt;
  }, line);
  await page.dispatchEvent('#stage', 'drop', { dataTransfer: transfer });
  await dialog(page).waitFor({ state: 'visible' });
  await dialog(page).getByRole('button', { name: 'Open as new' }).click();
  await page.waitForFunction(() => document.getElementById('event-progress')?.value > 0, null, { timeout: 30000 });
  const midway = await page.locator('#event-progress').evaluate((p) => p.value);
  assert.ok(midway < 1, `cancelled midway (${midway})`);
  assert.equal(gatedEvents.served, 1, 'the gated worker read the file');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await dialog(page).count(), 0);
  assert.equal(await title(page), before.title);
  assert.equal(await counts(page), before.counts);
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('event data by address: ?data= opens the same dialog before the first picture; "Add" waits for a dataset on screen', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.base}?data=fixtures/events/sipri-trade-register.csv`);
  await dialog(page).waitFor({ state: 'visible' });
  assert.match(await dialog(page).locator('h2').innerText(), /^SIPRI trade register: /);
  assert.equal(await dialog(page).getByRole('button', { name: 'Add to current dataset' }).isDisabled(), true, 'nothing on screen to add to');
  await dialog(page).getByRole('button', { name: 'Open as new' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  await titled(page, 'SIPRI trade register: sipri-trade-register.csv');
  assert.match(await counts(page), /^3 actors, 2 ties shown/);
  assert.match(await page.locator('#notices').innerText(), /Every SIPRI deal is a cooperative defense event/);
  await page.screenshot({ path: join(ARTIFACTS, 'events-by-address.png') });

  // Cancelled at boot: the built-in dataset comes up instead.
  await page.goto(`${env.base}?data=fixtures/events/dyadic_mid_4.02.csv`);
  await dialog(page).waitFor({ state: 'visible' });
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  assert.match(await title(page), /Pakistan/);
  assert.deepEqual(errors, []);
  await context.close();
});
