// End to end: the WebGL2 backend (SwiftShader in headless Chromium) against Canvas 2D, read from screenshots: each kind's line and dash, each actor type's shape, hover, a lost and restored context, the PNG export, actors at the canvas edge and too large for a point, a large picture picking WebGL by itself, and the fallback without WebGL2.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, settle, SITE, ARTIFACTS } from './harness.mjs';
import { decodePng } from '../cross/png.mjs';
import { syntheticDataset } from '../../bench/synthetic.mjs';

let env;
before(async () => {
  mkdirSync(join(SITE, 'fixtures'), { recursive: true });
  // About 2,200 ties: over the threshold (backend.js WEBGL_FROM_TIES) without asking.
  writeFileSync(join(SITE, 'fixtures', 'webgl-large.json'), JSON.stringify(syntheticDataset(1500)));
  env = await start();
});
after(async () => { await env?.close(); });

/** Opens the shipped dataset with `renderer` and waits until the layout and the view rest. */
async function openAt(renderer, setup = null) {
  const opened = await open(env.browser, `${env.base}?renderer=${renderer}`, {}, setup);
  await settle(opened.page);
  await opened.page.waitForFunction(() => {
    const v = JSON.stringify(window.entente.state().view);
    const same = window.__lastView === v;
    window.__lastView = v;
    return same;
  }, null, { polling: 200 });
  return opened;
}

/** The stage as a decoded screenshot, and what the test needs to read it: actors, single-kind
 *  ties, the kinds' and types' colours. */
async function picture(page, name) {
  const path = join(ARTIFACTS, `webgl-${name}.png`);
  await page.locator('#network').screenshot({ path });
  const info = await page.evaluate(() => {
    const css = getComputedStyle(document.documentElement);
    const hex = (name) => css.getPropertyValue(name).trim();
    const nodes = window.entente.nodes();
    return {
      nodes,
      edges: window.entente.edges(),
      colours: Object.fromEntries(['defense', 'diplomatic', 'economic', 'conflict', 'state', 'organization', 'armed-group']
        .map((k) => [k, hex(`--kind-${k}`) || hex(`--type-${k}`)])),
      view: window.entente.state().view,
    };
  });
  return { png: decodePng(readFileSync(path)), ...info };
}

const rgbOf = (hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
const pixel = ({ width, rgba }, x, y) => { const i = (Math.round(y) * width + Math.round(x)) * 4; return [rgba[i], rgba[i + 1], rgba[i + 2]]; };
const near = (p, rgb, tol) => Math.max(...p.map((c, k) => Math.abs(c - rgb[k]))) < tol;

/** Along the longest tie with only kind `kind`, one sample per pixel (the ends and the
 *  single-source ring at the middle left out): whether the line's colour is there, looked for
 *  one pixel either side across the line; the share of samples inked and the gaps. */
function alongTie(pic, kind) {
  const at = new Map(pic.nodes.map((n) => [n.id, n]));
  const ties = pic.edges.filter((e) => e.kinds.length === 1 && e.kinds[0] === kind)
    .map((e) => [at.get(e.source), at.get(e.target)])
    .sort(([a, b], [c, d]) => Math.hypot(d.x - c.x, d.y - c.y) - Math.hypot(b.x - a.x, b.y - a.y));
  assert.ok(ties.length > 0, `a tie of kind ${kind} alone`);
  const [a, b] = ties[0];
  const len = Math.hypot(b.x - a.x, b.y - a.y), ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
  const rgb = rgbOf(pic.colours[kind]);
  const out = [];
  for (let s = a.r + 4; s < len - b.r - 4; s++) {
    if (Math.abs(s - len / 2) < 8) continue;
    const x = a.x + ux * s, y = a.y + uy * s;
    out.push([-1, 0, 1].some((o) => near(pixel(pic.png, x - uy * o, y + ux * o), rgb, 90)));
  }
  const on = out.filter(Boolean).length;
  // Gaps of three samples or more: a dash's, not a missed pixel of a solid line.
  let gaps = 0;
  for (let k = 3; k < out.length; k++) if (out[k - 3] && !out[k - 2] && !out[k - 1] && !out[k]) gaps++;
  return { samples: out.length, on: on / out.length, gaps };
}

/** The pixels of actor `n`'s box that are its type's fill, as a set of offsets from its centre. */
function shapeMask(pic, n) {
  const rgb = rgbOf(pic.colours[n.type]);
  const mask = new Set();
  const R = Math.ceil(n.r * 1.3);
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) if (near(pixel(pic.png, n.x + dx, n.y + dy), rgb, 40)) mask.add(`${dx},${dy}`);
  }
  return mask;
}

