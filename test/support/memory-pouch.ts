import PouchDBCore from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { SyncDatabaseFactory } from '@/sync/pouch';

/** PouchDB with the in-memory adapter: a device's local database and a "server" in one process. */
export const MemoryPouch = PouchDBCore.plugin(memoryAdapter)
  .plugin(replication)
  .defaults({ adapter: 'memory' });

let count = 0;

/** A device's databases: a fresh local one, and the given server database by name. */
export function memoryDatabases(): SyncDatabaseFactory & { localName: string } {
  const localName = `device-${++count}-${Date.now()}`;
  return {
    localName,
    local: () => new MemoryPouch(localName),
    remote: (name) => new MemoryPouch(name),
  };
}
