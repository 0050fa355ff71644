// The cross-browser smoke suite, written once against driver.mjs and run in each engine by the *.test.mjs files beside it: exploring the shipped dataset.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '../e2e/harness.mjs';
import { engineSession, PHONE, LIMIT } from './session.mjs';
import { smokeFiles } from './smoke-files.mjs';
import { smokeFeatures } from './smoke-features.mjs';
import { drawn, settle, actorPoint, tabTo, trustedTypesUse } from './page.mjs';

/** Registers the smoke tests for `engine` (chromium, firefox or webkit). */
export function smoke(engine) {
  const session = engineSession(engine);
  const { open, done, shut } = session;

  test('load and draw: 21 actors on the canvas, Pakistan at the centre, the ties in their colours', LIMIT, async () => {
    const page = await open();
    await settle(page);
    const nodes = await page.evaluate(() => window.entente.nodes());
    assert.equal(nodes.length, 21);
    const box = await page.evaluate(() => document.getElementById('network').getBoundingClientRect().toJSON());
    const pak = nodes.find((n) => n.id === 'PAK');
    assert.ok(Math.abs(pak.x - box.width / 2) < 2 && Math.abs(pak.y - box.height / 2) < 2, `PAK at ${pak.x},${pak.y}`);
    for (const n of nodes) assert.ok(n.x >= 0 && n.x <= box.width && n.y >= 0 && n.y <= box.height, `${n.id} off the canvas`);
    const px = await drawn(page);
    assert.ok(px.inked > 5000, `${px.inked} pixels drawn`);
    assert.ok(px.green > 50, `${px.green} pixels of the diplomatic green`);
    await done(page, 'load');
  });

  test('hover: Turkey shows its tooltip with the T129 deal and its source; moving away hides it', LIMIT, async () => {
    const page = await open();
    await settle(page);
    const tur = await actorPoint(page, 'TUR');
    await page.move(tur.x, tur.y);
    await page.waitFor(() => document.getElementById('tooltip').dataset.actor === 'TUR', null, { what: 'the tooltip of Turkey' });
    const text = await page.evaluate(() => document.getElementById('tooltip').innerText);
    assert.match(text, /T129/);
    assert.match(text, /Source: Dawn, 2021-03-17/);
    writeFileSync(join(ARTIFACTS, `cross-${engine}-hover.png`), await page.screenshot());
    await page.move(2, 2);
    await page.waitFor(() => document.getElementById('tooltip').hidden, null, { what: 'the tooltip to hide' });
    await done(page, 'hover-away');
  });

  test('kind filter: unticking Diplomatic removes its ties from the API and its green from the picture', LIMIT, async () => {
    const page = await open();
    await settle(page);
    const all = await page.evaluate(() => window.entente.edges().length);
    await page.clickOn('input[name="diplomatic"]');
    assert.deepEqual(await page.evaluate(() => window.entente.filter()),
      { defense: true, diplomatic: false, economic: true, conflict: true });
    const left = await page.evaluate(() => window.entente.edges());
    assert.ok(left.length < all && left.every((e) => !e.kinds.includes('diplomatic')), `${left.length} of ${all} ties left`);
    await settle(page);
    assert.equal((await drawn(page)).green, 0, 'no diplomatic line left in the picture');
    await done(page, 'filter');
  });

  test('resize: the canvas keeps its picture through the resize itself, not only from the next frame', LIMIT, async () => {
    const page = await open();
    await settle(page);
    // A ResizeObserver of the test's, called right after the page's own: how many of the
    // canvas's pixels hold something when the page has handled the new size.
    await page.evaluate(() => {
      window.__afterResize = [];
      const c = document.getElementById('network');
      new ResizeObserver(() => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let opaque = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) opaque++;
        window.__afterResize.push({ width: c.width, opaque, all: data.length / 4 });
      }).observe(c);
    });
    await page.waitFor(() => window.__afterResize.length === 1, null, { what: 'the first observation' });
    const pak = await actorPoint(page, 'PAK');
    await page.click(pak.x, pak.y); // the panel opens beside the network: the canvas narrows
    const [, resized] = await page.waitFor(() => window.__afterResize.length >= 2 && window.__afterResize, null, { what: 'a resize' });
    assert.ok(resized.width < (await page.evaluate(() => window.__afterResize[0].width)), 'the canvas narrowed');
    assert.equal(resized.opaque, resized.all, 'the background and the network are drawn, no cleared canvas');
    await done(page, 'resize');
  });

  test('search: typing lists matches, arrows choose, Enter pins the actor', LIMIT, async () => {
    const page = await open();
    await page.clickOn('#search-input');
    await page.type('ta');
    const options = await page.waitFor(() => !document.getElementById('search-list').hidden
      && [...document.querySelectorAll('#search-list [role=option]')].map((o) => o.textContent), null, { what: 'suggestions' });
    assert.ok(options.some((o) => o.startsWith('Tajikistan')) && options.some((o) => o.startsWith('Taliban')), options.join('|'));
    await page.press('ArrowDown');
    await page.press('ArrowDown');
    const chosen = await page.evaluate(() => document.getElementById(document.getElementById('search-input')
      .getAttribute('aria-activedescendant')).textContent.split(' ')[0]);
    await page.press('Enter');
    await page.waitFor(() => !document.getElementById('evidence').hidden, null, { what: 'the evidence panel' });
    const name = await page.evaluate(() => window.entente.nodes().find((n) => n.id === window.entente.state().actor).name);
    assert.ok(name.startsWith(chosen), `${name} chosen as ${chosen}`);
    await done(page, 'search');
  });

  test('evidence panel: clicking Pakistan lists every tie and event with its sources', LIMIT, async () => {
    const page = await open();
    await settle(page);
    const pak = await actorPoint(page, 'PAK');
    await page.click(pak.x, pak.y);
    await page.waitFor(() => document.getElementById('evidence').dataset.actor === 'PAK', null, { what: 'the panel of Pakistan' });
    const shown = await page.evaluate(() => {
      const panel = document.getElementById('evidence');
      return { ties: panel.querySelectorAll('li.tie').length, events: panel.querySelectorAll('li.event').length, text: panel.innerText };
    });
    const ties = await page.evaluate(() => window.entente.ties('PAK'));
    assert.equal(shown.ties, ties.length);
    assert.equal(shown.events, ties.reduce((n, t) => n + t.events.length, 0));
    assert.match(shown.text, /Source: Dawn, 2021-/);
    await done(page, 'evidence');
  });

  test('keyboard: Tab into the network, an arrow moves to a neighbour, Enter pins, Escape lets go; the live region says each', LIMIT, async () => {
    const page = await open();
    await settle(page);
    assert.ok(await tabTo(page, '#network'), 'the network is in the tab order');
    const first = await page.waitFor(() => document.getElementById('announce').textContent.startsWith('Pakistan')
      && document.getElementById('announce').textContent, null, { what: 'Pakistan announced' });
    assert.match(first, /^Pakistan, state, 16 ties shown/);
    await page.press('ArrowRight');
    const movedName = (await page.waitFor(() => !document.getElementById('announce').textContent.startsWith('Pakistan')
      && document.getElementById('announce').textContent, null, { what: 'a neighbour announced' })).split(',')[0];
    const nodes = await page.evaluate(() => window.entente.nodes());
    const moved = nodes.find((n) => n.name === movedName);
    assert.ok(moved && moved.x > nodes.find((n) => n.id === 'PAK').x, `${movedName} is right of Pakistan`);
    await page.press('Enter');
    await page.waitFor(() => !document.getElementById('evidence').hidden, null, { what: 'the evidence panel' });
    assert.equal(await page.evaluate(() => window.entente.state().actor), moved.id);
    assert.match(await page.evaluate(() => document.getElementById('announce').textContent), new RegExp(`^${movedName}: evidence for \\d+ ties`));
    await page.press('Escape');
    await page.waitFor(() => window.entente.state().actor === null && document.getElementById('evidence').hidden, null, { what: 'Escape to unpin and close the panel' });
    await done(page, 'keyboard');
  });

  test('time slider: Home shows the network as of the first event, End all of it; the chart marks the date', LIMIT, async () => {
    const page = await open();
    const all = await page.evaluate(() => window.entente.edges().length);
    await page.waitFor(() => document.querySelector('#chart svg rect') !== null, null, { what: 'the events chart' });
    await page.evaluate(() => document.getElementById('time-slider').focus());
    await page.press('Home');
    const until = await page.waitFor(() => window.entente.state().until, null, { what: 'a date on the slider' });
    const early = await page.evaluate(() => ({
      ties: window.entente.edges().length,
      dates: window.entente.ties('PAK').flatMap((t) => t.events.map((e) => e.date)),
      label: document.getElementById('time-date').textContent,
      chart: [...document.querySelectorAll('#chart svg text')].map((t) => t.textContent.trim()),
    }));
    assert.ok(early.ties < all, `${early.ties} ties as of ${until}, ${all} in all`);
    assert.ok(early.dates.every((d) => d.slice(0, 10) <= until), early.dates.join(' '));
    assert.equal(early.label, `as of ${until}`);
    assert.ok(early.chart.includes(`as of ${until}`), early.chart.join('|'));
    await page.press('End');
    await page.waitFor(() => window.entente.state().until === null, null, { what: 'all dates' });
    assert.equal(await page.evaluate(() => window.entente.edges().length), all);
    await done(page, 'time');
  });

  test('Trusted Types: where the engine has them, a plain string in a sink is refused and the chart passes through its policy', LIMIT, async () => {
    const page = await open();
    await page.waitFor(() => document.querySelector('#chart svg rect') !== null, null, { what: 'the events chart' });
    const use = await trustedTypesUse(page);
    if (use.engineHasThem) {
      // Enforced: the page's CSP requires them, so a plain string is a TypeError.
      assert.deepEqual(use.refused, { innerHTML: 'TypeError', scriptSrc: 'TypeError' });
    } else {
      // Documented degradation: the same code runs without the policies (README, Security).
      assert.deepEqual(use.refused, { innerHTML: 'allowed', scriptSrc: 'allowed' });
    }
    // Our own tries were logged as violations in some engines: only those are allowed here.
    const others = (await page.errors()).filter((e) => !/trusted|TrustedHTML|TrustedScriptURL|require-trusted-types-for/i.test(e));
    assert.deepEqual(others, []);
    await shut(page);
  });

  test('phone viewport: no sideways scrolling, the filters fold away, a tap pins an actor', LIMIT, async () => {
    const page = await open('', PHONE);
    await settle(page);
    const size = await page.viewport();
    assert.ok(size.width <= 700, `a phone-sized page (${size.width} px wide)`);
    console.log(`# ${engine}: the phone viewport is ${size.width}×${size.height}`);
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      canvas: document.getElementById('network').getBoundingClientRect().toJSON(),
      controls: document.getElementById('controls').checkVisibility(),
    }));
    assert.ok(layout.scroll <= size.width, `scrollWidth ${layout.scroll} in ${size.width}`);
    assert.ok(layout.canvas.width >= size.width - 40 && layout.canvas.top < 200, JSON.stringify(layout.canvas));
    assert.equal(layout.controls, false, 'the filters are folded');
    await page.clickOn('#controls-toggle');
    await page.waitFor(() => document.querySelector('input[name="diplomatic"]').checkVisibility(), null, { what: 'the filters' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.clickOn('#controls-toggle');
    const pak = await actorPoint(page, 'PAK');
    await page.click(pak.x, pak.y);
    await page.waitFor(() => document.getElementById('evidence').dataset.actor === 'PAK', null, { what: 'the panel of Pakistan' });
    await done(page, 'phone');
  });

  smokeFiles(session);
  smokeFeatures(session);
}
