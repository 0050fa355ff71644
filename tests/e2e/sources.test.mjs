// A source's url, title and quote in the evidence panel: the link opens a new tab without an opener; a javascript: url in a file is refused at its place.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, open, settle, actorPoint, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a cited item is a link opening in a new tab with rel="noopener noreferrer", its title and quote shown', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/minimal.json`);
  // The cited page is served by the test, so nothing leaves the machine.
  await context.route('https://www.dawn.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>cited</title>cited' }));
  await settle(page);
  const p = await actorPoint(page, 'TUR');
  await page.mouse.click(p.x, p.y);
  const link = page.locator('#evidence a.source-link');
  await link.waitFor();
  assert.equal(await link.count(), 1, 'only the source with a url is a link');
  assert.equal(await link.getAttribute('href'), 'https://www.dawn.com/news/example');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await link.textContent(), 'Dawn, 2021-03-17: Helicopter delivery extended');
  assert.match(await page.locator('#evidence').innerText(), /“?The delivery was extended by a year\.”? — Dawn/);
  await page.locator('#evidence').screenshot({ path: join(ARTIFACTS, 'source-link.png') });
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), 'https://www.dawn.com/news/example');
  assert.equal(await tab.evaluate(() => window.opener), null, 'the new tab cannot reach the page');
  assert.equal(await tab.evaluate(() => document.referrer), '', 'no referrer is sent');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'a link is navigation: the CSP is not involved');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a javascript: url in a file is refused with its record and field, and the page keeps what it shows', async () => {
  const { page, context } = await open(env.browser, `${env.base}?data=fixtures/source_url_javascript.json`);
  await page.locator('#error').waitFor({ state: 'visible' });
  const message = await page.locator('#error').textContent();
  assert.match(message, /ties\[0\]\.events\[0\]\.sources\[0\]\.url: "javascript:alert\(document\.domain\)" is not a web address: a source's url begins with http:\/\/ or https:\/\//);
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
  await context.close();
});
