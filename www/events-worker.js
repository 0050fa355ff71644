// Event data read off the main thread: the file in 4 MiB slices (the next read while one is parsed) through the io module's EventImport, posting progress; never whole in memory.

import init, { EventImport } from './pkg/entente_io.js';

const CHUNK = 4 << 20;
const ready = init();
/** The worker's wasm memory in bytes (it only grows, so the last figure is the peak). */
const memory = async () => (await ready).memory.buffer.byteLength;

self.onmessage = async ({ data }) => {
  let reader = null;
  try {
    await ready;
    const { file, format, options, today } = data;
    reader = new EventImport(format, file.name, JSON.stringify(options), today);
    const slice = (at) => (at < file.size ? file.slice(at, at + CHUNK).arrayBuffer() : null);
    // The next slice is read from the file while this one is parsed: at most two are in memory.
    let next = slice(0);
    for (let at = 0; at < file.size; at += CHUNK) {
      const bytes = new Uint8Array(await next);
      next = slice(at + CHUNK);
      reader.push(bytes);
      self.postMessage({ type: 'progress', loaded: Math.min(file.size, at + CHUNK), total: file.size, rows: reader.rows(), memory: await memory() });
    }
    const result = reader.finish();
    self.postMessage({ type: 'done', result, memory: await memory() });
  } catch (err) {
    self.postMessage({ type: 'error', message: err?.message ?? String(err) });
  } finally {
    reader?.free();
  }
};
