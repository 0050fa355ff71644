// Helpers for the exploring tests: open the page with any context options (touch, colour scheme,
// reduced motion), record CSP violations, read the page's state, and find points on ties.

import { open, settle } from './harness.mjs';

/** harness.open, then waits for the layout to settle. */
export async function openWith(browser, url, options = {}) {
  const opened = await open(browser, url, options);
  await settle(opened.page);
  return opened;
}

export const state = (page) => page.evaluate(() => window.entente.state());
export const csp = (page) => page.evaluate(() => window.__csp);

/** A point on the tie between actors a and b, a fraction `t` of the way from a, in page
 *  coordinates, shifted `offset` px across the tie. */
export async function tiePoint(page, a, b, t = 0.35, offset = 0) {
  return page.evaluate(({ a, b, t, offset }) => {
    const nodes = window.entente.nodes();
    const p = nodes.find((n) => n.id === a), q = nodes.find((n) => n.id === b);
    const r = document.getElementById('network').getBoundingClientRect();
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    const nx = -(q.y - p.y) / len, ny = (q.x - p.x) / len;
    return { x: r.left + p.x + (q.x - p.x) * t + nx * offset, y: r.top + p.y + (q.y - p.y) * t + ny * offset };
  }, { a, b, t, offset });
}

/** A tie and a point `offset` px beside its middle third where it is the nearest tie by far
 *  and no actor is within `room` px: `{tie: [source, target], x, y}` in page coordinates. */
export async function isolatedTiePoint(page, offset, room = 30) {
  return page.evaluate(({ offset, room }) => {
    const nodes = Object.fromEntries(window.entente.nodes().map((n) => [n.id, n]));
    const edges = window.entente.edges();
    const r = document.getElementById('network').getBoundingClientRect();
    const dist = (a, b, x, y) => {
      const dx = b.x - a.x, dy = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
    };
    for (const e of edges) {
      const p = nodes[e.source], q = nodes[e.target];
      const len = Math.hypot(q.x - p.x, q.y - p.y);
      const nx = -(q.y - p.y) / len, ny = (q.x - p.x) / len;
      for (let t = 0.34; t <= 0.66; t += 0.02) {
        if (Math.abs(t - 0.5) < 0.06) continue; // the single-source ring
        const x = p.x + (q.x - p.x) * t + nx * offset, y = p.y + (q.y - p.y) * t + ny * offset;
        if (x < 10 || y < 10 || x > r.width - 10 || y > r.height - 10) continue;
        if (!Object.values(nodes).every((n) => Math.hypot(n.x - x, n.y - y) > room)) continue;
        if (!edges.every((o) => o === e || dist(nodes[o.source], nodes[o.target], x, y) > offset + 12)) continue;
        return { tie: [e.source, e.target], x: r.left + x, y: r.top + y };
      }
    }
    return null;
  }, { offset, room });
}

/** Waits until the view stops easing and the layout has settled. */
export async function still(page) {
  await page.waitForFunction(() => {
    const v = JSON.stringify(window.entente.state().view);
    const same = window.__lastView === v;
    window.__lastView = v;
    return same;
  }, null, { polling: 200, timeout: 10000 });
  await settle(page);
}
