// Each engine's session for the smoke suite: the served site, the browser, a fresh page per test, and the checks every test ends with.

import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, ARTIFACTS } from '../e2e/harness.mjs';
import { launch } from './driver.mjs';

export const WIDE = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** Each test's limit: a browser that hangs fails its test instead of stalling the run. */
export const LIMIT = { timeout: 180000 };

/** Registers the hooks that start and stop `engine`; returns {open, done, shut, base}. */
export function engineSession(engine) {
  let site, browser;
  before(async () => {
    site = await serve();
    browser = await launch(engine);
    console.log(`# ${engine}: ${browser.version}`);
  });
  after(async () => {
    await browser?.close();
    site?.server.kill();
  });
  // A failed test leaves its page open: close it (WebKitWebDriver runs one session at a time).
  const pages = new Set();
  afterEach(async () => {
    for (const page of pages) await page.close().catch(() => {});
    pages.clear();
  });

  /** A page of its own (fresh storage) at `viewport`, on `query`, once the page is ready. */
  async function open(query = '', viewport = WIDE) {
    const page = await browser.open(viewport);
    pages.add(page);
    await page.goto(`${site.base}${query}`);
    await page.waitFor(() => document.documentElement.dataset.ready === 'true'
      || !document.getElementById('error').hidden, null, { what: 'the page to be ready', timeout: 30000 });
    return page;
  }

  /** Closes `page` (and forgets it). */
  async function shut(page) {
    pages.delete(page);
    await page.close();
  }

  /** Saves a screenshot, checks that nothing went wrong, and closes the page. */
  async function done(page, name, { banner = false } = {}) {
    writeFileSync(join(ARTIFACTS, `cross-${engine}-${name}.png`), await page.screenshot());
    if (!banner) assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, 'no error banner');
    assert.deepEqual(await page.errors(), [], 'no console error, no uncaught error');
    await shut(page);
  }

  return { open, done, shut, base: () => site.base };
}
