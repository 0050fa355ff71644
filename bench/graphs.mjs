// Writes the benchmark graphs (Les Misérables and seeded generated ones) with shared start positions.
// Usage: node bench/graphs.mjs OUT_DIR [--quick] [--only SUBSTRING]

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** d3's LCG, so every generated graph is the same on every machine. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296;
}

/** Barabási–Albert preferential attachment: each new node links to `m` existing ones. */
function preferential(n, m, seed) {
  const rand = lcg(seed);
  const edges = [];
  const ends = [0];
  for (let v = 1; v < n; v++) {
    const picked = new Set();
    for (let k = 0; k < Math.min(m, v) && picked.size < v; k++) {
      let u;
      do u = ends[Math.floor(rand() * ends.length)]; while (picked.has(u));
      picked.add(u);
    }
    for (const u of picked) { edges.push(u, v); ends.push(u, v); }
  }
  return edges;
}

/** Communities of about `size` nodes: a random tree and extra edges inside each, and each
 *  community tied to two earlier ones. */
function clustered(n, size, seed) {
  const rand = lcg(seed);
  const edges = [];
  const clusters = Math.max(1, Math.round(n / size));
  const start = (c) => Math.floor((c * n) / clusters);
  for (let c = 0; c < clusters; c++) {
    const a = start(c), b = start(c + 1);
    for (let v = a + 1; v < b; v++) {
      edges.push(a + Math.floor(rand() * (v - a)), v);
      if (rand() < 0.8) {
        const u = a + Math.floor(rand() * (b - a));
        if (u !== v) edges.push(u, v);
      }
    }
    for (let k = 0; k < 2 && c > 0; k++) {
      const d = Math.floor(rand() * c);
      const u = start(d) + Math.floor(rand() * (start(d + 1) - start(d)));
      const v = a + Math.floor(rand() * (b - a));
      edges.push(u, v);
    }
  }
  return edges;
}

function lesMiserables() {
  const candidates = [join(ROOT, '..', 'shared/interop/graphology/les_miserables.gexf'),
    '/work/shared/interop/graphology/les_miserables.gexf'];
  const file = candidates.find(existsSync);
  if (!file) return null;
  const g = gexf.parse(Graph, readFileSync(file, 'utf8'), { allowUndeclaredAttributes: true });
  const index = new Map(g.nodes().map((k, i) => [k, i]));
  const edges = [];
  g.forEachEdge((e, a, s, t) => { if (s !== t) edges.push(index.get(s), index.get(t)); });
  return { nodeCount: g.order, edges };
}

/** Seeded uniform start positions in a square that grows with √n, shared by every engine. */
function start(n, seed) {
  const rand = lcg(seed);
  const side = 10 * Math.sqrt(n);
  return Array.from({ length: 2 * n }, () => (rand() - 0.5) * side);
}

const out = process.argv[2] ?? join(ROOT, 'target/bench/graphs');
const quick = process.argv.includes('--quick');
mkdirSync(out, { recursive: true });
const graphs = [];
const lm = lesMiserables();
if (lm) graphs.push({ name: 'les-miserables', ...lm });
for (const n of quick ? [1000] : [1000, 10000, 50000]) {
  graphs.push({ name: `preferential-${n / 1000}k`, nodeCount: n, edges: preferential(n, 2, n + 7) });
  graphs.push({ name: `clustered-${n / 1000}k`, nodeCount: n, edges: clustered(n, 40, n + 11) });
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
graphs.splice(0, graphs.length, ...graphs.filter((g) => g.name.includes(only)));
for (const g of graphs) {
  g.positions = start(g.nodeCount, 42).map((v) => Math.round(v * 1000) / 1000);
  writeFileSync(join(out, `${g.name}.json`), JSON.stringify(g));
  console.log(`${g.name}: ${g.nodeCount} nodes, ${g.edges.length / 2} edges`);
}
writeFileSync(join(out, 'index.json'), JSON.stringify(graphs.map((g) => g.name)));
