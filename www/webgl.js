// The WebGL2 backend: a scene's ties, rings and actors drawn by the GPU on a canvas under the page's, the rest (outline, guides, focus, labels) by Canvas 2D over them (render.js paintOver); lost context, restore.

import { buildScene } from './scene.js';
import { paintOver } from './render.js';
import { rgba } from './gl-util.js';
import { makeTies } from './gl-ties.js';
import { makeActors } from './gl-actors.js';
import { onCpu } from './gpu.js';
const ATTRIBUTES = { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false };

/**
 * A renderer of scenes on `canvas` through WebGL2, or null when the browser gives no WebGL2 context.
 * @returns {null | {gl: WebGL2RenderingContext, software: boolean, restore(): void, draw(scene, dpr: number): void}}
 *   `draw` sizes the canvas to the scene at `dpr` device pixels per CSS pixel and paints its
 *   background, ties, rings and actors; `restore` makes the programs again after a lost context.
 */
export function makeRenderer(canvas) {
  let gl = null;
  try {
    gl = canvas.getContext('webgl2', ATTRIBUTES);
  } catch {
    gl = null;
  }
  if (!gl || gl.isContextLost()) return null;
  let parts = null;
  const restore = () => { parts = { ties: makeTies(gl), actors: makeActors(gl) }; };
  try {
    restore();
  } catch (err) {
    console.warn(`WebGL2 is there but cannot draw here, Canvas 2D draws instead: ${err.message}`);
    return null;
  }
  return {
    gl,
    restore,
    /** A rasteriser on the CPU (SwiftShader, llvmpipe), on which Canvas 2D draws faster (bench/render webgl). */
    software: onCpu(gl),
    draw(scene, dpr) {
      const w = Math.max(1, Math.round(scene.width * dpr)), h = Math.max(1, Math.round(scene.height * dpr));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      gl.viewport(0, 0, w, h);
      const [r, g, b] = rgba(scene.background);
      gl.clearColor(r, g, b, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      const size = [scene.width, scene.height];
      parts.ties.draw(scene.ties, size, dpr);
      parts.actors.draw(scene.actors, scene.rings, size, dpr);
    },
  };
}

/**
 * The page's WebGL backend under its canvas `page` (which keeps the input, the focus and the
 * overlay), or null when WebGL2 is unavailable. `requestFrame` is asked for a frame when the
 * context is lost (Canvas 2D draws until it is restored) and when it is restored.
 * @returns {null | {usable: boolean, software: boolean, draw(ctx, frame, ui, view): object, hide(): void}}
 */
export function installWebGl(page, requestFrame) {
  const canvas = document.createElement('canvas');
  canvas.id = 'network-gl';
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', pointerEvents: 'none' });
  canvas.hidden = true;
  const renderer = makeRenderer(canvas);
  if (!renderer) return null;
  page.before(canvas);
  // Positioned, so that the page's canvas is painted over the WebGL one that comes before it.
  page.style.position = 'relative';
  let lost = false, shown = false, failed = false;
  const show = (on) => {
    if (shown === on) return;
    shown = on;
    canvas.hidden = !on;
    page.style.background = on ? 'transparent' : '';
  };
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault(); // asks for webglcontextrestored
    lost = true;
    show(false);
    requestFrame();
  });
  canvas.addEventListener('webglcontextrestored', () => {
    try {
      renderer.restore();
      lost = false;
    } catch {
      failed = true;
    }
    requestFrame();
  });
  return {
    /** False while the context is lost (or could not be restored). */
    get usable() { return !lost && !failed && !renderer.gl.isContextLost(); },
    software: renderer.software,
    draw(ctx, frame, ui, view) {
      const scene = buildScene(frame, ui, view);
      renderer.draw(scene, view.dpr);
      show(true);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      paintOver(ctx, scene, view.dpr);
      return { labels: scene.labels.boxes, layer: null, backend: 'webgl', pendingLabels: scene.labels.pending };
    },
    /** Canvas 2D draws the frames from now on: the WebGL canvas is hidden. */
    hide: () => show(false),
  };
}

/** Paints `scene` at `dpr` on a 2D context through a WebGL renderer of its own (the PNG export):
 *  its ties and actors drawn by WebGL, copied, and the rest over them; false if WebGL2 is unavailable. */
export function paintWithWebGl(ctx, scene, dpr) {
  const renderer = makeRenderer(document.createElement('canvas'));
  if (!renderer) return false;
  renderer.draw(scene, dpr);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(renderer.gl.canvas, 0, 0);
  paintOver(ctx, scene, dpr);
  renderer.gl.getExtension('WEBGL_lose_context')?.loseContext();
  return true;
}
