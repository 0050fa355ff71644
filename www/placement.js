// Label placement for small networks: every actor labelled, beside its disc, by its short name, or moved out on a leader line.

/** Up to this many actors shown, every actor gets a label; above it, labels go by priority (labels.js). */
export const EVERY_LABEL_UP_TO = 150;
/** Space between a disc and its label, and between a label and the canvas's edge. */
const GAP = 3;
const EDGE = 1;
/** Rings searched for a moved label: this many, this far apart (CSS pixels). */
const RINGS = 12;
const RING_STEP = 12;
const ANGLES = 24;
/** The 45° point of a unit circle. */
const DIAG = Math.SQRT1_2;
/** What a place beside the disc costs, in the order of `besideDisc`; each tie crossed, and each
 *  other actor nearer than `NEAR` px (a label between two actors reads as either's), adds its own. */
const PREFERENCE = [0, 0.5, 1, 1, 1.5, 1.5, 1.5, 1.5];
const CROSSING = 0.6;
const NEAR = 10;
const NEIGHBOUR = 1.5;
/** What taking the next shorter text costs (the short name rather than the name). */
const SHORTER = 1.2;
/** Placements tried again with the actors left out placed first. */
const REPAIRS = 3;

const intersects = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Does the disc (cx, cy, r) touch the box? */
function discTouches(cx, cy, r, b) {
  const dx = cx - Math.max(b.x, Math.min(cx, b.x + b.w));
  const dy = cy - Math.max(b.y, Math.min(cy, b.y + b.h));
  return dx * dx + dy * dy < r * r;
}

/** Does the segment (x1, y1)–(x2, y2) cross the box? (Liang–Barsky clipping.) */
function segmentCrosses(x1, y1, x2, y2, b) {
  let t0 = 0, t1 = 1;
  const dx = x2 - x1, dy = y2 - y1;
  for (const [p, q] of [[-dx, x1 - b.x], [dx, b.x + b.w - x1], [-dy, y1 - b.y], [dy, b.y + b.h - y1]]) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return t0 < t1;
}

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
function segmentDistance(px, py, x1, y1, x2, y2) {
  const dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len)) : 0;
  return Math.hypot(x1 + t * dx - px, y1 + t * dy - py);
}

/** The eight places beside a disc, in order of preference: right, left, above, below, then the diagonals. */
function besideDisc(x, y, r, w, h) {
  const d = r * DIAG + GAP - 1;
  return [
    [x + r + GAP, y - h / 2], [x - r - GAP - w, y - h / 2],
    [x - w / 2, y - r - GAP - h], [x - w / 2, y + r + GAP],
    [x + d, y - d - h], [x + d, y + d], [x - d - w, y - d - h], [x - d - w, y + d],
  ];
}

/**
 * Places a label for every actor of `order` (highest priority first) that has room anywhere:
 * beside its disc by `texts(i)[0]` (the name), else by the shorter `texts(i)[1..]` (the short name,
 * the cut name), else moved out on rings around the disc with a leader line. A label never covers
 * another label, a leader line, or another actor's disc, and stays inside the canvas; among the
 * places that qualify, the cheapest wins (fewest ties crossed, fewest other actors near, the
 * longest text, the preferred side). `shown` lists every actor drawn. Actors left without a label
 * are placed first in another try (after the first `keep` of `order`, which always lead).
 * @returns {{i, text, x, y, w, h, leader?: number[]}[]} boxes; `leader` is [x1, y1, x2, y2], from the
 *   box to the disc's edge.
 */
export function placeEvery(order, keep, shown, at, edges, view, texts, h) {
  let best = attempt(order, shown, at, edges, view, texts, h);
  // Actors left without a label go first next time, after the `keep` that always lead.
  for (let tries = 0; tries < REPAIRS && best.length < order.length; tries++) {
    const placed = new Set(best.map((b) => b.i));
    const lead = order.slice(0, keep);
    const rest = order.slice(keep);
    const next = [...lead, ...rest.filter((i) => !placed.has(i)), ...rest.filter((i) => placed.has(i))];
    const boxes = attempt(next, shown, at, edges, view, texts, h);
    if (boxes.length > best.length) best = boxes;
  }
  return best;
}