test('WebGL draws each kind of tie with its dash and each type of actor with its shape, as Canvas 2D does', async () => {
  const gl = await openAt('webgl');
  const canvas = await openAt('canvas');
  try {
    const a = await picture(gl.page, 'shipped');
    const b = await picture(canvas.page, 'shipped-canvas');
    assert.equal(a.view.backend, 'webgl');
    assert.equal(b.view.backend, 'canvas');
    assert.ok(Math.abs(a.view.scale - b.view.scale) < 1e-3 * b.view.scale, 'the same view in both');
    for (const kind of ['defense', 'diplomatic', 'economic', 'conflict']) {
      const g = alongTie(a, kind), c = alongTie(b, kind);
      const why = `${kind}: webgl ${JSON.stringify(g)}, canvas ${JSON.stringify(c)}`;
      assert.ok(g.samples >= 20, why);
      if (kind === 'defense') assert.ok(g.on > 0.9 && g.gaps === 0, `a solid line: ${why}`);
      else assert.ok(g.on > 0.2 && g.on < 0.9 && g.gaps >= 3, `a dashed line: ${why}`);
      assert.ok(Math.abs(g.on - c.on) < 0.2, `as much ink as Canvas 2D's dash: ${why}`);
    }
    for (const type of ['state', 'organization', 'armed-group']) {
      const n = a.nodes.filter((x) => x.type === type).sort((x, y) => y.r - x.r)[0];
      assert.ok(n, `an actor of type ${type}`);
      const g = shapeMask(a, n), c = shapeMask(b, b.nodes.find((x) => x.id === n.id));
      const both = [...g].filter((p) => c.has(p)).length;
      const union = g.size + c.size - both;
      assert.ok(g.size > 1.2 * n.r * n.r, `${type} ${n.id}: ${g.size} fill pixels for radius ${n.r}`);
      assert.ok(both / union > 0.8, `${type} ${n.id}: the shapes agree on ${both} of ${union} pixels`);
    }
    // The whole picture: pixels that differ much are few (edges of anti-aliasing, crossings).
    const differ = countDiffering(a.png, b.png);
    assert.ok(differ.much < 0.02 * differ.inked, JSON.stringify(differ));
    // The ties came from WebGL: none is on the page's own canvas, which holds the labels.
    assert.equal(await tiePixelsOnOverlay(gl.page), 0);
    assert.ok(await tiePixelsOnOverlay(canvas.page) > 1000);
    assert.deepEqual(gl.errors, []);
    assert.deepEqual(canvas.errors, []);
  } finally {
    await gl.context.close();
    await canvas.context.close();
  }
});

function countDiffering(a, b) {
  let much = 0, inked = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    const d = Math.max(Math.abs(a.rgba[i] - b.rgba[i]), Math.abs(a.rgba[i + 1] - b.rgba[i + 1]), Math.abs(a.rgba[i + 2] - b.rgba[i + 2]));
    if (Math.min(a.rgba[i], a.rgba[i + 1], a.rgba[i + 2], b.rgba[i], b.rgba[i + 1], b.rgba[i + 2]) < 230) inked++;
    if (d > 64) much++;
  }
  return { much, inked };
}

/** Pixels of the page's own 2D canvas in one of the kinds' colours (opaque). */
function tiePixelsOnOverlay(page) {
  return page.evaluate(() => {
    const css = getComputedStyle(document.documentElement);
    const kinds = ['defense', 'diplomatic', 'economic', 'conflict'].map((k) => css.getPropertyValue(`--kind-${k}`).trim())
      .map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const c = document.getElementById('network');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 200 && kinds.some((k) => Math.max(Math.abs(d[i] - k[0]), Math.abs(d[i + 1] - k[1]), Math.abs(d[i + 2] - k[2])) < 40)) n++;
    }
    return n;
  });
}

/** Pixels of a decoded picture within 40 of one of the kinds' colours, but in box `out` (the tooltip's). */
function tiePixels(pic, out = null) {
  const kinds = ['defense', 'diplomatic', 'economic', 'conflict'].map((k) => rgbOf(pic.colours[k]));
  let n = 0;
  for (let i = 0; i < pic.png.rgba.length; i += 4) {
    const x = (i / 4) % pic.png.width, y = Math.floor(i / 4 / pic.png.width);
    if (out && x >= out.x && x < out.x + out.width && y >= out.y && y < out.y + out.height) continue;
    const p = [pic.png.rgba[i], pic.png.rgba[i + 1], pic.png.rgba[i + 2]];
    if (kinds.some((k) => near(p, k, 40))) n++;
  }
  return n;
}

