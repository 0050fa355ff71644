// What the picture emphasises: the focused actor or tie, the actors lit around it, and the focus (ego) neighbourhood.

/** `tieK` when the focused tie is not among the visible ones (a comparison's ended tie). */
const ENDED_FOCUS = -2;

/** The actor the picture is about right now: the pinned one, else the hovered one (-1 for none). */
export function focusOf(ui) {
  return ui.pinned >= 0 ? ui.pinned : ui.hover;
}

/** The dataset index of the tie the picture is about: pinned, else hovered, while no actor is. */
export function tieFocusOf(ui) {
  if (focusOf(ui) >= 0) return -1;
  if ((ui.tie ?? -1) >= 0) return ui.tie;
  return ui.hoverTie ?? -1;
}

/**
 * What to light: `{focus, tieK, near, inEgo}`. `focus` is an actor (or -1), `tieK` the position of
 * the focused tie among the visible ones (or -1), `near` the set of actors shown at full strength
 * (empty: all), `inEgo(i)` whether actor i is inside the focus neighbourhood (always true outside
 * focus mode). `tieK` is -2 when the focused tie ended (compare mode): no visible tie is lit.
 */
export function emphasis(frame, ui) {
  const focus = focusOf(ui);
  const e = frame.edges;
  const near = new Set();
  let tieK = -1;
  if (focus >= 0) {
    near.add(focus);
    for (let k = 0; k < e.length; k += 2) {
      if (e[k] === focus) near.add(e[k + 1]);
      if (e[k + 1] === focus) near.add(e[k]);
    }
  } else {
    const tie = tieFocusOf(ui);
    tieK = tie >= 0 && frame.ties ? Array.prototype.indexOf.call(frame.ties, tie) : -1;
    if (tieK >= 0) { near.add(e[2 * tieK]); near.add(e[2 * tieK + 1]); }
    const k = tie >= 0 && tieK < 0 && frame.compare ? frame.compare.view.ties.findIndex((t) => t.tie === tie) : -1;
    if (k >= 0) {
      // A tie that ended (a comparison's faded line): its two actors lit, no visible tie.
      tieK = ENDED_FOCUS;
      near.add(frame.compare.ends[2 * k]);
      near.add(frame.compare.ends[2 * k + 1]);
    }
  }
  const ego = frame.egoHops;
  const inEgo = (i) => !ego || ego[i] !== 255;
  return { focus, tieK, near, inEgo };
}

/** Is tie k (position among the visible ties) lit under `em`? */
export function tieLit(frame, em, k) {
  const s = frame.edges[2 * k], t = frame.edges[2 * k + 1];
  if (!em.inEgo(s) || !em.inEgo(t)) return false;
  if (em.focus >= 0) return s === em.focus || t === em.focus;
  if (em.tieK !== -1) return k === em.tieK;
  return true;
}

/** Is actor i drawn at full strength under `em`? */
export function actorLit(em, i) {
  if (!em.inEgo(i)) return false;
  return em.near.size === 0 || em.near.has(i);
}
