// End to end: a generated dataset of 50,000 actors opened with ?data=: a hover answers while the chart,
// the table and storing still follow, and the table of ties holds one page of rows in the document
// while it counts every tie, and a screen-reader user reaches any tie by number or by name.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, hoverMoving, SITE, ARTIFACTS } from './harness.mjs';
import { syntheticDataset } from '../../bench/synthetic.mjs';

const ACTORS = 50000;
// Guards against a hung page on a busy machine, not measures of speed (bench/open measures).
const PATIENCE = { timeout: 300000 };

let env;
let ties;
before(async () => {
  mkdirSync(join(SITE, 'fixtures'), { recursive: true });
  const data = syntheticDataset(ACTORS);
  ties = data.ties.length;
  writeFileSync(join(SITE, 'fixtures', 'open-large.json'), JSON.stringify(data));
  env = await start();
});
after(async () => { await env?.close(); });

/**
 * Holds the events chart's wasm module (fetched after the first picture) until the test lets it
 * through, so that the rest of opening is still under way when the test hovers, on any machine.
 */
async function gateChart(context) {
  let open;
  const gate = new Promise((resolve) => { open = resolve; });
  await context.route('**/pkg/entente_chart_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return open;
}

test('50,000 actors: hover while the rest follows; the table has one page of rows, counts every tie and reaches any', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const release = await gateChart(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.base}?data=fixtures/open-large.json`);
  // The first picture is on screen.
  await page.waitForFunction(() => performance.getEntriesByName('entente:painted').length > 0, null, PATIENCE);
  assert.equal(await page.locator('#error').isHidden(), true, 'loaded without error');
  // The controls and window.entente come right after the first picture (main.js).
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, PATIENCE);

  // A hover answers while the chart is still held back.
  const hub = await page.evaluate(() => window.entente.nodes().reduce((a, b) => (b.ties > a.ties ? b : a)).id);
  await hoverMoving(page, hub, { timeout: PATIENCE.timeout });
  assert.equal(await page.locator('#chart svg').count(), 0, 'the chart was still on its way when the hover answered');
  await page.screenshot({ path: join(ARTIFACTS, 'open-large-hover.png') });
  await page.mouse.move(2, 2);
  release();

  // The rest follows: the chart, the table, the dataset kept in the browser.
  await page.waitForFunction(() => ['entente:chart', 'entente:table', 'entente:stored']
    .every((name) => performance.getEntriesByName(name).length > 0), null, PATIENCE);
  await page.locator('#chart svg rect').first().waitFor({ state: 'attached' });

  // The table: its count says every tie, while the document holds one page of rows.
  const table = page.locator('#table-view table');
  const count = ties.toLocaleString('en');
  assert.equal(await table.locator('caption').textContent(), `${count} ties shown, with their evidence`);
  assert.equal(await table.getAttribute('aria-rowcount'), String(ties + 1));
  const domRows = await table.locator('tbody tr').count();
  assert.ok(domRows > 0 && domRows <= 50, `${domRows} rows in the document for ${count} ties`);
  assert.equal(await page.locator('#table-position').textContent(), `Ties 1 to 50 of ${count}`);
  const visible = await page.evaluate(() => window.entente.edges().length);
  assert.equal(visible, ties);

  // The names of the n-th visible tie (1-based), from the API's own order of the visible ties.
  const namesOf = (n) => page.evaluate((n) => {
    const names = Object.fromEntries(window.entente.nodes().map((a) => [a.id, a.name]));
    const e = window.entente.edges()[n - 1];
    return [names[e.source], names[e.target]];
  }, n);
  const live = page.locator('#announce');

  // Open the table from the keyboard, then go to any tie by its number.
  await page.getByRole('button', { name: 'Table' }).click();
  for (const n of [1, 12345, ties]) {
    await page.getByLabel('Go to tie', { exact: true }).fill(String(n));
    await page.getByLabel('Go to tie', { exact: true }).press('Enter');
    const [a, b] = await namesOf(n);
    const focused = await page.evaluate(() => {
      const row = document.activeElement.closest('tr');
      return row && { index: row.getAttribute('aria-rowindex'), cells: [...row.cells].slice(0, 2).map((c) => c.textContent) };
    });
    assert.deepEqual(focused, { index: String(n + 1), cells: [a, b] }, `tie ${n} is focused in the table`);
    assert.equal(await live.textContent(), `Tie ${n.toLocaleString('en')} of ${count}: ${a} — ${b}`);
    assert.ok(await table.locator('tbody tr').count() <= 50);
  }
  // A number out of range is said, not followed.
  await page.getByLabel('Go to tie', { exact: true }).fill(String(ties + 1));
  await page.getByLabel('Go to tie', { exact: true }).press('Enter');
  assert.match(await live.textContent(), new RegExp(`^There are ${count} ties`));

  // Paging says where it is.
  await page.getByRole('button', { name: 'First page of ties' }).click();
  await page.getByRole('button', { name: 'Next page of ties' }).click();
  assert.equal(await live.textContent(), `Ties 51 to 100 of ${count}`);
  assert.equal(await table.locator('tbody tr').first().getAttribute('aria-rowindex'), '52');

  // Find a tie by an actor's name: the one tie of the last actor comes into the table.
  const last = `Actor ${ACTORS - 1}`;
  await page.getByLabel('Find a tie of', { exact: true }).fill(last);
  await page.getByLabel('Find a tie of', { exact: true }).press('Enter');
  const found = await page.evaluate(() => [...document.activeElement.closest('tr').cells].slice(0, 2).map((c) => c.textContent));
  assert.ok(found.includes(last), `found ${found.join(' — ')}`);
  assert.match(await live.textContent(), new RegExp(`^Tie [\\d,]+ of ${count}: .*${last}`));

  // Its evidence button pins that tie.
  await page.keyboard.press('Tab');
  const focusedName = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(focusedName ?? '', new RegExp(`^Evidence for .*${last}`));
  await page.keyboard.press('Enter');
  await page.waitForFunction((last) => {
    const t = window.entente.state().tie;
    return t !== null && t.includes(`A${String(last).padStart(5, '0')}`);
  }, ACTORS - 1);
  await page.screenshot({ path: join(ARTIFACTS, 'open-large-table.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
