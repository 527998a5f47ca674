import { useEffect, useState, useSyncExternalStore } from 'react';
import { saveQueue } from '@/storage/autosave';
import type { SaveSnapshot, SaveState } from '@/storage/save-queue';

export function useSaveSnapshot(): SaveSnapshot {
  return useSyncExternalStore(saveQueue.subscribe, saveQueue.getSnapshot);
}

/**
 * How long saving must have been quiet (saved, no newer edit) before it is announced: longer than
 * the pauses between words, so a sentence typed with pauses is announced once, at its end.
 */
export const SAVE_ANNOUNCE_QUIET_MS = 2_000;

/** What the save status's live region says, and a count that changes with every announcement. */
export type SaveAnnouncement =
  { kind: 'saved'; at: number; count: number } | { kind: 'error'; count: number } | null;

/**
 * What autosave tells a screen reader, once per burst of typing rather than once per save (which
 * is every pause of 250 ms, or every second while typing goes on): "Saved at …" when a save has
 * completed and nothing newer was typed for SAVE_ANNOUNCE_QUIET_MS; a failure at once, once, until
 * a save succeeds again. The visible status (SaveStatus) changes freely and is not a live region.
 */
export function useSaveAnnouncement(quietMs = SAVE_ANNOUNCE_QUIET_MS): SaveAnnouncement {
  const { status } = useSaveSnapshot();
  const [announcement, setAnnouncement] = useState<SaveAnnouncement>(null);
  useEffect(() => {
    const next = announcementFor(status);
    if (!next) return;
    const timer = setTimeout(
      () =>
        setAnnouncement((current) =>
          next === 'error'
            ? current?.kind === 'error'
              ? current
              : { kind: 'error', count: (current?.count ?? 0) + 1 }
            : { kind: 'saved', at: next.at, count: (current?.count ?? 0) + 1 },
        ),
      next === 'error' ? 0 : quietMs,
    );
    return () => clearTimeout(timer);
  }, [status, quietMs]);
  return announcement;
}

function announcementFor(status: SaveState): 'error' | { at: number } | null {
  if (status.state === 'error') return 'error';
  if (status.state === 'saved') return { at: status.at };
  return null;
}