function attempt(order, shown, at, edges, view, texts, h) {
  const W = view.width, H = view.height;
  const boxes = [], leaders = [];
  const inside = (b) => b.x >= EDGE && b.y >= EDGE && b.x + b.w <= W - EDGE && b.y + b.h <= H - EDGE;
  const free = (b, i) => {
    if (!inside(b)) return false;
    for (const o of boxes) if (intersects(b, o)) return false;
    for (const j of shown) if (j !== i && discTouches(at.x[j], at.y[j], at.r[j] + 1, b)) return false;
    for (const l of leaders) if (segmentCrosses(l[0], l[1], l[2], l[3], b)) return false;
    return true;
  };
  const neighbours = (b, i) => {
    let n = 0;
    for (const j of shown) if (j !== i && discTouches(at.x[j], at.y[j], at.r[j] + NEAR, b)) n++;
    return n;
  };
  const crossings = (b) => {
    let n = 0;
    for (let k = 0; k < edges.length; k += 2) {
      const s = edges[k], t = edges[k + 1];
      if (segmentCrosses(at.x[s], at.y[s], at.x[t], at.y[t], b)) n++;
    }
    return n;
  };
  const leaderClear = (i, l) => {
    for (const j of shown) {
      if (j !== i && segmentDistance(at.x[j], at.y[j], l[0], l[1], l[2], l[3]) < at.r[j] + 1) return false;
    }
    for (const o of boxes) if (segmentCrosses(l[0], l[1], l[2], l[3], o)) return false;
    return true;
  };
  for (const i of order) {
    const x = at.x[i], y = at.y[i], r = at.r[i];
    const choices = texts(i);
    let best = null, cost = Infinity;
    choices.forEach(({ text, w }, k) => {
      besideDisc(x, y, r, w + 4, h).forEach(([bx, by], pref) => {
        const b = { i, text, x: bx, y: by, w: w + 4, h };
        if (!free(b, i)) return;
        const c = CROSSING * crossings(b) + PREFERENCE[pref] + NEIGHBOUR * neighbours(b, i) + SHORTER * k;
        if (c < cost) { cost = c; best = b; }
      });
    });
    // Moved out: the nearest ring with room, the shortest text first.
    for (let ring = 1; !best && ring <= RINGS; ring++) {
      const dist = r + GAP + ring * RING_STEP;
      let cost = Infinity;
      for (const { text, w } of [...choices].reverse()) {
        for (let a = 0; a < ANGLES; a++) {
          const angle = (2 * Math.PI * a) / ANGLES;
          const cos = Math.cos(angle), sin = Math.sin(angle);
          const px = x + cos * dist, py = y + sin * dist, bw = w + 4;
          const b = {
            i, text, w: bw, h,
            x: cos > 0.38 ? px : cos < -0.38 ? px - bw : px - bw / 2,
            y: sin > 0.38 ? py : sin < -0.38 ? py - h : py - h / 2,
          };
          if (!free(b, i)) continue;
          // From the box's point nearest the actor to the disc's edge.
          const qx = Math.max(b.x, Math.min(x, b.x + b.w)), qy = Math.max(b.y, Math.min(y, b.y + b.h));
          const len = Math.hypot(qx - x, qy - y) || 1;
          const leader = [qx, qy, x + ((qx - x) / len) * (r + 1), y + ((qy - y) / len) * (r + 1)];
          if (!leaderClear(i, leader)) continue;
          const c = CROSSING * crossings(b) + NEIGHBOUR * neighbours(b, i) + Math.abs(sin) * 0.5;
          if (c < cost) { cost = c; best = { ...b, leader }; }
        }
        if (best) break;
      }
    }
    if (!best) continue;
    boxes.push(best);
    if (best.leader) leaders.push(best.leader);
  }
  return boxes;
}
