// Large graphs (more than 2,000 actors): the force layout runs in a Web Worker, with a progress bar.

export const LARGE = 2000;

/** Mirrors the page's layout settings (src/wasm/mod.rs `page_options`). */
const OPTIONS = { seed: 1, linkDistance: 90, charge: -260, gravity: 0.04 };

/** @param {object} app the application context from main.js */
export function installLarge(app) {
  let worker = null;
  let job = 0;
  let active = false;
  const bar = buildProgress(app.stage);

  const inputs = () => {
    const f = app.frame;
    return {
      nodeCount: f.degrees.length,
      edges: Uint32Array.from(f.edges),
      radii: Float32Array.from(f.radii),
      weights: Float32Array.from(f.degrees, (d) => (d > 0 ? 1 : 0)),
    };
  };

  const show = (progress, done) => {
    bar.box.hidden = done;
    bar.meter.value = progress;
    bar.text.textContent = `Laying out ${app.frame.degrees.length.toLocaleString('en')} actors… ${Math.round(progress * 100)}%`;
    app.layoutProgress = progress;
  };

  function ensureWorker() {
    if (worker) return worker;
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'error') { app.showError(`The layout worker failed: ${data.message}`); show(1, true); return; }
      if (data.job !== job || !active) return;
      if (app.ui.layout === 'force') {
        app.core.setPositions(data.positions);
        app.requestFrame();
      } else {
        app.setForceSnapshot?.(data.positions);
      }
      show(data.progress, data.done);
    };
    worker.onerror = (e) => { app.showError(`The layout worker could not start: ${e.message}`); show(1, true); };
    return worker;
  }

  app.on('load', () => {
    active = app.frame.degrees.length > LARGE;
    app.layoutInWorker = active;
    if (!active) {
      worker?.terminate();
      worker = null;
      show(1, true);
      return;
    }
    app.moving = false; // the main thread only draws; the worker moves the actors
    job += 1;
    const centre = app.core.meta().centre;
    show(0, false);
    ensureWorker().postMessage({ type: 'start', job, options: OPTIONS, pins: centre == null ? [] : [[centre, 0, 0]], ...inputs() });
  });

  app.on('filter', () => {
    if (!active) return;
    app.moving = false;
    job += 1;
    show(0, false);
    ensureWorker().postMessage({ type: 'edges', job, ...inputs() });
  });

  app.on('pin', ({ actor, x, y }) => {
    if (active) worker?.postMessage({ type: 'pin', actor, x, y });
  });
  app.on('frame', () => { if (active) app.moving = false; });
}

function buildProgress(stage) {
  const box = document.createElement('div');
  box.id = 'layout-progress';
  box.hidden = true;
  const text = document.createElement('span');
  text.id = 'layout-progress-label';
  const meter = document.createElement('progress');
  meter.max = 1;
  meter.value = 0;
  meter.setAttribute('aria-labelledby', 'layout-progress-label');
  box.append(text, meter);
  stage.append(box);
  return { box, meter, text };
}
