// Compare two dates on the page: the comparison in the frame (its summary line, legend and table of changes are compare-view.js, fetched after the first picture).

/** The classes of change in the core's order, with the mark each carries on the picture. */
export const CHANGES = Object.freeze([
  { key: 'appeared', label: 'appeared', mark: '+', about: '“+” badge' },
  { key: 'ended', label: 'ended', mark: '−', about: 'faded, dotted, “−” badge' },
  { key: 'warmed', label: 'warmed', mark: '↑', about: '“↑” badge' },
  { key: 'cooled', label: 'cooled', mark: '↓', about: '“↓” badge' },
  { key: 'intensified', label: 'intensified', mark: 'n', about: 'heavier line, badge with the count of new events' },
  { key: 'unchanged', label: 'unchanged', mark: '', about: 'quiet' },
]);
export const CODE = new Map(CHANGES.map((c, i) => [c.key, i]));
/** The code of the class "ended": a tie drawn faded, not among the visible ties at B. */
export const ENDED = CODE.get('ended');

/** The comparison's row of dataset tie `tie` in `frame` when that tie ended, else null. */
export function endedRow(frame, tie) {
  const row = tie >= 0 ? frame.compare?.view.ties.find((t) => t.tie === tie) : null;
  return row?.change === 'ended' ? row : null;
}

/**
 * The comparison as the frame keeps it: the core's record (`Entente.compare`) and, per compared
 * tie, its two actors' indices and class code, for the scene.
 * @returns {{view: object, ends: Int32Array, codes: Uint8Array, counts: Uint32Array}}
 */
export function compareFrame(core, a, b) {
  const view = core.compare(a, b);
  const m = view.ties.length;
  const ends = new Int32Array(2 * m), codes = new Uint8Array(m), counts = new Uint32Array(m);
  view.ties.forEach((t, k) => {
    ends[2 * k] = core.indexOf(t.source);
    ends[2 * k + 1] = core.indexOf(t.target);
    codes[k] = CODE.get(t.change);
    counts[k] = t.newEvents;
  });
  return Object.freeze({ view, ends, codes, counts });
}
