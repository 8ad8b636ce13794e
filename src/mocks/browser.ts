import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { restore, snapshot } from './persist';
import { transport } from './http';
import { resetDemoData } from './control';
import { pumpJobs, startJobPump } from './job-pump';

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

let store: IDBDatabase | null = null;
let writing = false;
let again = false;

/** Write the db now; a write requested while one runs is done right after it. */
function save(idb: IDBDatabase): void {
  if (writing) {
    again = true;
    return;
  }
  writing = true;
  const tx = idb.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(snapshot(), 'db');
  tx.oncomplete =
    tx.onerror =
    tx.onabort =
      () => {
        writing = false;
        if (again) {
          again = false;
          save(idb);
        }
      };
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
  store = idb;
  const persist = () => idb && save(idb);
  // Reminder jobs send in the background (not in the page's polls); a job that finished while
  // the page was closed is brought up to date before the first request, and saved when it ends.
  if (pumpJobs(location.origin).finished.length > 0) persist();
  startJobPump({ onStep: (step) => step.finished.length > 0 && persist() });
  const worker = setupWorker(...handlers);
  // Persist as soon as a state-changing answer is sent, so a reload right after sees it.
  worker.events.on('response:mocked', ({ request }) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') persist();
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.addEventListener(
    'pagehide',
    () => idb && idb.transaction(STORE, 'readwrite').objectStore(STORE).put(snapshot(), 'db'),
  );
  return { persist };
}

/** Dev tools → Reset demo data: the seeded world again, written to disk before the page moves on. */
export function resetAndPersist(): Promise<void> {
  resetDemoData();
  return new Promise((resolve) => {
    if (!store) return resolve();
    const tx = store.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(snapshot(), 'db');
    tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
  });
}
