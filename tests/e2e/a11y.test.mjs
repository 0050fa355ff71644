// Accessibility in headless Chromium: axe-core finds no violation (light and dark, panel and table
// open), the network is reachable by keyboard, a live region says what is focused, the table
// follows the filters, the canvas colours suit the dark theme and meet WCAG AA contrast.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, ARTIFACTS } from './harness.mjs';
import { openWith, state, csp } from './explore-helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Runs axe-core in the page (evaluated through the DevTools protocol, which the page's CSP
 *  does not govern) and returns its violations as readable lines. */
async function axe(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  })).violations);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

for (const colorScheme of ['light', 'dark']) {
  for (const [size, viewport] of [['wide', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`axe-core: no violation, ${colorScheme} theme, ${size}, with the panel and the table open`, async () => {
      const { page, context, errors } = await openWith(env.browser, env.base, { viewport, colorScheme });
      assert.deepEqual(await axe(page), []);
      await page.evaluate(() => window.entente.nodes());
      const pak = await page.evaluate(() => {
        const n = window.entente.nodes().find((a) => a.id === 'PAK');
        const r = document.getElementById('network').getBoundingClientRect();
        return { x: r.left + n.x, y: r.top + n.y };
      });
      await page.mouse.click(pak.x, pak.y);
      await page.locator('#evidence').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Table' }).click();
      if (size === 'phone') await page.getByRole('button', { name: 'Filters, legend, export' }).click();
      const search = page.getByRole('combobox', { name: 'Find an actor' });
      await search.fill('a');
      assert.deepEqual(await axe(page), []);
      await page.screenshot({ path: join(ARTIFACTS, `a11y-${colorScheme}-${size}.png`), fullPage: true });
      // The check is live: a control without a name is reported.
      await page.evaluate(() => document.getElementById('view-tools').append(document.createElement('button')));
      assert.ok((await axe(page)).some((v) => v.startsWith('button-name')));
      assert.deepEqual(await csp(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('keyboard: Tab into the network, arrows move to the neighbour that way, Enter pins; the live region says so', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  assert.ok(await tabTo(page, '#network'), 'the network is in the tab order');
  const live = page.locator('#announce');
  await page.waitForFunction(() => document.getElementById('announce').textContent.startsWith('Pakistan'));
  assert.match(await live.innerText(), /^Pakistan, state, 16 ties shown/);
  const nodes = await page.evaluate(() => window.entente.nodes());
  const pak = nodes.find((n) => n.id === 'PAK');
  await page.keyboard.press('ArrowRight');
  const movedName = await_name(await live.innerText());
  const moved = nodes.find((n) => n.name === movedName);
  assert.ok(moved, await live.innerText());
  assert.ok(moved.x > pak.x, `${moved.name} is right of Pakistan`);
  const partners = await page.evaluate(() => window.entente.ties('PAK').map((t) => t.partner));
  assert.ok(partners.includes(moved.id), `${moved.name} is tied to Pakistan`);
  await page.screenshot({ path: join(ARTIFACTS, 'keyboard-focus.png') });
  await page.keyboard.press('Enter');
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.equal((await state(page)).actor, moved.id);
  assert.match(await live.innerText(), new RegExp(`^${moved.name}: evidence for \\d+ ties`));
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => !document.getElementById('announce').textContent.includes('evidence for'));
  await page.keyboard.press('Escape');
  assert.equal((await state(page)).actor, null);
  assert.deepEqual(errors, []);
  await context.close();
});

function await_name(text) {
  return text.split(',')[0];
}

test('every actor is reachable from the keyboard: Page Down goes through them all', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  const all = (await page.evaluate(() => window.entente.nodes())).map((n) => n.name).sort();
  assert.ok(await tabTo(page, '#network'));
  const name = async () => (await page.locator('#announce').innerText()).split(',')[0];
  const seen = [await name()];
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press('PageDown');
    seen.push(await name());
  }
  assert.deepEqual([...seen].sort(), all, 'each actor once');
  await page.keyboard.press('PageDown');
  assert.equal(await name(), seen[0], 'and round again');
  await page.keyboard.press('PageUp');
  assert.equal(await name(), seen.at(-1));
  // Arrows from every actor: each press lands on an actor in the arrow's half-plane, or stays.
  const nodes = Object.fromEntries((await page.evaluate(() => window.entente.nodes())).map((n) => [n.name, n]));
  for (const here of all) {
    for (const [key, dx, dy] of [['ArrowRight', 1, 0], ['ArrowDown', 0, 1], ['ArrowLeft', -1, 0], ['ArrowUp', 0, -1]]) {
      while ((await name()) !== here) await page.keyboard.press('PageDown');
      await page.keyboard.press(key);
      const there = await name();
      if (there === 'No actor further in that direction. ' + here) continue;
      const a = nodes[here], b = nodes[there];
      if (!b) continue;
      assert.ok((b.x - a.x) * dx + (b.y - a.y) * dy > 0, `${key} from ${here} went to ${there}`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the table lists the ties shown with their evidence and follows the filters', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  const table = page.locator('#table-view table');
  const rows = () => table.locator('tbody tr').count();
  assert.equal(await rows(), (await page.evaluate(() => window.entente.edges())).length);
  await page.getByRole('button', { name: 'Table' }).click();
  await table.waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('checkbox', { name: 'Diplomatic' }).uncheck();
  const edges = await page.evaluate(() => window.entente.edges());
  assert.equal(await rows(), edges.length);
  assert.match(await table.locator('caption').innerText(), new RegExp(`^${edges.length} ties shown`));
  const text = await table.innerText();
  assert.ok(!/Diplomatic/.test(text.split('\n').slice(2).join('\n')), 'no diplomatic kind left in the rows');
  assert.match(text, /single source/);
  await table.getByRole('button', { name: /Evidence for Pakistan — Turkey/ }).click();
  assert.deepEqual((await state(page)).tie, ['PAK', 'TUR']);
  await page.screenshot({ path: join(ARTIFACTS, 'table.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark theme: the canvas is dark and draws with the dark palette', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  const counts = await page.evaluate(() => {
    const c = document.getElementById('network');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    // Ties are drawn at 90 % opacity over the background.
    const blend = (c) => c.map((v, j) => 0.9 * v + 0.1 * d[j]);
    const near = (i, [r, g, b]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 24;
    const light = blend([0x5a, 0xa9, 0xe6]), dark = blend([0x00, 0x63, 0xa6]);
    let lightBlue = 0, darkBlue = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (near(i, light)) lightBlue++;
      if (near(i, dark)) darkBlue++;
    }
    return { bg: [d[0], d[1], d[2]], lightBlue, darkBlue };
  });
  assert.ok(Math.max(...counts.bg) < 60, `dark background ${counts.bg}`);
  assert.ok(counts.lightBlue > 100 && counts.darkBlue < counts.lightBlue / 10, JSON.stringify(counts));
  await page.screenshot({ path: join(ARTIFACTS, 'dark.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('reduced motion: choosing an actor moves the view at once, without easing', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  const input = page.getByRole('combobox', { name: 'Find an actor' });
  await input.fill('Kurdish');
  await input.press('Enter');
  // No frame needs to pass: the view is already where it is going.
  const where = await page.evaluate(() => {
    const n = window.entente.nodes().find((a) => a.id === window.entente.state().actor);
    return { x: n.x, y: n.y, w: document.getElementById('network').getBoundingClientRect().width };
  });
  const box = await page.locator('#network').boundingBox();
  assert.ok(Math.abs(where.y - box.height / 2) < 1, `centred at once: y ${where.y} of ${box.height}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('canvas contrast (which axe cannot see): labels ≥ 4.5:1, ties and actors ≥ 3:1 on both themes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1280, height: 800 }, colorScheme });
    const ratios = await page.evaluate(async () => {
      const { KINDS, ACTOR_TYPES } = await import('./kinds.js');
      const { themeColours } = await import('./theme.js');
      const theme = themeColours();
      // Any CSS colour to [r, g, b] through the canvas, the way drawing resolves it.
      const probe = document.createElement('canvas').getContext('2d');
      const rgb = (css) => { probe.fillStyle = '#000'; probe.fillStyle = css; probe.fillRect(0, 0, 1, 1); return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
      const lum = (c) => {
        const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
      const bg = rgb(theme.background);
      // Ties are stroked at 90 % opacity (render.js): the colour seen is the blend.
      const over = (c, alpha) => c.map((v, j) => alpha * v + (1 - alpha) * bg[j]);
      const out = { dark: theme.dark, label: ratio(rgb(theme.ink), bg) };
      for (const k of KINDS) out[`tie ${k.key}`] = ratio(over(rgb(theme.dark ? k.darkColor : k.color), 0.9), bg);
      for (const t of ACTOR_TYPES) out[`actor ${t.key}`] = ratio(rgb(theme.dark ? t.darkFill : t.fill), bg);
      return out;
    });
    assert.equal(ratios.dark, colorScheme === 'dark');
    assert.ok(ratios.label >= 4.5, `${colorScheme}: label contrast ${ratios.label.toFixed(2)}`);
    for (const [what, r] of Object.entries(ratios)) {
      if (what.startsWith('tie') || what.startsWith('actor')) assert.ok(r >= 3, `${colorScheme}: ${what} contrast ${r.toFixed(2)}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
