// Pan and zoom on a large picture: while only the view moves, a frame shows the last full drawing
// moved and scaled (a texture, as Cytoscape.js's textureOnViewport does), and the full drawing
// follows once the view rests. The raster of thousands of anti-aliased lines is most of a large
// frame's cost (bench/render); a scaled copy of the canvas costs a few milliseconds.

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
    ui: JSON.stringify(ui),
    look: `${view.width}x${view.height}@${view.dpr} ${view.background} ${view.ink} ${view.dark} ${view.underlays?.length ?? 0}`,
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
