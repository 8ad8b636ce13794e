import { setupWorker } from 'msw/browser';
import { afterMutation, handlers } from './handlers';
import { restore, snapshot } from './persist';
import { transport } from './http';

/**
 * The mock backend in the page. Its state lives in IndexedDB (the mock's "server disk"), so a
 * reload or signing in as someone else keeps what was done; the app itself stores nothing.
 */
const DB_NAME = 'nimbus-mock-backend';
const STORE = 'state';

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function load(idb: IDBDatabase): Promise<unknown> {
  return new Promise((resolve) => {
    const request = idb.transaction(STORE).objectStore(STORE).get('db');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

let saving: Promise<void> | null = null;
let dirty = false;

function save(idb: IDBDatabase): void {
  dirty = true;
  if (saving) return;
  saving = new Promise<void>((resolve) => {
    // Coalesce bursts of requests into one write.
    setTimeout(() => {
      dirty = false;
      const tx = idb.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(snapshot(), 'db');
      tx.oncomplete = tx.onerror = () => {
        saving = null;
        resolve();
        if (dirty) save(idb);
      };
    }, 50);
  });
}

export async function startMockBackend(): Promise<{ persist: () => void }> {
  transport.mode = 'jar';
  let idb: IDBDatabase | null = null;
  try {
    idb = await openStore();
    restore(await load(idb));
  } catch {
    idb = null; // private mode without IndexedDB: the mock still works, without surviving reloads
  }
  const persist = () => idb && save(idb);
  afterMutation.listener = persist;
  await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass', quiet: true });
  window.addEventListener(
    'pagehide',
    () => idb && idb.transaction(STORE, 'readwrite').objectStore(STORE).put(snapshot(), 'db'),
  );
  return { persist };
}
