// End to end in headless Chromium: the evidence panel, tie hover, search, focus mode, filters,
// time, labels, zoom/pan/pinch, touch, the shareable URL and picture export, at two sizes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { start, settle, actorPoint, ARTIFACTS } from './harness.mjs';
import { openWith, state, csp, tiePoint, isolatedTiePoint, still } from './explore-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function done(page, context, errors, name) {
  if (name) await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  assert.deepEqual(await csp(page), [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, []);
  await context.close();
}

for (const [size, viewport] of [['wide', WIDE], ['phone', PHONE]]) {
  test(`${size}: clicking Pakistan pins its evidence in the panel, single-source ties marked`, async () => {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport });
    const pak = await actorPoint(page, 'PAK');
    await page.mouse.click(pak.x, pak.y);
    const panel = page.locator('#evidence');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('data-actor'), 'PAK');
    const ties = await page.evaluate(() => window.entente.ties('PAK'));
    assert.ok(ties.length >= 15, `Pakistan has ${ties.length} ties`);
    assert.equal(await panel.locator('li.tie').count(), ties.length);
    const events = ties.reduce((n, t) => n + t.events.length, 0);
    assert.equal(await panel.locator('li.event').count(), events);
    // Each tie's events in date order, with sources.
    const dates = await panel.locator('li.tie').first().locator('time.date').allInnerTexts();
    assert.deepEqual(dates, [...dates].sort());
    assert.match(await panel.innerText(), /Source: Dawn, 2021-/);
    // Single-source ties are badged in the panel, as many as the core flags.
    const single = (await page.evaluate(() => window.entente.singleSourced()))
      .filter((t) => t.single && (t.source === 'PAK' || t.target === 'PAK')).length;
    assert.ok(single > 0);
    assert.equal(await panel.locator('li.tie .single-source').count(), single);
    assert.match(await panel.innerText(), new RegExp(`${single} resting on a single report`));
    await done(page, context, errors, `panel-pakistan-${size}`);
  });
}

