import { getDb } from './db';

/**
 * Noticing that the browser lost the database. Chromium, finding its IndexedDB files damaged
 * after a crash, deletes the whole database and starts an empty one ("IndexedDB recovering from a
 * corrupted (and deleted) database"); the app cannot prevent that, but it must not pass it off as
 * an empty list. So a small marker in localStorage says "this device's database holds the
 * person's data": set when something is created (an assessment, a workshop, a joined workshop, a
 * restore, an undone deletion) and once per session when the database is seen holding data, and
 * removed when the person empties the database on purpose (deleting the last assessment or joined
 * workshop, "Delete everything on this device"). On start, an empty database with the marker
 * present means the data was lost, and the app shell says so until the person dismisses it.
 *
 * The marker only ever causes a message: nothing is deleted because of it. localStorage is the
 * right place because it is kept apart from IndexedDB (Chromium's recovery deletes only the
 * database), though Chromium writes it to disk lazily, so a marker set just before a crash may
 * be gone too.
 */
export const DATA_MARKER_KEY = 'ics-maturity:holds-data';

/** What the person keeps here; the other tables only ever belong to one of these. */
export type StoredDataCounts = { assessments: number; workshops: number; joinedWorkshops: number };

/**
 * - `holds-data`: the database holds the person's data (the marker should say so).
 * - `empty`: nothing stored and nothing expected (a first visit, or emptied on purpose).
 * - `lost`: nothing stored although the marker says there was: the browser lost it.
 */
export type StoredDataVerdict = 'holds-data' | 'empty' | 'lost';

/** The pure decision: the marker and what the database holds → lost or not. */
export function judgeStoredData(hasMarker: boolean, counts: StoredDataCounts): StoredDataVerdict {
  if (counts.assessments > 0 || counts.workshops > 0 || counts.joinedWorkshops > 0) {
    return 'holds-data';
  }
  return hasMarker ? 'lost' : 'empty';
}

type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function hasMarker(storage: MarkerStorage | undefined): boolean {
  try {
    return (storage?.getItem(DATA_MARKER_KEY) ?? null) !== null;
  } catch {
    return false;
  }
}

/** Sets (or refreshes) the marker: the database now holds the person's data. Never throws. */
export function rememberStoredData(
  storage: MarkerStorage | undefined = globalThis.localStorage,
): void {
  try {
    // The time it was last confirmed: nothing reads it but a person looking into the browser.
    storage?.setItem(DATA_MARKER_KEY, String(Date.now()));
  } catch {
    // localStorage full or disabled: the only cost is that a later loss goes unexplained.
  }
}

function forgetMarker(storage: MarkerStorage | undefined): void {
  try {
    storage?.removeItem(DATA_MARKER_KEY);
  } catch {
    // As above.
  }
}

export async function countStoredData(): Promise<StoredDataCounts> {
  const db = getDb();
  return db.transaction('r', [db.assessments, db.workshops, db.joinedWorkshops], async () => {
    const [assessments, workshops, joinedWorkshops] = await Promise.all([
      db.assessments.count(),
      db.workshops.count(),
      db.joinedWorkshops.count(),
    ]);
    return { assessments, workshops, joinedWorkshops };
  });
}

/**
 * After the person deleted something: if the database now holds nothing of theirs, the marker
 * goes, so the empty database is never taken for a lost one. Never throws.
 */
export async function forgetStoredDataIfEmpty(
  storage: MarkerStorage | undefined = globalThis.localStorage,
): Promise<void> {
  try {
    if (judgeStoredData(false, await countStoredData()) === 'empty') forgetMarker(storage);
  } catch {
    // The database could not be read: leave the marker; the next start checks again.
  }
}

// The notice: whether the app shell shows "the browser lost your assessments".
let isLost = false;
const listeners = new Set<() => void>();

function publish(next: boolean): void {
  if (next === isLost) return;
  isLost = next;
  for (const listener of listeners) listener();
}

export function isStoredDataLost(): boolean {
  return isLost;
}

export function subscribeStoredDataLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Once at start, after the database is opened: decides whether the browser lost the data,
 * publishes it for the app shell, and refreshes the marker when the database holds data (once a
 * session, not on every write). Never deletes anything.
 */
export async function checkForLostData(
  storage: MarkerStorage | undefined = globalThis.localStorage,
): Promise<StoredDataVerdict> {
  const verdict = judgeStoredData(hasMarker(storage), await countStoredData());
  if (verdict === 'holds-data') rememberStoredData(storage);
  publish(verdict === 'lost');
  return verdict;
}

/**
 * The person has read the notice: it goes, and so does the marker unless something has been
 * stored since (then it keeps meaning what it says).
 */
export async function dismissLostData(
  storage: MarkerStorage | undefined = globalThis.localStorage,
): Promise<void> {
  publish(false);
  await forgetStoredDataIfEmpty(storage);
}

/** A backup was restored, or everything was deleted on purpose: the notice has done its job. */
export function endLostDataNotice(): void {
  publish(false);
}
