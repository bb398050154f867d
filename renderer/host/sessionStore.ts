/** The browser host's crash-recovery store: one IndexedDB record holding the last session. */
const DB = 'tenure';
const STORE = 'session';
const KEY = 'last';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

export async function saveSessionText(json: string): Promise<void> {
  await tx('readwrite', (s) => s.put(json, KEY));
}

export async function loadSessionText(): Promise<string | null> {
  const v = await tx('readonly', (s) => s.get(KEY) as IDBRequest<unknown>);
  return typeof v === 'string' ? v : null;
}
