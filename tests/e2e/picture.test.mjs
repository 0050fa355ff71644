// The SVG export is the picture on screen: the same labels in the same boxes, the theme's colours
// (dark too), the dimming around a focused actor, the focus rings, the map's outline; rasterised by
// Chromium, it matches the canvas pixel for pixel but for anti-aliasing. Hostile names stay text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, settle, actorPoint, ROOT, ARTIFACTS } from './harness.mjs';
import { openWith, still } from './explore-helpers.mjs';

const WORLD_RINGS = JSON.parse(readFileSync(join(ROOT, 'data', 'world-110m.json'), 'utf8')).rings.length;
const PAYLOADS = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/xss-payloads.json'), 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/**
 * In the page, at one instant: the SVG export, the labels on screen and the canvas's pixels; then
 * the SVG parsed (DOMParser) and rasterised (an <img> of it drawn on a canvas) and compared with
 * the screen. Returns what the SVG says and how far its pixels are from the canvas's.
 */
async function readExport(page) {
  const seen = await page.evaluate(async () => {
    const svg = window.entente.exportSvg();
    const labels = window.entente.labels();
    const nodes = window.entente.nodes();
    const canvas = document.getElementById('network');
    const W = canvas.width, H = canvas.height;
    const screen = canvas.getContext('2d').getImageData(0, 0, W, H).data;
    const css = getComputedStyle(document.documentElement);
    const theme = Object.fromEntries(['--canvas', '--ink', '--focus', '--accent'].map((v) => [v, css.getPropertyValue(v).trim()]));
    // Where the canvas's middle of a label is above its alphabetic baseline, which SVG text sits on.
    const probe = document.createElement('canvas').getContext('2d');
    probe.font = `600 12px ${css.getPropertyValue('--font').trim()}`;
    probe.textBaseline = 'middle';
    const middle = probe.measureText('x').alphabeticBaseline;
    // The SVG rasterised at the canvas's size (the tests run at one device pixel per CSS pixel).
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await img.decode();
    const c = new OffscreenCanvas(W, H);
    c.getContext('2d').drawImage(img, 0, 0);
    const drawn = c.getContext('2d').getImageData(0, 0, W, H).data;
    // Outside the labels, a pixel is far from the other picture when no pixel around it there
    // (3 × 3) is near it in colour: anti-aliasing may fall a fraction of a pixel apart, colours may
    // not. Text is laid out glyph by glyph a little differently; a label's ink is compared whole.
    const near = (a, i, b, j) => Math.max(Math.abs(a[i] - b[j]), Math.abs(a[i + 1] - b[j + 1]), Math.abs(a[i + 2] - b[j + 2])) <= 40;
    const alone = (a, b, x, y) => {
      const i = 4 * (y * W + x);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const u = x + dx, v = y + dy;
          if (u >= 0 && v >= 0 && u < W && v < H && near(a, i, b, 4 * (v * W + u))) return false;
        }
      }
      return true;
    };
    const inLabel = new Uint8Array(W * H);
    for (const b of labels) {
      for (let y = Math.max(0, Math.floor(b.y) - 2); y < Math.min(H, b.y + b.h + 2); y++) {
        for (let x = Math.max(0, Math.floor(b.x) - 2); x < Math.min(W, b.x + b.w + 2); x++) inLabel[y * W + x] = 1;
      }
    }
    let far = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) if (!inLabel[y * W + x] && (alone(drawn, screen, x, y) || alone(screen, drawn, x, y))) far++;
    }
    const bg = [0, 1, 2].map((j) => screen[j]);
    const ink = (d, b) => {
      let sum = 0;
      for (let y = Math.floor(b.y); y < b.y + b.h; y++) {
        for (let x = Math.floor(b.x); x < b.x + b.w; x++) {
          const i = 4 * (y * W + x);
          sum += Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]);
        }
      }
      return sum;
    };
    const inkRatios = labels.map((b) => ink(drawn, b) / ink(screen, b));
    return {
      svg, labels, nodes, theme, middle, width: W, height: H,
      farPixels: far / (W * H),
      inkRatios,
    };
  });
  // Parsed and measured on a blank page of the same browser: the page's CSP (Trusted Types)
  // lets no plain string reach DOMParser. Chromium lays the SVG's text out with the fonts the
  // SVG names, as it would in the page.
  const blank = await page.context().newPage();
  Object.assign(seen, await blank.evaluate(({ svg, middle }) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const all = (sel) => [...doc.querySelectorAll(sel)];
    const attr = (sel, name) => [...new Set(all(sel).map((n) => n.getAttribute(name)))];
    // Label widths as Chromium lays the SVG's text out.
    const shown = document.importNode(doc.documentElement, true);
    document.body.append(shown);
    const labelBoxes = [...shown.querySelectorAll('#labels text')].map((t) => ({
      text: t.textContent, x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')) + middle, w: t.getComputedTextLength(),
    }));
    const f = shown.querySelector('#focus')?.getBBox();
    const focusBox = f && { x: f.x, y: f.y, width: f.width, height: f.height };
    shown.remove();
    return {
      labelBoxes, focusBox,
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tags: [...new Set(all('*').map((n) => n.localName))].sort(),
      attributes: [...new Set(all('*').flatMap((n) => [...n.attributes].map((a) => a.name)))].sort(),
      title: doc.querySelector('title')?.textContent,
      background: doc.querySelector('svg > rect').getAttribute('fill'),
      tieColours: Object.fromEntries(all('#ties path[data-kind]').map((p) => [p.getAttribute('data-kind'), p.getAttribute('stroke')])),
      actorFills: Object.fromEntries(all('#actors path[data-type]').map((p) => [p.getAttribute('data-type'), p.getAttribute('fill')])),
      tieOpacities: attr('#ties path[data-kind]', 'stroke-opacity').map(Number).sort(),
      actorOpacities: attr('#actors path[data-type]', 'fill-opacity').map(Number).sort(),
      labelOpacities: all('#labels text').map((t) => Number(t.getAttribute('fill-opacity') ?? 1)),
      labelInk: doc.querySelector('#labels').getAttribute('fill'),
      focus: doc.querySelector('#focus') && { stroke: doc.querySelector('#focus').getAttribute('stroke'), width: doc.querySelector('#focus').getAttribute('stroke-width') },
      keyboard: doc.querySelector('#keyboard-focus') && Object.fromEntries(['cx', 'cy', 'r', 'stroke', 'stroke-dasharray'].map((a) => [a, doc.querySelector('#keyboard-focus').getAttribute(a)])),
      outline: doc.querySelector('#outline') && { fill: doc.querySelector('#outline').getAttribute('fill'), rings: (doc.querySelector('#outline').getAttribute('d').match(/Z/g) ?? []).length },
      texts: all('text').map((t) => t.textContent),
      egoRings: all('#ego-rings circle').length,
      ringCaptions: all('#ring-captions text').map((t) => t.textContent),
      truePlaces: all('#true-places path').length,
      leaders: (doc.querySelector('path.leaders')?.getAttribute('d').match(/M/g) ?? []).length,
    };
  }, { svg: seen.svg, middle: seen.middle }));
  await blank.close();
  return seen;
}