test('hovering a tie shows it, clicking pins it; the picture marks single-source ties', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE, deviceScaleFactor: 2 });
  // The longest tie drawn as several parallel lines (one per kind, 3.5 px apart).
  const tie = await page.evaluate(() => {
    const nodes = Object.fromEntries(window.entente.nodes().map((n) => [n.id, n]));
    const len = (e) => Math.hypot(nodes[e.source].x - nodes[e.target].x, nodes[e.source].y - nodes[e.target].y);
    return window.entente.edges().filter((e) => e.kinds.length >= 2).sort((a, b) => len(b) - len(a))[0];
  });
  assert.ok(tie, 'some tie has several kinds');
  const names = await page.evaluate((t) => [t.source, t.target].map((id) => window.entente.nodes().find((n) => n.id === id).name), tie);
  // On the outermost line: (lines - 1) / 2 × 3.5 px from the centre, plus 2 px.
  const outer = (tie.kinds.length - 1) / 2 * 3.5 + 2;
  const p = await tiePoint(page, tie.source, tie.target, 0.62, outer);
  await page.mouse.move(p.x, p.y);
  const tip = page.locator('#tie-tip');
  await tip.waitFor({ state: 'visible' });
  assert.ok((await tip.innerText()).startsWith(`${names[0]} — ${names[1]}`), await tip.innerText());
  await page.screenshot({ path: join(ARTIFACTS, 'hover-tie.png') });
  // Well beside the tie with a mouse: nothing.
  const off = await tiePoint(page, tie.source, tie.target, 0.62, outer + 9);
  await page.mouse.move(off.x, off.y);
  await tip.waitFor({ state: 'hidden' });
  await page.mouse.move(p.x, p.y);
  await tip.waitFor({ state: 'visible' });
  await page.mouse.click(p.x, p.y);
  const panel = page.locator('#evidence');
  await panel.waitFor({ state: 'visible' });
  assert.deepEqual((await state(page)).tie, [tie.source, tie.target]);
  const detail = await panel.innerText();
  assert.ok(detail.startsWith(`${names[0]} — ${names[1]}`));
  const apiEvents = (await page.evaluate((t) => window.entente.ties(t.source), tie)).find((t) => t.partner === tie.target).events;
  assert.equal(await panel.locator('li.event').count(), apiEvents.length);
  assert.match(detail, new RegExp(`Source: ${apiEvents[0].sources[0].outlet}`));
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });

  // On the canvas: a tie resting on a single report has a ring (ink) with a hollow (background)
  // middle; other ties have no ring.
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await settle(page);
  // Read the pixels of a frame drawn after the last change (a frame under way while the machine
  // is busy can still show the previous state), up to ten times, until the picture is settled.
  const measure = () => {
    const c = document.getElementById('network');
    const g = c.getContext('2d');
    const dpr = c.width / c.getBoundingClientRect().width;
    const px = (x, y) => g.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
    const bg = px(2, 2);
    const isBg = (d) => Math.abs(d[0] - bg[0]) + Math.abs(d[1] - bg[1]) + Math.abs(d[2] - bg[2]) < 40;
    const isInk = (d) => Math.max(d[0], d[1], d[2]) < 110 && Math.max(d[0], d[1], d[2]) - Math.min(d[0], d[1], d[2]) < 40;
    const nodes = Object.fromEntries(window.entente.nodes().map((n) => [n.id, n]));
    const res = { single: 0, singleRing: 0, multi: 0, multiRing: 0 };
    for (const t of window.entente.singleSourced()) {
      const a = nodes[t.source], b = nodes[t.target];
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      let ink = 0;
      for (let j = 0; j < 16; j++) if (isInk(px(mx + 4 * Math.cos(j * Math.PI / 8), my + 4 * Math.sin(j * Math.PI / 8)))) ink++;
      const ring = ink >= 8 && isBg(px(mx, my));
      if (t.single) { res.single++; if (ring) res.singleRing++; } else { res.multi++; if (ring) res.multiRing++; }
    }
    return res;
  };
  let rings;
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    rings = await page.evaluate(measure);
    if (rings.singleRing >= 0.8 * rings.single && rings.multiRing === 0) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok(rings.singleRing >= 0.8 * rings.single, JSON.stringify(rings));
  assert.equal(rings.multiRing, 0, JSON.stringify(rings));
  await done(page, context, errors);
});

