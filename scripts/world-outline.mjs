// Converts Natural Earth 110m land (npm world-atlas, public domain) to data/world-110m.json: flat lon/lat rings.
// Run once: node scripts/world-outline.mjs (needs the npm dev dependencies).

import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const topo = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/land-110m.json'), 'utf8'));
const land = feature(topo, topo.objects.land);

const rings = [];
for (const f of land.features) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      // One decimal (about 11 km) is finer than a pixel of the whole world on any screen.
      const flat = [];
      for (const [lon, lat] of ring) {
        const x = Math.round(lon * 10) / 10, y = Math.round(lat * 10) / 10;
        if (flat.length && flat.at(-2) === x && flat.at(-1) === y) continue;
        flat.push(x, y);
      }
      // A ring that crosses the antimeridian jumps from +180 to -180: split it there, so no
      // line is drawn across the whole map; each part is closed on its own.
      let part = [];
      const parts = [part];
      for (let j = 0; j < flat.length; j += 2) {
        if (part.length && Math.abs(flat[j] - part.at(-2)) > 180) parts.push((part = []));
        part.push(flat[j], flat[j + 1]);
      }
      if (parts.length > 1 && Math.abs(parts[0][0] - parts.at(-1).at(-2)) <= 180) {
        parts[0] = parts.pop().concat(parts[0]);
      }
      for (const p of parts) if (p.length >= 8) rings.push(p);
    }
  }
}
const out = {
  source: 'Natural Earth 1:110m land, via the npm package world-atlas 2 (TopoJSON); public domain',
  rings,
};
writeFileSync(join(ROOT, 'data/world-110m.json'), JSON.stringify(out) + '\n');
console.log(`${rings.length} rings, ${rings.reduce((s, r) => s + r.length / 2, 0)} points`);
