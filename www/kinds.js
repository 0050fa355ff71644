// How kinds of tie, tones and actor types look, and the bit each has: the core's style table, read once at boot.

import { style } from './pkg/entente.js';
import { el } from './dom.js';

/** `[{key, label, bit, color, darkColor, dash}]`: `darkColor` on the dark theme's canvas. */
export const KINDS = [];
/** `[{key, label, bit}]` */
export const TONES = [];
/** `[{key, label, bit, shape, fill, darkFill}]` */
export const ACTOR_TYPES = [];

/**
 * Fills the lists above from the core's `style()` (once, before anything draws) and sets the CSS
 * custom properties the style sheets colour with: `--kind-<key>`, `--kind-<key>-dark`,
 * `--type-<key>`, `--type-<key>-dark`.
 */
export function loadStyle(table = style()) {
  if (Object.isFrozen(KINDS)) throw new Error('the style table is read once, at boot');
  const rows = [[KINDS, table.kinds], [TONES, table.tones], [ACTOR_TYPES, table.types]];
  for (const [list, from] of rows) {
    list.push(...from.map((row) => Object.freeze(row.dash ? { ...row, dash: Object.freeze([...row.dash]) } : { ...row })));
    Object.freeze(list);
  }
  const root = document.documentElement.style;
  for (const k of KINDS) {
    root.setProperty(`--kind-${k.key}`, k.color);
    root.setProperty(`--kind-${k.key}-dark`, k.darkColor);
  }
  for (const t of ACTOR_TYPES) {
    root.setProperty(`--type-${t.key}`, t.fill);
    root.setProperty(`--type-${t.key}-dark`, t.darkFill);
  }
}

/** The mask with every bit of `list` (KINDS, TONES or ACTOR_TYPES) set: everything shown. */
export function allBits(list) {
  return list.reduce((bits, row) => bits | row.bit, 0);
}

/** The lists by the filter field whose bits they give. */
export const FILTER_LISTS = Object.freeze({ kinds: KINDS, tones: TONES, types: ACTOR_TYPES });

/** A chip naming the kind `key` in its colour. */
export function kindChip(key) {
  const kind = KINDS.find((k) => k.key === key);
  const chip = el('span', 'chip', kind?.label ?? key);
  if (kind) chip.style.setProperty('--chip', `var(--kind-${kind.key})`);
  return chip;
}

/** The legend's mark for actor type `type`: its shape, in its light and dark fills. */
export function typeMark(type) {
  const mark = el('span', `mark mark-${type.shape}`);
  mark.style.setProperty('--mark-light', `var(--type-${type.key})`);
  mark.style.setProperty('--mark-dark', `var(--type-${type.key}-dark)`);
  mark.setAttribute('aria-hidden', 'true');
  return mark;
}

/** Radius of an actor in layout units, from its number of shown ties. */
export function radiusFor(degree) {
  return 7 + 4 * Math.sqrt(degree);
}
