// The WebGL benchmark: on generated datasets laid out by the page, a full drawing of the page's own scene by the Canvas 2D backend and by the WebGL2 backend in the same page (each flushed to pixels), then the frames of a 100,000-tie picture redrawn while its layout moves.
// Usage: node bench/render-webgl.mjs [ACTORS[+EXTRA] ...]   (default 20000 40000+1; run by `bench/render webgl`). Prints markdown tables.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, open, SITE } from '../tests/e2e/harness.mjs';

// A 40,000-actor dataset takes a while to open on a busy machine.
process.env.ENTENTE_READY_MS ??= '600000';
import { syntheticDataset } from './synthetic.mjs';

const DRAWINGS = 15;
const FRAMES = 60;
/** [actors, extra ties per actor]: 20,000 actors with 30,138 ties; 40,000 with 99,955. */
const asked = process.argv.slice(2).map((a) => a.split('+').map(Number)).filter(([n]) => n > 0).map(([n, e]) => [n, e || 0]);
const SIZES = asked.length ? asked : [[20000, 0], [40000, 1]];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

mkdirSync(join(SITE, 'fixtures'), { recursive: true });
const files = SIZES.map(([n, extra]) => {
  const data = syntheticDataset(n, { extra });
  const file = `render-webgl-${n}.json`;
  writeFileSync(join(SITE, 'fixtures', file), JSON.stringify(data));
  return { n, ties: data.ties.length, file };
});

/**
 * In the page: the scene of what is on screen (every shown actor and tie, at the page's view,
 * nothing emphasised) built by scene.js and drawn `count` times by each backend, each drawing
 * flushed to pixels (getImageData, readPixels) so that the raster is inside the time.
 */
async function timeDrawings(count) {
  const [{ buildScene }, { paint, paintOver }, { makeRenderer }, { themeColours }, { KINDS }] = await Promise.all(
    ['./scene.js', './render.js', './webgl.js', './theme.js', './kinds.js'].map((m) => import(m)));
  const page = document.getElementById('network');
  const dpr = window.devicePixelRatio || 1;
  const nodes = window.entente.nodes();
  const edges = window.entente.edges();
  const index = new Map(nodes.map((a, i) => [a.id, i]));
  const n = nodes.length, m = edges.length;
  const frame = {
    actors: nodes.map((a) => ({ id: a.id, name: a.name, type: a.type })),
    positions: Float32Array.from(nodes.flatMap((a) => [a.x, a.y])),
    radii: Float32Array.from(nodes, (a) => a.r),
    degrees: Uint32Array.from(nodes, (a) => a.ties),
    edges: Uint32Array.from(edges.flatMap((e) => [index.get(e.source), index.get(e.target)])),
    kinds: Uint8Array.from(edges, (e) => KINDS.filter((k) => e.kinds.includes(k.key)).reduce((b, k) => b | k.bit, 0)),
    ties: Uint32Array.from(edges, (_, k) => k),
    single: new Uint8Array(m),
    egoHops: null, compare: null,
  };
  const ui = { hover: -1, pinned: -1, tie: -1, hoverTie: -1, kbd: -1, ego: -1, hops: 1, layout: 'force', version: 0 };
  const view = { width: page.clientWidth, height: page.clientHeight, dpr, scale: 1, tx: 0, ty: 0, ...themeColours(), focusVisible: false, world: null, reserved: [] };
  const make = () => {
    const c = document.createElement('canvas');
    c.width = Math.round(view.width * dpr);
    c.height = Math.round(view.height * dpr);
    return c;
  };
  const ctx = make().getContext('2d');
  const renderer = makeRenderer(make());
  const over = make().getContext('2d');
  const pixel = new Uint8Array(4);
  const gl = renderer.gl;
  const flush = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const s = buildScene(frame, ui, view);
  const cases = {
    scene: () => buildScene(frame, ui, view),
    canvas: () => { paint(ctx, buildScene(frame, ui, view), dpr); ctx.getImageData(0, 0, 1, 1); },
    webgl: () => {
      const t = buildScene(frame, ui, view);
      renderer.draw(t, dpr);
      over.clearRect(0, 0, over.canvas.width, over.canvas.height);
      paintOver(over, t, dpr);
      flush();
      over.getImageData(0, 0, 1, 1);
    },
    // The parts of a WebGL drawing of one scene: ties alone, actors and rings alone, the 2D overlay alone.
    ties: () => { renderer.draw({ ...s, actors: [], rings: [] }, dpr); flush(); },
    actors: () => { renderer.draw({ ...s, ties: [] }, dpr); flush(); },
    overlay: () => { over.clearRect(0, 0, over.canvas.width, over.canvas.height); paintOver(over, s, dpr); over.getImageData(0, 0, 1, 1); },
    // The main thread's share of a WebGL drawing: the scene, the vertices, the calls and the
    // overlay, without waiting for the rasteriser (a GPU's work, here SwiftShader's on the CPU,
    // which is waited for after the time is taken).
    issue: () => {
      const t = buildScene(frame, ui, view);
      renderer.draw(t, dpr);
      over.clearRect(0, 0, over.canvas.width, over.canvas.height);
      paintOver(over, t, dpr);
      over.getImageData(0, 0, 1, 1);
    },
  };
  // Interleaved: each round times every case once, so that the machine's load, which changes
  // from second to second on this shared machine, weighs on every case alike. The first round
  // warms caches (label widths, shaders) and is left out.
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round <= count; round++) {
    for (const [k, draw] of Object.entries(cases)) {
      const t0 = performance.now();
      draw();
      if (round > 0) times[k].push(performance.now() - t0);
      flush();
    }
  }
  const { scene, canvas, webgl, issue } = times;
  const parts = { ties: times.ties, actors: times.actors, overlay: times.overlay };
  const labels = s.labels.boxes.length;
  return { n, m, scene, canvas, webgl, issue, parts, labels, width: view.width, height: view.height, dpr, renderer: gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER) };
}

