// Paints a large picture's layer (every tie, ring and actor of a scene) on an OffscreenCanvas, off the main thread, and sends it back as an ImageBitmap.

import { paintItems } from './paint-items.js';

self.onmessage = ({ data }) => {
  const { id, w, h, dpr, scene } = data;
  try {
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(w * dpr)), Math.max(1, Math.round(h * dpr)));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on an OffscreenCanvas here');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paintItems(ctx, scene, 'all');
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ id, bitmap }, [bitmap]);
  } catch (err) {
    self.postMessage({ id, error: err.message });
  }
};
