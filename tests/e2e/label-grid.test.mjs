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

// The quick placement while a large layout moves: only the most connected actors, the focus and
// the actors lit around it are tried; at rest, every actor is. Text is measured by a stand-in
// canvas (7 px a character), so this runs in Node.
test('while the actors move, labels are sought among the most connected and the lit actors only; at rest among all', async () => {
  globalThis.OffscreenCanvas ??= class {
    getContext() { return { font: '', textBaseline: 'alphabetic', measureText: (t) => ({ width: 7 * [...t].length, alphabeticBaseline: -4 }) }; }
  };
  const { placeLabels, QUICK_CANDIDATES } = await import('../../www/labels.js');
  const width = 1280, height = 800;
  // The most connected actors (ties 3) crowd the left half; as many again with one tie each
  // spread over the right half, where only the full search looks.
  const crowd = QUICK_CANDIDATES, sparse = 600, n = crowd + sparse;
  const random = lcg(9);
  const x = new Float32Array(n), y = new Float32Array(n), r = new Float32Array(n).fill(3);
  const degrees = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const left = i < crowd;
    x[i] = left ? 10 + random() * (width / 2 - 300) : width / 2 + random() * (width / 2 - 260);
    y[i] = 10 + random() * (height - 20);
    degrees[i] = left ? 3 : 1;
  }
  const frame = { actors: Array.from({ length: n }, (_, i) => ({ name: `Actor ${i}` })), degrees, edges: new Uint32Array(0) };
  const view = { width, height, font: 'sans-serif', ink: '#000', background: '#fff' };
  const at = { x, y, r };
  const none = { focus: -1, tieK: -1, near: new Set(), inEgo: () => true };
  const ids = (labels) => labels.boxes.map((b) => b.i);
  const still = ids(placeLabels(frame, view, none, at, [], { complete: true }));
  const moving = ids(placeLabels(frame, view, none, at, [], { quick: true }));
  assert.ok(still.some((i) => i >= crowd), `at rest, actors with one tie are labelled too (${still.filter((i) => i >= crowd).length})`);
  assert.ok(moving.length > 50, `while moving, labels are placed (${moving.length})`);
  assert.deepEqual(moving.filter((i) => i >= crowd), [], 'while moving, only the most connected actors are tried');
  // A hovered actor beyond the most connected, and its partner, are labelled while moving.
  const focus = crowd + 17, partner = crowd + 250;
  const lit = { focus, tieK: -1, near: new Set([focus, partner]), inEgo: () => true };
  const hovered = ids(placeLabels(frame, view, lit, at, [], { quick: true }));
  assert.ok(hovered.includes(focus) && hovered.includes(partner), `the hovered actor and its partner are labelled: ${hovered.filter((i) => i >= crowd)}`);
  assert.deepEqual(hovered.filter((i) => i >= crowd && i !== focus && i !== partner), []);
});

test('the actors by number of ties: most first, then by index, actors without ties left out, with each one\'s place', async () => {
  const { degreeOrder } = await import('../../www/labels.js');
  const random = lcg(5);
  for (let trial = 0; trial < 100; trial++) {
    const n = Math.floor(random() * 3000);
    const degrees = new Uint32Array(n).map(() => (random() < 0.2 ? 0 : Math.floor(random() ** 3 * 200)));
    const { order, rank } = degreeOrder(degrees);
    const expected = [...degrees.keys()].filter((i) => degrees[i] > 0).sort((a, b) => degrees[b] - degrees[a] || a - b);
    assert.deepEqual([...order], expected, `trial ${trial}`);
    const place = new Map(expected.map((i, k) => [i, k]));
    for (let i = 0; i < n; i++) assert.equal(rank[i], place.get(i) ?? expected.length);
  }
});
