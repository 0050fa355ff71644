// Filters beyond kind: tone and actor type checkboxes (bit masks in app.ui), and a reset of every filter.

import { ACTOR_TYPES, KINDS } from './kinds.js';

const TONES = [
  { key: 'cooperative', label: 'Cooperative', bit: 1 },
  { key: 'strained', label: 'Strained', bit: 2 },
  { key: 'hostile', label: 'Hostile', bit: 4 },
];

function fieldset(id, legendText) {
  const fs = document.createElement('fieldset');
  fs.id = id;
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  fs.append(legend);
  return fs;
}

function checkbox(name, bit, field, app, before) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = true;
  box.name = name;
  box.dataset.bit = String(bit);
  box.addEventListener('change', () => {
    const bits = box.checked ? app.ui[field] | bit : app.ui[field] & ~bit;
    app.setFilter({ [field]: bits });
  });
  label.append(box, ...before);
  return label;
}

/** Redraws the kind swatches of the legend in the theme's colours, as the canvas draws them. */
function paintSwatches() {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  for (const box of document.querySelectorAll('#kinds input')) {
    const kind = KINDS.find((k) => k.bit === Number(box.dataset.bit));
    const swatch = box.parentElement.querySelector('canvas.swatch');
    if (!kind || !swatch) continue;
    const g = swatch.getContext('2d');
    g.clearRect(0, 0, swatch.width, swatch.height);
    g.strokeStyle = dark ? kind.darkColor : kind.color;
    g.lineWidth = 3;
    g.setLineDash(kind.dash);
    g.beginPath(); g.moveTo(2, 6); g.lineTo(42, 6); g.stroke();
  }
}

export function installFilters(app) {
  paintSwatches();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', paintSwatches);
  const host = document.getElementById('explore-filters');
  const tones = fieldset('tones', 'Show events of tone');
  for (const t of TONES) {
    const mark = document.createElement('span');
    mark.className = `tone tone-${t.key}`;
    mark.textContent = t.label;
    tones.append(checkbox(t.key, t.bit, 'tones', app, [mark]));
  }
  const types = fieldset('types', 'Show actors of type');
  for (const t of ACTOR_TYPES) {
    const mark = document.createElement('span');
    mark.className = `mark mark-${t.shape}`;
    mark.setAttribute('aria-hidden', 'true');
    types.append(checkbox(t.key, 1 << ACTOR_TYPES.indexOf(t), 'types', app, [mark, document.createTextNode(t.label)]));
  }
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.id = 'reset-filters';
  reset.textContent = 'Reset filters';
  reset.addEventListener('click', () => {
    app.setEgo(-1);
    app.setFilter({ kinds: 0b1111, tones: 0b111, types: 0b111, until: null });
    app.announce('Filters reset: every kind, tone, actor type and date shown');
  });
  host.append(tones, types, reset);
  const sync = () => {
    for (const box of tones.querySelectorAll('input')) box.checked = Boolean(app.ui.tones & Number(box.dataset.bit));
    for (const box of types.querySelectorAll('input')) box.checked = Boolean(app.ui.types & Number(box.dataset.bit));
    for (const box of document.querySelectorAll('#kinds input')) box.checked = Boolean(app.ui.kinds & Number(box.dataset.bit));
    const all = app.ui.kinds === 0b1111 && app.ui.tones === 0b111 && app.ui.types === 0b111 && !app.ui.until;
    reset.disabled = all && app.ui.ego < 0;
  };
  // On a phone the filters and legend fold away behind one button, leaving the network in view.
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.id = 'controls-toggle';
  toggle.textContent = 'Filters, legend, export';
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
  app.on('ego', sync);
  sync();
}
