// Label placement for small networks: every actor labelled, beside its disc, by its short name, or moved out on a leader line.

/** Up to this many actors shown, every actor gets a label; above it, labels go by priority (labels.js). */
export const EVERY_LABEL_UP_TO = 150;
/** Space between a disc and its label, and between a label and the canvas's edge. */
const GAP = 3;
const EDGE = 1;
/** Rings searched for a moved label, out to the canvas's far corner: this far apart (CSS
 *  pixels), then further apart after this many. */
const RINGS = 12;
const RING_STEP = 12;
const ANGLES = 36;
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
const REPAIRS = 6;
/** With `quick` (while the actors move), labels are moved out no further than this many rings, and
 *  no placement is tried again. */
const QUICK_RINGS = 4;

const intersects = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Does the disc (cx, cy, r) touch the box? */
function discTouches(cx, cy, r, b) {
  const dx = cx - Math.max(b.x, Math.min(cx, b.x + b.w));
  const dy = cy - Math.max(b.y, Math.min(cy, b.y + b.h));
  return dx * dx + dy * dy < r * r;
}

const SPAN = new Float64Array(2);

/** Does the segment (x1, y1)–(x2, y2) cross the box? (Liang–Barsky clipping.) */
function segmentCrosses(x1, y1, x2, y2, b) {
  const dx = x2 - x1, dy = y2 - y1;
  const span = SPAN;
  span[0] = 0;
  span[1] = 1;
  return clip(-dx, x1 - b.x, span) && clip(dx, b.x + b.w - x1, span)
    && clip(-dy, y1 - b.y, span) && clip(dy, b.y + b.h - y1, span) && span[0] < span[1];
}

/** One edge of Liang–Barsky: narrows `span` ([t0, t1]) to the side of the edge inside the box. */
function clip(p, q, span) {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) { if (t > span[1]) return false; if (t > span[0]) span[0] = t; } else { if (t < span[0]) return false; if (t < span[1]) span[1] = t; }
  return true;
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
 * join the leading group (the first `keep` of `order`) in another try. No label
 * covers one of the `obstacles` (boxes: the ego rings' captions). `quick` (while the actors move):
 * one try, and labels moved out only as far as `QUICK_RINGS` rings.
 * @returns {{i, text, x, y, w, h, leader?: number[]}[]} boxes; `leader` is [x1, y1, x2, y2], from the
 *   box to the disc's edge.
 */
export function placeEvery(order, keep, shown, at, edges, view, texts, h, obstacles = [], quick = false) {
  let best = place(order, keep, shown, at, edges, view, texts, h, obstacles, quick);
  if (quick) return best;
  // Actors left without a label join the leading group next time, which places its labels (moved
  // out if need be) before the others take the places beside their discs.
  let lead = order.slice(0, keep);
  for (let tries = 0; tries < REPAIRS && best.length < order.length; tries++) {
    const placed = new Set(best.map((b) => b.i));
    lead = [...lead, ...order.filter((i) => !placed.has(i) && !lead.includes(i))];
    const rest = order.filter((i) => !lead.includes(i));
    const boxes = place([...lead, ...rest], lead.length, shown, at, edges, view, texts, h, obstacles);
    if (boxes.length > best.length) best = boxes;
  }
  return best;
}

function place(order, keep, shown, at, edges, view, texts, h, obstacles, quick = false) {
  const W = view.width, H = view.height;
  const boxes = [], leaders = [];
  const inside = (b) => b.x >= EDGE && b.y >= EDGE && b.x + b.w <= W - EDGE && b.y + b.h <= H - EDGE;
  const free = (b, i, strict = true) => {
    if (!inside(b)) return false;
    for (const o of boxes) if (intersects(b, o)) return false;
    for (const o of obstacles) if (intersects(b, o)) return false;
    for (const j of shown) if (j !== i && discTouches(at.x[j], at.y[j], at.r[j] + 1, b)) return false;
    for (const l of strict ? leaders : []) if (segmentCrosses(l[0], l[1], l[2], l[3], b)) return false;
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
  const leaderClear = (i, l, strict) => {
    for (const j of strict ? shown : []) {
      if (j !== i && segmentDistance(at.x[j], at.y[j], l[0], l[1], l[2], l[3]) < at.r[j] + 1) return false;
    }
    for (const o of boxes) if (segmentCrosses(l[0], l[1], l[2], l[3], o)) return false;
    for (const o of obstacles) if (segmentCrosses(l[0], l[1], l[2], l[3], o)) return false;
    return true;
  };
  const beside = (i) => {
    const x = at.x[i], y = at.y[i], r = at.r[i];
    let best = null, cost = Infinity;
    texts(i).forEach(({ text, w }, k) => {
      besideDisc(x, y, r, w + 4, h).forEach(([bx, by], pref) => {
        const b = { i, text, x: bx, y: by, w: w + 4, h };
        if (!free(b, i)) return;
        const c = CROSSING * crossings(b) + PREFERENCE[pref] + NEIGHBOUR * neighbours(b, i) + SHORTER * k;
        if (c < cost) { cost = c; best = b; }
      });
    });
    return best;
  };
  // Moved out: the nearest ring with room, the shortest text first; a leader line passes no other
  // actor's disc, and a label no leader line, unless nothing else is left (`strict` false).
  const scratch = { x: 0, y: 0, w: 0, h };
  const moved = (i, strict) => {
    const x = at.x[i], y = at.y[i], r = at.r[i];
    const choices = [...texts(i)].reverse();
    const far = quick ? r + GAP + RING_STEP * QUICK_RINGS : Math.hypot(W, H);
    for (let ring = 1, dist = r + GAP + RING_STEP; dist < far; ring++, dist += RING_STEP * Math.max(1, ring / RINGS)) {
      let best = null, cost = Infinity;
      for (const { text, w } of choices) {
        for (let a = 0; a < ANGLES; a++) {
          const angle = (2 * Math.PI * a) / ANGLES;
          const cos = Math.cos(angle), sin = Math.sin(angle);
          const px = x + cos * dist, py = y + sin * dist, bw = w + 4;
          const b = scratch;
          b.w = bw;
          b.x = cos > 0.38 ? px : cos < -0.38 ? px - bw : px - bw / 2;
          b.y = sin > 0.38 ? py : sin < -0.38 ? py - h : py - h / 2;
          if (!free(b, i, strict)) continue;
          // From the box's point nearest the actor to the disc's edge.
          const qx = Math.max(b.x, Math.min(x, b.x + b.w)), qy = Math.max(b.y, Math.min(y, b.y + b.h));
          const len = Math.hypot(qx - x, qy - y) || 1;
          const leader = [qx, qy, x + ((qx - x) / len) * (r + 1), y + ((qy - y) / len) * (r + 1)];
          if (!leaderClear(i, leader, strict)) continue;
          const c = CROSSING * crossings(b) + NEIGHBOUR * neighbours(b, i) + Math.abs(sin) * 0.5;
          if (c < cost) { cost = c; best = { i, text, x: b.x, y: b.y, w: bw, h, leader }; }
        }
        if (best) return best;
      }
    }
    return null;
  };
  // The leading group, then the rest: each first beside their discs, then moved out, so that a
  // moved label never takes the place beside an actor that comes later.
  for (const group of [order.slice(0, keep), order.slice(keep)]) {
    const left = [];
    for (const i of group) {
      const b = beside(i);
      if (b) boxes.push(b); else left.push(i);
    }
    for (const i of left) {
      const b = moved(i, true) ?? moved(i, false);
      if (!b) continue;
      boxes.push(b);
      leaders.push(b.leader);
    }
  }
  return boxes;
}
