// Errors thrown at the core and at the page leave it working: each is an Error with a message, and hover still shows the evidence.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, settle, actorPoint } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function hoverShows(page, id, text) {
  await settle(page);
  const p = await actorPoint(page, id);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((id) => document.getElementById('tooltip').dataset.actor === id, id);
  assert.match(await page.locator('#tooltip').innerText(), text);
  await page.mouse.move(2, 2);
}

test('bad calls into the wasm core are Errors with messages, and the page goes on', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await settle(page);
  const before = await page.evaluate(() => JSON.stringify(window.entente.ties('PAK')));
  const thrown = await page.evaluate(async () => {
    // The same module instance (and wasm memory) as the page's own core.
    const core = await import(new URL('pkg/entente.js', location.href).href);
    const minimal = await (await fetch('fixtures/minimal.json')).text();
    const wrongType = await (await fetch('fixtures/wrong_type.json')).text();
    const attempts = {
      'bad JSON': () => new core.Entente('{"format": '),
      'a string for a number': () => new core.Entente(wrongType),
      'not UTF-8': () => core.textFromBytes(new Uint8Array([0x7b, 0x0a, 0xff])),
      'UTF-16': () => core.textFromBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])),
      'bad date filter': (h) => h.setFilter(15, 7, 7, '2021-13-45'),
      'date filter of markup': (h) => h.setFilter(15, 7, 7, '<img src=x onerror=alert(1)>'),
      'bad actor index': (h) => h.tiesOf(4e9),
      'negative index': (h) => h.pin(-1, 0, 0),
      'NaN pin': (h) => h.pin(0, NaN, 0),
      'wrong radii': (h) => h.setRadii(new Float32Array(2)),
      'bad reload': (h) => h.load('[1, 2, 3]'),
      'use after free': (h) => { h.free(); h.tiesOf(0); },
    };
    const out = {};
    for (const [name, attempt] of Object.entries(attempts)) {
      const handle = new core.Entente(minimal);
      try {
        attempt(handle);
        out[name] = 'no error';
      } catch (err) {
        out[name] = err instanceof Error ? err.message : `not an Error: ${err}`;
      }
    }
    return out;
  });
  assert.match(thrown['bad JSON'], /^line 1, column 11: /);
  // The refused value is quoted from the file: the core's size build has no Debug formatting for serde to quote it with.
  assert.equal(thrown['a string for a number'], 'line 10, column 20: invalid type: string "33.69", expected f64');
  assert.equal(thrown['not UTF-8'], 'line 2, column 1: the file is not UTF-8 (byte 0xFF at offset 2); save it as UTF-8');
  assert.match(thrown['UTF-16'], /UTF-16 is not supported/);
  assert.equal(thrown['bad date filter'], '"2021-13-45" is not a day in the calendar');
  assert.match(thrown['date filter of markup'], /is not a date/);
  assert.match(thrown['bad actor index'], /no actor has index 4000000000/);
  assert.match(thrown['negative index'], /no actor has index 4294967295/);
  assert.match(thrown['NaN pin'], /finite/);
  assert.match(thrown['wrong radii'], /expected 3 radii, got 2/);
  assert.match(thrown['bad reload'], /a dataset is one JSON object/);
  assert.ok(thrown['use after free'].length > 0 && thrown['use after free'] !== 'no error', thrown['use after free']);

  assert.equal(await page.evaluate(() => JSON.stringify(window.entente.ties('PAK'))), before, 'the page\'s own data is untouched');
  await hoverShows(page, 'TUR', /T129/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('odd arguments to window.entente change nothing', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  const out = await page.evaluate(() => {
    const e = window.entente;
    return {
      undef: e.ties(undefined), object: e.ties({}), proto: e.ties('__proto__'), markup: e.ties('<b>PAK</b>'),
      filter: e.setFilter({ defense: 'yes', diplomatic: 1, ...JSON.parse('{"__proto__": {"economic": false}}') }),
    };
  });
  assert.deepEqual([out.undef, out.object, out.proto, out.markup], [[], [], [], []]);
  assert.deepEqual(out.filter, { defense: true, diplomatic: true, economic: true, conflict: true });
  await hoverShows(page, 'PAK', /Turkey/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an error nothing caught shows in the banner; a click dismisses it and the page goes on', async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  await page.evaluate(() => setTimeout(() => { throw new Error('boom in a handler'); }));
  const banner = page.locator('#error');
  await banner.waitFor({ state: 'visible' });
  assert.equal(await banner.textContent(), 'Something went wrong: boom in a handler. What is on screen is unchanged.');
  await banner.click();
  await banner.waitFor({ state: 'hidden' });
  await page.evaluate(() => { Promise.reject(new Error('a promise nobody awaited')); });
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.textContent(), /a promise nobody awaited/);
  await banner.click();
  await hoverShows(page, 'PAK', /Turkey/);
  assert.deepEqual(errors.filter((e) => !/boom in a handler|a promise nobody awaited/.test(e)), []);
  await context.close();
});
