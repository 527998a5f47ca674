import type { Side } from '@/domain/sync/merge-assessment';
import type { SyncShare } from '@/domain/sync/share';
import type { ResponseFile } from '@/domain/workshop/response-file';
import {
  getSyncSettings,
  putSyncSettings,
  signInOf,
  type SyncSettings,
} from '@/storage/repositories/sync-repo';
import { SyncEngine, type SyncSnapshot } from './engine';
import { browserDatabases, LOCAL_SYNC_DATABASE, type Credentials } from './pouch';

/**
 * The one sync of this tab: started from Settings or, when it was left on, after storage opens
 * (app/start-storage). Loaded only then, so a device that never syncs never loads PouchDB and
 * makes no request anywhere. The state is a small external store for React
 * (useSyncExternalStore).
 */

export type SyncServiceState = {
  /** False until the stored settings have been read. */
  loaded: boolean;
  settings: SyncSettings | null;
  /** On, but the server needs the password or token again (neither is ever stored). */
  needsPassword: boolean;
  /** On, and another tab of this browser is doing the syncing. */
  otherTab: boolean;
  snapshot: SyncSnapshot | null;
};

let state: SyncServiceState = {
  loaded: false,
  settings: null,
  needsPassword: false,
  otherTab: false,
  snapshot: null,
};
let engine: SyncEngine | null = null;
/** The password or token this tab was given: in memory only, gone when the tab closes. */
let credentials: Credentials = null;
const listeners = new Set<() => void>();

function set(next: Partial<SyncServiceState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSyncState(): SyncServiceState {
  return state;
}

/** One tab of this browser syncs at a time (they share one store); the others wait their turn. */
const SYNC_LOCK = 'ics-maturity-sync';
let runId = 0;
let releaseLock: (() => void) | null = null;

async function startEngine(settings: SyncSettings): Promise<void> {
  const started = new SyncEngine(
    await browserDatabases(credentials),
    settings.url,
    (snapshot) => {
      if (engine === started) set({ snapshot });
    },
    settings.share,
  );
  engine = started;
  set({ otherTab: false, snapshot: started.snapshot() });
  await started.start();
}

async function stopEngine(): Promise<void> {
  runId += 1;
  const stopping = engine;
  engine = null;
  await stopping?.stop();
  releaseLock?.();
  releaseLock = null;
}

/**
 * Starts the engine once this tab holds the sync lock (Web Locks): at once if no other tab of
 * this browser syncs, otherwise when that tab stops syncing or closes.
 */
async function run(settings: SyncSettings): Promise<void> {
  await stopEngine();
  const id = runId;
  set({ settings, needsPassword: false, snapshot: null, otherTab: false });
  const locks = globalThis.navigator?.locks;
  if (!locks) return startEngine(settings);
  let holding = false;
  const acquired = new Promise<void>((resolve) => {
    void locks.request(SYNC_LOCK, async () => {
      holding = true;
      resolve();
      if (id !== runId) return; // switched off here before this tab's turn came
      // Another tab may have switched sync off, or changed it, while this one waited.
      const now = await getSyncSettings();
      if (!now?.enabled || now.url !== settings.url) {
        set({ settings: now, otherTab: false });
        return;
      }
      await startEngine(settings);
      await new Promise<void>((release) => {
        releaseLock = release;
      });
    });
  });
  // A moment for the lock to be granted; if it is not, another tab is syncing.
  await Promise.race([acquired, new Promise((resolve) => setTimeout(resolve, 100))]);
  if (!holding && id === runId) set({ otherTab: true });
}

/** Reads the stored settings once (for Settings), without starting anything. */
export async function loadSyncSettings(): Promise<void> {
  if (!state.loaded) set({ loaded: true, settings: await getSyncSettings() });
}

/**
 * After storage opens: carries on syncing if it was left on (asking for the password or token
 * first if the server needs one).
 */
export async function resumeSync(): Promise<void> {
  const settings = await getSyncSettings();
  set({ loaded: true, settings });
  if (!settings?.enabled) return;
  if (signInOf(settings) !== 'none') set({ needsPassword: true });
  else {
    credentials = null;
    await run(settings);
  }
}

function credentialsFor(settings: SyncSettings, secret: string): Credentials {
  switch (signInOf(settings)) {
    case 'none':
      return null;
    case 'password':
      return { username: settings.username, password: secret };
    case 'token':
      return { token: secret.trim() };
  }
}

/**
 * Switches sync on with these settings (stored, without the password or token: `secret` is kept
 * in this tab's memory only) and starts it.
 */
export async function startSync(settings: SyncSettings, secret: string): Promise<void> {
  const enabled = { ...settings, enabled: true };
  await putSyncSettings(enabled);
  credentials = credentialsFor(enabled, secret);
  await run(enabled);
}

/**
 * Changes what this device shares and carries on syncing with the same sign-in. What was shared
 * before stays shared (docs/sync.md, "What is shared").
 */
export async function changeSyncShare(share: SyncShare): Promise<void> {
  const settings = state.settings ?? (await getSyncSettings());
  if (!settings) return;
  const changed = { ...settings, share };
  await putSyncSettings(changed);
  if (changed.enabled && !state.needsPassword) await run(changed);
  else set({ settings: changed });
}

/** Switches sync off: nothing more is sent or received; what is on this device stays. */
export async function stopSync(): Promise<void> {
  await stopEngine();
  credentials = null;
  const settings = state.settings ?? (await getSyncSettings());
  if (settings) await putSyncSettings({ ...settings, enabled: false });
  set({
    settings: settings && { ...settings, enabled: false },
    snapshot: null,
    needsPassword: false,
  });
}

/**
 * Sends a participant's workshop response through partnership sync (to the facilitator's device,
 * when it syncs with the same partnership). 'not-syncing': sync is off, waiting for a password,
 * or running in another tab (send from there, or save the response file).
 */
export async function sendWorkshopResponse(
  response: ResponseFile,
): Promise<'sent' | 'not-syncing'> {
  if (!engine) return 'not-syncing';
  await engine.sendResponse(response);
  return 'sent';
}

export async function resolveSyncConflict(
  assessmentId: string,
  choices: Readonly<Record<string, Side>>,
): Promise<boolean> {
  return (await engine?.resolve(assessmentId, choices)) ?? false;
}

/**
 * For "Delete everything on this device": stops sync and deletes this device's copy of the
 * partnership's documents (PouchDB's own IndexedDB database). The server is not touched.
 */
export async function forgetSyncData(): Promise<void> {
  await stopEngine();
  credentials = null;
  set({ loaded: false, settings: null, snapshot: null, needsPassword: false, otherTab: false });
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(`_pouch_${LOCAL_SYNC_DATABASE}`);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
