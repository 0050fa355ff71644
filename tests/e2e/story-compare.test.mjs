// A story step that holds a comparison: stepping to it turns compare mode on, the chip names it, the next step goes back to its own time; Explore from here keeps it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, open, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const atStep = (page, n) => page.waitForFunction((n) => document.getElementById('story-count')?.textContent.startsWith(`Step ${n} of`)
  && !document.getElementById('story-card').hidden, n);
const chips = (page) => page.evaluate(() => [...document.querySelectorAll('#story-card .story-chip')].map((li) => li.textContent));
const time = (page) => page.evaluate(() => window.entente.time());
const COMPARE_CHIP = 'compare 2011 → 2021-04-08: changes marked';

test('the Russia step compares 2011 with April 2021; the next step is back as of its date; Explore from here keeps the comparison', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await page.click('#story-toggle');
  await atStep(page, 1);
  assert.equal((await time(page)).mode, 'asof');

  await page.click('.story-dots li:nth-child(4) button');
  await atStep(page, 4);
  await page.waitForFunction(() => window.entente.time().mode === 'compare');
  assert.deepEqual(await time(page), { mode: 'compare', a: '2011', b: '2021-04-08' });
  const c = await page.evaluate(() => window.entente.comparison());
  assert.ok(c, 'a comparison is on screen');
  const russia = c.ties.find((t) => [t.source, t.target].sort().join('-') === 'PAK-RUS');
  // Pakistan–Russia is there in 2011 (cooperative) and gains four events by 8 April 2021: the 2016
  // exercise, the backing expected in 2021 (a year counts from its first day), Lavrov's visit, the pledge.
  assert.equal(russia?.change, 'intensified', JSON.stringify(russia));
  assert.equal(russia.newEvents, 4);
  const usa = c.ties.find((t) => [t.source, t.target].sort().join('-') === 'PAK-USA');
  assert.equal(usa?.change, 'unchanged', 'the 2021 events with the U.S. come after 8 April');
  assert.ok(c.ties.filter((t) => t.change === 'appeared').length > 10, c.summary);
  assert.ok((await chips(page)).includes(COMPARE_CHIP), (await chips(page)).join(' | '));
  assert.ok(!(await chips(page)).some((t) => t.startsWith('as of')), 'no "as of" chip beside the comparison');
  // The comparison's own summary, legend and table are shown with it.
  await page.waitForFunction(() => !document.getElementById('compare-view').hidden);
  assert.equal(await page.locator('#compare-summary').textContent(), c.summary);
  await page.locator('#story-card .story-chip').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'story-compare.png') });

  // The next step (Tajikistan) has no date: every date, as of, no comparison.
  await page.click('#story-next');
  await atStep(page, 5);
  await page.waitForFunction(() => window.entente.time().mode === 'asof');
  assert.deepEqual(await time(page), { mode: 'asof', a: null, b: null });
  assert.equal(await page.evaluate(() => window.entente.comparison()), null);
  assert.ok(!(await chips(page)).some((t) => t.startsWith('compare')), (await chips(page)).join(' | '));
  await page.waitForFunction(() => document.getElementById('compare-view').hidden);

  // The step before the Russia one has no date either; back on Russia the comparison returns.
  await page.click('#story-prev');
  await atStep(page, 4);
  await page.waitForFunction(() => window.entente.time().mode === 'compare');
  await page.click('#story-prev');
  await atStep(page, 3);
  await page.waitForFunction(() => window.entente.time().mode === 'asof');
  assert.equal(await page.evaluate(() => window.entente.comparison()), null);
  await page.click('#story-next');
  await atStep(page, 4);
  await page.waitForFunction(() => window.entente.time().mode === 'compare');

  // Explore from here: the card goes, the comparison stays, and the address holds it.
  await page.click('#story-explore');
  await page.waitForFunction(() => document.getElementById('story-card').hidden);
  assert.deepEqual(await time(page), { mode: 'compare', a: '2011', b: '2021-04-08' });
  assert.ok(await page.evaluate(() => window.entente.comparison()));
  await page.waitForFunction(() => !location.search.includes('story=') && location.search.includes('mode=compare'));
  const q = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(q.get('since'), '2011');
  assert.equal(q.get('until'), '2021-04-08');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the permalink ?story=russia opens in compare mode', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?story=russia`);
  await atStep(page, 4);
  await page.waitForFunction(() => window.entente.time().mode === 'compare');
  assert.deepEqual(await time(page), { mode: 'compare', a: '2011', b: '2021-04-08' });
  assert.ok(await page.evaluate(() => window.entente.comparison()));
  assert.ok((await chips(page)).includes(COMPARE_CHIP), (await chips(page)).join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a story step holding a window shows only the events from A to B; the next holds a comparison; the last is back to every date', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/lasting/story.json`);
  await page.click('#story-toggle');
  await atStep(page, 1);
  await page.waitForFunction(() => window.entente.time().mode === 'between');
  assert.deepEqual(await time(page), { mode: 'between', a: '2011', b: '2013' });
  // Worked out from the fixture: the ties with an event dated from 2011 to 2013, and no other.
  const pairs = (await page.evaluate(() => window.entente.edges())).map((e) => [e.source, e.target].sort().join('–')).sort();
  assert.deepEqual(pairs, ['A–E', 'A–F', 'B–G', 'E–H', 'F–G']);
  assert.equal(await page.evaluate(() => window.entente.comparison()), null);
  assert.ok((await chips(page)).includes('only events from 2011 to 2013'), (await chips(page)).join(' | '));
  await page.screenshot({ path: join(ARTIFACTS, 'story-between.png') });

  await page.keyboard.press('ArrowRight');
  await atStep(page, 2);
  await page.waitForFunction(() => window.entente.time().mode === 'compare');
  assert.deepEqual(await time(page), { mode: 'compare', a: '2012-01-01', b: '2016-01-01' });
  const c = await page.evaluate(() => window.entente.comparison());
  assert.deepEqual(c.ties.filter((t) => t.change === 'ended').map((t) => `${t.source}–${t.target}`).sort(), ['A–B', 'D–E', 'F–G', 'H–E']);

  await page.keyboard.press('ArrowRight');
  await atStep(page, 3);
  await page.waitForFunction(() => window.entente.time().mode === 'asof');
  assert.deepEqual(await time(page), { mode: 'asof', a: null, b: null });
  assert.equal((await page.evaluate(() => window.entente.edges())).length, 10);
  assert.deepEqual(errors, []);
  await context.close();
});
