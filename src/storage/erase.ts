import { getDb } from './db';
import { DATA_MARKER_KEY, endLostDataNotice } from './lost-data';

/**
 * "Delete everything on this device": empties every table of the app's database in one
 * transaction and clears the origin's localStorage (the autosave journal and anything else the
 * app keeps there). Tables are taken from the open database (`db.tables`), so a table added by a
 * later schema version is covered without a change here. The database itself stays, empty, at
 * the current version: the app keeps working at once.
 *
 * The marker that the database holds data (./lost-data) goes on its own before the rest of
 * localStorage: a database emptied on purpose must never be reported as lost.
 */
export async function eraseDevice(
  storage: Pick<Storage, 'clear' | 'removeItem'> | undefined = globalThis.localStorage,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  // After the database: if this throws, the data itself is gone already and the caller says so.
  endLostDataNotice();
  storage?.removeItem(DATA_MARKER_KEY);
  storage?.clear();
}