test('search: type, arrows, Enter pins and centres the actor; Escape closes', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  const input = page.getByRole('combobox', { name: 'Find an actor' });
  await input.focus();
  await page.keyboard.type('ta');
  const list = page.locator('#search-list');
  await list.waitFor({ state: 'visible' });
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const options = await list.getByRole('option').allInnerTexts();
  assert.ok(options.some((o) => o.startsWith('Tajikistan')) && options.some((o) => o.startsWith('Taliban')), options.join('|'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const activeId = await input.getAttribute('aria-activedescendant');
  assert.equal(activeId, 'search-option-1');
  assert.equal(await page.locator(`#${activeId}`).getAttribute('aria-selected'), 'true');
  const chosen = (await page.locator(`#${activeId}`).innerText()).split(' ')[0];
  await page.keyboard.press('Enter');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await page.locator('#evidence').waitFor({ state: 'visible' });
  const s = await state(page);
  const name = await page.evaluate((id) => window.entente.nodes().find((n) => n.id === id).name, s.actor);
  assert.ok(name.startsWith(chosen), `${name} chosen as ${chosen}`);
  await still(page);
  const node = await page.evaluate((id) => window.entente.nodes().find((n) => n.id === id), s.actor);
  const box = await page.locator('#network').boundingBox();
  assert.ok(Math.abs(node.x - box.width / 2) < 25 && Math.abs(node.y - box.height / 2) < 25, `centred: ${node.x},${node.y} in ${box.width}×${box.height}`);
  // Nothing matches: a status says so; Escape clears.
  await input.fill('zzz');
  assert.equal(await page.locator('#search-status').innerText(), 'No actors found');
  assert.equal(await list.isHidden(), true);
  await input.press('Escape');
  assert.equal(await input.inputValue(), '');
  await done(page, context, errors, 'search');
});

test('focus mode shows a 1- or 2-hop neighbourhood and can be left', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  const tur = await actorPoint(page, 'TUR');
  await page.mouse.click(tur.x, tur.y);
  await page.locator('#evidence').getByRole('button', { name: '1 hop' }).click();
  await still(page);
  const one = await state(page);
  assert.equal(one.focus, 'TUR');
  const edges = await page.evaluate(() => window.entente.edges());
  const partners = new Set(edges.flatMap((e) => (e.source === 'TUR' ? [e.target] : e.target === 'TUR' ? [e.source] : [])));
  const shown = (await page.evaluate(() => window.entente.nodes())).map((n) => n.id);
  assert.deepEqual([...one.faded].sort(), shown.filter((id) => id !== 'TUR' && !partners.has(id)).sort());
  assert.match(await page.locator('#ego-bar').innerText(), /Focus: Turkey and \d+ actors within 1 hop/);
  // Fit follows the neighbourhood: every member is on the canvas.
  const box = await page.locator('#network').boundingBox();
  for (const n of await page.evaluate(() => window.entente.nodes())) {
    if (n.id === 'TUR' || partners.has(n.id)) assert.ok(n.x > 0 && n.x < box.width && n.y > 0 && n.y < box.height, `${n.id} visible`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'focus-turkey.png') });
  await page.locator('#ego-bar').getByRole('button', { name: '2 hops' }).click();
  const two = await state(page);
  assert.ok(two.faded.length < one.faded.length, `${two.faded.length} < ${one.faded.length}`);
  await page.getByRole('button', { name: 'Leave focus' }).click();
  assert.deepEqual((await state(page)).faded, []);
  assert.equal((await state(page)).focus, null);
  assert.equal(await page.locator('#ego-bar').isHidden(), true);
  await done(page, context, errors);
});

test('tone and actor-type filters, and a reset', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  const before = await page.evaluate(() => window.entente.edges().length);
  await page.getByRole('checkbox', { name: 'Hostile' }).uncheck();
  const ties = await page.evaluate(() => window.entente.ties('PAK'));
  assert.ok(ties.every((t) => t.events.every((e) => e.tone !== 'hostile')));
  assert.ok(!ties.some((t) => t.partner === 'TTP'), 'the Tehreek-e-Taliban Pakistan tie is only hostile');
  await page.getByRole('group', { name: 'Show actors of type' }).getByLabel('Armed group').uncheck();
  const nodes = await page.evaluate(() => window.entente.nodes());
  assert.ok(nodes.length > 5 && nodes.every((n) => n.type !== 'armed-group'));
  assert.equal((await state(page)).types, 0b011);
  await page.screenshot({ path: join(ARTIFACTS, 'filters.png') });
  await page.getByRole('button', { name: 'Reset filters' }).click();
  assert.equal(await page.evaluate(() => window.entente.edges().length), before);
  assert.equal(await page.getByRole('checkbox', { name: 'Hostile' }).isChecked(), true);
  assert.equal(await page.getByRole('button', { name: 'Reset filters' }).isDisabled(), true);
  await done(page, context, errors);
});

