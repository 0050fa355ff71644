// The import dialog for event data (GDELT, ICEWS, SIPRI, COW): the mapping and restriction to change, open as new or add to the dataset on screen, read in a worker with progress and Cancel.

import { el, announce } from './dom.js';

const LABELS = { gdelt1: 'GDELT 1.0', gdelt2: 'GDELT 2.0', icews: 'ICEWS', sipri: 'SIPRI trade register', cow: 'Correlates of War' };
const KINDS = ['defense', 'diplomatic', 'economic', 'conflict'];
const TONES = ['cooperative', 'strained', 'hostile'];
const CODED = new Set(['gdelt1', 'gdelt2', 'icews']);

const WORKER_URL = new URL('./events-worker.js', import.meta.url).href;
/** The Trusted Types policy for the reading worker's script (the CSP names it): events-worker.js only. */
const policy = globalThis.trustedTypes?.createPolicy('entente-events', {
  createScriptURL(url) {
    if (url !== WORKER_URL) throw new TypeError(`the events policy passes only ${WORKER_URL}`);
    return url;
  },
});

const choice = (values, value, label) => {
  const s = el('select', {}, ...values.map((v) => el('option', { value: v, selected: v === value }, v)));
  s.setAttribute('aria-label', label);
  return s;
};
const field = (label, input) => el('label', { className: 'field' }, el('span', {}, label), input);
const mib = (n) => (n < 1 << 20
  ? `${Math.max(1, Math.round(n / 1024)).toLocaleString('en')} KiB`
  : `${(n / (1 << 20)).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`);

/** The mapping's controls, each writing into `mapping` when changed. */
function mappingControls(format, mapping) {
  if (!CODED.has(format)) {
    const kt = format === 'sipri' ? mapping.sipri : mapping.cow;
    const kind = choice(KINDS, kt.kind, 'Kind');
    const tone = choice(TONES, kt.tone, 'Tone');
    kind.addEventListener('change', () => { kt.kind = kind.value; });
    tone.addEventListener('change', () => { kt.tone = tone.value; });
    return [el('p', {}, `Every ${format === 'sipri' ? 'deal' : 'dyad'} becomes an event of kind `, kind, ' and tone ', tone, '.')];
  }
  const rules = mapping.cameo.map((rule) => {
    const kind = choice(KINDS, rule.kind, `Kind of CAMEO ${rule.code}`);
    kind.addEventListener('change', () => { rule.kind = kind.value; });
    return field(rule.code, kind);
  });
  const by = choice(['quadclass', 'goldstein'], mapping.toneBy, 'Tone from');
  by.addEventListener('change', () => { mapping.toneBy = by.value; });
  const quads = mapping.quadClass.map((t, i) => {
    const s = choice(TONES, t, `Tone of QuadClass ${i + 1}`);
    s.addEventListener('change', () => { mapping.quadClass[i] = s.value; });
    return field(`QuadClass ${i + 1}`, s);
  });
  const threshold = (key, label) => {
    const n = el('input', { type: 'number', step: '0.5', min: '-10', max: '10', value: String(mapping[key]) });
    n.addEventListener('change', () => { mapping[key] = Number(n.value); });
    return field(label, n);
  };
  return [
    el('p', { className: 'hint' }, 'CAMEO code (root 01–20, or a longer code that overrides its root) → kind:'),
    el('div', { className: 'cameo' }, ...rules),
    field('Tone from', by),
    el('div', { className: 'quads' }, ...quads),
    threshold('hostileBelow', 'Hostile below Goldstein'),
    threshold('strainedBelow', 'Strained below Goldstein'),
  ];
}

/**
 * Shows the import dialog for `file` of event `format`; reads it in a worker when the person
 * chooses. Resolves when the dialog closes.
 * @param {object} app the application context from main.js
 * @param {object} module the io wasm module
 * @param {{file: File, format: string, today: string, loadText: Function, showNotices: Function}} job
 */
