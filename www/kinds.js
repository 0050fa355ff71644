// How each kind of tie, tone and actor type looks: one table read by the legend and the renderer.

export const KINDS = [
  { key: 'defense', label: 'Defense', bit: 1, color: '#0063a6', dash: [] },
  { key: 'diplomatic', label: 'Diplomatic', bit: 2, color: '#007a56', dash: [7, 4] },
  { key: 'economic', label: 'Economic', bit: 4, color: '#b35c00', dash: [2, 3] },
  { key: 'conflict', label: 'Conflict', bit: 8, color: '#c0162b', dash: [10, 3, 2, 3] },
];

export const TONES = ['cooperative', 'strained', 'hostile'];

export const ACTOR_TYPES = [
  { key: 'state', label: 'State', shape: 'circle', fill: '#37474f' },
  { key: 'organization', label: 'Organization', shape: 'square', fill: '#6a3d9a' },
  { key: 'armed-group', label: 'Armed group', shape: 'triangle', fill: '#8c2d04' },
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
