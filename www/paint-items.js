// Ties, rings and actors of a scene on a Canvas 2D context: the part of a picture that a large one caches as a layer, painted on the page or in the paint worker (no DOM).

/** Items per path: one call per chunk instead of one per item, but no giant path, which
 *  Chromium's raster handles far slower. */
export const CHUNK = 64;

/** Ties, rings and actors: `pass` 'all' as the scene says, 'dim' every one dimmed (the layer
 *  under an emphasis), 'lit' only the lit ones. */
export function paintItems(ctx, scene, pass) {
  const dim = pass === 'dim';
  ctx.lineCap = 'butt';
  for (const b of scene.ties) {
    if (pass === 'lit' && !b.lit) continue;
    ctx.globalAlpha = dim ? scene.dim.tieAlpha : b.alpha;
    ctx.lineWidth = dim ? scene.dim.tieWidth : b.width;
    ctx.strokeStyle = b.colour;
    ctx.setLineDash(b.dash);
    for (let a = 0; a < b.xy.length; a += 4 * CHUNK) {
      ctx.beginPath();
      for (let k = a, end = Math.min(b.xy.length, a + 4 * CHUNK); k < end; k += 4) {
        ctx.moveTo(b.xy[k], b.xy[k + 1]);
        ctx.lineTo(b.xy[k + 2], b.xy[k + 3]);
      }
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  for (const b of scene.rings) {
    if (pass === 'lit' && !b.lit) continue;
    ctx.globalAlpha = dim ? scene.dim.ringAlpha : b.alpha;
    ctx.lineWidth = b.width;
    ctx.fillStyle = b.fill;
    ctx.strokeStyle = b.stroke;
    for (let a = 0; a < b.xy.length; a += 2 * CHUNK) {
      ctx.beginPath();
      for (let k = a, end = Math.min(b.xy.length, a + 2 * CHUNK); k < end; k += 2) {
        ctx.moveTo(b.xy[k] + b.r, b.xy[k + 1]);
        ctx.arc(b.xy[k], b.xy[k + 1], b.r, 0, Math.PI * 2);
      }
      ctx.fill();
      ctx.stroke();
    }
  }
  for (const b of scene.actors) {
    if (pass === 'lit' && !b.lit) continue;
    ctx.globalAlpha = dim ? scene.dim.actorAlpha : b.alpha;
    ctx.lineWidth = b.width;
    ctx.fillStyle = b.fill;
    ctx.strokeStyle = b.stroke;
    for (let a = 0; a < b.xyr.length; a += 3 * CHUNK) {
      ctx.beginPath();
      for (let k = a, end = Math.min(b.xyr.length, a + 3 * CHUNK); k < end; k += 3) shapePath(ctx, b.shape, b.xyr[k], b.xyr[k + 1], b.xyr[k + 2]);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** Adds the outline of an actor's shape to the current path of `ctx` (a new subpath). */
export function shapePath(ctx, shape, x, y, r) {
  if (shape === 'square') {
    ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
  } else if (shape === 'triangle') {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r * 1.05, y + r * 0.7);
    ctx.lineTo(x - r * 1.05, y + r * 0.7);
    ctx.closePath();
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}
