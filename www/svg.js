// The SVG backend: writes a scene (scene.js) and the export band as one self-contained SVG document, every text escaped.

import { CHUNK } from './render.js';

/** Any character outside XML 1.0's `Char`: C0 controls but tab, line feed and return; U+FFFE,
 *  U+FFFF; lone surrogates. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `value` as XML character data or an attribute value: markup characters as entities, characters
 *  XML cannot hold as U+FFFD. */
export function escapeXml(value) {
  return String(value).replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A number for an attribute: at most two decimals. */
const num = (v) => String(Math.round(v * 100) / 100 || 0);

/** Attributes from `[name, value]` pairs, values escaped; pairs with a null value are left out. */
function attrs(pairs) {
  return pairs.filter(([, v]) => v != null).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
}

/** Path data of one actor's shape, wound as render.js `shapePath` winds it (clockwise on screen). */
function shapeData(shape, x, y, r) {
  if (shape === 'square') {
    const a = r * 0.88;
    return `M${num(x - a)} ${num(y - a)}H${num(x + a)}V${num(y + a)}H${num(x - a)}Z`;
  }
  if (shape === 'triangle') {
    return `M${num(x)} ${num(y - r * 1.15)}L${num(x + r * 1.05)} ${num(y + r * 0.7)}L${num(x - r * 1.05)} ${num(y + r * 0.7)}Z`;
  }
  return circleData(x, y, r);
}

const circleData = (x, y, r) => `M${num(x + r)} ${num(y)}A${num(r)} ${num(r)} 0 1 1 ${num(x - r)} ${num(y)}A${num(r)} ${num(r)} 0 1 1 ${num(x + r)} ${num(y)}Z`;

/** One `<path>` per chunk of `stride`-number items of `xs`, as the canvas paints them. */
function chunked(out, xs, stride, item, attributes) {
  for (let a = 0; a < xs.length; a += stride * CHUNK) {
    let d = '';
    for (let k = a, end = Math.min(xs.length, a + stride * CHUNK); k < end; k += stride) d += item(xs, k);
    out.push(`<path d="${d}"${attributes}/>`);
  }
}

const dashOf = (dash) => (dash.length ? dash.join(' ') : null);
const fontAttrs = (f) => [['font-family', f.family], ['font-size', `${f.size}px`], ['font-weight', f.weight]];

/**
 * The SVG document of `scene` with `band` (export.js) under it.
 * @param {object} scene from scene.js `buildScene`
 * @param {object} band from export.js `band`: `{top, height, width, background, items}`
 * @param {string} title the document's title
 * @returns {string} the SVG document: presentation attributes only (no style, no script, no
 *   external reference), every text and attribute value escaped
 */
export function svgDocument(scene, band, title) {
  const w = num(scene.width), h = num(band.top + band.height);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`];
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<rect${attrs([['width', w], ['height', h], ['fill', scene.background]])}/>`);
  const o = scene.outline;
  if (o) {
    const d = o.rings.map((ring) => {
      let s = `M${num(ring[0])} ${num(ring[1])}`;
      for (let j = 2; j < ring.length; j += 2) s += `L${num(ring[j])} ${num(ring[j + 1])}`;
      return `${s}Z`;
    }).join('');
    out.push(`<path id="outline" d="${d}"${attrs([['fill', o.colour], ['fill-opacity', o.fillAlpha], ['stroke', o.colour],
      ['stroke-opacity', o.strokeAlpha], ['stroke-width', o.width]])}/>`);
  }
  const e = scene.egoRings, m = scene.homeLines;
  if (e) {
    out.push(`<g id="ego-rings" fill="none"${attrs([['stroke', e.colour], ['stroke-width', e.width], ['stroke-opacity', e.alpha]])}>`);
    for (const g of e.rings) out.push(`<circle${attrs([['cx', num(g.x)], ['cy', num(g.y)], ['r', num(g.r)]])}/>`);
    out.push('</g>');
  }
  if (m && m.xy.length > 0) {
    const d = [], dots = [];
    for (let j = 0; j < m.xy.length; j += 4) d.push(`M${num(m.xy[j])} ${num(m.xy[j + 1])}L${num(m.xy[j + 2])} ${num(m.xy[j + 3])}`);
    for (let j = 0; j < m.homes.length; j += 2) dots.push(circleData(m.homes[j], m.homes[j + 1], m.dot));
    out.push(`<g id="true-places"${attrs([['fill', m.colour], ['stroke', m.colour], ['stroke-opacity', m.alpha], ['fill-opacity', m.alpha]])}>`);
    out.push(`<path d="${d.join('')}"${attrs([['fill', 'none'], ['stroke-width', m.width]])}/>`);
    out.push(`<path d="${dots.join('')}" stroke="none"/>`, '</g>');
  }
  out.push('<g id="ties" fill="none">');
  for (const b of scene.ties) {
    chunked(out, b.xy, 4, (xy, k) => `M${num(xy[k])} ${num(xy[k + 1])}L${num(xy[k + 2])} ${num(xy[k + 3])}`,
      attrs([['data-kind', b.kind], ['stroke', b.colour], ['stroke-width', b.width], ['stroke-opacity', b.alpha], ['stroke-dasharray', dashOf(b.dash)]]));
  }
  for (const b of scene.rings) {
    chunked(out, b.xy, 2, (xy, k) => circleData(xy[k], xy[k + 1], b.r),
      attrs([['class', 'single'], ['fill', b.fill], ['fill-opacity', b.alpha], ['stroke', b.stroke], ['stroke-width', b.width], ['stroke-opacity', b.alpha]]));
  }
  out.push('</g><g id="actors">');
  for (const b of scene.actors) {
    chunked(out, b.xyr, 3, (xyr, k) => shapeData(b.shape, xyr[k], xyr[k + 1], xyr[k + 2]),
      attrs([['data-type', b.type], ['fill', b.fill], ['fill-opacity', b.alpha], ['stroke', b.stroke], ['stroke-width', b.width], ['stroke-opacity', b.alpha]]));
  }
  const f = scene.focus;
  if (f) {
    out.push(`<path id="focus" d="${shapeData(f.shape, f.x, f.y, f.r)}"${attrs([['fill', f.fill], ['fill-opacity', f.alpha],
      ['stroke', f.stroke], ['stroke-width', f.width], ['stroke-opacity', f.alpha]])}/>`);
  }
  const k = scene.keyboard;
  if (k) {
    out.push(`<circle id="keyboard-focus"${attrs([['cx', num(k.x)], ['cy', num(k.y)], ['r', num(k.r)], ['fill', 'none'],
      ['stroke', k.stroke], ['stroke-width', k.width], ['stroke-dasharray', dashOf(k.dash)]])}/>`);
  }
  out.push('</g>');
  if (e) {
    out.push(`<g id="ring-captions" xml:space="preserve"${attrs([...fontAttrs(e), ['fill', e.colour], ['fill-opacity', e.captionAlpha],
      ['stroke', e.halo], ['stroke-width', 3], ['stroke-opacity', e.captionAlpha], ['stroke-linejoin', 'miter'], ['stroke-miterlimit', 10], ['paint-order', 'stroke']])}>`);
    for (const g of e.rings) {
      if (g.box) out.push(`<text${attrs([['x', num(g.box.x + 2)], ['y', num(g.box.y + g.box.h / 2 + e.baseline)]])}>${escapeXml(g.text)}</text>`);
    }
    out.push('</g>');
  }
  if (scene.changes) out.push(changesSvg(scene.changes));
  const l = scene.labels;
  for (const g of l.leaders) {
    const d = [];
    for (let j = 0; j < g.xy.length; j += 4) d.push(`M${num(g.xy[j])} ${num(g.xy[j + 1])}L${num(g.xy[j + 2])} ${num(g.xy[j + 3])}`);
    out.push(`<path class="leaders" d="${d.join('')}"${attrs([['fill', 'none'], ['stroke', l.colour], ['stroke-width', l.leaderWidth], ['stroke-opacity', g.alpha]])}/>`);
  }
  // The halo under each label as the canvas strokes it: the stroke painted first, mitred joins.
  out.push(`<g id="labels" xml:space="preserve"${attrs([...fontAttrs(l), ['fill', l.colour],
    ['stroke', l.halo], ['stroke-width', l.haloWidth], ['stroke-linejoin', 'miter'], ['stroke-miterlimit', 10], ['paint-order', 'stroke']])}>`);
  for (const b of l.boxes) {
    const alpha = b.alpha === 1 ? [] : [['fill-opacity', b.alpha], ['stroke-opacity', b.alpha]];
    out.push(`<text${attrs([['x', num(b.x)], ['y', num(b.y + b.h / 2 + l.baseline)], ...alpha])}>${escapeXml(b.text)}</text>`);
  }
  out.push('</g>');
  out.push(bandSvg(band));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The comparison: changed ties by class, faded gone actors, and the badges with their marks. */
function changesSvg(changes) {
  const out = ['<g id="changes" fill="none" stroke-linecap="round">'];
  for (const b of changes.lines) {
    chunked(out, b.xy, 4, (xy, k) => `M${num(xy[k])} ${num(xy[k + 1])}L${num(xy[k + 2])} ${num(xy[k + 3])}`,
      attrs([['data-change', b.change], ['stroke', b.colour], ['stroke-width', b.width], ['stroke-opacity', b.alpha], ['stroke-dasharray', dashOf(b.dash)]]));
  }
  const g = changes.gone;
  if (g.xy.length) {
    chunked(out, g.xy, 2, (xy, k) => circleData(xy[k], xy[k + 1], g.r),
      attrs([['class', 'gone'], ['stroke', g.colour], ['stroke-width', 1.5], ['stroke-opacity', g.alpha]]));
  }
  for (const b of changes.badges) {
    out.push(`<g${attrs([['data-change', b.change], ['opacity', b.alpha]])}>`);
    for (const it of b.items) {
      const r = Math.max(b.r, it.text.length * 3.4 + 3);
      out.push(`<circle${attrs([['cx', num(it.x)], ['cy', num(it.y)], ['r', num(r)], ['fill', b.fill], ['stroke', b.stroke], ['stroke-width', b.width]])}/>`);
      out.push(`<text${attrs([['x', num(it.x)], ['y', num(it.y + 4)], ['text-anchor', 'middle'], ['font-family', b.family],
        ['font-size', 11], ['font-weight', 700], ['fill', b.colour], ['stroke', 'none']])}>${escapeXml(it.text)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</g>');
  return out.join('\n');
}

/** The band under the picture: the legend's samples and texts, and the caption. */
function bandSvg(band) {
  const out = [`<g id="band"><rect${attrs([['y', num(band.top)], ['width', num(band.width)], ['height', num(band.height)], ['fill', band.background]])}/>`];
  for (const it of band.items) {
    if (it.what === 'line') {
      out.push(`<path d="M${num(it.x0)} ${num(it.y0)}L${num(it.x1)} ${num(it.y1)}"${attrs([['stroke', it.colour], ['stroke-width', it.width], ['stroke-dasharray', dashOf(it.dash)]])}/>`);
    } else if (it.what === 'shape') {
      out.push(`<path d="${shapeData(it.shape, it.x, it.y, it.r)}"${attrs([['fill', it.fill], ['stroke', it.stroke ?? null], ['stroke-width', it.stroke ? it.width : null]])}/>`);
    } else {
      // A caption line longer than its room is squeezed into it, as the canvas's maxWidth does.
      const squeeze = it.maxWidth && it.w > it.maxWidth ? [['textLength', num(it.maxWidth)], ['lengthAdjust', 'spacingAndGlyphs']] : [];
      out.push(`<text${attrs([['x', num(it.x)], ['y', num(it.y + it.baseline)], ...fontAttrs(it), ['fill', it.colour], ...squeeze])}>${escapeXml(it.text)}</text>`);
    }
  }
  out.push('</g>');
  return out.join('\n');
}