export function importEvents(app, module, { file, format, today, loadText, showNotices }) {
  const options = module.eventOptions();
  const dialog = el('dialog', { id: 'event-import' });
  dialog.setAttribute('aria-labelledby', 'event-import-title');
  const actors = el('input', { type: 'text', placeholder: 'e.g. Pakistan, IND' });
  const from = el('input', { type: 'date' });
  const until = el('input', { type: 'date' });
  const min = el('input', { type: 'number', min: '1', step: '1', value: '1' });
  const period = choice(['day', 'month', 'year'], options.period, 'Group by');
  const meter = el('progress', { max: 1, value: 0, id: 'event-progress' });
  const status = el('p', { className: 'status', id: 'event-status' });
  meter.setAttribute('aria-labelledby', 'event-status');
  const openNew = el('button', { type: 'button', className: 'button' }, 'Open as new');
  const add = el('button', { type: 'button', className: 'button', disabled: !app.core || !app.sourceText }, 'Add to current dataset');
  const cancel = el('button', { type: 'button', className: 'button' }, 'Cancel');
  const reading = el('div', { className: 'reading', hidden: true }, status, meter);
  dialog.append(
    el('h2', { id: 'event-import-title' }, `${LABELS[format]}: ${file.name}`),
    el('p', { className: 'hint' }, `${mib(file.size)}. Actors are matched through the country table; names it does not know become actors of their own.`),
    el('fieldset', {}, el('legend', {}, 'Restrict while reading'),
      field('Only pairs with', actors), field('From', from), field('Until', until),
      field('At least rows per tie', min), CODED.has(format) ? field('One event per pair, kind, tone and', period) : ''),
    el('fieldset', { className: 'mapping' }, el('legend', {}, 'Mapping to kinds and tones'), ...mappingControls(format, options.mapping)),
    reading,
    el('div', { className: 'actions' }, openNew, add, cancel));
  document.body.append(dialog);
  dialog.showModal();

  let worker = null, loaded = false;
  return new Promise((resolve) => {
    const close = () => { worker?.terminate(); worker = null; dialog.close(); dialog.remove(); resolve(loaded); };
    cancel.addEventListener('click', () => { if (worker) announce(`Import of ${file.name} cancelled; the dataset on screen is unchanged`); close(); });
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });

    const start = (mode) => {
      options.actors = actors.value.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
      options.from = from.value || null;
      options.until = until.value || null;
      options.minCount = Math.max(1, Math.floor(Number(min.value) || 1));
      options.period = period.value;
      openNew.disabled = add.disabled = true;
      for (const f of dialog.querySelectorAll('fieldset')) f.disabled = true;
      reading.hidden = false;
      status.textContent = `Reading ${file.name}…`;
      const started = performance.now();
      worker = new Worker(policy ? policy.createScriptURL(WORKER_URL) : WORKER_URL, { type: 'module' });
      worker.onmessage = async ({ data }) => {
        if (data.type === 'progress') {
          meter.value = data.loaded / data.total;
          status.textContent = `Reading ${file.name}: ${mib(data.loaded)} of ${mib(data.total)}, ${data.rows.toLocaleString('en')} rows`;
          return;
        }
        worker.terminate();
        worker = null;
        if (data.type === 'error') {
          app.showError(`Import failed, the dataset on screen is unchanged — ${data.message}`);
          close();
          return;
        }
        // For bench/events: the read's time, size, rows and the worker's peak wasm memory.
        performance.measure('entente:events-read', { start: started, detail: { bytes: file.size, rows: data.result.rows, memory: data.memory } });
        let { json, notices } = data.result;
        let name = file.name;
        if (mode === 'add') {
          try {
            const merged = module.addDataset(app.sourceText, json);
            json = merged.json;
            notices = [...merged.notices, ...notices];
            name = `${app.source} + ${file.name}`;
          } catch (err) {
            app.showError(`Adding ${file.name} failed, the dataset on screen is unchanged — ${err.message}`);
            close();
            return;
          }
        }
        worker = null;
        dialog.close();
        dialog.remove();
        loaded = await loadText(json, name);
        if (loaded) showNotices(file.name, notices);
        close();
      };
      worker.onerror = (e) => { app.showError(`The reading worker could not start: ${e.message}`); close(); };
      worker.postMessage({ file, format, options, today });
    };
    openNew.addEventListener('click', () => start('new'));
    add.addEventListener('click', () => start('add'));
  });
}
