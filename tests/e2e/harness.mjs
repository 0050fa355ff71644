// Test harness: serves the built site (target/site, scripts/lib.sh build_site) on a free loopback port and opens it in Debian's headless Chromium.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What the page is served from: www/ with its JavaScript minified (scripts/lib.sh, build_site);
 *  `ENTENTE_SITE=DIR` serves another build (a bench's before and after in one session). */
export const SITE = process.env.ENTENTE_SITE ?? join(ROOT, 'target', 'site');
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Starts the static server of target/site on a free loopback port: {base, server}. */
export async function serve() {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', SITE], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base);
  return { base, server };
}

/** Starts the static server and the browser (Playwright gives it a fresh profile directory);
 *  returns {base, browser, close}. */
export async function start() {
  const { base, server } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    headless: true,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * Opens the page in a new context made with any Playwright context options (viewport, touch,
 * colour scheme, reduced motion…); collects console errors and page errors in `errors` and
 * CSP violations in `window.__csp`. Resolves when window.entente is installed (or the error
 * banner shows). `setup(context)`, if given, runs before the page opens (routes, for example).
 */
export async function open(browser, url, options = {}, setup = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  if (setup) await setup(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true'
    || !document.getElementById('error').hidden, null, { timeout: Number(process.env.ENTENTE_READY_MS ?? 15000) });
  return { page, context, errors };
}

/** Waits until the layout has settled (positions stop changing) and the last frame drew its own
 *  layer, not the last one moved while the paint worker paints it (layers.js), with every label
 *  it will place (none waiting for its name to be measured, labels.js). */
export async function settle(page) {
  await page.waitForFunction(() => {
    const now = JSON.stringify(window.entente.nodes().map((n) => [Math.round(n.x), Math.round(n.y)]));
    const same = window.__lastNodes === now;
    window.__lastNodes = now;
    const { stale, pendingLabels } = window.entente.state().view;
    return same && !stale && !pendingLabels;
  }, null, { polling: 250, timeout: 60000 });
}

/** Screen position of an actor, from window.entente.nodes(), in page coordinates. */
export async function actorPoint(page, id) {
  return page.evaluate((id) => {
    const n = window.entente.nodes().find((a) => a.id === id);
    if (!n) return null;
    const r = document.getElementById('network').getBoundingClientRect();
    return { x: r.left + n.x, y: r.top + n.y };
  }, id);
}

/**
 * Hovers an actor that may still be moving (a layout running in a worker): reads its position,
 * moves the real mouse there and waits briefly for its tooltip, again and again until the
 * tooltip names it. On a slow machine the actor can move between the read and the move.
 */
export async function hoverMoving(page, id, { timeout = 20000 } = {}) {
  const deadline = Date.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    const p = await actorPoint(page, id);
    // A position that is not yet a number (the worker's first positions on their way) is waited out.
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      // Alternate by a pixel so that every attempt is a real pointer move.
      await page.mouse.move(p.x + (attempt % 2), p.y);
      try {
        await page.waitForFunction((id) => document.getElementById('tooltip').dataset.actor === id, id, { timeout: 400 });
        return attempt + 1;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`the tooltip never named ${id} after ${attempt + 1} hovers: ${e.message}`);
      }
    } else if (Date.now() > deadline) {
      throw new Error(`actor ${id} is not in window.entente.nodes()`);
    }
  }
}

/** An actor to drag: one tie, its disc `margin` px inside the canvas, the farthest from any other
 *  actor (`room`, px), neither `avoid` nor tied to it; with the page points of its disc (`from`)
 *  and of a point `distance` px further from its partner (`to`). */
export function loneActor(page, { margin, distance, avoid = null, right = margin }) {
  return page.evaluate(({ margin, distance, avoid, right }) => {
    const nodes = window.entente.nodes();
    const r = document.getElementById('network').getBoundingClientRect();
    const inside = (n) => n.x > margin && n.y > margin && n.x < r.width - right && n.y < r.height - margin;
    let best = null;
    for (const n of nodes) {
      if (n.ties !== 1 || n.id === avoid || !inside(n)) continue;
      if (window.entente.ties(n.id)[0].partner === avoid) continue;
      const room = Math.min(...nodes.filter((o) => o !== n).map((o) => Math.hypot(o.x - n.x, o.y - n.y)));
      if (!best || room > best.room) best = { n, room };
    }
    const partner = nodes.find((o) => o.id === window.entente.ties(best.n.id)[0].partner);
    const d = Math.hypot(best.n.x - partner.x, best.n.y - partner.y) || 1;
    const to = { x: best.n.x + (distance * (best.n.x - partner.x)) / d, y: best.n.y + (distance * (best.n.y - partner.y)) / d };
    return { id: best.n.id, room: best.room, from: { x: r.left + best.n.x, y: r.top + best.n.y }, to: { x: r.left + to.x, y: r.top + to.y } };
  }, { margin, distance, avoid, right });
}

/** Drags with the real mouse from page point `from` to `to`, in ten moves. */
export async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await page.mouse.move(from.x + ((to.x - from.x) * k) / 10, from.y + ((to.y - from.y) * k) / 10);
  }
  await page.mouse.up();
}

/**
 * Double-clicks actor `id` (at page point `at`) at a person's pace: the first click pins the
 * actor, whose evidence panel opens and narrows the canvas, so the picture has moved under the
 * pointer before the second click comes.
 */
export async function personDoubleClick(page, id, at) {
  const before = await page.evaluate(() => window.entente.state().view.tx);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(({ id, tx }) => window.entente.state().actor === id && window.entente.state().view.tx !== tx, { id, tx: before });
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
}
