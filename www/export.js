// Export the picture: PNG at twice the resolution of the current view with a legend and caption
// band, and SVG of the current view drawn by the Rust core.

import { draw, shapePath } from './render.js';
import { KINDS, TONES, ACTOR_TYPES } from './kinds.js';
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

const BAND = { pad: 10, legend: 24, line: 16 };

/** The current view re-rendered at 2× into an offscreen canvas, with a band under it holding the
 *  legend and the caption (what the data is, its source, the time window, the filters), as a PNG
 *  blob: a picture that can go into a report on its own. */
export function pngBlob(app) {
  const view = { ...app.view, ...themeColours(), dpr: 2 };
  const lines = caption(app);
  const band = BAND.pad + BAND.legend + lines.length * BAND.line + BAND.pad;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(view.width * 2);
  canvas.height = Math.round((view.height + band) * 2);
  const ctx = canvas.getContext('2d');
  const frame = { ...app.frame, positions: app.positions() };
  draw(ctx, frame, app.ui, view);
  drawBand(ctx, view, lines, band);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

/** The legend (a sample of each kind of tie and each actor shape) and the caption lines, in the
 *  band of height `band` under the view. */
function drawBand(ctx, view, lines, band) {
  const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || view.ink;
  ctx.setTransform(2, 0, 0, 2, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = view.background;
  ctx.fillRect(0, view.height, view.width, band);
  ctx.strokeStyle = muted;
  ctx.lineWidth = 0.5;
  ctx.beginPath();
  ctx.moveTo(0, view.height + 0.5);
  ctx.lineTo(view.width, view.height + 0.5);
  ctx.stroke();
  let x = 12;
  const y = view.height + BAND.pad + BAND.legend / 2;
  ctx.font = `12px ${view.font}`;
  ctx.textBaseline = 'middle';
  for (const kind of KINDS) {
    ctx.strokeStyle = view.dark ? kind.darkColor : kind.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(kind.dash);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 26, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = view.ink;
    ctx.fillText(kind.label, x + 32, y);
    x += 32 + ctx.measureText(kind.label).width + 18;
  }
  for (const type of ACTOR_TYPES) {
    ctx.beginPath();
    shapePath(ctx, type.shape, x + 6, y, 6);
    ctx.fillStyle = view.dark ? type.darkFill : type.fill;
    ctx.fill();
    ctx.fillStyle = view.ink;
    ctx.fillText(type.label, x + 16, y);
    x += 16 + ctx.measureText(type.label).width + 18;
  }
  // The hollow ring that marks a tie resting on one report (render.js).
  ctx.beginPath();
  ctx.arc(x + 5, y, 4, 0, Math.PI * 2);
  ctx.fillStyle = view.background;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = view.ink;
  ctx.stroke();
  ctx.fillStyle = view.ink;
  ctx.fillText('one report only', x + 14, y);
  ctx.font = `11px ${view.font}`;
  ctx.fillStyle = muted;
  lines.forEach((line, k) => {
    ctx.fillText(line, 12, view.height + BAND.pad + BAND.legend + k * BAND.line + BAND.line / 2, view.width - 24);
  });
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
  lines.push(`Kinds: ${names(KINDS, ui.kinds)}; tones: ${names(TONES, ui.tones)}; actors: ${names(ACTOR_TYPES, ui.types)}` +
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