test('hover on the WebGL picture: the tooltip, and the actor\'s ties lit over the others dimmed', async () => {
  const { page, context, errors } = await openAt('webgl');
  try {
    const all = tiePixels(await picture(page, 'before-hover'));
    const n = (await page.evaluate(() => window.entente.nodes())).filter((x) => x.ties >= 2).sort((a, b) => a.ties - b.ties)[0];
    const box = await page.locator('#network').boundingBox();
    await page.mouse.move(box.x + n.x, box.y + n.y);
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    assert.match(await page.locator('#tooltip').textContent(), new RegExp(n.name));
    await page.waitForFunction(() => window.entente.state().view.backend === 'webgl');
    const tip = await page.locator('#tooltip').boundingBox();
    const lit = tiePixels(await picture(page, 'hover'), { ...tip, x: tip.x - box.x, y: tip.y - box.y });
    assert.ok(lit > 20 && lit < 0.5 * all, `tie pixels at full colour: ${all} before, ${lit} with ${n.id}'s ${n.ties} ties lit`);
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.locator('#tooltip').waitFor({ state: 'hidden' });
    const again = tiePixels(await picture(page, 'after-hover'));
    assert.ok(Math.abs(again - all) < 0.02 * all, `${again} vs ${all}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a lost WebGL context falls back to Canvas 2D, and WebGL draws again once it is restored', async () => {
  const { page, context, errors } = await openAt('webgl');
  try {
    const before = tiePixels(await picture(page, 'context'));
    await page.evaluate(() => {
      window.__lose = document.getElementById('network-gl').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__lose.loseContext();
    });
    await page.waitForFunction(() => window.entente.state().view.backend === 'canvas');
    assert.equal(await page.evaluate(() => document.getElementById('network-gl').hidden), true);
    const lost = tiePixels(await picture(page, 'context-lost'));
    assert.ok(await tiePixelsOnOverlay(page) > 1000, 'Canvas 2D draws the ties');
    assert.ok(Math.abs(lost - before) < 0.1 * before, `${lost} vs ${before}`);
    await page.evaluate(() => window.__lose.restoreContext());
    await page.waitForFunction(() => window.entente.state().view.backend === 'webgl');
    const restored = tiePixels(await picture(page, 'context-restored'));
    assert.equal(await tiePixelsOnOverlay(page), 0);
    assert.ok(Math.abs(restored - before) < 0.02 * before, `${restored} vs ${before}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a large picture is drawn with WebGL unasked on a GPU, by Canvas 2D on SwiftShader, its module fetched only then; without WebGL2, Canvas 2D draws it', async () => {
  const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((p) => /\/(webgl|gl-[a-z]+)\.js$/.test(p)));
  const small = await open(env.browser, env.base);
  try {
    await small.page.waitForFunction(() => window.entente.state().view.backend === 'canvas');
    assert.deepEqual(await fetched(small.page), [], 'a small picture fetches no WebGL module');
    assert.equal(await small.page.evaluate(() => document.getElementById('network-gl')), null);
  } finally {
    await small.context.close();
  }
  // This browser's WebGL2 is SwiftShader, a rasteriser on the CPU: Canvas 2D draws the large
  // picture unless WebGL is asked for (bench/render webgl measures both), and the WebGL modules
  // are not fetched.
  const software = await open(env.browser, `${env.base}?data=fixtures/webgl-large.json`);
  try {
    await software.page.waitForFunction(() => window.entente.state().view.backend === 'canvas' && window.entente.edges().length >= 2000);
    assert.deepEqual(await fetched(software.page), [], 'on SwiftShader no WebGL module is fetched');
    assert.equal(await software.page.evaluate(() => document.getElementById('network-gl')), null);
    assert.deepEqual(software.errors, []);
  } finally {
    await software.context.close();
  }
  // The same browser with its renderer named as a GPU's: WebGL draws unasked.
  const gpu = (c) => c.addInitScript(() => {
    const get = WebGL2RenderingContext.prototype.getParameter;
    WebGL2RenderingContext.prototype.getParameter = function getParameter(p) {
      return p === 0x9246 ? 'ANGLE (Test GPU)' : get.call(this, p); // UNMASKED_RENDERER_WEBGL
    };
  });
  const large = await open(env.browser, `${env.base}?data=fixtures/webgl-large.json`, {}, gpu);
  try {
    await large.page.waitForFunction(() => window.entente.state().view.backend === 'webgl');
    assert.ok(await large.page.evaluate(() => window.entente.edges().length) >= 2000);
    await large.page.locator('#layout-progress').waitFor({ state: 'hidden', timeout: 60000 });
    const inked = tiePixels(await picture(large.page, 'large'));
    assert.ok(inked > 500, `${inked} tie pixels`);
    assert.equal(await tiePixelsOnOverlay(large.page), 0);
    assert.deepEqual(large.errors, []);
  } finally {
    await large.context.close();
  }
  // No WebGL2 in this browser: getContext('webgl2') gives null, as where it is missing or blocked.
  const noWebGl = (c) => c.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function getContext(type, ...rest) {
      return type === 'webgl2' ? null : get.call(this, type, ...rest);
    };
  });
  for (const search of ['?data=fixtures/webgl-large.json', '?renderer=webgl']) {
    const { page, context, errors } = await open(env.browser, `${env.base}${search}`, {}, noWebGl);
    try {
      await page.waitForFunction(() => window.entente.state().view.backend === 'canvas');
      await page.locator('#layout-progress').waitFor({ state: 'hidden', timeout: 60000 });
      // The layer painted for this view (not the last one moved while the paint worker paints it).
      await page.waitForFunction(() => !window.entente.state().view.stale);
      assert.equal(await page.evaluate(() => document.getElementById('network-gl')), null);
      assert.ok(await tiePixelsOnOverlay(page) > 500, `${search}: Canvas 2D draws the ties`);
      await picture(page, `no-webgl2-${search.includes('large') ? 'large' : 'shipped'}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('the PNG export of a WebGL picture is drawn with WebGL and matches the Canvas 2D export', async () => {
  const counting = (c) => c.addInitScript(() => {
    window.__webgl2 = 0;
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function getContext(type, ...rest) {
      if (type === 'webgl2') window.__webgl2++;
      return get.call(this, type, ...rest);
    };
  });
  const exported = async (renderer) => {
    const { page, context, errors } = await openAt(renderer, counting);
    try {
      const before = await page.evaluate(() => window.__webgl2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      const bytes = readFileSync(await download.path());
      writeFileSync(join(ARTIFACTS, `webgl-export-${renderer}.png`), bytes);
      assert.deepEqual(errors, []);
      return { png: decodePng(bytes), contexts: (await page.evaluate(() => window.__webgl2)) - before };
    } finally {
      await context.close();
    }
  };
  const gl = await exported('webgl');
  const canvas = await exported('canvas');
  assert.equal(gl.contexts, 1, 'the export asked for a WebGL2 context of its own');
  assert.equal(canvas.contexts, 0);
  assert.deepEqual([gl.png.width, gl.png.height], [canvas.png.width, canvas.png.height]);
  const differ = countDiffering(gl.png, canvas.png);
  assert.ok(differ.inked > 10000 && differ.much < 0.02 * differ.inked, JSON.stringify(differ));
});

test('actors drawn as points: one whose centre is just off the canvas draws its part on it, in its place; one too large for a point draws whole, as a quad', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?renderer=webgl`);
  try {
    const read = await page.evaluate(async () => {
      const { makeRenderer } = await import('./webgl.js');
      const canvas = document.createElement('canvas');
      const renderer = makeRenderer(canvas);
      const gl = renderer.gl;
      const largest = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE)[1];
      const actor = (xyr) => ({ shape: 'circle', fill: '#ff0000', stroke: '#ff0000', width: 1, alpha: 1, xyr: Float32Array.from(xyr) });
      // 200×100 CSS px at 1×. A disc of radius 8 centred 4 px left of the canvas (GL ES drops a
      // point whose centre is outside the viewport: SwiftShader does not, but the viewport that
      // reaches past the canvas must still put the disc in its place).
      const scene = { width: 200, height: 100, background: '#ffffff', ties: [], rings: [], actors: [actor([-4, 50, 8])] };
      const at = (x, y) => {
        const p = new Uint8Array(4);
        gl.readPixels(x, canvas.height - 1 - y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, p);
        return [...p.slice(0, 3)];
      };
      renderer.draw(scene, 1);
      const edge = [at(0, 50), at(2, 50), at(0, 30), at(6, 50)];
      // A disc of radius `largest` centred 650 px right of the canvas's middle: a point clamped
      // to the largest size would not reach the canvas; the quad covers it.
      renderer.draw({ ...scene, actors: [actor([750, 50, largest])] }, 1);
      const large = [at(0, 50), at(199, 0), at(199, 99)];
      return { largest, edge, large };
    });
    const red = ([r, g, b]) => r > 200 && g < 60 && b < 60;
    assert.ok(red(read.edge[0]) && red(read.edge[1]), `the off-centre disc at the left edge: ${JSON.stringify(read.edge)}`);
    assert.ok(!red(read.edge[2]) && !red(read.edge[3]), `and not 20 px above its centre nor 10 px right of it: ${JSON.stringify(read.edge)}`);
    assert.ok(read.large.every(red), `a disc of radius ${read.largest} centred 550 px off the canvas covers it: ${JSON.stringify(read.large)}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
