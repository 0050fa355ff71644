// A small PNG reader for the smoke suite (8-bit grey, RGB or RGBA, not interlaced: what the three drivers' screenshots are), so that pixels are counted the same way in every engine.

import { inflateSync } from 'node:zlib';

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes PNG bytes into {width, height, rgba} (one byte per channel, four per pixel). */
export function decodePng(bytes) {
  const buf = Buffer.from(bytes);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0, height = 0, channels = 0;
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = CHANNELS[data[9]];
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error(`unsupported PNG (depth ${data[8]}, colour ${data[9]}, interlace ${data[12]})`);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predict = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (line[x] + predict) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = out.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, a] = channels >= 3 ? [s[0], s[1], s[2], channels === 4 ? s[3] : 255] : [s[0], s[0], s[0], channels === 2 ? s[1] : 255];
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

/** Counts, in the box {x, y, width, height} (CSS pixels; `scale` device pixels each) of a
 *  decoded picture, the pixels that are `inked` (not the light background) and `green` (the
 *  diplomatic #007a56 alone or blended with white: no other colour of the picture has green well
 *  above red and blue). */
export function countPixels({ width, rgba }, box, scale = 1) {
  let inked = 0, green = 0;
  const x0 = Math.round(box.x * scale), y0 = Math.round(box.y * scale);
  const x1 = Math.round((box.x + box.width) * scale), y1 = Math.round((box.y + box.height) * scale);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      if (r < 235 || g < 235 || b < 235) inked++;
      if (g > r + 40 && g > b + 15) green++;
    }
  }
  return { inked, green };
}

/** Counts the pixels of a decoded picture within `radius` CSS pixels of `point` {x, y} (CSS
 *  pixels; `scale` device pixels each) whose colour is within 60 of `rgb` [r, g, b] in every channel. */
export function countNear({ width, height, rgba }, point, radius, rgb, scale = 1) {
  const cx = point.x * scale, cy = point.y * scale, R = radius * scale;
  let count = 0;
  for (let y = Math.max(0, Math.floor(cy - R)); y <= Math.min(height - 1, Math.ceil(cy + R)); y++) {
    for (let x = Math.max(0, Math.floor(cx - R)); x <= Math.min(width - 1, Math.ceil(cx + R)); x++) {
      if (Math.hypot(x - cx, y - cy) > R) continue;
      const i = (y * width + x) * 4;
      if (Math.max(Math.abs(rgba[i] - rgb[0]), Math.abs(rgba[i + 1] - rgb[1]), Math.abs(rgba[i + 2] - rgb[2])) < 60) count++;
    }
  }
  return count;
}
