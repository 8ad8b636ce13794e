import { setupWorker } from 'msw/browser';
import { handlers } from './routes';
import { restore, snapshot } from './persist';
import { transport } from './sessions';
import { resetDemoData } from './control';
import { pumpJobs, startJobPump } from './job-pump';
import { createScheduler, type SharedClaims } from './scheduler';
import { setScheduler, startSchedulerTimer } from './scheduler-runner';

/**
 * The mock backend in the page. Its state lives in IndexedDB (the mock's "server disk"), so a
 * reload or signing in as someone else keeps what was done; the app itself stores nothing.
 */
const DB_NAME = 'nimbus-mock-backend';
const STORE = 'state';
/** Claimed schedule waves, shared by every tab of this browser (see ./scheduler). */
const CLAIMS = 'claims';

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const names = request.result.objectStoreNames;
      if (!names.contains(STORE)) request.result.createObjectStore(STORE);
      if (!names.contains(CLAIMS)) request.result.createObjectStore(CLAIMS);
    };
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

/**
 * Each tab runs its own copy of the mock; a wave is claimed with an IndexedDB `add`, which fails
 * for every tab but the first (the key exists): a wave goes once however many tabs are open.
 */
function idbClaims(idb: IDBDatabase): SharedClaims {
  return {
    claim: (key, owner) =>
      new Promise((resolve) => {
        const tx = idb.transaction(CLAIMS, 'readwrite');
        const request = tx.objectStore(CLAIMS).add(owner, key);
        request.onerror = (event) => event.preventDefault();
        tx.oncomplete = () => resolve(true);
        tx.onabort = tx.onerror = () => resolve(false);
      }),
  };
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
  if (idb)
    setScheduler(createScheduler({ id: `sch_${crypto.randomUUID()}`, claims: idbClaims(idb) }));
  startSchedulerTimer(persist);
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

/** Save the mock's state now (dev tools: after moving the clock). */
export function saveNow(): void {
  if (store) save(store);
}

/** Dev tools → Reset demo data: the seeded world again, written to disk before the page moves on. */
export function resetAndPersist(): Promise<void> {
  resetDemoData();
  return new Promise((resolve) => {
    if (!store) return resolve();
    const tx = store.transaction([STORE, CLAIMS], 'readwrite');
    tx.objectStore(STORE).put(snapshot(), 'db');
    tx.objectStore(CLAIMS).clear();
    tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
  });
}