test('time: the slider shows the network as of a date; the chart follows filters and marks the time; play steps', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE, reducedMotion: 'reduce' });
  const all = await page.evaluate(() => window.entente.edges().length);
  const counts = await page.evaluate(() => window.entente.eventsPerYear());
  // One bar group per year with events; the chart is inline SVG from the core.
  const years = counts.counts.filter((c) => c.some((n) => n > 0)).length;
  const barXs = await page.$$eval('#chart svg rect', (rs) => new Set(rs.map((r) => r.getAttribute('x'))).size);
  assert.equal(barXs, years);
  assert.match(await page.locator('#chart-description').textContent(), /2021: 13 defense/);
  // Drag the slider to about the middle: an earlier network.
  const slider = page.locator('#time-slider');
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(Math.round(max * 0.8)));
  const s = await state(page);
  assert.match(s.until, /^\d{4}-\d{2}-\d{2}$/);
  const earlier = await page.evaluate(() => window.entente.edges().length);
  assert.ok(earlier < all, `${earlier} ties as of ${s.until}, ${all} in all`);
  const ties = await page.evaluate(() => window.entente.ties('PAK'));
  assert.ok(ties.every((t) => t.events.every((e) => e.date.slice(0, 10) <= s.until)));
  assert.equal(await page.locator('#time-date').innerText(), `as of ${s.until}`);
  const chartTexts = await page.$$eval('#chart svg text', (ts) => ts.map((t) => t.textContent.trim()));
  assert.ok(chartTexts.includes(`as of ${s.until}`), chartTexts.join('|'));
  // The chart follows the kind filter.
  const defenseBars = () => page.$$eval('#chart svg rect', (rs) => rs.filter((r) => r.getAttribute('fill').toLowerCase() === '#0063a6').length);
  assert.ok(await defenseBars() > 0);
  await page.getByRole('checkbox', { name: 'Defense' }).uncheck();
  assert.equal(await defenseBars(), 0);
  await page.getByRole('checkbox', { name: 'Defense' }).check();
  await page.screenshot({ path: join(ARTIFACTS, 'time.png') });
  // Play steps through time from the start (when at the end); pause stops it.
  await slider.fill(String(max));
  assert.equal((await state(page)).until, null);
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForFunction(() => window.entente.state().until !== null && window.entente.state().until < '2012');
  const first = (await state(page)).until;
  await page.waitForFunction((f) => window.entente.state().until > f, first);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = (await state(page)).until;
  assert.ok(paused > first);
  await done(page, context, errors);
});

for (const [size, viewport] of [['wide', WIDE], ['phone', PHONE]]) {
  test(`${size}: labels never overlap; the pinned actor is always labelled; zooming in shows more`, async () => {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport });
    const overlaps = (boxes) => boxes.some((a, i) => boxes.some((b, j) => i < j
      && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
    const before = await page.evaluate(() => window.entente.labels());
    assert.ok(before.length > 3);
    assert.equal(overlaps(before), false, 'label boxes overlap');
    assert.ok(before.some((b) => b.id === 'PAK'), 'the busiest actor is labelled');
    // Pin the actor with the fewest ties: it gets its label whatever it overlapped.
    const nodes = await page.evaluate(() => window.entente.nodes());
    const minor = nodes.reduce((a, b) => (b.ties < a.ties ? b : a));
    const p = await actorPoint(page, minor.id);
    await page.mouse.click(p.x, p.y);
    await page.mouse.move(1, 1);
    await settle(page);
    const pinned = await page.evaluate(() => window.entente.labels());
    assert.ok(pinned.some((b) => b.id === minor.id), `${minor.id} labelled when pinned`);
    assert.equal(overlaps(pinned), false);
    await page.keyboard.press('Escape');
    // Zoom in about the centre: labels spread out, more fit.
    const box = await page.locator('#network').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await settle(page);
    const zoomed = await page.evaluate(() => window.entente.labels());
    assert.equal(overlaps(zoomed), false);
    const onScreen = (await page.evaluate(() => window.entente.nodes()))
      .filter((n) => n.x > 0 && n.y > 0 && n.x < box.width && n.y < box.height).length;
    assert.ok(zoomed.length / onScreen >= before.length / nodes.length, `labelled ${zoomed.length}/${onScreen} zoomed vs ${before.length}/${nodes.length}`);
    await done(page, context, errors, `labels-${size}`);
  });
}

