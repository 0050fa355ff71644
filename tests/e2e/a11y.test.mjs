// Accessibility in headless Chromium: axe-core finds no violation (light and dark, panel and table
// open), the network is reachable by keyboard, a live region says what is focused, the table
// follows the filters, the canvas colours suit the dark theme and meet WCAG AA contrast.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, ARTIFACTS, ROOT } from './harness.mjs';
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

test('"Show events from", with two datasets added: axe finds nothing (both themes), Tab reaches each box, Space hides one', async () => {
  const events = join(ROOT, 'tests', 'fixtures', 'events');
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1440, height: 900 }, colorScheme });
    for (const [file, added] of [['sipri-trade-register.csv', 4], ['icews.events.2021.tab', 3]]) {
      await page.setInputFiles('#open-file', join(events, file));
      await page.locator('#event-import').getByRole('button', { name: 'Add to current dataset' }).click();
      await page.waitForFunction((n) => document.getElementById('notices').textContent.includes(`Added ${n} events`), added, { timeout: 30000 });
    }
    const sources = page.getByRole('group', { name: 'Show events from' });
    await sources.waitFor({ state: 'visible' });
    assert.equal(await sources.getByRole('checkbox').count(), 3);
    assert.deepEqual(await axe(page), []);
    await page.locator('#source-datasets').screenshot({ path: join(ARTIFACTS, `source-datasets-${colorScheme}.png`) });
    if (colorScheme === 'dark') { assert.deepEqual(errors, []); await context.close(); break; }
    // From the search box, Tab reaches every source dataset's box in order, and Space unticks one.
    await page.getByRole('combobox', { name: 'Find an actor' }).focus();
    const reached = [];
    for (let i = 0; i < 80 && reached.length < 3; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.dataset.source);
      if (name !== undefined) reached.push(name);
    }
    assert.deepEqual(reached, ['', 'ICEWS: icews.events.2021.tab', 'SIPRI trade register: sipri-trade-register.csv']);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('hide').join() === 'SIPRI trade register: sipri-trade-register.csv');
    assert.equal(await sources.getByRole('checkbox', { name: /^SIPRI trade register/ }).isChecked(), false);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

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

test('canvas contrast (which axe cannot see): labels ≥ 4.5:1, ties and actors ≥ 3:1 on both themes, read from the drawn pixels', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // Two device pixels per CSS pixel: a 1.6 px line then covers whole pixels along its middle.
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, colorScheme });
    const seen = await page.evaluate(() => {
      const canvas = document.getElementById('network');
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const at = (x, y) => {
        const i = 4 * (Math.floor(y * dpr) * canvas.width + Math.floor(x * dpr));
        return [data[i], data[i + 1], data[i + 2]];
      };
      const lum = (c) => {
        const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
      // The background: the commonest colour of the canvas.
      const mode = (colours) => {
        const count = new Map();
        for (const c of colours) count.set(c.join(','), (count.get(c.join(',')) ?? 0) + 1);
        const [best, n] = [...count].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
        return { colour: best.split(',').map(Number), n };
      };
      const everyPixel = [];
      for (let y = 0; y < canvas.height; y += 7) for (let x = 0; x < canvas.width; x += 7) everyPixel.push(at(x / dpr, y / dpr));
      const bg = mode(everyPixel).colour;
      const nodes = window.entente.nodes();
      const edges = window.entente.edges();
      const labels = window.entente.labels();
      const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
      const distToTie = (e, x, y) => {
        const a = byId[e.source], b = byId[e.target], dx = b.x - a.x, dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
      };
      const out = {};
      // Ties of one kind: the colour seen along their middle, away from actors, labels, other ties
      // and the single-source ring; the commonest colour there that is not the background.
      for (const kind of new Set(edges.flatMap((e) => e.kinds))) {
        const samples = [];
        for (const e of edges.filter((x) => x.kinds.length === 1 && x.kinds[0] === kind)) {
          const a = byId[e.source], b = byId[e.target], len = Math.hypot(b.x - a.x, b.y - a.y);
          for (let s = 0.15 * len; s <= 0.85 * len; s += 0.5) {
            if (Math.abs(s - len / 2) < 9) continue;
            const x = a.x + ((b.x - a.x) * s) / len, y = a.y + ((b.y - a.y) * s) / len;
            if (nodes.some((n) => Math.hypot(n.x - x, n.y - y) < 30)) continue;
            if (labels.some((l) => x > l.x - 3 && x < l.x + l.w + 3 && y > l.y - 3 && y < l.y + l.h + 3)) continue;
            if (edges.some((o) => o !== e && distToTie(o, x, y) < 8)) continue;
            const c = at(x, y);
            if (Math.max(...c.map((v, j) => Math.abs(v - bg[j]))) > 12) samples.push(c);
          }
        }
        const m = mode(samples);
        out[`tie ${kind}`] = { ratio: ratio(m.colour, bg), samples: samples.length, n: m.n, colour: m.colour };
      }
      // Actors of one type: the commonest colour within 2 px of their centres.
      for (const type of new Set(nodes.map((n) => n.type))) {
        const samples = [];
        for (const n of nodes.filter((x) => x.type === type)) {
          for (let dy = -2; dy <= 2; dy += 0.5) for (let dx = -2; dx <= 2; dx += 0.5) samples.push(at(n.x + dx, n.y + dy));
        }
        const m = mode(samples);
        out[`actor ${type}`] = { ratio: ratio(m.colour, bg), samples: samples.length, n: m.n, colour: m.colour };
      }
      // Each label: its strongest pixel (the core of a stroke of a letter).
      const labelRatios = labels.map((l) => {
        let best = 1;
        for (let y = l.y; y < l.y + l.h; y += 0.5) for (let x = l.x; x < l.x + l.w; x += 0.5) best = Math.max(best, ratio(at(x, y), bg));
        return best;
      });
      out.label = { ratio: Math.min(...labelRatios), samples: labels.length, n: labels.length };
      return { out, bg };
    });
    const { out } = seen;
    assert.deepEqual(Object.keys(out).sort(), ['actor armed-group', 'actor organization', 'actor state', 'label',
      'tie conflict', 'tie defense', 'tie diplomatic', 'tie economic'], 'every kind and type is on the canvas');
    for (const [what, r] of Object.entries(out)) {
      assert.ok(r.n >= 5, `${colorScheme}: ${what} seen in enough pixels (${r.n} of ${r.samples})`);
      assert.ok(r.ratio >= (what === 'label' ? 4.5 : 3), `${colorScheme}: ${what} contrast ${r.ratio.toFixed(2)} (${r.colour} on ${seen.bg})`);
    }
    // The theme is the one asked for: a dark canvas in the dark theme.
    assert.equal(seen.bg.reduce((a, b) => a + b) < 3 * 128, colorScheme === 'dark');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
