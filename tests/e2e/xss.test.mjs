// A dataset whose every string is a script-injection payload: shown as text, nothing runs, no request leaves.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, settle, actorPoint, ARTIFACTS, ROOT } from './harness.mjs';

const PAYLOADS = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/xss-payloads.json'), 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Opens `url` with traps set before any page script: CSP violations, dialogs, requests. */
async function openTrapped(url) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [], dialogs = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 15000 });
  return { page, context, errors, dialogs, requests };
}

test('every payload in the dataset is shown as text and none runs', async () => {
  const { page, context, errors, dialogs, requests } = await openTrapped(`${env.base}?data=fixtures/hostile/xss.json`);
  await settle(page);
  assert.equal(await page.locator('#title').textContent(), PAYLOADS[0], 'the title, verbatim');
  assert.match(await page.locator('#provenance').textContent(), /javascript:window.__xss='href'/);

  const tip = page.locator('#tooltip');
  const text = [];
  for (const id of ['XSS', PAYLOADS[0], '<b>C</b>', 'D']) {
    const p = await actorPoint(page, id);
    assert.ok(p, `actor ${id} is drawn`);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction((id) => document.getElementById('tooltip').dataset.actor === id, id);
    text.push(await tip.innerText());
    if (id === 'XSS') await page.screenshot({ path: join(ARTIFACTS, 'xss-tooltip.png') });
  }
  const shown = text.join('\n');
  for (const payload of PAYLOADS) {
    assert.ok(shown.includes(payload), `the tooltips show ${payload} as text`);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('#tooltip *:not(div,h2,span,p,ul,li,strong,time,button)').length), 0,
    'the tooltip holds only the elements it builds');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => ['IMG', 'IFRAME', 'MATH', 'STYLE'].includes(el.tagName) || (el.tagName === 'SCRIPT' && !el.src)
      || [...el.attributes].some((a) => /^on/i.test(a.name)
        || (/^(src|href|srcdoc|xlink:href|action|formaction)$/i.test(a.name) && /__xss|javascript:/i.test(a.value))))
    .map((el) => el.outerHTML.slice(0, 80))), [], 'no element came from a payload');

  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing was even blocked: no markup was parsed');
  const origin = new URL(env.base).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
  assert.ok(!requests.some((u) => u.endsWith('/x')), 'no <img src=x> was requested');
  assert.deepEqual(errors, []);
  await context.close();
});

test('odd ids (__proto__, constructor) and odd names load and hover like any other', async () => {
  const { page, context, errors } = await openTrapped(`${env.base}?data=fixtures/hostile/odd_ids.json`);
  await settle(page);
  const ids = (await page.evaluate(() => window.entente.nodes())).map((n) => n.id).sort();
  assert.deepEqual(ids, ['__proto__', 'a b', 'constructor', 'hasOwnProperty', 'toString']);
  const p = await actorPoint(page, '__proto__');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => document.getElementById('tooltip').dataset.actor === '__proto__');
  assert.match(await page.locator('#tooltip').innerText(), /3 ties shown/);
  assert.equal((await page.evaluate(() => window.entente.ties('constructor'))).length, 1);
  assert.deepEqual(await page.evaluate(() => window.entente.ties('valueOf')), []);
  // A right-to-left override in a name stays inside the name: the tone after it reads as written.
  const partner = page.locator('#tooltip .partner', { hasText: 'RTL' });
  assert.equal(await partner.evaluate((el) => getComputedStyle(el).unicodeBidi), 'isolate');
  const tip = await page.locator('#tooltip').boundingBox();
  for (const box of await page.locator('#tooltip .partner').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
    assert.ok(box <= tip.x + tip.width + 1, 'a 3,000-letter name wraps inside the tooltip');
  }
  await page.screenshot({ path: join(ARTIFACTS, 'odd-ids.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('?data= on another origin, or a javascript: or data: URL, is refused with a message', async () => {
  for (const [value, why] of [
    ['http://example.com/data.json', /only files from this site \(http:\/\/127\.0\.0\.1:\d+\) can be opened; this address is on http:\/\/example\.com/],
    ['//evil.example/x.json', /this address is on http:\/\/evil\.example/],
    ["javascript:window.__xss='url'", /a "javascript:" URL/],
    ['data:application/json,{}', /a "data:" URL/],
  ]) {
    const { page, context, errors, requests } = await openTrapped(`${env.base}?data=${encodeURIComponent(value)}`);
    const banner = page.locator('#error');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.textContent(), why, value);
    assert.ok(!requests.some((u) => /example/.test(new URL(u).host)), `${value}: no request was made`);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.ok((await page.evaluate(() => window.entente.nodes())).length > 15, 'the built-in dataset is there');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a file name carrying markup is shown as text in the message', async () => {
  const name = '<img src=x onerror="window.__xss=1">.json';
  const { page, context, errors } = await openTrapped(`${env.base}?data=${encodeURIComponent(name)}`);
  const banner = page.locator('#error');
  await banner.waitFor({ state: 'visible' });
  assert.equal(await banner.textContent(), `Could not read ${name}: HTTP 404`);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  // A 404 is logged by the browser itself as a console error; nothing else may be.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test('Trusted Types: a plain string in a markup or script-URL sink is refused; the chart and the worker pass through their own policies', async () => {
  const { page, context, errors } = await openTrapped(env.base);
  await settle(page);
  // The chart was drawn through the page's policy (the chart module's SVG is in the document).
  await page.waitForFunction(() => document.querySelector('#chart svg rect') !== null, null, { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'normal use: no violation');
  const refused = await page.evaluate(() => {
    const tries = {
      innerHTML: () => { document.createElement('div').innerHTML = '<b>x</b>'; },
      DOMParser: () => new DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'),
      Worker: () => new Worker('worker.js', { type: 'module' }),
      scriptSrc: () => { document.createElement('script').src = 'main.js'; },
    };
    return Object.fromEntries(Object.entries(tries).map(([name, run]) => {
      try { run(); return [name, 'allowed']; } catch (e) { return [name, e.name]; }
    }));
  });
  assert.deepEqual(refused, { innerHTML: 'TypeError', DOMParser: 'TypeError', Worker: 'TypeError', scriptSrc: 'TypeError' });
  // Another policy name is refused by the CSP, and the page's own cannot be made twice.
  const policies = await page.evaluate(() => ['someone-else', 'entente-chart'].map((name) => {
    try { trustedTypes.createPolicy(name, { createHTML: (s) => s }); return 'created'; } catch (e) { return e.name; }
  }));
  assert.deepEqual(policies, ['TypeError', 'TypeError']);
  // Each refusal was reported as a violation of the Trusted Types directives.
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.length >= 4 && violations.every((v) => /^(require-trusted-types-for|trusted-types) /.test(v)), violations.join('\n'));
  assert.deepEqual(errors.filter((e) => !/Trusted ?Type|trusted-types|TrustedHTML|TrustedScriptURL|TrustedScript/i.test(e)), []);
  await context.close();
});
