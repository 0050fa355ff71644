// One small browser API over three drivers: Playwright (Chromium), Puppeteer over WebDriver BiDi (Firefox ESR) and Selenium over W3C WebDriver (WebKitGTK's MiniBrowser under Xvfb).

import { spawn } from 'node:child_process';
import { openSync, closeSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
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

// WebKitGTK: an X server of our own (Xvfb picks a free display), and per page a WebKitWebDriver
// of its own on a free port, in a process group of its own with the MiniBrowser it starts: closing
// the page (or giving up on a session that never came) ends the whole group, so no page waits on
// another's session ("Maximum number of active sessions") and nothing talks to a driver that is gone.
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

/** `promise`, or a rejection with `message` after `ms` (the timer does not keep the process alive). */
function within(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); timer.unref(); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves once something listens on 127.0.0.1:`port`; rejects after `ms`. */
async function listening(port, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not listen on port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function launchWebkit() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(String(d).trim()));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const log = openSync(join(ARTIFACTS, 'webkitwebdriver.log'), 'a');
  const note = (line) => writeSync(log, `[${new Date().toISOString()}] ${line}\n`);
  const groups = new Set(); // the process groups still running
  const stop = (group) => {
    groups.delete(group);
    try { process.kill(-group, 'SIGKILL'); } catch { /* already gone */ }
  };
  // Whatever ends this process (a test runner's timeout too) takes the X server and the drivers along.
  process.once('exit', () => { for (const group of groups) stop(group); xvfb.kill(); });

  // A session with a driver of its own, retried: on a loaded machine a MiniBrowser that dies while
  // starting leaves the request unanswered; then that attempt's group is ended and a new one started.
  async function session() {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const server = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'],
        { env: { ...process.env, DISPLAY: `:${display}` }, stdio: ['ignore', log, log], detached: true });
      groups.add(server.pid);
      try {
        await listening(port, 20000);
        const driver = new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        }).build();
        await within(driver.getSession(), 60000, 'no session in 60 s');
        return { driver, group: server.pid };
      } catch (e) {
        note(`session attempt ${attempt} on port ${port} failed: ${e.message}`);
        stop(server.pid);
        if (attempt >= 3) throw e;
      }
    }
  }
  /** Ends `driver`'s session (as far as it answers within 15 s), then its process group. */
  async function end({ driver, group }) {
    await within(driver.quit(), 15000, 'no answer to quit in 15 s').catch((e) => note(`quit: ${e.message}`));
    stop(group);
  }

  const probe = await session();
  const version = `WebKitGTK ${(await probe.driver.getCapabilities()).get('browserVersion')}`;
  await end(probe);
  return {
    version,
    async open(viewport) {
      const own = await session();
      const { driver } = own;
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
      let closed = null;
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
        close: () => (closed ??= end(own)),
      });
    },
    async close() {
      for (const group of [...groups]) stop(group);
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
