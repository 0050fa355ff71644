// Every actor of the shipped network labelled: each layout, three viewports, the table open and closed; boxes apart, off other discs, inside the canvas, and their text drawn where labels() says.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, open, ARTIFACTS } from './harness.mjs';

/** Waits until the view and every actor have stopped moving (for a busy machine: up to a minute). */
async function rest(page) {
  await page.waitForFunction(() => {
    const now = JSON.stringify([window.entente.state().view, window.entente.nodes().map((n) => [Math.round(n.x), Math.round(n.y)])]);
    const same = window.__labelsLast === now;
    window.__labelsLast = now;
    return same;
  }, null, { polling: 300, timeout: 60000 });
}

const VIEWPORTS = [['1440x900', { width: 1440, height: 900 }], ['1280x720', { width: 1280, height: 720 }], ['390x844', { width: 390, height: 844 }]];
const LAYOUTS = [['force', 'force', null], ['ego-PAK', 'radial', 'PAK'], ['ego-TUR', 'radial', 'TUR'], ['map', 'map', null]];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** In the page: the labels, the actors, the canvas's size, and for each label how much of the
 *  label colour is drawn inside its box and in a band around it (outside every other box). */
function readLabels() {
  const labels = window.entente.labels();
  const nodes = window.entente.nodes();
  const canvas = document.getElementById('network');
  const rect = canvas.getBoundingClientRect();
  const dpr = canvas.width / rect.width;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const probe = document.createElement('canvas').getContext('2d');
  probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim();
  const ink = probe.fillStyle.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
  const isInk = (x, y) => {
    const i = 4 * (Math.floor(y * dpr) * canvas.width + Math.floor(x * dpr));
    return Math.max(Math.abs(data[i] - ink[0]), Math.abs(data[i + 1] - ink[1]), Math.abs(data[i + 2] - ink[2])) <= 48;
  };
  // The single-source rings are drawn in the label colour too.
  const at = Object.fromEntries(nodes.map((n) => [n.id, n]));
  const rings = window.entente.singleSourced().filter((t) => t.single)
    .map((t) => [(at[t.source].x + at[t.target].x) / 2, (at[t.source].y + at[t.target].y) / 2]);
  const within = (b, x, y, m = 0) => x >= b.x - m && x < b.x + b.w + m && y >= b.y - m && y < b.y + b.h + m;
  const ink_ = labels.map((b) => {
    let inside = 0, around = 0, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    const stray = [];
    for (let y = Math.floor(b.y - 4); y < b.y + b.h + 4; y += 0.5) {
      for (let x = Math.floor(b.x - 4); x < b.x + b.w + 4; x += 0.5) {
        if (x < 0 || y < 0 || x >= rect.width || y >= rect.height || !isInk(x, y)) continue;
        if (within(b, x, y)) {
          inside++;
          x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
          continue;
        }
        // Around the box, dark discs (states) and the single-source rings are not text.
        if (nodes.some((n) => Math.hypot(n.x - x, n.y - y) < n.r + 2)) continue;
        if (rings.some(([rx, ry]) => Math.hypot(rx - x, ry - y) < 6.5)) continue;
        if (!labels.some((o) => o !== b && within(o, x, y, 2))) {
          around++;
          if (stray.length < 6) stray.push([x, y]);
        }
      }
    }
    return { inside, around, x0, x1, y0, y1, stray };
  });
  return { labels, nodes, width: rect.width, height: rect.height, ink: ink_ };
}

