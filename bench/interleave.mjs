// Times the tick of a few engines in one headless-Chromium page, round by round: each round runs
// every engine once on each graph (30 ticks after one, as bench/run's speed column), the order
// turned by one engine each round, so that a shared machine's load, which changes from second
// to second, weighs on all alike. Prints each engine's median and least ms per tick, and the
// per-round ratio of the slowest-named peer (the last engine) to each of the others.
//
// Usage, after a bench/run (which builds the layout module, the graphs and the JS engines'
// bundle; with --against REV, that revision's rows too):
//   node bench/interleave.mjs [--rounds 11] [--only 10k] [ENGINE ...]
// ENGINE defaults to entente-wasm, every entente-wasm@REV the page offers, and ngraph.forcelayout.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import net from 'node:net';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target/bench');
const TIMED = 30;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  if (k < 0) return fallback;
  const value = args[k + 1];
  args.splice(k, 2);
  return value;
};
const rounds = Number(option('--rounds', '11'));
const only = option('--only', '10k');
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a whole number of at least 1, not ${rounds}`);
const names = JSON.parse(readFileSync(join(OUT, 'graphs/index.json'), 'utf8')).filter((n) => n.includes(only));
if (names.length === 0) throw new Error(`no graph in ${OUT}/graphs holds "${only}": run bench/run first`);

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', ROOT], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  headless: true,
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // The server may take a moment to listen: try the page until it answers.
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/bench/bench.html`);
      break;
    } catch (e) {
      if (tries > 50) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
  const offered = await page.evaluate(() => window.engines);
  const engines = args.length > 0 ? args
    : ['entente-wasm', ...offered.filter((e) => /^entente-wasm@/.test(e)), 'ngraph.forcelayout'];
  for (const e of engines) if (!offered.includes(e)) throw new Error(`unknown engine ${e}; the page offers ${offered.join(', ')}`);

  const loads = [os.loadavg()[0]];
  const times = {};
  for (const name of names) {
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < engines.length; k++) {
        const engine = engines[(k + r) % engines.length];
        const ms = await page.evaluate(([n, e, t]) => window.speed(n, e, t, 1), [name, engine, TIMED]);
        (times[`${name} ${engine}`] ??= []).push(ms);
      }
      loads.push(os.loadavg()[0]);
    }
  }

  const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  const peer = engines[engines.length - 1];
  console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${rounds} rounds of ${TIMED} ticks after one, `
    + `load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}\n`);
  console.log(`| graph | engine | ms / tick, median | least | ${peer} ÷ engine, per round: median (range) |`);
  console.log('|---|---|---:|---:|---:|');
  for (const name of names) {
    for (const engine of engines) {
      const v = times[`${name} ${engine}`];
      const ratios = engine === peer ? null : times[`${name} ${peer}`].map((p, i) => p / v[i]);
      const ratio = ratios ? `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : '';
      console.log(`| ${name} | ${engine} | ${median(v).toFixed(2)} | ${Math.min(...v).toFixed(2)} | ${ratio} |`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
