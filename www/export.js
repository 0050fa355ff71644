// Export the picture: PNG at twice the resolution and SVG, both of the scene on screen, with a band holding the legend and caption.

import { buildScene } from './scene.js';
import { textWidth, baselineBelowMiddle } from './labels.js';
import { paint, paintBand, screenView } from './render.js';
import { svgDocument } from './svg.js';
import { KINDS, TONES, ACTOR_TYPES } from './kinds.js';
import { CHANGES } from './compare.js';

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function baseName(app) {
  const name = String(app.source).split('/').pop().replace(/\.[^.]*$/, '') || 'entente';
  const { mode, since, until } = app.ui;
  if (mode !== 'asof') return `${name}-${mode}-${since}-${until}`;
  return `${name}${until ? `-as-of-${until}` : ''}`;
}

/** The scene on screen now, its view, and the band under it for `lines` of caption. */
function picture(app) {
  const view = screenView(app);
  const scene = buildScene({ ...app.frame, positions: app.positions() }, app.ui, view, { complete: true });
  const lines = caption(app);
  return { view, scene, band: band(view, lines), lines };
}

/** The current view re-rendered at 2× into an offscreen canvas, with the band under it, as a PNG
 *  blob: a picture that can go into a report on its own. Drawn by the backend that drew the
 *  screen (WebGL for a large picture, webgl.js; else Canvas 2D). */
