// The texture of a large graph: while only the view moves (pan, zoom, pinch), a frame shows the last
// full drawing moved and scaled (as Cytoscape.js's textureOnViewport does); the full drawing follows
// once the view rests. The raster of thousands of anti-aliased lines is most of a large frame's cost
// (bench/render); a copy of a canvas costs a few milliseconds. Told by the caller when the picture
// changed (a key); it does not look at the data. (The layers under a full drawing: layers.js.)

/** From this many ties shown, view-only frames use the texture. */
export const TEXTURE_FROM_TIES = 1000;
/** The full drawing comes back this long after the last view change. */
export const REST_MS = 150;

/**
 * @param {HTMLCanvasElement} canvas the page's canvas
 * @param {() => void} requestFrame asks for a frame (main.js)
 * @returns {{draw(ctx, view, scene, full): object}} `draw` runs `full()` (a full drawing, which
 *   returns what it drew) or shows the texture. `scene` is `{key, ties}`: `key` changes whenever
 *   the picture would other than by the view transform (scene.js `sceneKeys`), `ties` is how many
 *   ties are shown. Returns what the last full drawing returned, with `textured`: whether this
 *   frame was the texture.
 */
export function makeTexture(canvas, requestFrame) {
  const copy = document.createElement('canvas');
  let last = null; // the last full drawing: {key, scale, tx, ty, drawn}
  let shown = null; // the view of the last frame, full or not: {scale, tx, ty}
  let held = false; // `copy` holds the last full drawing
  let rest = 0;

  return {
    draw(ctx, view, { key, ties }, full) {
      const moved = shown && (shown.scale !== view.scale || shown.tx !== view.tx || shown.ty !== view.ty);
      const large = ties >= TEXTURE_FROM_TIES;
      if (large && moved && last && last.key === key) {
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
        ctx.globalAlpha = 1;
        ctx.fillStyle = view.background;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.setTransform(k, 0, 0, k, dpr * (view.tx - last.tx * k), dpr * (view.ty - last.ty * k));
        ctx.drawImage(copy, 0, 0);
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        shown = { scale: view.scale, tx: view.tx, ty: view.ty };
        clearTimeout(rest);
        rest = setTimeout(() => { shown = null; requestFrame(); }, REST_MS);
        return { ...last.drawn, textured: true };
      }
      const drawn = full();
      held = false;
      last = large ? { key, scale: view.scale, tx: view.tx, ty: view.ty, drawn } : null;
      shown = { scale: view.scale, tx: view.tx, ty: view.ty };
      return { ...drawn, textured: false };
    },
  };
}
