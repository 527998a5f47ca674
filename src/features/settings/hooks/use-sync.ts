import { useEffect, useSyncExternalStore } from 'react';
import { getSyncState, loadSyncSettings, subscribeSync } from '@/sync/sync-service';

/** Partnership sync's settings and live status, for Settings. */
export function useSync() {
  useEffect(() => {
    void loadSyncSettings();
  }, []);
  return useSyncExternalStore(subscribeSync, getSyncState);
}