export async function pngBlob(app) {
  const webgl = app.drawn?.backend === 'webgl' ? await import('./webgl.js') : null;
  const { view, scene, band: under } = picture(app);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(view.width * 2);
  canvas.height = Math.round((view.height + under.height) * 2);
  const ctx = canvas.getContext('2d');
  if (!webgl?.paintWithWebGl(ctx, scene, 2)) paint(ctx, scene, 2);
  paintBand(ctx, under, 2);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

/** The current view as an SVG document: the same scene, with the same band. */
export function svgText(app) {
  const { scene, band: under, lines } = picture(app);
  return svgDocument(scene, under, lines[0]);
}

const BAND = { pad: 10, legend: 24, line: 16 };

const font = (size, family, weight = 400) => {
  const css = `${weight === 400 ? '' : `${weight} `}${size}px ${family}`;
  return { font: css, family, size, weight, baseline: baselineBelowMiddle(css) };
};

/**
 * The band under an exported picture: a sample of each kind of tie, each actor shape and the
 * single-source ring with their names, then the caption lines (what the data is, its source, the
 * time window, the filters). Positions in CSS pixels of the picture, texts measured as drawn.
 * @returns {{top, height, width, background, items: object[]}} items are `{what: 'line', x0, y0,
 *   x1, y1, colour, width, dash}`, `{what: 'shape', shape, x, y, r, fill, stroke?, width?}` or
 *   `{what: 'text', text, x, y, font, family, size, weight, baseline, colour, w, maxWidth?}` (y
 *   the middle of the text, its alphabetic baseline `baseline` px below)
 */
export function band(view, lines) {
  const top = view.height;
  const items = [{ what: 'line', x0: 0, y0: top + 0.5, x1: view.width, y1: top + 0.5, colour: view.muted, width: 0.5, dash: [] }];
  const text = (t, x, y, f, colour, maxWidth) => {
    items.push({ what: 'text', text: t, x, y, ...f, colour, w: textWidth(f.font, t), ...(maxWidth ? { maxWidth } : {}) });
  };
  // The legend: entries left to right, on as many rows as the width needs.
  const legend = font(12, view.font);
  const entries = [
    ...KINDS.map((kind) => ({ label: kind.label, room: 32, sample: (x, y) => ({ what: 'line', x0: x, y0: y, x1: x + 26, y1: y, colour: view.dark ? kind.darkColor : kind.color, width: 2, dash: kind.dash }) })),
    ...ACTOR_TYPES.map((type) => ({ label: type.label, room: 16, sample: (x, y) => ({ what: 'shape', shape: type.shape, x: x + 6, y, r: 6, fill: view.dark ? type.darkFill : type.fill }) })),
    // The hollow ring that marks a tie resting on one report.
    { label: 'one report only', room: 14, sample: (x, y) => ({ what: 'shape', shape: 'circle', x: x + 5, y, r: 4, fill: view.background, stroke: view.ink, width: 1.5 }) },
  ];
  let x = 12, y = top + BAND.pad + BAND.legend / 2;
  for (const entry of entries) {
    const w = entry.room + textWidth(legend.font, entry.label);
    if (x > 12 && x + w > view.width - 12) { x = 12; y += BAND.legend; }
    items.push(entry.sample(x, y));
    text(entry.label, x + entry.room, y, legend, view.ink);
    x += w + 18;
  }
  // The caption, each line broken between words to the width.
  const small = font(11, view.font);
  const room = view.width - 24;
  const rows = lines.flatMap((line) => {
    const out = [];
    for (const word of line.split(' ')) {
      const last = out.length - 1;
      if (last >= 0 && textWidth(small.font, `${out[last]} ${word}`) <= room) out[last] += ` ${word}`;
      else out.push(word);
    }
    return out;
  });
  const first = y + BAND.legend / 2;
  rows.forEach((row, k) => text(row, 12, first + k * BAND.line + BAND.line / 2, small, view.muted, room));
  const height = first + rows.length * BAND.line + BAND.pad - top;
  return { top, height, width: view.width, background: view.background, items };
}

/** Lines under the exported picture: what the data is, where it comes from, the time window and filters. */
export function caption(app) {
  const meta = app.core.meta();
  const lines = [meta.title];
  const p = meta.provenance;
  if (p) {
    const parts = [`Source: “${p.title}”`, p.publication];
    if (p.volume) parts.push(`vol. ${p.volume}`);
    if (p.issue) parts.push(`issue ${p.issue}`);
    if (p.year) parts.push(String(p.year));
    lines.push(parts.join(', '));
  } else {
    lines.push(`Dataset: ${app.source}`);
  }
  const { ui } = app;
  const c = app.frame.compare;
  if (c) {
    lines.push(`Compared: ${c.view.a} (A) with ${c.view.b} (B), the network at B. ${c.view.summary}`);
    lines.push(`Changes: ${CHANGES.map((x) => `${x.label}: ${x.about}`).join('; ')}.`);
  } else if (ui.mode === 'between') {
    lines.push(`Only the events dated from ${ui.since} to ${ui.until}`);
  } else {
    lines.push(ui.until ? `Network as of ${ui.until} (events from ${meta.first} to ${ui.until})` : `All events, ${meta.first} to ${meta.last}`);
  }
  const names = (list, bits, key = 'label') => (list.every((x) => bits & x.bit) ? 'all' : list.filter((x) => bits & x.bit).map((x) => x[key].toLowerCase()).join(', ') || 'none');
  lines.push(`Kinds: ${names(KINDS, ui.kinds)}; tones: ${names(TONES, ui.tones)}; actors: ${names(ACTOR_TYPES, ui.types)}` +
    (ui.ego >= 0 ? `; focus on ${app.frame.actors[ui.ego].name} within ${ui.hops} hop${ui.hops === 1 ? '' : 's'}` : ''));
  return lines;
}

export function installExport(app) {
  const host = document.getElementById('export-picture');
  const png = document.createElement('button');
  png.type = 'button';
  png.id = 'export-png';
  png.textContent = 'PNG (2×)';
  const svg = document.createElement('button');
  svg.type = 'button';
  svg.id = 'export-svg';
  svg.textContent = 'SVG';
  host.append(png, svg);
  png.addEventListener('click', async () => {
    try {
      download(await pngBlob(app), `${baseName(app)}.png`);
    } catch (err) {
      app.showError(`The PNG could not be made: ${err.message}`);
    }
  });
  svg.addEventListener('click', () => {
    try {
      download(new Blob([svgText(app)], { type: 'image/svg+xml' }), `${baseName(app)}.svg`);
    } catch (err) {
      app.showError(`The SVG could not be made: ${err.message}`);
    }
  });
}
