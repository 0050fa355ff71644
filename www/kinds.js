// How each kind of tie, tone and actor type looks: one table read by the legend and the renderer.

// `darkColor` / `darkFill` are used on the dark theme's canvas (src/palette.rs draws with the same).
export const KINDS = [
  { key: 'defense', label: 'Defense', bit: 1, color: '#0063a6', darkColor: '#5aa9e6', dash: [] },
  { key: 'diplomatic', label: 'Diplomatic', bit: 2, color: '#007a56', darkColor: '#3cc08e', dash: [7, 4] },
  { key: 'economic', label: 'Economic', bit: 4, color: '#b35c00', darkColor: '#f0a04b', dash: [2, 3] },
  { key: 'conflict', label: 'Conflict', bit: 8, color: '#c0162b', darkColor: '#ff6b7a', dash: [10, 3, 2, 3] },
];

export const TONES = ['cooperative', 'strained', 'hostile'];

export const ACTOR_TYPES = [
  { key: 'state', label: 'State', shape: 'circle', fill: '#37474f', darkFill: '#b0bec5' },
  { key: 'organization', label: 'Organization', shape: 'square', fill: '#6a3d9a', darkFill: '#c3a6e8' },
  { key: 'armed-group', label: 'Armed group', shape: 'triangle', fill: '#8c2d04', darkFill: '#f08a5d' },
];

export function kindsOf(bits) {
  return KINDS.filter((k) => bits & k.bit);
}

export function actorType(key) {
  return ACTOR_TYPES.find((t) => t.key === key) ?? ACTOR_TYPES[0];
}

/** Radius of an actor in layout units, from its number of shown ties. */
export function radiusFor(degree) {
  return 7 + 4 * Math.sqrt(degree);
}
