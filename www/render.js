// The Canvas 2D backend: paints a scene (scene.js) batch by batch, each batch in chunks of a few dozen items; a large picture over a cached layer.

import { buildScene } from './scene.js';
import { themeColours } from './theme.js';
import { paintItems, shapePath, CHUNK } from './paint-items.js';

export { shapePath, CHUNK };

/** From this many ties shown, the picture is painted over a cached layer (see `paint`). */
export const LAYERS_FROM_TIES = 1000;

/**
 * Draws one frame on the page's canvas: the scene of (frame, ui, view), over the cached layers
 * layer of `layers` (layers.js `makeLayers`, for `layerKey`) when it is large.
 * @returns {{labels: object[], layer: 'all' | 'dim' | null, stale: boolean, pendingLabels: boolean}}
 *   the placed label boxes, the layer drawn over (null: none), whether that layer was the last
 *   one painted, moved, while the one for this frame is painted in the worker, and whether some
 *   labels wait for names to be measured in the next frames (labels.js).
 */
export function draw(ctx, frame, ui, view, { layers = null, layerKey = '' } = {}) {
  // A large picture's ties and actors come from the layer (made from the frame, in the paint
  // worker where it can be): the scene holds only what is painted over it.
  const layered = Boolean(layers) && frame.edges.length / 2 >= LAYERS_FROM_TIES;
  const scene = buildScene(frame, ui, view, { layered });
  const { layer, stale } = paint(ctx, scene, view.dpr, layered ? { layers, key: layerKey, view, frame } : null);
  return { labels: scene.labels.boxes, layer, stale, pendingLabels: scene.labels.pending };
}

/** The view the screen is drawn with: the app's view transform and size, the theme's colours,
 *  whether the canvas shows keyboard focus, the world outline and the map's true places (layouts.js),
 *  and the boxes the view's buttons cover (`reserved`). */
export function screenView(app) {
  return {
    ...app.view, ...themeColours(), focusVisible: app.canvas.matches(':focus-visible'), world: app.worldOutline?.() ?? null,
    homes: app.mapHomes?.() ?? null, reserved: overCanvas(app.canvas, document.getElementById('view-tools')),
    moving: app.layoutMoving?.() ?? false,
  };
}

/** Where `element` (the view's buttons) covers the canvas, as boxes no label may take. */
function overCanvas(canvas, element) {
  const r = element?.getBoundingClientRect();
  if (!r || r.width === 0) return [];
  const c = canvas.getBoundingClientRect();
  return [{ x: r.left - c.left, y: r.top - c.top, w: r.width, h: r.height }];
}

/** Paints `scene` at `dpr` device pixels per CSS pixel, over a layer of `cached` ({layers, key,
 *  view, frame}) when it is large (a scene built `layered`); returns `{layer, stale}` as `draw` does. */
export function paint(ctx, scene, dpr, cached = null) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  if (scene.outline) paintOutline(ctx, scene.outline);
  paintGuides(ctx, scene);
  let layer = null, stale = false;
  if (cached && scene.tieCount >= LAYERS_FROM_TIES) {
    // A large picture: every tie and actor, at full strength or all faded, comes from a cached
    // layer (layers.js), and only what is lit is painted over it. A hover then costs the few ties
    // of one actor, not the whole picture.
    layer = scene.emphasised ? 'dim' : 'all';
    const base = cached.layers.layer(cached.key, cached.frame, scene, cached.view);
    stale = !base.exact;
    drawLayer(ctx, base, cached.view, layer === 'dim' ? scene.dim.tieAlpha : 1);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (scene.emphasised) paintItems(ctx, scene, 'lit');
  } else {
    paintItems(ctx, scene, 'all');
  }
  paintTop(ctx, scene);
  return { layer, stale };
}

/** What a WebGL backend (webgl.js) leaves to Canvas 2D, on a canvas over its picture: the map's
 *  outline and the guides (over the ties there), the comparison, the focus, the keyboard's ring,
 *  the captions and the labels. The canvas is not cleared. */