test('zoom about the cursor, pan on empty canvas, fit button and key', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  const tur = await actorPoint(page, 'TUR');
  await page.mouse.move(tur.x, tur.y);
  const scale0 = (await state(page)).view.scale;
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((s) => window.entente.state().view.scale > s * 1.3, scale0);
  const after = await actorPoint(page, 'TUR');
  assert.ok(Math.hypot(after.x - tur.x, after.y - tur.y) < 2, 'the point under the cursor stays put');
  assert.equal((await state(page)).view.manual, true);
  // Pan: press on empty canvas (a corner), drag.
  const box = await page.locator('#network').boundingBox();
  const v0 = (await state(page)).view;
  await page.mouse.move(box.x + 20, box.y + box.height - 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height - 60, { steps: 5 });
  await page.mouse.up();
  const v1 = (await state(page)).view;
  assert.ok(Math.abs(v1.tx - v0.tx - 100) < 1 && Math.abs(v1.ty - v0.ty + 40) < 1, `panned by ${v1.tx - v0.tx},${v1.ty - v0.ty}`);
  assert.equal((await state(page)).actor, null, 'a pan selects nothing');
  // The layout is not re-fitted while the person holds the view.
  await settle(page);
  assert.deepEqual((await state(page)).view, v1);
  await page.getByRole('button', { name: 'Fit to view (0)' }).click();
  await still(page);
  const fitted = await page.evaluate(() => window.entente.nodes());
  const pak = fitted.find((n) => n.id === 'PAK');
  assert.ok(Math.abs(pak.x - box.width / 2) < 2 && Math.abs(pak.y - box.height / 2) < 2);
  assert.equal((await state(page)).view.manual, false);
  await page.keyboard.press('+');
  assert.equal((await state(page)).view.manual, true);
  await page.keyboard.press('0');
  assert.equal((await state(page)).view.manual, false);
  await done(page, context, errors);
});

test('touch: tap pins an actor or a tie, pinch zooms', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const pak = await actorPoint(page, 'PAK');
  await page.touchscreen.tap(pak.x, pak.y);
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.equal((await state(page)).actor, 'PAK');
  await page.screenshot({ path: join(ARTIFACTS, 'touch-panel-phone.png') });
  await page.locator('#evidence').getByRole('button', { name: 'Close the evidence panel' }).tap();
  assert.equal((await state(page)).actor, null);
  // Tap a little beside a tie: the generous touch slop still finds it.
  const p = await isolatedTiePoint(page, 9);
  assert.ok(p, 'a point beside some tie, away from actors and other ties');
  await page.touchscreen.tap(p.x, p.y);
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.deepEqual((await state(page)).tie, p.tie);
  await page.locator('#evidence').getByRole('button', { name: 'Close the evidence panel' }).tap();
  // Pinch: two fingers spread apart about the centre.
  const box = await page.locator('#network').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
  });
  const s0 = (await state(page)).view.scale;
  await touch('touchStart', 30);
  for (const d of [45, 60, 75, 90]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  const s1 = (await state(page)).view.scale;
  assert.ok(Math.abs(s1 / s0 - 3) < 0.1, `pinch zoomed ×${s1 / s0}`);
  assert.equal((await state(page)).actor, null, 'a pinch selects nothing');
  await done(page, context, errors, 'pinch-phone');
});