/** The labels of the SVG are those on screen: same texts, same places, the same widths. */
function sameLabels(seen, least = 10) {
  assert.ok(seen.labels.length >= least, `labels on screen: ${seen.labels.length}`);
  assert.deepEqual(seen.labelBoxes.map((b) => b.text), seen.labels.map((b) => b.text));
  seen.labels.forEach((b, k) => {
    const s = seen.labelBoxes[k];
    assert.ok(Math.abs(s.x - b.x) < 0.01 && Math.abs(s.y - (b.y + b.h / 2)) < 0.01, `${b.text} at ${s.x},${s.y}, on screen ${b.x},${b.y + b.h / 2}`);
    assert.ok(Math.abs(s.w - (b.w - 4)) < 0.5, `${b.text}: ${s.w} px wide in the SVG, ${b.w - 4} on screen`);
  });
}

/** The SVG, rasterised, is the canvas: outside the labels, hardly a pixel apart; each label with
 *  as much ink (dimmed labels are a third as dark). */
function samePixels(seen, what) {
  assert.ok(seen.farPixels < 0.0005, `${what}: ${(seen.farPixels * 100).toFixed(3)} % of the pixels differ`);
  seen.inkRatios.forEach((r, k) => assert.ok(r > 0.9 && r < 1.1, `${what}: label ${seen.labels[k].text} has ${r.toFixed(2)} × the ink`));
}

