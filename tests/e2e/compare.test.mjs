// Comparing two dates on the page: the time modes, the picture (its badges read from the canvas's
// pixels, and window.entente), the table of changes (sort, evidence panel, CSV), the link, the exports.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, ARTIFACTS } from './harness.mjs';
import { openWith, still, state, isolatedTiePoint } from './explore-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const FIRST_HALF = { mode: 'compare', a: '2020-12-31', b: '2021-06-30' };

/** Ink-coloured pixels of the canvas within 2.5 px of the middle of the tie between a and b: a
 *  badge's mark is drawn in ink there; a tie's line or the single-source ring's hollow is not. */
async function inkAtMiddle(page, a, b) {
  return page.evaluate(({ a, b }) => {
    const nodes = window.entente.nodes();
    const p = nodes.find((n) => n.id === a), q = nodes.find((n) => n.id === b);
    if (!p || !q) return null;
    const canvas = document.getElementById('network');
    const dpr = canvas.width / canvas.clientWidth;
    const cx = ((p.x + q.x) / 2) * dpr, cy = ((p.y + q.y) / 2) * dpr;
    const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim();
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = ink;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, bl] = probe.getImageData(0, 0, 1, 1).data;
    const R = Math.ceil(2.5 * dpr);
    const x0 = Math.round(cx) - R, y0 = Math.round(cy) - R, side = 2 * R + 1;
    const data = canvas.getContext('2d').getImageData(x0, y0, side, side).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const x = x0 + (i / 4) % side, y = y0 + Math.floor(i / 4 / side);
      if (Math.hypot(x - cx, y - cy) > 2.5 * dpr) continue;
      if (Math.max(Math.abs(data[i] - r), Math.abs(data[i + 1] - g), Math.abs(data[i + 2] - bl)) < 60) count++;
    }
    return count;
  }, { a, b });
}