test('the URL holds filters, time, focus and selection; opening it restores them; Back undoes a selection', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  await page.getByRole('checkbox', { name: 'Economic' }).uncheck();
  await page.getByRole('checkbox', { name: 'Strained' }).uncheck();
  const pak = await actorPoint(page, 'PAK');
  await page.mouse.click(pak.x, pak.y);
  await page.locator('#evidence').getByRole('button', { name: '2 hops' }).click();
  await page.locator('#time-slider').fill('3000');
  await page.waitForFunction(() => location.search.includes('actor=PAK') && location.search.includes('until='));
  const url = page.url();
  const q = new URL(url).searchParams;
  assert.equal(q.get('kinds'), 'defense,diplomatic,conflict');
  assert.equal(q.get('tones'), 'cooperative,hostile');
  assert.equal(q.get('focus'), 'PAK');
  assert.equal(q.get('hops'), '2');
  const s = await state(page);
  assert.equal(q.get('until'), s.until);
  // A fresh page at that address shows the same view.
  const other = await openWith(env.browser, url, { viewport: WIDE });
  const restored = await state(other.page);
  for (const key of ['actor', 'focus', 'hops', 'kinds', 'tones', 'types', 'until']) assert.deepEqual(restored[key], s[key], key);
  assert.equal(await other.page.getByRole('checkbox', { name: 'Economic' }).isChecked(), false);
  assert.equal(await other.page.locator('#evidence').getAttribute('data-actor'), 'PAK');
  assert.deepEqual(await other.page.evaluate(() => window.entente.edges()), await page.evaluate(() => window.entente.edges()));
  await done(other.page, other.context, other.errors, 'restored-from-url');
  // A layout named in the link is kept in app.ui.layout and in the address (for the layout switcher).
  const withLayout = await openWith(env.browser, `${env.base}?layout=radial&actor=TUR`, { viewport: WIDE });
  await withLayout.page.waitForFunction(() => window.entente.state().actor === 'TUR');
  assert.match(withLayout.page.url(), /layout=radial/);
  await done(withLayout.page, withLayout.context, withLayout.errors);
  // Back: pin Turkey, then go back to Pakistan.
  await page.locator('#evidence').getByRole('button', { name: 'Turkey', exact: true }).click();
  await page.waitForFunction(() => location.search.includes('actor=TUR'));
  await page.goBack();
  await page.waitForFunction(() => window.entente.state().actor === 'PAK');
  assert.match(page.url(), /actor=PAK/);
  await done(page, context, errors);
});

test('export picture: PNG at 2× the view, SVG of the same scene with the labels on screen, legend and caption', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: WIDE });
  await page.locator('#time-slider').fill('3500');
  const box = await page.locator('#network').boundingBox();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG (2×)' }).click()]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG');
  assert.equal(bytes.readUInt32BE(16), Math.round(box.width) * 2);
  // The view at 2×, and under it a band with the legend and the caption's lines.
  const captionLines = 4;
  assert.equal(bytes.readUInt32BE(20), Math.round(box.height + 10 + 24 + captionLines * 16 + 10) * 2);
  assert.match(png.suggestedFilename(), /^pakistan-2021-as-of-\d{4}-\d{2}-\d{2}\.png$/);
  writeFileSync(join(ARTIFACTS, 'export.png'), bytes);
  // The picture itself: decoded, it holds the network (ties in their colours, dark actors).
  const seen = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0, dark = 0, bandInk = 0;
    const bandTop = c.height - 2 * (10 + 24 + 4 * 16 + 10);
    for (let i = 0; i < d.length; i += 4) {
      if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) coloured++;
      if (d[i] + d[i + 1] + d[i + 2] < 200) dark++;
      if (i / 4 / c.width > bandTop && d[i] + d[i + 1] + d[i + 2] < 500) bandInk++;
    }
    return { coloured, dark, bandInk };
  }, bytes.toString('base64'));
  assert.ok(seen.coloured > 2000 && seen.dark > 2000, `the exported PNG shows the network: ${JSON.stringify(seen)}`);
  assert.ok(seen.bandInk > 3000, `the band under it holds the legend and caption: ${JSON.stringify(seen)}`);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const text = readFileSync(await svg.path(), 'utf8');
  // Parsed on a blank page of the same browser: the page's CSP (Trusted Types) lets no plain
  // string reach DOMParser.
  const parser = await context.newPage();
  const parsed = await parser.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      texts: [...doc.querySelectorAll('text')].map((n) => n.textContent.trim()),
      styled: doc.querySelectorAll('[style], style, script').length,
    };
  }, text);
  await parser.close();
  assert.equal(parsed.error, null);
  assert.equal(parsed.styled, 0);
  const labels = await page.evaluate(() => window.entente.labels());
  assert.ok(labels.length >= 10, `${labels.length} labels on screen`);
  for (const l of labels) assert.ok(parsed.texts.includes(l.text), `${l.text} labelled`);
  const until = (await state(page)).until;
  for (const want of ['Defense', 'Armed group', 'one report only', `Network as of ${until} (events from 2011 to ${until})`]) {
    assert.ok(parsed.texts.includes(want), `${want} in ${parsed.texts.join('|')}`);
  }
  assert.ok(parsed.texts.some((t) => t.startsWith('Source: “Pakistan Braces for U.S. Withdrawal')), 'provenance caption');
  assert.deepEqual(await csp(page), []);
  assert.deepEqual(errors, []);
  // Look at the export as an image, on a blank page.
  const blank = await context.newPage();
  await blank.setContent(text);
  await blank.screenshot({ path: join(ARTIFACTS, 'export-svg.png'), fullPage: true });
  await context.close();
});

