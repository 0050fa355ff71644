// The filter controls and the legend: kind checkboxes with their line samples, tone and actor-type checkboxes, a reset.

import { KINDS, TONES, ACTOR_TYPES, FILTER_LISTS, allBits, typeMark } from './kinds.js';
import { el, announce } from './dom.js';
import { installSourceFilter } from './source-filter.js';

const darkScheme = () => matchMedia('(prefers-color-scheme: dark)');

/** A checkbox for the row `row` ({key, bit}) of the filter field `field`, labelled by `label`. */
function checkbox(app, field, row, ...label) {
  const box = el('input', { type: 'checkbox', checked: true, name: row.key });
  box.dataset.field = field;
  box.dataset.bit = String(row.bit);
  box.addEventListener('change', () => {
    const bits = app.ui[field];
    app.actions.setFilter({ [field]: box.checked ? bits | row.bit : bits & ~row.bit });
  });
  return el('label', null, box, ...label);
}

/** Ticks every filter checkbox on the page as the state says. */
function syncBoxes(app) {
  for (const box of document.querySelectorAll('input[data-field]')) {
    box.checked = Boolean(app.ui[box.dataset.field] & Number(box.dataset.bit));
  }
}

/** Draws the kind samples of the legend in the theme's colours, as the canvas draws them. */
function paintSwatches() {
  const dark = darkScheme().matches;
  for (const swatch of document.querySelectorAll('#kinds canvas.swatch')) {
    const kind = KINDS.find((k) => k.key === swatch.dataset.kind);
    const g = swatch.getContext('2d');
    g.clearRect(0, 0, swatch.width, swatch.height);
    g.strokeStyle = dark ? kind.darkColor : kind.color;
    g.lineWidth = 3;
    g.setLineDash(kind.dash);
    g.beginPath(); g.moveTo(2, 6); g.lineTo(42, 6); g.stroke();
  }
}

/** The kind checkboxes (each with a sample of its line) and the actor types' legend; at boot, before any dataset. */
export function installLegend(app) {
  const kinds = document.getElementById('kinds');
  for (const kind of KINDS) {
    const swatch = el('canvas', { className: 'swatch', width: 44, height: 12 });
    swatch.dataset.kind = kind.key;
    swatch.setAttribute('aria-hidden', 'true');
    kinds.append(checkbox(app, 'kinds', kind, swatch, kind.label));
  }
  paintSwatches();
  darkScheme().addEventListener('change', paintSwatches);
  document.getElementById('actor-types').append(...ACTOR_TYPES.map((t) => el('li', null, typeMark(t), t.label)));
  app.on('filter', () => syncBoxes(app));
  app.on('load', () => syncBoxes(app));
}

/** The tone and actor-type checkboxes, the reset, and the phone's toggle for the controls. */
export function installFilters(app) {
  const host = document.getElementById('explore-filters');
  const tones = el('fieldset', { id: 'tones' }, el('legend', null, 'Show events of tone'),
    ...TONES.map((t) => checkbox(app, 'tones', t, el('span', `tone tone-${t.key}`, t.label))));
  const types = el('fieldset', { id: 'types' }, el('legend', null, 'Show actors of type'),
    ...ACTOR_TYPES.map((t) => checkbox(app, 'types', t, typeMark(t), t.label)));
  const reset = el('button', { type: 'button', id: 'reset-filters' }, 'Reset filters');
  reset.addEventListener('click', () => {
    app.actions.setFocus(-1);
    app.actions.setFilter({ ...Object.fromEntries(Object.entries(FILTER_LISTS).map(([f, list]) => [f, allBits(list)])), until: null, hiddenSources: [] });
    announce('Filters reset: every kind, tone, actor type, source dataset and date shown');
  });
  host.append(tones, types, installSourceFilter(app), reset);
  const sync = () => {
    syncBoxes(app);
    const { ui } = app;
    const all = Object.entries(FILTER_LISTS).every(([f, list]) => ui[f] === allBits(list)) && !ui.until && ui.hiddenSources.length === 0;
    reset.disabled = all && ui.ego < 0;
  };
  // On a phone the filters and legend fold away behind one button, leaving the network in view.
  const toggle = el('button', { type: 'button', id: 'controls-toggle' }, 'Filters, legend, export');
  toggle.setAttribute('aria-controls', 'controls');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => {
    const open = !document.body.classList.contains('controls-open');
    document.body.classList.toggle('controls-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  });
  document.querySelector('header').append(toggle);
  app.on('filter', sync);
  app.on('load', sync);
  app.on('focus', sync);
  sync();
}
