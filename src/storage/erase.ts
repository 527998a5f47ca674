import { getDb } from './db';

/**
 * "Delete everything on this device": empties every table of the app's database in one
 * transaction and clears the origin's localStorage (the autosave journal and anything else the
 * app keeps there). Tables are taken from the open database (`db.tables`), so a table added by a
 * later schema version is covered without a change here. The database itself stays, empty, at
 * the current version: the app keeps working at once.
 */
export async function eraseDevice(
  storage: Pick<Storage, 'clear'> | undefined = globalThis.localStorage,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  // After the database: if this throws, the data itself is gone already and the caller says so.
  storage?.clear();
}
