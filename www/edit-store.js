// Keeps each edited copy in IndexedDB ('entente-edits'), written at once after every edit: its whole text now and then, and the edits since as a short log.

const DB_NAME = 'entente-edits';
const COPIES = 'copies'; // {name, text, savedAt}: the copy as last written whole (an older version kept its history here too)
const LOGS = 'logs';     // {name, history, log}: the undo history, and the patches made since the text (oldest first)

const describe = (err) => (err?.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : String(err?.message ?? err));

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The edits' store: `load(name)` → `{text, history, log}` or null; `saveWhole` and `saveStep`
 *  resolve once committed and reject with a readable reason (`describe`) when the browser refuses. */
export function openEdits() {
  let database = null;
  const db = () => {
    database ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 2);
      req.onupgradeneeded = () => {
        const names = req.result.objectStoreNames;
        if (!names.contains(COPIES)) req.result.createObjectStore(COPIES, { keyPath: 'name' });
        if (!names.contains(LOGS)) req.result.createObjectStore(LOGS, { keyPath: 'name' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('another tab holds an older version of the storage'));
    });
    database.catch(() => { database = null; }); // tried again at the next save
    return database;
  };
  /** Runs `work(copies, logs)` in one transaction; resolves to its result once committed. */
  const transact = (mode, work) => db().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction([COPIES, LOGS], mode);
    let result;
    tx.oncomplete = () => resolve(result);
    tx.onabort = () => reject(tx.error ?? new Error('the storage refused the change'));
    Promise.resolve().then(() => work(tx.objectStore(COPIES), tx.objectStore(LOGS)))
      .then((r) => { result = r; }, (err) => { reject(err); try { tx.abort(); } catch { /* already finished */ } });
  }));
  const write = async (work) => {
    try {
      await transact('readwrite', work);
    } catch (err) {
      throw new Error(describe(err));
    }
  };
  return {
    async load(name) {
      const [copy, kept] = await transact('readonly', (c, l) => Promise.all([request(c.get(name)), request(l.get(name))]));
      if (!copy || typeof copy.text !== 'string') return null;
      return { text: copy.text, history: kept?.history ?? copy.history ?? null, log: kept?.log ?? [] };
    },
    /** The copy's whole text (`log` the patches made since, often none) and its history. */
    saveWhole({ name, text, history, log = [] }) {
      return write((c, l) => {
        c.put({ name, text, savedAt: Date.now() });
        l.put({ name, history, log });
      });
    },
    /** One more patch after the kept text, and the history after it. */
    saveStep({ name, history, patch }) {
      return write(async (c, l) => {
        const kept = await request(l.get(name));
        if (!kept) throw new Error(`no kept copy named “${name}” to add the edit to`);
        l.put({ name, history, log: [...kept.log, patch] });
      });
    },
  };
}
