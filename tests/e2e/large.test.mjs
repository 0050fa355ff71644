// End to end: a generated dataset of 5,000 actors is laid out in a Web Worker with a progress bar while hover keeps working.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, hoverMoving, ROOT, ARTIFACTS } from './harness.mjs';
import { syntheticDataset } from '../../bench/synthetic.mjs';

const ACTORS = 5000;

let env;
before(async () => {
  mkdirSync(join(ROOT, 'www', 'fixtures'), { recursive: true });
  writeFileSync(join(ROOT, 'www', 'fixtures', 'large.json'), JSON.stringify(syntheticDataset(ACTORS)));
  env = await start();
});
after(async () => { await env?.close(); });

/**
 * Serves worker.js with a pause between layout slices, so that the layout is still running when
 * the test hovers, however fast or slow the machine is. Only the pause changes; the layout is the
 * page's own.
 */
const slowed = { served: 0 };
async function slowWorker(context) {
  const source = readFileSync(join(ROOT, 'www', 'worker.js'), 'utf8');
  const yieldLine = 'await new Promise((resolve) => setTimeout(resolve, 0));';
  assert.ok(source.includes(yieldLine), 'worker.js still yields between slices the way this test slows it');
  const body = source.replace(yieldLine, 'await new Promise((resolve) => setTimeout(resolve, 40));');
  await context.route('**/worker.js', (route) => {
    slowed.served += 1;
    return route.fulfill({ contentType: 'text/javascript', body });
  });
}

test('a large dataset is laid out in a worker: progress bar, hover while it runs, then done', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/large.json`, {}, slowWorker);
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
  assert.equal(slowed.served, 1, 'the page ran the slowed worker');
  const progressAtHover = await page.evaluate(() => Number(document.querySelector('#layout-progress progress').value));
  const hiddenAtHover = await page.evaluate(() => document.getElementById('layout-progress').hidden);
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(frames >= 3, `the page kept drawing while the worker ran (${frames} frames)`);
  await page.screenshot({ path: join(ARTIFACTS, 'large-running.png') });
  assert.ok(running, 'the progress bar shows while the layout runs');
  assert.ok(!hiddenAtHover && progressAtHover < 1, `hovered while running (progress ${progressAtHover})`);
  // The bar completes and goes away; every actor has a finite position.
  await bar.waitFor({ state: 'hidden', timeout: 60000 });
  const nodes = await page.evaluate(() => window.entente.nodes());
  assert.equal(nodes.length, ACTORS);
  assert.ok(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
  await page.screenshot({ path: join(ARTIFACTS, 'large-done.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
