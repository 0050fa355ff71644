// Makes and paints a large picture's layer (every tie, ring and actor, as scene-items.js `layerItems` gives them) on an OffscreenCanvas, off the main thread, from the positions; sends it back as an ImageBitmap.

import { paintItems } from './paint-items.js';
import { layerItems } from './scene-items.js';

/** The frame's ties and actors but their positions (layers.js `tieData`), and the style table. */
let held = null;

self.onmessage = ({ data: message }) => {
  if (message.type === 'data') {
    held = message;
    return;
  }
  const { id, w, h, dpr, view, quiet, positions } = message;
  try {
    if (!held) throw new Error('a layer was asked for before the ties it shows');
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(w * dpr)), Math.max(1, Math.round(h * dpr)));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on an OffscreenCanvas here');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paintItems(ctx, layerItems({ ...held.data, positions }, view, held.style, quiet), 'all');
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ id, bitmap }, [bitmap]);
  } catch (err) {
    self.postMessage({ id, error: err.message });
  }
};