/** The checks on one view; returns the count of labelled actors and the texts used. */
function check(seen, what) {
  const { labels, nodes, width, height } = seen;
  const shown = nodes.filter((n) => n.x >= 0 && n.y >= 0 && n.x <= width && n.y <= height);
  assert.equal(shown.length, nodes.length, `${what}: every actor is on the canvas`);
  for (const n of shown) {
    const mine = labels.filter((l) => l.id === n.id);
    assert.equal(mine.length, 1, `${what}: ${n.id} has ${mine.length} labels`);
  }
  labels.forEach((a, i) => {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= width && a.y + a.h <= height, `${what}: ${a.id}'s box ${JSON.stringify(a)} leaves the ${width}×${height} canvas`);
    labels.forEach((b, j) => {
      if (i < j) {
        assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `${what}: the labels of ${a.id} and ${b.id} overlap`);
      }
    });
    for (const n of nodes) {
      if (n.id === a.id) continue;
      const dx = n.x - Math.max(a.x, Math.min(n.x, a.x + a.w)), dy = n.y - Math.max(a.y, Math.min(n.y, a.y + a.h));
      assert.ok(Math.hypot(dx, dy) >= n.r, `${what}: ${a.id}'s label covers ${n.id}'s disc`);
    }
    if (a.leader) {
      const own = nodes.find((n) => n.id === a.id);
      assert.ok(Math.abs(Math.hypot(a.leader.x - own.x, a.leader.y - own.y) - own.r) < 2, `${what}: ${a.id}'s leader line ends at its disc`);
    }
    // The pixels: the box holds text (about 1.5 px² of ink per character at 12 px, sampled every
    // half pixel: at least 4 samples a character) that spans it from side to side and fills its
    // middle, and little of the label colour lies just outside it (a tie or a leader line of
    // another label may pass there).
    const ink = seen.ink[i];
    const where = `${what}: ${a.id}'s "${a.text}" in ${JSON.stringify(a)}`;
    assert.ok(ink.inside >= 4 * [...a.text].length, `${where} has ${ink.inside} ink samples in its box`);
    assert.ok(ink.x0 - a.x < 6 && a.x + a.w - ink.x1 < 13, `${where}: its ink spans x ${ink.x0}–${ink.x1}`);
    assert.ok(ink.y0 - a.y < 7 && a.y + a.h - ink.y1 < 7, `${where}: its ink spans y ${ink.y0}–${ink.y1}`);
    assert.ok(ink.around <= ink.inside * 0.1, `${where} has ${ink.around} ink samples outside its box (${ink.inside} inside), at ${JSON.stringify(ink.stray)}`);
  });
  return { labelled: shown.filter((n) => labels.some((l) => l.id === n.id)).length, shown: shown.length };
}

const counts = [];
for (const [size, viewport] of VIEWPORTS) {
  for (const table of [false, true]) {
    test(`${size}, table ${table ? 'open' : 'closed'}: every actor has one label in every layout`, async () => {
      const { page, context, errors } = await open(env.browser, env.base, { viewport });
      await rest(page);
      if (table) {
        const toggle = page.getByRole('button', { name: 'Table' });
        if (!(await toggle.isVisible())) await page.getByText('Filters, legend, export').click();
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      }
      for (const [name, layout, centre] of LAYOUTS) {
        await page.evaluate(([l, c]) => window.entente.setLayout(l, c ?? undefined), [layout, centre]);
        await page.waitForFunction(([l, c]) => {
          const now = window.entente.layout();
          return now.layout === l && (!c || now.centre === c);
        }, [layout, centre]);
        await rest(page);
        const seen = await page.evaluate(readLabels);
        if (!table) await page.screenshot({ path: join(ARTIFACTS, `labels-${name}-${size}.png`) });
        // The network alone on a phone: the README's pictures (docs/labels-phone-*.png).
        if (!table && viewport.width < 500) await page.locator('#network').screenshot({ path: join(ARTIFACTS, `labels-phone-${name}.png`) });
        const got = check(seen, `${name} at ${size}, table ${table ? 'open' : 'closed'}`);
        counts.push(`${name} ${size} table-${table ? 'open' : 'closed'}: ${got.labelled}/${got.shown} labelled, ${seen.labels.filter((l) => l.leader).length} moved, texts ${seen.labels.map((l) => l.text).join(' | ')}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

after(() => { for (const c of counts) console.log(c); });
