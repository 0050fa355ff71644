// Story mode: the card with the mouse, the keyboard and on a phone; the permalink and Back; embed mode; postMessage accepted and refused.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import net from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { start, open, settle, ARTIFACTS, ROOT, SITE, hoverMoving } from './harness.mjs';
import { state } from './explore-helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const card = (page) => page.evaluate(() => {
  const c = document.getElementById('story-card');
  return {
    hidden: c.hidden,
    count: document.getElementById('story-count').textContent,
    title: document.getElementById('story-title').textContent,
    chips: [...c.querySelectorAll('.story-chip')].map((li) => li.textContent),
    rests: [...c.querySelectorAll('.story-rests li')].map((li) => li.textContent),
    url: location.search,
  };
});
const atStep = (page, n) => page.waitForFunction((n) => document.getElementById('story-count')?.textContent.startsWith(`Step ${n} of`)
  && !document.getElementById('story-card').hidden, n);

test('mouse: Story opens the card; Next, the dots and Explore from here move the view; hover still works; axe clean', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await page.click('#story-toggle');
  await atStep(page, 1);
  let c = await card(page);
  assert.equal(c.count, 'Step 1 of 11');
  assert.equal(c.title, 'The US leaves Afghanistan');
  assert.ok(c.chips.includes('as of 2021-05-05'), c.chips.join(' | '));
  assert.ok(c.rests.includes('Dawn, 2021-05-05'), c.rests.join(' | '));
  let s = await state(page);
  assert.equal(s.until, '2021-05-05');
  assert.equal(s.focus, 'AFG');
  assert.deepEqual(s.tie, ['USA', 'AFG']);
  assert.equal(c.url, '?story=withdrawal');

  await page.click('#story-next');
  await atStep(page, 2);
  c = await card(page);
  assert.ok(c.chips.includes('kinds: conflict'), c.chips.join(' | '));
  s = await state(page);
  assert.equal(s.kinds, 8, 'only conflict ties');
  const edges = await page.evaluate(() => window.entente.edges());
  assert.ok(edges.length > 0 && edges.every((e) => e.kinds.includes('conflict')), JSON.stringify(edges));

  // The fourth dot: Russia, as of 8 April 2021.
  await page.click('.story-dots li:nth-child(4) button');
  await atStep(page, 4);
  s = await state(page);
  assert.deepEqual(s.tie, ['PAK', 'RUS']);
  assert.equal(s.until, '2021-04-08');
  assert.equal(s.focus, null, 'a step without focus leaves focus');

  // Hover keeps working inside a step: Russia's tooltip shows its dated, cited events.
  await page.click('.story-dots li:nth-child(6) button'); // the Gulf, on the map, Saudi Arabia pinned
  await atStep(page, 6);
  await page.waitForFunction(() => window.entente.layout().layout === 'map');
  await page.waitForFunction(() => window.entente.state().actor === 'SAU');
  await page.waitForFunction(() => !document.getElementById('evidence').hidden);
  await hoverMoving(page, 'TUR');
  const tip = await page.locator('#tooltip').innerText();
  assert.match(tip, /Pakistan/);
  await page.screenshot({ path: join(ARTIFACTS, 'story-step.png') });
  await page.mouse.move(2, 2); // the tooltip closed: axe looks at the card, the panel and the page
  await page.waitForFunction(() => document.getElementById('tooltip').hidden);

  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, []);

  // Explore from here: the card goes, the view stays.
  await page.click('#story-explore');
  await page.waitForFunction(() => document.getElementById('story-card').hidden);
  s = await state(page);
  assert.equal(s.kinds, 1, 'defense only, as the step left it');
  assert.equal(s.actor, 'SAU');
  // The address leaves the story and holds the view itself (on the next frame).
  await page.waitForFunction(() => !location.search.includes('story=') && location.search.includes('actor=SAU'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: the card takes focus; the arrow keys step; the step is announced', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await page.focus('#story-toggle');
  await page.keyboard.press('Enter');
  await atStep(page, 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'story-title');
  await page.keyboard.press('ArrowRight');
  await atStep(page, 2);
  await page.keyboard.press('ArrowRight');
  await atStep(page, 3);
  assert.equal(await page.locator('#announce').textContent(), 'Step 3 of 11: No bases, no proxy war');
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 2);
  // Tab reaches Next; Enter on it steps.
  for (let i = 0; i < 40 && await page.evaluate(() => document.activeElement.id) !== 'story-next'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await atStep(page, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the card is a bottom sheet and Next is a tap', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?story=turkey`, {
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
  });
  await atStep(page, 8);
  const box = await page.locator('#story-card').boundingBox();
  assert.ok(Math.abs(box.y + box.height - 844) <= 1, `bottom at ${box.y + box.height}`);
  assert.ok(box.width >= 388, `width ${box.width}`);
  assert.ok(box.height <= 844 * 0.46, `height ${box.height}`);
  await page.tap('#story-next');
  await atStep(page, 9);
  assert.equal((await state(page)).focus, 'QAT');
  await page.screenshot({ path: join(ARTIFACTS, 'story-phone.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('permalink: ?story=<id> opens that step; Back goes to the previous step', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?story=russia`);
  await atStep(page, 4);
  assert.equal((await state(page)).until, '2021-04-08');
  await page.click('#story-next');
  await atStep(page, 5);
  await page.waitForFunction(() => location.search === '?story=tajikistan');
  await page.click('#story-next');
  await atStep(page, 6);
  await page.waitForFunction(() => location.search === '?story=gulf');
  await page.goBack();
  await atStep(page, 5);
  await page.goBack();
  await atStep(page, 4);
  const s = await state(page);
  assert.deepEqual(s.tie, ['PAK', 'RUS']);
  assert.equal(s.until, '2021-04-08');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed: the network, the card and the legend only; window.entente drives it and fires entente:step', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?embed=1`);
  await atStep(page, 1);
  const shown = await page.evaluate(() => Object.fromEntries(['header', '#timeline', '#explore-filters', '#data', '#layouts', '#kinds',
    '#actor-legend', '#network', '#story-card'].map((s) => [s, getComputedStyle(document.querySelector(s)).display !== 'none'])));
  assert.deepEqual(shown, {
    header: false, '#timeline': false, '#explore-filters': false, '#data': false, '#layouts': false,
    '#kinds': true, '#actor-legend': true, '#network': true, '#story-card': true,
  });
  const info = await page.evaluate(() => window.entente.story());
  assert.equal(info.steps.length, 11);
  assert.equal(info.step, 'withdrawal');
  const heard = await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('entente:step', (e) => resolve(e.detail), { once: true });
    window.entente.goToStep(9);
  }));
  assert.deepEqual(heard, { entente: 1, type: 'step', id: 'azerbaijan', index: 9, count: 11 });
  await page.waitForFunction(() => window.entente.layout().layout === 'radial' && window.entente.layout().centre === 'AZE');
  const refused = await page.evaluate(() => { try { window.entente.goToStep('nowhere'); return null; } catch (e) { return e.message; } });
  assert.match(refused, /no step "nowhere"/);
  await page.screenshot({ path: join(ARTIFACTS, 'story-embed.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Serves `files` ({name: text}) from a temporary folder with a plain static server on another
 *  loopback port (another origin than the app's); returns {origin, close}. */
async function serveHost(files) {
  const dir = mkdtempSync(join(tmpdir(), 'entente-host-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const served = await serveDir(dir);
  return { origin: served.origin, close: () => { served.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Serves folder `dir` with Python's plain static server on a free loopback port, as `localhost`. */
async function serveDir(dir) {
  const port = await new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const origin = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${origin}/`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, close: () => server.kill() };
}

/** A host page on its own origin framing the app with `?embed=1&origins=<allowed>` (the host's
 *  own origin when `allowed` is null); it records what the frame posts to it. */
async function host(allowed) {
  const server = await serveHost({ 'index.html': '<!doctype html><title>host</title>' });
  const src = `${env.base}?embed=1&origins=${encodeURIComponent(allowed ?? server.origin)}`;
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.setContent(`<!doctype html><title>host</title><iframe id="app" title="Entente" src="${src}" width="1000" height="700"></iframe>
<script>window.heard = []; addEventListener('message', (e) => window.heard.push({ origin: e.origin, data: e.data }));</script>`);
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await frame.waitForFunction(() => window.entente.story()?.step === 'withdrawal');
  return { context, page, frame, close: async () => { await context.close(); server.close(); } };
}

test('postMessage: a listed origin drives the story and hears each step; another origin is ignored', async () => {
  const base = new URL(env.base).origin;
  const ok = await host(null);
  await ok.page.evaluate(() => document.getElementById('app').contentWindow.postMessage({ entente: 1, type: 'goToStep', step: 'turkey' }, '*'));
  await ok.frame.waitForFunction(() => window.entente.story().step === 'turkey');
  await ok.page.waitForFunction(() => window.heard.some((m) => m.data.id === 'turkey'));
  const heard = await ok.page.evaluate(() => window.heard.find((m) => m.data.id === 'turkey'));
  assert.deepEqual(heard, { origin: base, data: { entente: 1, type: 'step', id: 'turkey', index: 7, count: 11 } });
  await ok.close();

  const no = await host('http://localhost:1'); // only another origin is listed
  // The frame records every message it receives, after the page's own listener has run.
  await no.frame.evaluate(() => { window.__got = 0; addEventListener('message', () => { window.__got += 1; }); });
  await no.page.evaluate(() => document.getElementById('app').contentWindow.postMessage({ entente: 1, type: 'goToStep', step: 'turkey' }, '*'));
  await no.frame.waitForFunction(() => window.__got === 1);
  assert.equal(await no.frame.evaluate(() => window.entente.story().step), 'withdrawal');
  assert.deepEqual(await no.page.evaluate(() => window.heard.filter((m) => m.data.type !== 'step' || m.data.id !== 'withdrawal')), []);
  await no.close();
});

test('export: GEXF says in a notice that the story is left out; JSON keeps it and says nothing', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON', exact: true }).click()]);
  const kept = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(kept.story.steps.length, 11);
  assert.equal(await page.locator('#notices').isVisible(), false);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GEXF', exact: true }).click()]);
  await page.locator('#notices').waitFor({ state: 'visible' });
  const text = await page.locator('#notices').innerText();
  assert.match(text, /Exported pakistan-2021\.gexf: one thing left out/);
  assert.match(text, /The story "How Pakistan braces for the US withdrawal" \(11 steps\) is left out: GEXF has no place for it/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('publishing: the built folder works under a sub-path from a plain static server (story, hover, filters)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'entente-publish-'));
  const out = join(root, 'maps', 'pakistan');
  execFileSync('node', ['scripts/build.mjs', '--site', SITE, '--out', out, '--base', '/maps/pakistan/'], { cwd: ROOT });
  assert.match(readFileSync(join(out, '_headers'), 'utf8'), /^\/maps\/pakistan\/\*\n {2}Content-Security-Policy: default-src 'self'/);
  assert.ok(readdirSync(out).some((f) => /^main\.[0-9a-f]{10}\.js$/.test(f)), 'content-hashed module names');
  // A bad dataset is refused before anything is written, naming the file and the place.
  const refused = spawnSync('node', ['scripts/build.mjs', '--site', SITE, '--out', join(root, 'bad'), '--data', join(SITE, 'fixtures', 'bad_kind.json')], { cwd: ROOT, encoding: 'utf8' });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /bad_kind\.json: line 49, column \d+: ties\[0\]\.events\[1\]\.kind: "militry" is not one of/);

  const server = await serveDir(root);
  const { page, context, errors } = await open(env.browser, `${server.origin}/maps/pakistan/`, {}, async (ctx) => {
    ctx.on('request', (r) => { if (!r.url().startsWith(`${server.origin}/maps/pakistan/`) && !r.url().startsWith('data:')) errors.push(`outside the sub-path: ${r.url()}`); });
    ctx.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  });
  await page.click('#story-toggle');
  await atStep(page, 1);
  await page.click('#story-next');
  await atStep(page, 2);
  await page.click('#story-explore');
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.waitForFunction(() => window.entente.state().kinds === 15 && window.entente.state().until === null);
  await page.getByLabel('Diplomatic').uncheck();
  await page.waitForFunction(() => !window.entente.filter().diplomatic);
  await hoverMoving(page, 'TUR');
  assert.match(await page.locator('#tooltip').innerText(), /T129/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await context.close();
  server.close();
  rmSync(root, { recursive: true, force: true });
});

test('reduced motion: a step lands at once, layout and view', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?story=withdrawal`, { reducedMotion: 'reduce' });
  await atStep(page, 1);
  await settle(page);
  // Two frames after the step, Pakistan is already where it stays.
  const first = await page.evaluate(() => new Promise((resolve) => {
    window.entente.goToStep('backers');
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.entente.nodes().find((n) => n.id === 'PAK'))));
  }));
  await settle(page);
  const rest = (await page.evaluate(() => window.entente.nodes())).find((n) => n.id === 'PAK');
  assert.ok(Math.hypot(first.x - rest.x, first.y - rest.y) < 2, `moved from ${first.x},${first.y} to ${rest.x},${rest.y}`);
  assert.deepEqual(errors, []);
  await context.close();
});
