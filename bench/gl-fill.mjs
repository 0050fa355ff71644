// The WebGL2 rasteriser's costs in headless Chromium (SwiftShader on this machine), on a canvas the size of the page's: a solid colour over the whole canvas (the fill rate), many tiny quads (the cost of a primitive), thin quads lying and standing (the cost of a row), gl.LINES, and the page's own tie and actor programs (www/gl-ties.js, gl-actors.js) on the same lines and on discs.
// Usage: node bench/gl-fill.mjs (on a built page: target/site). Prints a markdown table: min and median of 9 drawings (interleaved), each flushed by readPixels, a clear alone taken off.

import os from 'node:os';
import { start, open } from '../tests/e2e/harness.mjs';

const ROUNDS = 9;

async function probe(rounds) {
  const [{ makeTies }, { makeActors }] = await Promise.all(['./gl-ties.js', './gl-actors.js'].map((m) => import(m)));
  const W = 1040, H = 589, N = 30000, LENGTH = 50;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  const shader = (type, source) => {
    const s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    return s;
  };
  const solid = gl.createProgram();
  gl.attachShader(solid, shader(gl.VERTEX_SHADER, `#version 300 es
in vec2 pos; uniform vec2 size;
void main() { vec2 c = pos / size * 2.0 - 1.0; gl_Position = vec4(c.x, -c.y, 0.0, 1.0); }`));
  gl.attachShader(solid, shader(gl.FRAGMENT_SHADER, `#version 300 es
precision mediump float; out vec4 o; void main() { o = vec4(0.1, 0.2, 0.3, 0.5); }`));
  gl.bindAttribLocation(solid, 0, 'pos');
  gl.linkProgram(solid);
  let seed = 3;
  const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  /** `N` lines of `LENGTH` px at angles from `angle()`, inside the canvas: [x1, y1, x2, y2] each. */
  const lines = (angle, length = LENGTH) => {
    const out = new Float32Array(4 * N);
    for (let k = 0; k < N; k++) {
      const a = angle(), x = length + rand() * (W - 2 * length), y = length + rand() * (H - 2 * length);
      out.set([x, y, x + Math.cos(a) * length, y + Math.sin(a) * length], 4 * k);
    }
    return out;
  };
  /** A drawing of the solid program: `vertices` [x, y] in CSS px as `mode`. */
  const solidDrawing = (vertices, mode) => {
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, vertices, gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
    return () => {
      gl.useProgram(solid);
      gl.uniform2f(gl.getUniformLocation(solid, 'size'), W, H);
      gl.bindVertexArray(vao);
      gl.drawArrays(mode, 0, vertices.length / 2);
      gl.bindVertexArray(null);
    };
  };
  /** Two triangles per line, `width` px wide. */
  const quadsOf = (ends, width) => {
    const out = new Float32Array(12 * N);
    for (let k = 0; k < N; k++) {
      const [x1, y1, x2, y2] = ends.subarray(4 * k, 4 * k + 4);
      const l = Math.hypot(x2 - x1, y2 - y1) || 1, nx = (-(y2 - y1) / l) * width / 2, ny = ((x2 - x1) / l) * width / 2;
      out.set([x1 + nx, y1 + ny, x2 + nx, y2 + ny, x1 - nx, y1 - ny, x1 - nx, y1 - ny, x2 + nx, y2 + ny, x2 - nx, y2 - ny], 12 * k);
    }
    return out;
  };
  const full = new Float32Array(12 * 20);
  for (let k = 0; k < 20; k++) full.set([0, 0, W, 0, 0, H, 0, H, W, 0, W, H], 12 * k);
  const lying = lines(() => 0), standing = lines(() => Math.PI / 2), any = lines(() => rand() * 2 * Math.PI);
  const tiny = new Float32Array(12 * N);
  for (let k = 0; k < N; k++) {
    const x = Math.floor(rand() * (W - 2)), y = Math.floor(rand() * (H - 2));
    tiny.set([x, y, x + 2, y, x, y + 2, x, y + 2, x + 2, y, x + 2, y + 2], 12 * k);
  }
  const ties = makeTies(gl), actors = makeActors(gl);
  const tieBatch = (xy, dash) => [{ xy, colour: '#1f77b4', alpha: 0.9, width: 1, dash }];
  const discs = new Float32Array(3 * 20000);
  for (let k = 0; k < 20000; k++) discs.set([rand() * W, rand() * H, 3], 3 * k);
  const cases = [
    ['20 quads over the whole canvas, solid colour', 20 * W * H, solidDrawing(full, gl.TRIANGLES)],
    [`${N} quads of 2×2 px, solid colour`, 4 * N, solidDrawing(tiny, gl.TRIANGLES)],
    [`${N} quads ${LENGTH}×2 px lying (horizontal), solid colour`, 2 * LENGTH * N, solidDrawing(quadsOf(lying, 2), gl.TRIANGLES)],
    [`${N} quads ${LENGTH}×2 px standing (vertical), solid colour`, 2 * LENGTH * N, solidDrawing(quadsOf(standing, 2), gl.TRIANGLES)],
    [`${N} quads ${LENGTH}×2 px at any angle, solid colour`, 2 * LENGTH * N, solidDrawing(quadsOf(any, 2), gl.TRIANGLES)],
    [`${N} gl.LINES of ${LENGTH} px at any angle (aliased), solid colour`, LENGTH * N, solidDrawing(any, gl.LINES)],
    [`${N} ties of ${LENGTH} px at any angle, 1 px, gl-ties.js, solid`, 2 * LENGTH * N, () => ties.draw(tieBatch(any, []), [W, H], 1)],
    [`${N} ties of ${LENGTH} px at any angle, 1 px, gl-ties.js, dashed 7/4`, 2 * LENGTH * N, () => ties.draw(tieBatch(any, [7, 4]), [W, H], 1)],
    ['20,000 square actors of radius 3, gl-actors.js', 20000 * 7.8 * 7.8, () => actors.draw([{ shape: 'square', fill: '#6a3d9a', stroke: '#ffffff', width: 1.5, alpha: 1, xyr: discs }], [], [W, H], 1)],
    ['20,000 circle actors of radius 3, gl-actors.js', 20000 * 9 * 9, () => actors.draw([{ shape: 'circle', fill: '#6a3d9a', stroke: '#ffffff', width: 1.5, alpha: 1, xyr: discs }], [], [W, H], 1)],
    ['clear alone', 0, () => {}],
  ];
  const pixel = new Uint8Array(4);
  const times = cases.map(() => []);
  for (let r = 0; r <= rounds; r++) {
    cases.forEach(([, , draw], k) => {
      const t0 = performance.now();
      gl.viewport(0, 0, W, H);
      gl.clearColor(1, 1, 1, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      draw();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      if (r > 0) times[k].push(performance.now() - t0); // the first round compiles and warms up
    });
  }
  return { renderer, W, H, rows: cases.map(([what, fragments], k) => ({ what, fragments, times: times[k] })) };
}

const env = await start();
try {
  const { page, context } = await open(env.browser, `${env.base}?renderer=webgl`);
  const { renderer, W, H, rows } = await page.evaluate(probe, ROUNDS);
  await context.close();
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const clear = rows.at(-1).times;
  const base = { min: sorted(clear)[0], median: sorted(clear)[Math.floor(clear.length / 2)] };
  console.log(`WebGL2 on ${renderer}; ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end; canvas ${W}×${H}; `
    + `${ROUNDS} drawings of each, interleaved, each flushed by readPixels, a clear alone (median ${base.median.toFixed(1)} ms) taken off\n`);
  console.log('| drawing | min | median | pixels covered | ns per pixel (min) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows.slice(0, -1)) {
    const s = sorted(r.times), min = s[0] - base.min, median = s[Math.floor(s.length / 2)] - base.median;
    console.log(`| ${r.what} | ${min.toFixed(1)} ms | ${median.toFixed(1)} ms | ${Math.round(r.fragments).toLocaleString('en')} | ${(1e6 * min / r.fragments).toFixed(1)} |`);
  }
} finally {
  await env.close();
}
