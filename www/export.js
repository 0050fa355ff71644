// Export the picture: PNG at twice the resolution of the current view, and SVG of the current view drawn by the Rust core.

import { draw } from './render.js';
import { KINDS, ACTOR_TYPES } from './kinds.js';
import { themeColours } from './theme.js';

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
  return `${name}${app.ui.until ? `-as-of-${app.ui.until}` : ''}`;
}

/** The current view re-rendered at 2× into an offscreen canvas, as a PNG blob. */
export function pngBlob(app) {
  const view = { ...app.view, ...themeColours(), dpr: 2 };
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(view.width * 2);
  canvas.height = Math.round(view.height * 2);
  const frame = { ...app.frame, positions: app.positions() };
  draw(canvas.getContext('2d'), frame, app.ui, view);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
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
  lines.push(ui.until ? `Network as of ${ui.until} (events from ${meta.first} to ${ui.until})` : `All events, ${meta.first} to ${meta.last}`);
  const names = (list, bits, key = 'label') => (list.every((x) => bits & x.bit) ? 'all' : list.filter((x) => bits & x.bit).map((x) => x[key].toLowerCase()).join(', ') || 'none');
  const tones = [{ label: 'Cooperative', bit: 1 }, { label: 'Strained', bit: 2 }, { label: 'Hostile', bit: 4 }];
  const types = ACTOR_TYPES.map((t, i) => ({ label: t.label, bit: 1 << i }));
  lines.push(`Kinds: ${names(KINDS, ui.kinds)}; tones: ${names(tones, ui.tones)}; actors: ${names(types, ui.types)}` +
    (ui.ego >= 0 ? `; focus on ${app.frame.actors[ui.ego].name} within ${ui.hops} hop${ui.hops === 1 ? '' : 's'}` : ''));
  return lines;
}

/** The current view as an SVG document, drawn by the Rust core. */
export function svgText(app) {
  const { frame, view } = app;
  const n = frame.actors.length;
  const p = app.positions();
  const positions = new Float32Array(2 * n), radii = new Float32Array(n), shown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = p[2 * i] * view.scale + view.tx;
    positions[2 * i + 1] = p[2 * i + 1] * view.scale + view.ty;
    radii[i] = Math.max(3, frame.radii[i] * view.scale);
    shown[i] = frame.degrees[i] > 0 && (!frame.egoHops || frame.egoHops[i] !== 255) ? 1 : 0;
  }
  return app.core.exportSvg(Math.round(view.width), Math.round(view.height), positions, radii, shown, caption(app).join('\n'));
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
