// The label grid's quick answers (its two bitmaps) against the plain rule, box by box: no browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoxGrid } from '../../www/labels.js';

/** d3's seeded generator (the same LCG as the layout's), so a failure is reproducible. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (1664525 * s + 1013904223) >>> 0) / 4294967296);
}

const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('the label grid answers every check as the plain overlap rule does', () => {
  const width = 1280, height = 800;
  for (const seed of [1, 2, 3]) {
    const random = lcg(seed);
    const grid = new BoxGrid(-16, -16, width + 32, height + 32);
    const placed = [];
    let checks = 0, hits = 0;
    for (let k = 0; k < 20000; k++) {
      // Label-like boxes and the 16 × 16 probes, some on the cell lines, some past the bitmaps.
      const onLines = random() < 0.2;
      const x = onLines ? 8 * Math.floor(random() * 170) - 40 : random() * (width + 600) - 300;
      const y = onLines ? 8 * Math.floor(random() * 110) - 24 : random() * (height + 60) - 30;
      const box = random() < 0.5 ? { x, y, w: 16, h: 16 } : { x, y, w: onLines ? 8 * Math.ceil(random() * 20) : 6 + random() * 240, h: 16 };
      const expected = placed.some((o) => overlap(box, o));
      assert.equal(grid.overlaps(box), expected, `seed ${seed}, box ${k}: ${JSON.stringify(box)}`);
      checks++;
      if (expected) hits++;
      else if (random() < 0.5) {
        grid.add(box);
        placed.push(box);
      }
    }
    // Both answers were exercised: many taken places and many free ones.
    assert.ok(hits > checks / 4 && hits < checks, `seed ${seed}: ${hits} of ${checks} overlapped`);
  }
});
