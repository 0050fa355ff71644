// What the core wasm module's build costs in speed: a generated dataset opened (`new Entente`:
// parse, validation, index and first layout), a force tick on the largest graph the main thread
// lays out (2,000 actors), and a filter change, timed in Node with the optimizing compiler only
// (`--no-liftoff`) on the module the page loads. The builds named are measured in turns, round after round, so the machine's load falls on each alike.
// Prints a markdown table of medians.
// Usage: node --no-liftoff bench/core-speed.mjs [--rounds N] [PKG_DIR ...]   (default 7 rounds of
// target/site/pkg; a folder holding wasm-bindgen's entente.js and entente_bg.wasm)

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { syntheticDataset } from './synthetic.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 7;
const DIRS = args.length ? args : ['target/site/pkg'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
const small = JSON.stringify(syntheticDataset(2000));
const large = JSON.stringify(syntheticDataset(50000));

const builds = [];
for (const dir of DIRS) {
  const glue = await import(`${pathToFileURL(resolve(dir, 'entente.js')).href}?${builds.length}`);
  glue.initSync({ module: readFileSync(join(dir, 'entente_bg.wasm')) });
  builds.push({ dir, Entente: glue.Entente, opens: [], ticks: [], filters: [], large: [] });
}
const before = os.loadavg();
for (let round = 0; round <= ROUNDS; round++) {
  for (const b of builds) {
    let e;
    const open = time(() => { e = new b.Entente(small); });
    e.reheat(1);
    const ticks = Array.from({ length: 20 }, () => time(() => e.step(1)));
    const filters = Array.from({ length: 4 }, (_, k) => time(() => e.setFilter(k % 2 ? 15 : 7, 7, 255, undefined, undefined)));
    e.free();
    const opened = time(() => { e = new b.Entente(large); });
    e.free();
    if (round === 0) continue; // the first round warms each module up (its memory grown once)
    b.opens.push(open); b.ticks.push(...ticks); b.filters.push(...filters); b.large.push(opened);
  }
}
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`${ROUNDS} rounds; load average ${load(before)} before, ${load(os.loadavg())} after\n`);
console.log('| module | open 2,000 actors | force tick, 2,000 actors | filter change, 2,000 | open 50,000 actors |');
console.log('|---|---:|---:|---:|---:|');
const ms = (x) => `${x.toFixed(1)} ms`;
for (const b of builds) console.log(`| \`${b.dir}\` | ${ms(median(b.opens))} | ${ms(median(b.ticks))} | ${ms(median(b.filters))} | ${ms(median(b.large))} |`);
