// Which backend draws a frame: Canvas 2D (render.js), or WebGL2 (webgl.js, fetched on first use) for a picture of many ties on a GPU; `?renderer=webgl` or `?renderer=canvas` forces one.

import { onCpu, softwareRenderer } from './gpu.js';

/** From this many ties shown, a frame is drawn with WebGL2 where the browser has it on a GPU (on
 *  a rasteriser on the CPU such as SwiftShader, Canvas 2D is faster: only `?renderer=webgl` uses it). */
export const WEBGL_FROM_TIES = 2000;

/** Whether this browser's WebGL2 runs on a GPU. For `?data=`, early.js read the renderer's name
 *  while the page waited for its modules (a scratch context costs 30–80 ms here, which the first
 *  frame of a large picture then does not pay); else a scratch context's, let go at once. On a CPU
 *  rasteriser the WebGL module is not even fetched. */
function onGpu() {
  const early = globalThis.ententeEarlyRenderer;
  if (early) {
    globalThis.ententeEarlyRenderer = undefined;
    return early.name !== null && !softwareRenderer(early.name);
  }
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const cpu = onCpu(gl);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !cpu;
  } catch {
    return false;
  }
}

/**
 * @param {HTMLCanvasElement} canvas the page's canvas (input, focus, and the overlay over WebGL)
 * @param {() => void} requestFrame asks for a frame (main.js)
 * @returns {{pick(ties: number): 'webgl' | 'canvas' | 'wait', webgl: object | null, forced: string | null}}
 *   `pick` says which backend draws a frame of `ties` ties: 'wait' while the WebGL module loads
 *   (a frame follows once it has); `webgl` is the WebGL backend once installed (webgl.js).
 */
export function makeBackends(canvas, requestFrame) {
  const asked = new URLSearchParams(location.search).get('renderer');
  const forced = asked === 'webgl' || asked === 'canvas' ? asked : null;
  let webgl = null;
  let state = 'none'; // 'none' | 'loading' | 'ready' | 'unavailable'
  const load = () => {
    state = 'loading';
    import('./webgl.js').then((m) => { webgl = m.installWebGl(canvas, requestFrame); })
      .catch(() => { webgl = null; })
      .finally(() => { state = webgl ? 'ready' : 'unavailable'; requestFrame(); });
  };
  return {
    forced,
    get webgl() { return webgl; },
    pick(ties) {
      const wanted = forced ? forced === 'webgl' : ties >= WEBGL_FROM_TIES;
      if (wanted && state === 'none') {
        if (forced || onGpu()) load();
        else state = 'unavailable';
      }
      if (wanted && state === 'loading') return 'wait';
      const use = wanted && state === 'ready' && webgl.usable && (forced === 'webgl' || !webgl.software);
      if (!use) webgl?.hide();
      return use ? 'webgl' : 'canvas';
    },
  };
}