export function paintOver(ctx, scene, dpr) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  if (scene.outline) paintOutline(ctx, scene.outline);
  paintGuides(ctx, scene);
  paintTop(ctx, scene);
}

/** Everything over the ties and actors. */
function paintTop(ctx, scene) {
  if (scene.changes) paintChanges(ctx, scene.changes);
  if (scene.focus) paintFocus(ctx, scene.focus);
  if (scene.keyboard) paintKeyboard(ctx, scene.keyboard);
  if (scene.egoRings) paintCaptions(ctx, scene.egoRings);
  paintLabels(ctx, scene.labels);
  ctx.globalAlpha = 1;
}

/** The ego rings' circles and the map's lines back to true places, under the ties. */
function paintGuides(ctx, { egoRings: e, homeLines: m }) {
  ctx.setLineDash([]);
  if (e) {
    ctx.globalAlpha = e.alpha;
    ctx.lineWidth = e.width;
    ctx.strokeStyle = e.colour;
    ctx.beginPath();
    for (const g of e.rings) { ctx.moveTo(g.x + g.r, g.y); ctx.arc(g.x, g.y, g.r, 0, Math.PI * 2); }
    ctx.stroke();
  }
  if (m && m.xy.length > 0) {
    ctx.globalAlpha = m.alpha;
    ctx.lineWidth = m.width;
    ctx.strokeStyle = m.colour;
    ctx.fillStyle = m.colour;
    ctx.beginPath();
    for (let j = 0; j < m.xy.length; j += 4) { ctx.moveTo(m.xy[j], m.xy[j + 1]); ctx.lineTo(m.xy[j + 2], m.xy[j + 3]); }
    ctx.stroke();
    ctx.beginPath();
    for (let j = 0; j < m.homes.length; j += 2) { ctx.moveTo(m.homes[j] + m.dot, m.homes[j + 1]); ctx.arc(m.homes[j], m.homes[j + 1], m.dot, 0, Math.PI * 2); }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** The ego rings' captions ("1 tie away"), with the labels' halo. */
function paintCaptions(ctx, e) {
  ctx.font = e.font;
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = e.halo;
  ctx.fillStyle = e.colour;
  ctx.globalAlpha = e.captionAlpha;
  for (const { box, text } of e.rings) {
    if (!box) continue;
    ctx.strokeText(text, box.x + 2, box.y + box.h / 2);
    ctx.fillText(text, box.x + 2, box.y + box.h / 2);
  }
  ctx.globalAlpha = 1;
}

/** The comparison over the network: changed ties, faded gone actors, and the badges with their marks. */
function paintChanges(ctx, changes) {
  ctx.lineCap = 'round';
  for (const b of changes.lines) {
    ctx.globalAlpha = b.alpha;
    ctx.strokeStyle = b.colour;
    ctx.lineWidth = b.width;
    ctx.setLineDash(b.dash);
    ctx.beginPath();
    for (let k = 0; k < b.xy.length; k += 4) { ctx.moveTo(b.xy[k], b.xy[k + 1]); ctx.lineTo(b.xy[k + 2], b.xy[k + 3]); }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  const g = changes.gone;
  ctx.globalAlpha = g.alpha;
  ctx.strokeStyle = g.colour;
  ctx.lineWidth = 1.5;
  for (let k = 0; k < g.xy.length; k += 2) { ctx.beginPath(); ctx.arc(g.xy[k], g.xy[k + 1], g.r, 0, 2 * Math.PI); ctx.stroke(); }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const b of changes.badges) {
    ctx.globalAlpha = b.alpha;
    ctx.font = b.font;
    for (const it of b.items) {
      const r = Math.max(b.r, ctx.measureText(it.text).width / 2 + 3);
      ctx.beginPath();
      ctx.arc(it.x, it.y, r, 0, 2 * Math.PI);
      ctx.fillStyle = b.fill;
      ctx.fill();
      ctx.strokeStyle = b.stroke;
      ctx.lineWidth = b.width;
      ctx.stroke();
      ctx.fillStyle = b.colour;
      ctx.fillText(it.text, it.x, it.y + 0.5);
    }
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  ctx.globalAlpha = 1;
}

/** Draws a layer (layers.js) at opacity `alpha`, moved from the view it was painted in to `view`
 *  (the same view: in place). */
function drawLayer(ctx, base, view, alpha) {
  const k = view.scale / base.view.scale;
  ctx.setTransform(k, 0, 0, k, view.dpr * (view.tx - base.view.tx * k), view.dpr * (view.ty - base.view.ty * k));
  ctx.globalAlpha = alpha;
  ctx.drawImage(base.image, 0, 0);
  ctx.globalAlpha = 1;
}

function paintOutline(ctx, outline) {
  ctx.beginPath();
  for (const ring of outline.rings) {
    ctx.moveTo(ring[0], ring[1]);
    for (let j = 2; j < ring.length; j += 2) ctx.lineTo(ring[j], ring[j + 1]);
    ctx.closePath();
  }
  ctx.globalAlpha = outline.fillAlpha;
  ctx.fillStyle = outline.colour;
  ctx.fill();
  ctx.globalAlpha = outline.strokeAlpha;
  ctx.lineWidth = outline.width;
  ctx.strokeStyle = outline.colour;
  ctx.setLineDash([]);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function paintFocus(ctx, f) {
  ctx.beginPath();
  shapePath(ctx, f.shape, f.x, f.y, f.r);
  ctx.globalAlpha = f.alpha;
  ctx.fillStyle = f.fill;
  ctx.fill();
  ctx.lineWidth = f.width;
  ctx.strokeStyle = f.stroke;
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function paintKeyboard(ctx, k) {
  ctx.globalAlpha = 1;
  ctx.lineWidth = k.width;
  ctx.setLineDash(k.dash);
  ctx.strokeStyle = k.stroke;
  ctx.beginPath();
  ctx.arc(k.x, k.y, k.r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
}

function paintLabels(ctx, labels) {
  ctx.lineWidth = labels.leaderWidth;
  ctx.strokeStyle = labels.colour;
  for (const l of labels.leaders) {
    ctx.globalAlpha = l.alpha;
    ctx.beginPath();
    for (let j = 0; j < l.xy.length; j += 4) {
      ctx.moveTo(l.xy[j], l.xy[j + 1]);
      ctx.lineTo(l.xy[j + 2], l.xy[j + 3]);
    }
    ctx.stroke();
  }
  ctx.font = labels.font;
  ctx.textBaseline = 'middle';
  ctx.lineWidth = labels.haloWidth;
  ctx.strokeStyle = labels.halo;
  ctx.fillStyle = labels.colour;
  for (const b of labels.boxes) {
    ctx.globalAlpha = b.alpha;
    ctx.strokeText(b.text, b.x, b.y + b.h / 2);
    ctx.fillText(b.text, b.x, b.y + b.h / 2);
  }
  ctx.globalAlpha = 1;
}

/** Paints the band under an exported picture (export.js `band`): lines, shapes and texts. */
export function paintBand(ctx, band, dpr) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = band.background;
  ctx.fillRect(0, band.top, band.width, band.height);
  ctx.textBaseline = 'middle';
  for (const it of band.items) {
    if (it.what === 'line') {
      ctx.strokeStyle = it.colour;
      ctx.lineWidth = it.width;
      ctx.setLineDash(it.dash);
      ctx.beginPath();
      ctx.moveTo(it.x0, it.y0);
      ctx.lineTo(it.x1, it.y1);
      ctx.stroke();
      ctx.setLineDash([]);
    } else if (it.what === 'shape') {
      ctx.beginPath();
      shapePath(ctx, it.shape, it.x, it.y, it.r);
      ctx.fillStyle = it.fill;
      ctx.fill();
      if (it.stroke) {
        ctx.lineWidth = it.width;
        ctx.strokeStyle = it.stroke;
        ctx.stroke();
      }
    } else {
      ctx.font = it.font;
      ctx.fillStyle = it.colour;
      if (it.maxWidth) ctx.fillText(it.text, it.x, it.y, it.maxWidth);
      else ctx.fillText(it.text, it.x, it.y);
    }
  }
}
