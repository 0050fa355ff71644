// A seeded synthetic Entente dataset of `n` organizations, each tied to one or two earlier ones:
// shared by the large-graph end-to-end test and the drawing benchmark.

/** @returns an Entente JSON object with `n` actors and about (1.5 + extra)·n ties (`extra` more
 *  ties per actor, to earlier ones, drawn after the others so that `extra` 0 gives the same data). */
export function syntheticDataset(n, { extra = 0 } = {}) {
  let s = 7;
  const rand = () => (s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296;
  const id = (i) => `A${String(i).padStart(5, '0')}`;
  const actors = Array.from({ length: n }, (_, i) => ({
    id: id(i), name: `Actor ${i}`, type: 'organization', base: 'synthetic',
    lat: Math.round((rand() * 140 - 70) * 100) / 100, lon: Math.round((rand() * 340 - 170) * 100) / 100,
  }));
  const ties = [];
  const seen = new Set();
  for (let v = 1; v < n; v++) {
    for (let k = 0; k < (v > 2 && rand() < 0.5 ? 2 : 1); k++) {
      const u = Math.floor(rand() * v);
      if (seen.has(`${u}-${v}`)) continue;
      seen.add(`${u}-${v}`);
      ties.push({ source: id(u), target: id(v), events: [{
        date: '2021-01', kind: ['defense', 'diplomatic', 'economic', 'conflict'][v % 4], tone: 'cooperative',
        summary: 'Synthetic tie.', sources: [{ outlet: 'Generator', date: '2021-01-01' }],
      }] });
    }
  }
  for (let v = 1; extra > 0 && v < n; v++) {
    for (let k = 0; k < extra; k++) {
      const u = Math.floor(rand() * v);
      if (seen.has(`${u}-${v}`)) continue;
      seen.add(`${u}-${v}`);
      ties.push({ source: id(u), target: id(v), events: [{
        date: '2021-01', kind: ['defense', 'diplomatic', 'economic', 'conflict'][(u + v) % 4], tone: 'cooperative',
        summary: 'Synthetic tie.', sources: [{ outlet: 'Generator', date: '2021-01-01' }],
      }] });
    }
  }
  return { format: 'entente/1', title: `${n} synthetic actors`, description: 'Generated for the large-graph test.', actors, ties };
}
