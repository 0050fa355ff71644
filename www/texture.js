// Cached pictures of a large graph. The raster of thousands of anti-aliased lines is most of a
// large frame's cost (bench/render); a copy of a canvas costs a few milliseconds. Two caches:
// - the texture: while only the view moves (pan, zoom, pinch), a frame shows the last full drawing
//   moved and scaled (as Cytoscape.js's textureOnViewport does); the full drawing follows once the
//   view rests;
// - the layers: every tie and actor at full strength, or all dimmed, drawn once per scene and view;
//   render.js draws a frame over one of them, and a hover adds only what it lights.

/** From this many ties shown, view-only frames use the texture. */
export const TEXTURE_FROM_TIES = 1000;
/** The full drawing comes back this long after the last view change. */
export const REST_MS = 150;

/** Everything a full drawing depends on except the view transform. */
function sceneOf(frame, ui, view) {
  const p = frame.positions;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i] * ((i % 7) + 1);
  return {
    sum,
    refs: [frame.actors, frame.edges, frame.kinds, frame.single, frame.egoHops, frame.radii, frame.degrees],
    ui: ui.version, // bumped by every change of the UI state (state.js), the view aside
    look: `${view.width}x${view.height}@${view.dpr} ${view.background} ${view.ink} ${view.dark} ${view.underlays?.length ?? 0}`,
  };
}

const ids = new WeakMap();
let nextId = 1;
/** A number for an object's identity (0 for none). */
function idOf(o) {
  if (o == null) return 0;
  if (!ids.has(o)) ids.set(o, nextId++);
  return ids.get(o);
}

/** The layers' key: the scene without the UI state, and the view transform. */
function layerKey(frame, view) {
  const { sum, refs, look } = sceneOf(frame, {}, view);
  return `${sum}|${refs.map(idOf).join(',')}|${look}|${view.scale},${view.tx},${view.ty}`;
}

/** @returns {{picture(pass, frame, view, paint): HTMLCanvasElement}} `picture` gives the layer
 *  `pass` ('all' or 'dim') for this scene and view, painting it with `paint(ctx)` when stale. */
export function makeLayers() {
  const cache = new Map();
  return {
    picture(pass, frame, view, paint) {
      let entry = cache.get(pass);
      if (!entry) cache.set(pass, (entry = { canvas: document.createElement('canvas'), key: '' }));
      const key = layerKey(frame, view);
      if (entry.key !== key) {
        const c = entry.canvas;
        c.width = Math.round(view.width * view.dpr);
        c.height = Math.round(view.height * view.dpr);
        const ctx = c.getContext('2d');
        ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
        paint(ctx);
        entry.key = key;
      }
      return entry.canvas;
    },
  };
}

function sameScene(a, b) {
  return a.sum === b.sum && a.ui === b.ui && a.look === b.look && a.refs.every((r, j) => r === b.refs[j]);
}

/**
 * @param {HTMLCanvasElement} canvas the page's canvas
 * @param {() => void} requestFrame asks for a frame (main.js)
 * @returns {{draw(ctx, frame, ui, view, full: () => void): boolean}} `draw` runs `full()` or
 *   shows the texture; true when it showed the texture.
 */
export function makeTexture(canvas, requestFrame) {
  const copy = document.createElement('canvas');
  let last = null; // the last full drawing: {scene, scale, tx, ty}
  let shown = null; // the view of the last frame, full or not: {scale, tx, ty}
  let held = false; // `copy` holds the last full drawing
  let rest = 0;

  return {
    draw(ctx, frame, ui, view, full) {
      const moved = shown && (shown.scale !== view.scale || shown.tx !== view.tx || shown.ty !== view.ty);
      const large = frame.edges.length / 2 >= TEXTURE_FROM_TIES;
      const scene = large ? sceneOf(frame, ui, view) : null;
      if (large && moved && last && sameScene(scene, last.scene)) {
        if (!held) {
          // The canvas still shows the last full drawing: keep it.
          copy.width = canvas.width;
          copy.height = canvas.height;
          copy.getContext('2d').drawImage(canvas, 0, 0);
          held = true;
        }
        const k = view.scale / last.scale;
        const { dpr } = view;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.fillStyle = view.background;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.setTransform(k, 0, 0, k, dpr * (view.tx - last.tx * k), dpr * (view.ty - last.ty * k));
        ctx.drawImage(copy, 0, 0);
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        shown = { scale: view.scale, tx: view.tx, ty: view.ty };
        clearTimeout(rest);
        rest = setTimeout(() => { shown = null; requestFrame(); }, REST_MS);
        return true;
      }
      full();
      held = false;
      last = large ? { scene, scale: view.scale, tx: view.tx, ty: view.ty } : null;
      shown = { scale: view.scale, tx: view.tx, ty: view.ty };
      return false;
    },
  };
}
