import { repairSummaries } from '@/storage/assessment-summaries';
import { saveQueue } from '@/storage/autosave';
import { getDb } from '@/storage/db';
import { checkForLostData } from '@/storage/lost-data';
import { getSyncSettings } from '@/storage/repositories/settings-repo';
import {
  onSchemaUpgradeElsewhere,
  openStorage,
  requestPersistentStorage,
} from '@/storage/storage-health';
import { yieldToBrowser } from './after-first-paint';
import { setUpdateState } from './pwa/update-store';
import type { StorageStatus } from './storage-status';

/**
 * Opens storage after the first paint: this module and Dexie are loaded by `import()` from
 * main.tsx once the shell is on screen. Screens that read storage render when it resolves.
 */
export async function startStorage(): Promise<StorageStatus> {
  // Edits are journaled synchronously, so these flushes are a fast path, not the only safety net.
  window.addEventListener('pagehide', () => void saveQueue.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void saveQueue.flush();
  });
  // This module and Dexie have just been evaluated, in one task: opening the database (Dexie
  // reads every schema version) starts in the next.
  await yieldToBrowser();
  const opened = await openStorage();
  if (opened.ok) {
    // Before any screen reads storage: what the journals hold is on screen from the start
    // (queued, and written at once), so a field never shows an older value while recovery
    // catches up.
    await saveQueue.recover().catch(() => 0);
    // An empty database that this device's marker says held data: the browser lost it (after a
    // crash Chromium may delete a database it finds damaged). The app shell says so.
    await checkForLostData().catch(() => undefined);
    // Not awaited: two counts, and a repair only if an assessment has no summary (see there).
    void repairSummaries(getDb()).catch(() => 0);
    onSchemaUpgradeElsewhere(() => setUpdateState({ kind: 'reload-required' }));
    // Partnership sync, if it was left on: loaded (with PouchDB) only then.
    void getSyncSettings()
      .then((sync) => (sync?.enabled ? import('@/sync/sync-service') : null))
      .then((service) => service?.resumeSync())
      .catch(() => undefined);
  }
  void requestPersistentStorage();
  return opened.ok ? { state: 'open' } : { state: 'failed', problem: opened.problem };
}