test('phone: every control fits the width and the network stays usable', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: PHONE });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width, 'no sideways scrolling');
  const canvas = await page.locator('#network').boundingBox();
  assert.ok(canvas.width >= 350 && canvas.height >= 300, `canvas ${canvas.width}×${canvas.height}`);
  // The filters fold away on a phone: the network is in view at once, below the header.
  assert.ok(canvas.y < 200, `canvas at ${canvas.y}`);
  assert.equal(await page.locator('#controls').isHidden(), true);
  await page.getByRole('button', { name: 'Filters, legend, export' }).click();
  assert.equal(await page.getByRole('checkbox', { name: 'Diplomatic' }).isVisible(), true);
  for (const name of ['Find an actor', 'Fit to view (0)', 'Play: step through time', 'Reset filters', 'SVG']) {
    const el = page.getByRole(name === 'Find an actor' ? 'combobox' : 'button', { name });
    await el.scrollIntoViewIfNeeded();
    const b = await el.boundingBox();
    assert.ok(b && b.x >= 0 && b.x + b.width <= PHONE.width, `${name} within the width`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await done(page, context, errors, 'phone');
});

for (const [size, viewport] of [['wide', WIDE], ['phone', PHONE]]) {
  test(`${size}: the tooltip of the actors nearest the picture's edges stays inside the picture`, async () => {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport });
    await settle(page);
    // The actors nearest the right edge and the bottom edge, and the one at the top left.
    const ids = await page.evaluate(() => {
      const nodes = window.entente.nodes();
      const by = (f) => nodes.reduce((a, b) => (f(b) > f(a) ? b : a)).id;
      return [...new Set([by((n) => n.x), by((n) => n.y), by((n) => -n.x - n.y)])];
    });
    const stage = await page.locator('#stage').boundingBox();
    for (const id of ids) {
      const p = await actorPoint(page, id);
      await page.mouse.move(p.x, p.y);
      await page.waitForFunction((id) => {
        const tip = document.getElementById('tooltip');
        return !tip.hidden && tip.dataset.actor === id;
      }, id);
      // Placed by the sizes its observers report, in the frame after it is filled: wait for two frames.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const tip = await page.locator('#tooltip').boundingBox();
      const where = `${id}'s tooltip at ${JSON.stringify(tip)} in the picture ${JSON.stringify(stage)}`;
      assert.ok(tip.x >= stage.x + 7.5 && tip.y >= stage.y + 7.5, where);
      assert.ok(tip.x + tip.width <= stage.x + stage.width - 7.5, where);
      assert.ok(tip.y + tip.height <= stage.y + stage.height - 7.5, where);
    }
    await done(page, context, errors);
  });
}