/** The SVG holds only what the backend writes: no script, style, link or foreign content. */
function onlyDrawing(seen) {
  assert.equal(seen.error, null);
  assert.deepEqual(seen.tags.filter((t) => !['svg', 'title', 'rect', 'path', 'g', 'text', 'circle'].includes(t)), []);
  const allowed = /^(xmlns|xml:space|id|class|width|height|viewBox|x|y|d|cx|cy|r|fill|stroke|fill-opacity|stroke-opacity|stroke-width|stroke-dasharray|stroke-linejoin|stroke-miterlimit|paint-order|font-family|font-size|font-weight|dominant-baseline|textLength|lengthAdjust|data-kind|data-type)$/;
  assert.deepEqual(seen.attributes.filter((a) => !allowed.test(a)), []);
}

for (const colorScheme of ['light', 'dark']) {
  test(`SVG export = the screen, ${colorScheme}: labels, colours, dimming and the focus ring around a pinned actor`, async () => {
    const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1280, height: 800 }, colorScheme });
    const { KINDS, ACTOR_TYPES } = await page.evaluate(async () => {
      const k = await import('./kinds.js');
      return { KINDS: k.KINDS, ACTOR_TYPES: k.ACTOR_TYPES };
    });
    const dark = colorScheme === 'dark';
    // Nothing focused: every tie at full strength, in the theme's colours.
    const plain = await readExport(page);
    onlyDrawing(plain);
    sameLabels(plain);
    assert.equal(plain.background, plain.theme['--canvas']);
    assert.equal(plain.labelInk, plain.theme['--ink']);
    assert.deepEqual(plain.tieColours, Object.fromEntries(KINDS.map((k) => [k.key, dark ? k.darkColor : k.color])));
    assert.deepEqual(plain.actorFills, Object.fromEntries(ACTOR_TYPES.map((t) => [t.key, dark ? t.darkFill : t.fill])));
    assert.deepEqual(plain.tieOpacities, [0.9]);
    assert.equal(plain.focus, null);
    samePixels(plain, 'nothing focused');
    // Pakistan pinned: its ties lit, the rest dimmed as on screen, its ring in the focus colour.
    const pak = await actorPoint(page, 'PAK');
    await page.mouse.click(pak.x, pak.y);
    await page.waitForFunction(() => window.entente.state().actor === 'PAK');
    await still(page);
    const pinned = await readExport(page);
    sameLabels(pinned);
    assert.deepEqual(pinned.tieOpacities, [0.13, 0.9]);
    assert.deepEqual(pinned.actorOpacities, [0.23, 1]);
    assert.ok(pinned.labelOpacities.includes(0.35) && pinned.labelOpacities.includes(1), `label opacities ${pinned.labelOpacities}`);
    assert.deepEqual(pinned.focus, { stroke: pinned.theme['--focus'], width: '3' });
    const node = pinned.nodes.find((n) => n.id === 'PAK');
    const box = pinned.focusBox;
    assert.ok(Math.abs(box.x + box.width / 2 - node.x) < 0.5 && Math.abs(box.y + box.height / 2 - node.y) < 0.5, `the ringed actor is Pakistan: ${JSON.stringify(box)}, ${node.x}, ${node.y}`);
    samePixels(pinned, 'Pakistan pinned');
    writeFileSync(join(ARTIFACTS, `picture-${colorScheme}.svg`), pinned.svg);
    // Look at it as a person would: the SVG on a page of its own.
    const view = await context.newPage();
    await view.setContent(pinned.svg);
    await view.screenshot({ path: join(ARTIFACTS, `picture-${colorScheme}-svg.png`), fullPage: true });
    await page.locator('#network').screenshot({ path: join(ARTIFACTS, `picture-${colorScheme}-canvas.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('SVG export = the screen: the keyboard focus ring, and the world outline under the map', async () => {
  const { page, context, errors } = await openWith(env.browser, env.base, { viewport: { width: 1280, height: 800 } });
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === 'network')) && tabs++ < 80) await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.getElementById('announce').textContent.startsWith('Pakistan'));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.getElementById('announce').textContent.startsWith('Pakistan'));
  const name = (await page.locator('#announce').textContent()).split(',')[0];
  await still(page);
  const keyed = await readExport(page);
  const node = keyed.nodes.find((n) => n.name === name);
  assert.ok(keyed.keyboard, 'the keyboard focus ring is in the SVG');
  assert.equal(keyed.keyboard.stroke, keyed.theme['--accent']);
  assert.equal(keyed.keyboard['stroke-dasharray'], '4 3');
  assert.ok(Math.abs(Number(keyed.keyboard.cx) - node.x) < 0.01 && Math.abs(Number(keyed.keyboard.cy) - node.y) < 0.01, `ringed: ${name}`);
  samePixels(keyed, 'keyboard focus');
  // Away from the canvas, the ring goes, on screen and in the SVG.
  await page.locator('#search-input').focus();
  assert.equal((await readExport(page)).keyboard, null);

  await page.evaluate(() => window.entente.setLayout('map'));
  await page.waitForFunction(() => window.entente.exportSvg().includes('id="outline"'));
  await still(page);
  const map = await readExport(page);
  sameLabels(map);
  assert.deepEqual(map.outline, { fill: map.theme['--ink'], rings: WORLD_RINGS });
  samePixels(map, 'map');
  // The labels moved out and the crowded actors moved apart: their leader lines and the lines back
  // to their true places are in the SVG too.
  assert.equal(map.leaders, map.labels.filter((l) => l.leader).length);
  assert.ok(map.leaders > 0, 'the map has labels moved out on leader lines');
  assert.equal(map.truePlaces, 2, 'the lines back to true places and their dots');
  writeFileSync(join(ARTIFACTS, 'picture-map.svg'), map.svg);
  // Ego rings: the ring guides and their captions, with the same labels.
  await page.evaluate(() => window.entente.setLayout('radial', 'PAK'));
  await page.waitForFunction(() => window.entente.exportSvg().includes('id="ego-rings"'));
  await still(page);
  const ego = await readExport(page);
  sameLabels(ego);
  assert.equal(ego.egoRings, 2, 'Pakistan\'s network has two rings');
  assert.deepEqual(ego.ringCaptions, ['1 tie away', '2 ties away']);
  // Back to the force layout: no outline.
  await page.evaluate(() => window.entente.setLayout('force'));
  await page.waitForFunction(() => !window.entente.exportSvg().includes('id="outline"'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('SVG export of a dataset of script payloads: every name and the title are text, nothing else is markup', async () => {
  const { page, context, errors } = await open(env.browser, `${env.base}?data=fixtures/hostile/xss.json`);
  await settle(page);
  const seen = await readExport(page);
  onlyDrawing(seen);
  sameLabels(seen, 4);
  assert.equal(seen.title, PAYLOADS[0]);
  assert.ok(seen.texts.includes(PAYLOADS[0]), 'the caption holds the title verbatim');
  // Each label is a payload, whole or cut by the label rule, and the SVG holds it as text.
  for (const b of seen.labels) {
    assert.ok(PAYLOADS.some((p) => p === b.text || (b.text.endsWith('…') && p.startsWith(b.text.slice(0, -1)))), `label ${b.text}`);
  }
  assert.ok(seen.labels.some((b) => /<script>|onerror=/.test(b.text)), `markup in a label: ${seen.labels.map((b) => b.text)}`);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  // Characters XML cannot hold (the loader refuses them today) would still not break the document.
  const escaped = await page.evaluate(async () => {
    const { escapeXml } = await import('./svg.js');
    const text = escapeXml('a\u0000b\u001f<i>&"\'\ud800c\ufffe😀');
    return { text };
  });
  // Parsed as XML on a blank page of the same browser: the page's CSP (Trusted Types) lets no
  // plain string reach DOMParser.
  const blank = await context.newPage();
  Object.assign(escaped, await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(`<t a="${text}">${text}</t>`, 'application/xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, back: doc.documentElement.textContent, attr: doc.documentElement.getAttribute('a') };
  }, escaped.text));
  await blank.close();
  assert.equal(escaped.text, 'a\ufffdb\ufffd&lt;i&gt;&amp;&quot;&apos;\ufffdc\ufffd😀');
  assert.equal(escaped.error, null);
  assert.equal(escaped.back, 'a\ufffdb\ufffd<i>&"\'\ufffdc\ufffd😀');
  assert.equal(escaped.attr, escaped.back);
  assert.deepEqual(errors, []);
  await context.close();
});
