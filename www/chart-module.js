// The wasm module fetched after the first picture (pkg/entente_chart.js): the events chart, the ego rings and the map; fetched once.

let promise = null;

/** The module, initialised; a failed fetch is tried again on the next call. */
export function chartModule() {
  promise ??= import('./pkg/entente_chart.js').then(async (m) => { await m.default(); return m; });
  promise.catch(() => { promise = null; });
  return promise;
}
