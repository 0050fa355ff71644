// Import and export: open files (picker, drag and drop, ?data=) in any format Entente reads, show what the import assumed, download the dataset in every format.

import { textFromBytes } from './pkg/entente.js';
import { readFileText, isJson } from './guard.js';
import { el } from './dom.js';

let ioModule = null;
/** The importers and exporters: a second wasm module, fetched the first time a file that is not
 *  Entente JSON is opened or the dataset is exported (it would double the page's first load). */
function io() {
  ioModule ??= import('./pkg/entente_io.js').then(async (m) => { await m.default(); return m; });
  ioModule.catch(() => { ioModule = null; }); // a failed fetch is tried again next time
  return ioModule;
}

/**
 * Why the core refused an Entente JSON text, in full: the core's reader places a field it refuses
 * by line and column only; the importers' module names its record path too. Resolves to null
 * when that module cannot be loaded (the core's message then stands).
 */
export async function locateError(text) {
  try {
    return (await io()).checkDataset(text) ?? null;
  } catch {
    return null;
  }
}

const ACCEPT = '.json,.csv,.tsv,.txt,.tab,.gexf,.graphml,.xml';
const EXPORTS = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'gexf', label: 'GEXF' },
  { format: 'graphml', label: 'GraphML' },
];

/** Today's local date as YYYY-MM-DD: the date of events in files that give none. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A dataset's file name without folders and format extensions: "data/x.events.csv" is "x". */
function baseName(source) {
  const first = String(source ?? 'dataset').split(' + ')[0];
  const file = first.split(/[?#]/)[0].split('/').pop() || 'dataset';
  const base = file.replace(/\.(json|csv|tsv|txt|gexf|graphml|xml)$/i, '').replace(/[._ -](events|actors)$/i, '');
  return base || 'dataset';
}

/**
 * @param {object} app the application context from main.js
 * @param {(text: string, name: string) => Promise<boolean>} loadText puts an Entente JSON text on screen (main.js)
 * @returns {{importText(text: string, name: string): Promise<boolean>, importEventBytes(content: string | Uint8Array, url: string): Promise<boolean | null>, importFiles(files: FileList): Promise<void>, exportAs(format: string): Promise<string[]>}}
 */
export function installIo(app, loadText) {
  // The Dataset box's, the notices' and the import dialog's styles come with this module, after the first picture.
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('io.css', import.meta.url).href }));
  const notices = el('section', { id: 'notices', hidden: true });
  notices.setAttribute('aria-label', 'What the import assumed');
  notices.setAttribute('role', 'status');
  const noticeTitle = el('h2');
  const noticeList = el('ul');
  const dismiss = el('button', { type: 'button', className: 'close', title: 'Dismiss' }, '×');
  dismiss.setAttribute('aria-label', 'Dismiss the import notices');
  dismiss.addEventListener('click', () => { notices.hidden = true; });
  notices.append(el('div', { className: 'notice-head' }, noticeTitle, dismiss), noticeList);
  app.stage.append(notices);

  function showNotices(name, list, done = 'Imported') {
    noticeList.replaceChildren(...list.map((n) => {
      const li = el('li', {}, n.message);
      li.dataset.kind = n.kind;
      return li;
    }));
    noticeTitle.textContent = done === 'Imported'
      ? `Imported ${name}: ${list.length === 1 ? 'one assumption' : `${list.length} assumptions`}`
      : `${done} ${name}: ${list.length === 1 ? 'one thing left out' : `${list.length} things left out`}`;
    notices.hidden = list.length === 0;
  }
  app.on('load', () => { notices.hidden = true; });

  /** Loads files already read as [{name, text}]; resolves to whether it loaded. On error the
   *  dataset on screen stays. */
  async function importTexts(files) {
    const name = files.map((f) => f.name).join(' + ');
    if (files.length === 1 && isJson(files[0].name, files[0].text)) {
      return loadText(files[0].text, files[0].name);
    }
    // Event data by address (`?data=`): the import dialog, as for a file opened or dropped.
    if (files.length === 1) {
      const loaded = await importEventBytes(files[0].text, files[0].name);
      if (loaded !== null) return loaded;
    }
    let module;
    try {
      module = await io();
    } catch (err) {
      app.showError(`Import failed, the dataset on screen is unchanged — the importers could not be loaded: ${err.message}`);
      return false;
    }
    let result;
    try {
      const names = files.map((f) => f.name.split(/[?#]/)[0].split('/').pop() || f.name);
      result = module.importDataset(names, files.map((f) => f.text), today());
    } catch (err) {
      app.showError(`Import failed, the dataset on screen is unchanged — ${err.message}`);
      return false;
    }
    if (!(await loadText(result.json, name))) return false;
    showNotices(name, result.notices);
    return true;
  }

  /** The event-data format of a single file that is not Entente JSON (GDELT, ICEWS, SIPRI,
   *  COW), from its first 64 KiB, or null; such a file is read in a worker, never whole. */
  async function eventFormat(fileList) {
    if (fileList.length !== 1 || /\.(json|gexf|graphml|xml)$/i.test(fileList[0].name)) return null;
    const head = new Uint8Array(await fileList[0].slice(0, 1 << 16).arrayBuffer());
    if (head[0] === 0x7b) return null; // "{": Entente JSON
    try {
      return (await io()).detectEvents(head) ?? null;
    } catch {
      return null;
    }
  }

  /** Event data fetched from `url` (its text or bytes): the import dialog, resolving to whether a
   *  dataset was loaded; null when it is not event data. */
  async function importEventBytes(content, url) {
    const file = new File([content], url.split(/[?#]/)[0].split('/').pop() || url);
    const format = await eventFormat([file]);
    return format ? importEventFile(file, format) : null;
  }

  /** Opens the import dialog for an event-data file; resolves to whether a dataset was loaded. */
  async function importEventFile(file, format) {
    const [module, { importEvents }] = await Promise.all([io(), import('./events.js')]);
    return importEvents(app, module, { file, format, today: today(), loadText, showNotices });
  }

  /** Reads and loads File objects (from the picker or a drop). */
  async function importFiles(fileList) {
    const format = await eventFormat(fileList);
    if (format) {
      await importEventFile(fileList[0], format);
      return;
    }
    let files;
    try {
      files = await Promise.all([...fileList].map(async (f) => ({ name: f.name, text: await readFileText(f, textFromBytes) })));
    } catch (err) {
      app.showError(`Could not read ${err.message}. The dataset on screen is unchanged.`);
      return;
    }
    if (files.length > 0) await importTexts(files);
  }

  function download(file) {
    const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
    const a = el('a', { href: url, download: file.name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Downloads the dataset on screen as `format`; resolves to the names of the files. */
  async function exportAs(format) {
    if (!app.core) return [];
    let files, left;
    try {
      const module = await io(), json = app.sourceText;
      files = module.exportDataset(json, format, baseName(app.source));
      left = module.exportNotices(json, format);
    } catch (err) {
      app.showError(`The ${format.toUpperCase()} export failed — ${err.message}`);
      return [];
    }
    for (const f of files) download(f);
    if (left.length) showNotices(files.map((f) => f.name).join(' + '), left, 'Exported');
    return files.map((f) => f.name);
  }

  // ---- controls ----
  const picker = el('input', { type: 'file', multiple: true, accept: ACCEPT, id: 'open-file', hidden: true });
  picker.addEventListener('change', () => {
    importFiles(picker.files).finally(() => { picker.value = ''; });
  });
  const open = el('button', { type: 'button', className: 'button', id: 'open' }, 'Open file…');
  open.addEventListener('click', () => picker.click());
  const exports = el('div', { className: 'exports' });
  exports.setAttribute('role', 'group');
  exports.setAttribute('aria-label', 'Export the dataset as');
  for (const { format, label } of EXPORTS) {
    const b = el('button', { type: 'button', className: 'button' }, label);
    b.dataset.format = format;
    b.addEventListener('click', () => exportAs(format));
    exports.append(b);
  }
  const data = el('fieldset', { id: 'data' },
    el('legend', {}, 'Dataset'),
    picker, open,
    el('p', { className: 'hint' }, 'Entente JSON, CSV (events, with or without an actors file), GEXF or GraphML; GDELT, ICEWS, SIPRI or Correlates of War files as they come. Or drop files on the page.'),
    el('p', { className: 'export-label' }, 'Export as'),
    exports);
  document.getElementById('controls').prepend(data);

  // ---- drag and drop anywhere on the page ----
  let depth = 0;
  const dragging = (on) => document.body.classList.toggle('dragging', on);
  window.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; dragging(true); });
  window.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (depth === 0) dragging(false); });
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    dragging(false);
    if (e.dataTransfer?.files?.length) importFiles(e.dataTransfer.files);
  });

  return { importText: (text, name) => importTexts([{ name, text }]), importEventBytes, importFiles, exportAs };
}
