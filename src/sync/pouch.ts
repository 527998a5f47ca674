import type { Database, ExistingDoc, Sync } from 'pouchdb-browser';

/**
 * The PouchDB databases sync uses, behind a small factory so that the engine can be tested with
 * PouchDB's in-memory adapter and run in the browser with its IndexedDB one. PouchDB itself is
 * loaded only here, on demand, when sync is switched on (never in the first load).
 */

export type SyncDocument = ExistingDoc;
export type SyncDatabase = Database;
export type Replication = Sync;

export type SyncDatabaseFactory = {
  /** This device's copy of the partnership's documents. */
  local(): SyncDatabase;
  /** The partnership's database on its CouchDB server. */
  remote(url: string): SyncDatabase;
};

/** This device's PouchDB database (its own IndexedDB database, beside the app's). */
export const LOCAL_SYNC_DATABASE = 'ics-maturity-sync';

/** A CouchDB user's name and password, a bearer token (JWT), or nothing. Kept in memory only. */
export type Credentials = { username: string; password: string } | { token: string } | null;

export async function browserDatabases(credentials: Credentials): Promise<SyncDatabaseFactory> {
  const { default: PouchDB } = await import('pouchdb-browser');
  const signIn =
    credentials === null
      ? {}
      : 'token' in credentials
        ? {
            // CouchDB 3.2+ reads a JWT from the Authorization header (docs/sync.md).
            fetch: (url: string, init: RequestInit & { headers: Headers }) => {
              init.headers.set('Authorization', `Bearer ${credentials.token}`);
              return PouchDB.fetch(url, init);
            },
          }
        : { auth: credentials };
  return {
    local: () => new PouchDB(LOCAL_SYNC_DATABASE),
    remote: (url) => new PouchDB(url, { skip_setup: true, ...signIn }),
  };
}
