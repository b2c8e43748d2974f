/**
 * A tiny key-value store on IndexedDB (one database, one object store), for the browser
 * build's autosave and recent files. Every call opens, uses and closes the database: calls
 * are rare (seconds apart) and nothing stays locked when the tab goes away.
 */
const DB_NAME = 'layerlab';
const DB_VERSION = 1;
const STORE = 'kv';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('This browser keeps no local data (IndexedDB is unavailable).'));
      return;
    }
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened.'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another LayerLab tab.'));
  });
}

/** Runs one request in a transaction; resolves when the transaction has committed. */
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = make(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB request failed.'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted.'));
    });
  } finally {
    db.close();
  }
}

/** The value under `key`, or undefined. */
export function idbGet<T>(key: string): Promise<T | undefined> {
  return run('readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
}

/** Stores `value` under `key` (structured clone: file handles may be stored too). */
export async function idbSet(key: string, value: unknown): Promise<void> {
  await run('readwrite', (s) => s.put(value, key));
}

/** Removes the value under `key` (nothing happens when there is none). */
export async function idbDelete(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
