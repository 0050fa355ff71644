// Keeps each edited copy with its undo history in IndexedDB ('entente-edits'), written at once after every edit.

const DB_NAME = 'entente-edits';
const COPIES = 'copies'; // {name, text, history, savedAt}

const describe = (err) => (err?.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : String(err?.message ?? err));

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The edits' store: `load(name)` → the kept record or null; `save(record)` resolves once it is
 *  committed, rejects with a readable reason (`describe`) when the browser refuses. */
export function openEdits() {
  let database = null;
  const db = () => {
    database ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(COPIES, { keyPath: 'name' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('another tab holds an older version of the storage'));
    });
    database.catch(() => { database = null; }); // tried again at the next save
    return database;
  };
  const transact = (mode, work) => db().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction(COPIES, mode);
    let result;
    tx.oncomplete = () => resolve(result);
    tx.onabort = () => reject(tx.error ?? new Error('the storage refused the change'));
    request(work(tx.objectStore(COPIES))).then((r) => { result = r; }, reject);
  }));
  return {
    async load(name) {
      const found = await transact('readonly', (s) => s.get(name));
      return found && typeof found.text === 'string' ? found : null;
    },
    async save(record) {
      try {
        await transact('readwrite', (s) => s.put(record));
      } catch (err) {
        throw new Error(describe(err));
      }
    },
  };
}
