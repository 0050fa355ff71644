// Drives the layout benchmark: Entente (native, wasm) beside d3-force, graphology FA2, ngraph and sfdp; prints a markdown table.
// Usage: node bench/browser.mjs NATIVE_RESULTS.jsonl [--only SUBSTRING] [--speed]
//   (--only 10k: the graphs whose name holds it; --speed: ms / iteration only, no full runs)

import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import net from 'node:net';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target/bench');
const QUALITY_ITERATIONS = 300;          // d3's whole schedule; the same budget for FA2 and ngraph
const QUALITY_BUDGET_MS = 60_000;        // skip a full JS run expected to take longer
const SFDP_MAX_NODES = 10_000;
const SPEED_ONLY = process.argv.includes('--speed');
const native = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
const names = JSON.parse(readFileSync(join(OUT, 'graphs/index.json'), 'utf8')).filter((n) => n.includes(only));
const graphInfo = Object.fromEntries(names.map((n) => {
  const g = JSON.parse(readFileSync(join(OUT, 'graphs', `${n}.json`), 'utf8'));
  return [n, { nodes: g.nodeCount, edges: g.edges.length / 2, graph: g }];
}));

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const HAS_SFDP = (() => { try { execFileSync('sfdp', ['-V'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!HAS_SFDP) console.error('sfdp: not installed (apt-get install graphviz), so its rows are skipped');
const loads = [os.loadavg()];

/** sfdp from Debian's graphviz: wall time and positions, or null when it is not installed. */
function sfdp(name) {
  const { graph } = graphInfo[name];
  const dot = ['graph G {', 'node [shape=point];'];
  for (let k = 0; k < graph.edges.length; k += 2) dot.push(`${graph.edges[k]} -- ${graph.edges[k + 1]};`);
  for (let i = 0; i < graph.nodeCount; i++) dot.push(`${i};`);
  dot.push('}');
  const file = join(OUT, `${name}.dot`);
  writeFileSync(file, dot.join('\n'));
  try {
    const t = process.hrtime.bigint();
    const plain = execFileSync('sfdp', ['-Tplain', file], { maxBuffer: 1 << 28 }).toString();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const positions = new Array(2 * graph.nodeCount).fill(0);
    for (const line of plain.split('\n')) {
      const f = line.split(' ');
      if (f[0] === 'node') { positions[2 * f[1]] = Number(f[2]); positions[2 * f[1] + 1] = Number(f[3]); }
    }
    return { ms, positions };
  } catch {
    return null;
  }
}

const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', ROOT], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  headless: true,
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(`http://127.0.0.1:${port}/bench/bench.html`);
await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });

// Every engine the page offers (with --against, the older revision's too), warmed up once
// (JIT tiers, wasm compile) on the smallest graph before timing.
const ENGINES = (await page.evaluate(() => window.engines))
  .sort((a, b) => b.startsWith('entente') - a.startsWith('entente'));
for (const engine of ENGINES) await page.evaluate(([n, e]) => window.quality(n, e, 100), [names[0], engine]);

const rows = [];
for (const name of names) {
  const { nodes } = graphInfo[name];
  const timed = nodes >= 50_000 ? 20 : nodes >= 10_000 ? 30 : 50;
  for (const r of native.filter((x) => x.graph === name)) rows.push({ ...r, timed: 50 });
  for (const engine of ENGINES) {
    const repeats = nodes >= 50_000 && !engine.startsWith('entente') ? 1 : 3;
    // A layout refined at once rests before its first tick: it has no time per iteration.
    const ms = engine.endsWith('-at-once') ? null
      : await page.evaluate(([n, e, k, r]) => window.speed(n, e, k, r), [name, engine, timed, repeats]);
    const row = { graph: name, engine, msPerIteration: ms, timed };
    const expected = engine.startsWith('entente') ? 0 : ms * QUALITY_ITERATIONS;
    if (expected <= QUALITY_BUDGET_MS && !SPEED_ONLY) {
      Object.assign(row, await page.evaluate(([n, e, k]) => window.quality(n, e, k), [name, engine, QUALITY_ITERATIONS]));
      row.totalMs = row.total;
    }
    rows.push(row);
    console.error(`${name} ${engine}: ${ms == null ? '—' : ms.toFixed(2)} ms/iteration${row.stress != null ? `, stress ${row.stress.toFixed(3)}` : ''}`);
  }
  loads.push(os.loadavg());
  if (HAS_SFDP && nodes <= SFDP_MAX_NODES && !SPEED_ONLY) {
    const s = sfdp(name);
    if (s) {
      const stress = await page.evaluate(([n, p]) => window.stressOf(n, p), [name, s.positions]);
      rows.push({ graph: name, engine: 'sfdp (graphviz, native)', totalMs: s.ms, stress });
      console.error(`${name} sfdp: ${s.ms.toFixed(0)} ms, stress ${stress.toFixed(3)}`);
    } else {
      console.error(`${name} sfdp: failed, row skipped`);
    }
  }
}
await browser.close();
server.kill();

// ---- the table ----
const fmt = (v, d) => (v == null ? '—' : v.toFixed(d));
const out = [];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const load = (i) => Math.max(...loads.map((l) => l[i])).toFixed(2);
out.push(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), Chromium ${browser.version()}, headless; load average during the run up to ${load(0)} (1 min), ${load(1)} (5 min)${HAS_SFDP ? '' : '; sfdp not installed, skipped'}.`);
out.push('');
out.push('| graph | nodes | edges | engine | ms / iteration | iterations | total ms | stress | speed-up vs fastest JS |');
out.push('|---|---:|---:|---|---:|---:|---:|---:|---:|');
for (const name of names) {
  const { nodes, edges } = graphInfo[name];
  const js = rows.filter((r) => r.graph === name && !r.engine.startsWith('entente') && r.msPerIteration != null);
  const fastest = Math.min(...js.map((r) => r.msPerIteration));
  for (const r of rows.filter((x) => x.graph === name)) {
    const up = r.engine.startsWith('entente') && r.msPerIteration ? `${(fastest / r.msPerIteration).toFixed(1)}×` : '';
    out.push(`| ${name} | ${nodes} | ${edges} | ${r.engine} | ${fmt(r.msPerIteration, 2)} | ${r.iterations ?? '—'} | ${fmt(r.totalMs, 0)} | ${fmt(r.stress, 3)} | ${up} |`);
  }
}
out.push('');
out.push('Page weight: `node bench/weight.mjs` (the first load and what follows it, from target/site).');
const text = out.join('\n');
writeFileSync(join(OUT, 'results.md'), `${text}\n`);
writeFileSync(join(OUT, 'results.json'), JSON.stringify(rows, null, 1));
console.log(text);