/** In the page: `frames` frames each with a wheel step (a full drawing each in WebGL, which keeps
 *  no texture), while the worker's layout moves: the intervals, and how often the positions changed. */
async function framesWhileMoving(frames) {
  const canvas = document.getElementById('network');
  const r = canvas.getBoundingClientRect();
  const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const moving = () => document.getElementById('layout-progress').hidden === false;
  const first = () => JSON.stringify(window.entente.nodes().slice(0, 20).map((a) => [a.x, a.y]));
  const startedMoving = moving();
  const out = [];
  let changes = 0, seen = first(), last = performance.now();
  for (let f = 0; f < frames; f++) {
    canvas.dispatchEvent(new WheelEvent('wheel', {
      clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, deltaY: f % 2 ? 60 : -60, bubbles: true, cancelable: true,
    }));
    await next();
    const now = performance.now();
    out.push(now - last);
    last = now;
    if (f % 10 === 9) {
      const p = first();
      if (p !== seen) changes++;
      seen = p;
    }
  }
  return { intervals: out, startedMoving, stillMoving: moving(), changes, backend: window.entente.state().view.backend };
}

const env = await start();
const drawings = [];
let moving = null;
try {
  for (const { n, ties, file } of files) {
    // A full drawing of the laid-out picture, both backends in one page.
    const { page, context } = await open(env.browser, `${env.base}?data=fixtures/${file}&renderer=webgl`);
    await page.waitForFunction(() => document.getElementById('layout-progress')?.hidden !== false, null, { timeout: 1800000, polling: 1000 });
    const row = await page.evaluate(timeDrawings, DRAWINGS);
    drawings.push({ ties, ...row });
    console.error(`${n} actors, ${ties} ties: scene ${median(row.scene).toFixed(1)} ms, Canvas 2D ${median(row.canvas).toFixed(1)} ms, WebGL ${median(row.webgl).toFixed(1)} ms`
      + ` (ties ${median(row.parts.ties).toFixed(1)}, actors ${median(row.parts.actors).toFixed(1)}, overlay ${median(row.parts.overlay).toFixed(1)})`);
    await context.close();
  }
  // The largest picture while its layout moves (the worker's first slices), WebGL.
  const { file, ties } = files[files.length - 1];
  const { page, context } = await open(env.browser, `${env.base}?data=fixtures/${file}&renderer=webgl`, {}, null);
  await page.waitForFunction(() => window.entente.state().view.backend === 'webgl', null, { timeout: 600000 });
  moving = { ties, ...(await page.evaluate(framesWhileMoving, FRAMES)) };
  console.error(`${ties} ties while the layout moves: ${median(moving.intervals).toFixed(1)} ms per frame`);
  await context.close();
} finally {
  await env.close();
}

const ms = (x) => `${x.toFixed(1)} ms`;
const date = new Date().toISOString().slice(0, 10);
const d0 = drawings[0];
console.log(`Headless Chromium, WebGL2 on ${d0.renderer}; ${os.cpus().length} cores; ${date}. Canvas ${d0.width}×${d0.height} CSS px at ${d0.dpr}×; median of ${DRAWINGS} drawings of each kind, interleaved (after one round to warm up), each flushed to pixels; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
console.log('| actors | ties | scene (scene.js) | full drawing, Canvas 2D | full drawing, WebGL2 (SwiftShader) | WebGL2 faster by | WebGL2: ties / actors / overlay | WebGL2, main thread only | labels |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const d of drawings) {
  const s = median(d.scene), c = median(d.canvas), w = median(d.webgl);
  const p = d.parts;
  console.log(`| ${d.n.toLocaleString('en')} | ${d.m.toLocaleString('en')} | ${ms(s)} | ${ms(c)} | ${ms(w)} | ${(c / w).toFixed(1)}× | `
    + `${ms(median(p.ties))} / ${ms(median(p.actors))} / ${ms(median(p.overlay))} | ${ms(median(d.issue))} (${(c / median(d.issue)).toFixed(1)}× less than Canvas 2D) | ${d.labels} |`);
}
const med = median(moving.intervals);
console.log(`\n${moving.ties.toLocaleString('en')} ties while the layout moves (${moving.backend}; moving at the start: ${moving.startedMoving}, at the end: ${moving.stillMoving}; `
  + `positions changed in ${moving.changes} of ${FRAMES / 10} checks), one wheel step per frame: median ${ms(med)} per frame (${(1000 / med).toFixed(1)} fps), `
  + `p95 ${ms(moving.intervals.slice().sort((a, b) => a - b)[Math.floor(0.95 * FRAMES)])}`);
