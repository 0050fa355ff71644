// A sampling profile of the main thread while a generated dataset opens with ?data= (Chrome DevTools
// protocol, 1 ms): the functions with the most self time from navigation to the first picture and
// after it, and the long tasks after it. A tool for finding where opening spends its time.
// Usage: node bench/profile-open.mjs [ACTORS] [SECONDS_AFTER_PICTURE] [--hover]   (default 50000, 8; --hover:
// the most connected actor hovered once the picture is on screen, as bench/open does)

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, SITE } from '../tests/e2e/harness.mjs';
import { syntheticDataset } from './synthetic.mjs';

const n = Number(process.argv[2] ?? 50000);
const after = Number(process.argv[3] ?? 8);
const hover = process.argv.includes('--hover');
mkdirSync(join(SITE, 'fixtures'), { recursive: true });
const file = `open-${n}.json`;
writeFileSync(join(SITE, 'fixtures', file), JSON.stringify(syntheticDataset(n)));
const env = await start();
try {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.goto(`${env.base}?data=fixtures/${file}`);
  await page.waitForFunction(() => performance.getEntriesByName('entente:painted').length > 0, null, { timeout: 120000, polling: 50 });
  const painted = await page.evaluate(() => performance.getEntriesByName('entente:painted')[0].startTime);
  if (hover) {
    // As bench/open does: the most connected actor hovered as soon as the public API is there.
    await page.waitForFunction(() => typeof window.entente?.nodes === 'function', null, { timeout: 120000, polling: 20 });
    const c = await page.evaluate(() => {
      const nodes = window.entente.nodes();
      const top = nodes.reduce((a, b) => (b.ties > a.ties ? b : a));
      const r = document.getElementById('network').getBoundingClientRect();
      return { x: r.left + top.x, y: r.top + top.y };
    });
    const at = await page.evaluate(() => performance.now());
    await page.mouse.move(c.x, c.y);
    console.log(`hovered at ${Math.round(at)} ms`);
  }
  const t0 = Date.now();
  await page.waitForFunction((ms) => performance.now() > ms, painted + after * 1000, { timeout: 120000, polling: 100 });
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure'))
    .filter((m) => m.name.startsWith('entente:')).map((m) => `${m.name} ${Math.round(m.startTime)}${m.duration ? `+${Math.round(m.duration)}` : ''}`));
  const long = await page.evaluate(() => window.__long);
  console.log(marks.join('\n'));
  console.log('long tasks [start, ms]:', JSON.stringify(long));
  // Self time per function, split at the first picture (profile times are µs since an arbitrary origin;
  // the navigation starts near the profile's start).
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const split = (painted + 0) * 1000;
  const before = new Map(), later = new Map();
  let t = 0;
  const origin = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const nd = byId.get(id);
    const f = nd.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const m = t < split ? before : later;
    m.set(key, (m.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  // Each long task after the picture: its heaviest functions (its samples by time since the profile began,
  // which is about when the navigation began).
  const tasks = long.filter(([at, ms]) => at >= painted && ms >= 60).map(([at, ms]) => ({ at, ms, m: new Map() }));
  t = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const task = tasks.find((k) => t / 1000 >= k.at && t / 1000 <= k.at + k.ms);
    if (!task) return;
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    task.m.set(key, (task.m.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  for (const k of tasks) {
    console.log(`\n== long task at ${k.at} ms, ${k.ms} ms`);
    [...k.m].sort((a, b) => b[1] - a[1]).slice(0, 8).forEach(([key, v]) => console.log(`${v.toFixed(0).padStart(6)} ms  ${key}`));
  }
  for (const [name, m] of [['before the picture (approx.)', before], ['after the picture', later]]) {
    console.log(`\n== ${name}`);
    [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(`${v.toFixed(0).padStart(6)} ms  ${k}`));
  }
  void origin; void t0;
  await context.close();
} finally {
  await env.close();
}
