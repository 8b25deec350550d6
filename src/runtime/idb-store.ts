/**
 * The IndexedDB side of `pyscript.storage(name)`: one database per name
 * holding one object store of key → value. Every entry is read once when the
 * store opens (the Python side is a `dict` kept in memory); writes are queued
 * as transactions, which IndexedDB applies in order, and `sync()` waits for
 * those still pending.
 */
import type { BridgeStore } from './bridge.js';

const STORE = 'entries';

const done = (request: IDBRequest | IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onabort = request.onerror = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });

/** Opens (or creates) the store `name`, with its entries loaded. */
export async function openStore(name: string): Promise<BridgeStore> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  await done(request);
  const db = request.result;
  const entries: [IDBValidKey, unknown][] = [];
  const read = db.transaction(STORE, 'readonly');
  const cursor = read.objectStore(STORE).openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    entries.push([at.key, at.value]);
    at.continue();
  };
  await done(read);

  let pending: Promise<void>[] = [];
  const write = (change: (store: IDBObjectStore) => void) => {
    const transaction = db.transaction(STORE, 'readwrite');
    change(transaction.objectStore(STORE));
    const finished = done(transaction);
    // A failed write surfaces from sync(); until then it must not be unhandled.
    finished.catch(() => undefined);
    pending.push(finished);
  };
  return {
    entries: () => entries,
    set: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
    clear: () => write((store) => store.clear()),
    async sync() {
      const waiting = pending;
      pending = [];
      await Promise.all(waiting);
    },
  };
}
