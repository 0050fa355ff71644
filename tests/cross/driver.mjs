// One small browser API over three drivers: Playwright (Chromium), Puppeteer over WebDriver BiDi (Firefox ESR) and Selenium over W3C WebDriver (WebKitGTK's MiniBrowser under Xvfb).

import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key, Origin } from 'selenium-webdriver';
import { freePort, ARTIFACTS } from '../e2e/harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * A page of any engine:
 * goto(url), reload(), evaluate(fn, arg) (fn runs in the page), move(x, y), click(x, y) (viewport
 * CSS pixels, the real pointer), clickOn(selector), press(key) (Playwright's key names), type(text),
 * setFiles(selector, paths), screenshot() (PNG bytes), viewport() ({width, height} as laid out),
 * errors() (console errors and uncaught errors so far), close().
 */
function common(page) {
  return {
    ...page,
    viewport: () => page.evaluate(() => ({ width: innerWidth, height: innerHeight })),
    /** Polls `fn(arg)` in the page until it is truthy; throws `what` after `timeout` ms. */
    async waitFor(fn, arg, { timeout = 15000, what = String(fn) } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await page.evaluate(fn, arg);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/**
 * The page API over a Playwright or a Puppeteer page, whose mouse, keyboard, events and
 * evaluation agree; only how files are set and how the page is closed differ.
 */
function scripted(page, { setFiles, close }) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return common({
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    move: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    clickOn: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setFiles,
    screenshot: () => page.screenshot(),
    errors: async () => [...errors],
    close,
  });
}

async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
  });
  return {
    version: `Chromium ${browser.version()}`,
    async open(viewport) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      return scripted(page, {
        setFiles: (selector, paths) => page.setInputFiles(selector, paths),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', headless: true,
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  });
  return {
    version: `Firefox ${(await browser.version()).split('/')[1]}`,
    async open(viewport) {
      const context = await browser.createBrowserContext(); // its own storage
      const page = await context.newPage();
      await page.setViewport(viewport);
      return scripted(page, {
        setFiles: async (selector, paths) => (await page.$(selector)).uploadFile(...[paths].flat()),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

// WebKitGTK: an X server of our own (Xvfb picks a free display), WebKitWebDriver on a free port,
// and a new session (a new MiniBrowser with its own ephemeral storage) per page.
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Home: Key.HOME, End: Key.END, PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN, '/': '/' };
// WebDriver classic has no console log: errors are caught in the page once it is loaded (before
// that, the page's own guard shows any uncaught error in its #error banner, which tests check).
const CATCH_ERRORS = () => {
  if (window.__crossErrors) return;
  window.__crossErrors = [];
  const log = console.error;
  console.error = (...args) => { window.__crossErrors.push(args.map(String).join(' ')); log.apply(console, args); };
  addEventListener('error', (e) => window.__crossErrors.push(e.message));
  addEventListener('unhandledrejection', (e) => window.__crossErrors.push(String(e.reason)));
};

async function launchWebkit() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(String(d).trim()));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const log = openSync(join(ARTIFACTS, 'webkitwebdriver.log'), 'a');
  let server = null, port = 0;
  async function restart() {
    server?.kill();
    port = await freePort();
    server = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'],
      { env: { ...process.env, DISPLAY: `:${display}` }, stdio: ['ignore', log, log] });
  }
  const build = () => new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  // A new session, retried: WebKitWebDriver must be listening, and on a loaded machine a
  // MiniBrowser that dies while starting leaves the request unanswered (then the driver is restarted).
  async function session() {
    for (let attempt = 1; ; attempt++) {
      const driver = build();
      driver.getSession().catch(() => {}); // an abandoned attempt's failure is handled below
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no session in 30 s')), 30000).unref());
      try {
        await Promise.race([driver.getSession(), timeout]);
        return driver;
      } catch (e) {
        if (attempt >= 100 || (/no session/.test(e.message) && attempt >= 3)) throw e;
        if (/no session/.test(e.message)) {
          driver.quit().catch(() => {});
          await restart();
        }
        else await new Promise((r) => setTimeout(r, 100)); // not listening yet
      }
    }
  }
  // Whatever ends this process (a test runner's timeout too) takes the X server and the driver along.
  process.once('exit', () => { server?.kill(); xvfb.kill(); });
  await restart();
  const probe = await session();
  const version = `WebKitGTK ${(await probe.getCapabilities()).get('browserVersion')}`;
  await probe.quit();
  return {
    version,
    async open(viewport) {
      const driver = await session();
      const evaluate = async (fn, arg) => {
        const result = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn})(arguments[0]))
            .then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`, arg ?? null);
        if (result.error) throw new Error(result.error);
        return result.value;
      };
      // The window holds a toolbar: size it so that the page gets `viewport`, as far as the
      // window may shrink (MiniBrowser's window is at least 447 px wide).
      await driver.get('about:blank');
      const chrome = await evaluate(() => ({ dx: outerWidth - innerWidth, dy: outerHeight - innerHeight }));
      await driver.manage().window().setRect({ x: 0, y: 0, width: viewport.width + chrome.dx, height: viewport.height + chrome.dy });
      const actions = () => driver.actions({ async: true });
      const at = (x, y) => ({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
      return common({
        goto: async (url) => { await driver.get(url); await evaluate(CATCH_ERRORS); },
        reload: async () => { await driver.navigate().refresh(); await evaluate(CATCH_ERRORS); },
        evaluate,
        move: (x, y) => actions().move(at(x, y)).perform(),
        click: (x, y) => actions().move(at(x, y)).click().perform(),
        clickOn: async (selector) => (await driver.findElement(By.css(selector))).click(),
        press: (key) => actions().sendKeys(KEYS[key] ?? key).perform(),
        type: (text) => actions().sendKeys(text).perform(),
        setFiles: async (selector, paths) => (await driver.findElement(By.css(selector))).sendKeys([paths].flat().join('\n')),
        screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        errors: () => evaluate(() => [...(window.__crossErrors ?? [])]),
        close: () => driver.quit(),
      });
    },
    async close() {
      server.kill();
      xvfb.kill();
      closeSync(log);
    },
  };
}

/** Starts `engine` (one of ENGINES): {version, open(viewport) → page, close()}. */
export function launch(engine) {
  const start = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebkit }[engine];
  if (!start) throw new Error(`unknown engine "${engine}": one of ${ENGINES.join(', ')}`);
  return start();
}