test('compare mode: the picture carries each class mark, the API and the summary agree with the core', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base);
  try {
    const before = await inkAtMiddle(page, 'PAK', 'CHN');
    const time = await page.evaluate((t) => window.entente.setTime(t), FIRST_HALF);
    assert.deepEqual(time, { mode: 'compare', a: '2020-12-31', b: '2021-06-30' });
    await still(page);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-picture.png') });
    const c = await page.evaluate(() => window.entente.comparison());
    // The classes worked out by hand in tests/compare.rs.
    assert.deepEqual(c.counts, [['appeared', 8], ['ended', 0], ['warmed', 0], ['cooled', 0], ['intensified', 6], ['unchanged', 14]]);
    assert.equal(c.summary, 'Between 2020-12-31 and 2021-06-30: 8 ties appeared, 6 intensified, 14 unchanged; 4 actors appeared.');
    assert.deepEqual(c.actorsAppeared, ['NATO', 'AFG', 'TJK', 'CHN']);
    const usa = c.ties.find((t) => t.source === 'PAK' && t.target === 'USA');
    assert.equal(usa.change, 'intensified');
    assert.equal(usa.newEvents, 1);
    assert.equal(usa.evidence[0].date, '2021-06-19');
    assert.ok(usa.evidence[0].sources.length > 0, 'the evidence carries its sources');
    // entente.compare answers for any two dates without changing the page.
    const other = await page.evaluate(() => window.entente.compare('2021-08-31', '2011-12-31'));
    assert.equal(other.a, '2011-12-31', 'dates in either order');
    assert.deepEqual(other.counts.map(([, n]) => n), [26, 0, 0, 0, 2, 0]);
    assert.deepEqual((await page.evaluate(() => window.entente.time())).mode, 'compare');
    // The network at B: every tie of the comparison that is active at B is drawn.
    assert.equal((await page.evaluate(() => window.entente.edges())).length, 28);
    // The badges: "+" on Pakistan–China (appeared), the count on Pakistan–TTP (intensified).
    assert.ok((await inkAtMiddle(page, 'PAK', 'CHN')) >= 3, 'a "+" badge at the middle of an appeared tie');
    assert.ok((await inkAtMiddle(page, 'PAK', 'TTP')) >= 3, 'a count badge at the middle of an intensified tie');
    assert.equal(before, 0, 'no badge as of every date');
    assert.equal(await page.locator('#compare-summary').textContent(), c.summary);
    // The chart marks both dates.
    await page.waitForFunction(() => {
      const text = document.querySelector('#chart svg')?.textContent ?? '';
      return text.includes('A 2020-12-31') && text.includes('B 2021-06-30');
    });
    assert.equal(await page.locator('#compare-legend li').count(), 6);
    // Hovering a tie adds its change: the state at A and at B, and the events between.
    const point = await isolatedTiePoint(page, 2);
    assert.ok(point, 'a tie with room around it');
    await page.mouse.move(point.x, point.y);
    await page.locator('#tie-tip').waitFor({ state: 'visible' });
    const tip = await page.locator('#tie-tip').textContent();
    const row = c.ties.find((t) => t.source === point.tie[0] && t.target === point.tie[1]);
    assert.ok(tip.includes(`${row.change} between 2020-12-31 and 2021-06-30`), tip);
    assert.ok(tip.includes(`At A (2020-12-31): ${row.toneA ?? 'not active'}; at B (2021-06-30): ${row.toneB}`), tip);
    for (const e of row.evidence) assert.ok(tip.includes(e.summary) && tip.includes(e.sources[0].outlet), tip);
    await page.mouse.move(1, 1);
    // Filters apply: without conflict events, Pakistan–TTP is not compared.
    await page.evaluate(() => window.entente.setFilter({ conflict: false }));
    const filtered = await page.evaluate(() => window.entente.comparison());
    assert.ok(!filtered.ties.some((t) => t.target === 'TTP'));
    assert.ok(filtered.ties.length < c.ties.length);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the time modes with the mouse and keyboard; between keeps only the events in the window', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base);
  try {
    assert.equal(await page.locator('#time-slider-a').isHidden(), true);
    await page.getByRole('radio', { name: 'Between' }).check();
    await page.waitForFunction(() => window.entente.time().mode === 'between');
    assert.equal(await page.locator('#time-slider-a').isVisible(), true);
    const t = await page.evaluate(() => window.entente.time());
    assert.ok(t.a < t.b, `${t.a} before ${t.b}`);
    // Between 2021-04-01 and 2021-05-31 only ties with an event dated then are shown.
    await page.evaluate(() => window.entente.setTime({ mode: 'between', a: '2021-04-01', b: '2021-05-31' }));
    const edges = await page.evaluate(() => window.entente.edges().map((e) => `${e.source}-${e.target}`).sort());
    assert.deepEqual(edges, ['NATO-AFG', 'PAK-RUS', 'PAK-SAU', 'PAK-TTP', 'USA-AFG']);
    assert.match(await page.locator('#time-date').textContent(), /2021-04-01 to 2021-05-31/);
    // The chart shades the window: one translucent rect.
    await page.waitForFunction(() => [...document.querySelectorAll('#chart svg rect')]
      .some((r) => Number(r.getAttribute('opacity')) > 0 && Number(r.getAttribute('opacity')) < 1));
    await page.getByRole('radio', { name: 'Compare' }).check();
    await page.waitForFunction(() => window.entente.time().mode === 'compare');
    assert.equal(await page.locator('#compare-view').isVisible(), true);
    // The A handle moves with the arrow keys.
    const a0 = (await page.evaluate(() => window.entente.time())).a;
    await page.locator('#time-slider-a').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((a) => window.entente.time().a < a, a0);
    // One track, two handles: each thumb is dragged with the mouse on its own (A's input lies over B's).
    const thumb = async (id) => {
      const box = await page.locator(id).boundingBox();
      const [value, max] = await page.locator(id).evaluate((i) => [Number(i.value), Number(i.max)]);
      return { x: box.x + 8 + (box.width - 16) * (value / max), y: box.y + box.height / 2 };
    };
    const drag = async (id, dx) => {
      const p = await thumb(id);
      await page.mouse.move(p.x, p.y);
      await page.mouse.down();
      await page.mouse.move(p.x + dx, p.y, { steps: 4 });
      await page.mouse.up();
    };
    await page.evaluate(() => window.entente.setTime({ mode: 'compare', a: '2015-01-01', b: '2019-01-01' }));
    const before = await page.evaluate(() => window.entente.time());
    await drag('#time-slider-a', 60);
    await page.waitForFunction((t) => window.entente.time().a > t.a && window.entente.time().b === t.b, before);
    const moved = await page.evaluate(() => window.entente.time());
    await drag('#time-slider', -60);
    await page.waitForFunction((t) => window.entente.time().b < t.b && window.entente.time().a === t.a, moved);
    assert.equal(await page.locator('.time-track').evaluate((t) => t.classList.contains('pair')), true);
    await page.locator('#timeline').screenshot({ path: join(ARTIFACTS, 'compare-two-handles.png') });
    await page.getByRole('radio', { name: 'As of' }).check();
    await page.waitForFunction(() => window.entente.time().mode === 'asof');
    assert.equal(await page.locator('#compare-view').isHidden(), true);
    const refused = await page.evaluate(() => {
      try { window.entente.setTime({ mode: 'compare', a: '2020' }); return null; } catch (err) { return err.message; }
    });
    assert.equal(refused, 'the time mode "compare" needs two dates, a and b');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the table of changes sorts, opens the evidence panel and exports CSV', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base);
  try {
    await page.evaluate((t) => window.entente.setTime(t), FIRST_HALF);
    await still(page);
    const rows = page.locator('#compare-view tbody tr');
    assert.equal(await rows.count(), 28);
    // Sorted by change first: appeared rows lead.
    assert.equal(await rows.first().getAttribute('class'), 'change-appeared opens');
    await page.getByRole('button', { name: 'New events' }).click();
    await page.getByRole('button', { name: 'New events' }).click();
    assert.equal(await page.locator('#compare-view th[aria-sort="descending"]').textContent(), 'New events');
    // The most new events: Pakistan–Tajikistan's five.
    assert.match(await rows.first().textContent(), /Pakistan — Tajikistan.*appeared/);
    await rows.first().click();
    await page.waitForFunction(() => window.entente.state().tie !== null);
    assert.deepEqual((await state(page)).tie, ['PAK', 'TJK']);
    assert.equal(await page.locator('#evidence').isVisible(), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#compare-csv').click()]);
    assert.equal(download.suggestedFilename(), 'changes-2020-12-31-to-2021-06-30.csv');
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    assert.equal(csv[0], '"source","target","change","tone_a","tone_b","new_events","evidence"');
    assert.equal(csv.length, 29);
    assert.ok(csv.some((line) => line.startsWith('"PAK","CHN","appeared","","cooperative","1"')), csv.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the link holds the comparison; the SVG export draws it with its legend and both dates', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base);
  try {
    await page.evaluate((t) => window.entente.setTime(t), FIRST_HALF);
    await page.waitForFunction(() => location.search.includes('mode=compare'));
    const search = await page.evaluate(() => location.search);
    assert.match(search, /until=2021-06-30/);
    assert.match(search, /mode=compare&since=2020-12-31/);
    await still(page);
    const svg = await page.evaluate(() => window.entente.exportSvg());
    assert.match(svg, /<g id="changes"/);
    assert.match(svg, /data-change="appeared"/);
    assert.match(svg, /data-change="intensified"/);
    assert.match(svg, />\+<\/text>/);
    assert.match(svg, /Compared: 2020-12-31 \(A\) with 2021-06-30 \(B\)/);
    const caption = await page.evaluate(() => window.entente.caption());
    assert.ok(caption.some((l) => l.startsWith('Changes: appeared: “+” badge; ended: faded, dotted')), caption.join('\n'));
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    assert.equal(png.suggestedFilename(), 'pakistan-2021-compare-2020-12-31-2021-06-30.png');
    const second = await openWith(env.browser, `${env.base}${search}`);
    try {
      await second.page.waitForFunction(() => window.entente.time().mode === 'compare');
      const restored = await second.page.evaluate(() => ({ time: window.entente.time(), summary: window.entente.comparison()?.summary }));
      assert.deepEqual(restored.time, { mode: 'compare', a: '2020-12-31', b: '2021-06-30' });
      assert.match(restored.summary, /^Between 2020-12-31 and 2021-06-30: 8 ties appeared/);
      assert.deepEqual(second.errors, []);
    } finally {
      await second.context.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an ended tie: hovered, its faded line shows why it ended; clicked, or opened from its row, the panel lists its evidence', async () => {
  const { page, context, errors } = await openWith(env.browser, `${env.base}?data=fixtures/lasting/compare.json`);
  try {
    await page.evaluate(() => window.entente.setTime({ mode: 'compare', a: '2012-01-01', b: '2016-12-31' }));
    await still(page);
    const c = await page.evaluate(() => window.entente.comparison());
    const ended = c.ties.filter((t) => t.change === 'ended').map((t) => `${t.source}–${t.target}`).sort();
    // Worked out from the fixture: A–B lasts to 2014, D–E to 2012-06, F–G to 2013-12, H–E to 2014.
    assert.deepEqual(ended, ['A–B', 'D–E', 'F–G', 'H–E']);
    // A point on an ended line with no visible tie or actor near it (ended ties are not in edges()).
    const point = await page.evaluate((ends) => {
      const nodes = Object.fromEntries(window.entente.nodes().map((n) => [n.id, n]));
      const edges = window.entente.edges();
      const r = document.getElementById('network').getBoundingClientRect();
      const dist = (a, b, x, y) => {
        const dx = b.x - a.x, dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
      };
      for (const pair of ends) {
        const [s, t] = pair.split('–').map((id) => nodes[id]);
        for (let f = 0.3; f <= 0.7; f += 0.02) {
          if (Math.abs(f - 0.5) < 0.08) continue; // the "−" badge
          const x = s.x + (t.x - s.x) * f, y = s.y + (t.y - s.y) * f;
          if (!Object.values(nodes).every((n) => Math.hypot(n.x - x, n.y - y) > 25)) continue;
          if (!edges.every((e) => dist(nodes[e.source], nodes[e.target], x, y) > 12)) continue;
          return { pair, x: r.left + x, y: r.top + y };
        }
      }
      return null;
    }, ended);
    assert.ok(point, 'an ended tie with room around it');
    await page.mouse.move(point.x, point.y);
    await page.locator('#tie-tip').waitFor({ state: 'visible' });
    const tip = await page.locator('#tie-tip').textContent();
    const row = c.ties.find((t) => `${t.source}–${t.target}` === point.pair);
    assert.ok(tip.includes(`${row.sourceName} — ${row.targetName}`), tip);
    assert.ok(tip.includes('ended between 2012-01-01 and 2016-12-31'), tip);
    assert.ok(tip.includes(`At A (2012-01-01): ${row.toneA}; at B (2016-12-31): not active`), tip);
    for (const e of row.evidence) assert.ok(tip.includes(e.summary), tip);
    assert.equal((await state(page)).hoverTie, row.tie);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-ended-hover.png') });
    // A click keeps it in the evidence panel.
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('#evidence');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('data-tie'), String(row.tie));
    assert.deepEqual((await state(page)).tie, [row.source, row.target]);
    const text = await panel.textContent();
    assert.ok(text.includes(`Ended between 2012-01-01 and 2016-12-31: ${row.toneA} at A, not active at B`), text);
    for (const e of row.evidence) assert.ok(text.includes(e.summary) && text.includes(e.sources[0].outlet), text);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-ended-panel.png') });
    // Closed, then opened again from its row in the table of changes, by keyboard.
    await page.locator('#evidence button[data-action="close"]').click();
    await panel.waitFor({ state: 'hidden' });
    const other = c.ties.find((t) => t.change === 'ended' && t.tie !== row.tie);
    const tr = page.locator(`#compare-view tr[data-tie="${other.tie}"]`);
    await tr.focus();
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('data-tie'), String(other.tie));
    assert.ok((await panel.textContent()).includes(`${other.sourceName} — ${other.targetName}`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
