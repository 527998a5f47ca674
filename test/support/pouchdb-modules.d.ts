// PouchDB's in-memory build for Node tests (no types published that do not break Node's Buffer).
declare module 'pouchdb-core' {
  import type Database from 'pouchdb-browser';

  const PouchDB: {
    plugin(plugin: unknown): typeof PouchDB;
    defaults(options: { adapter: string }): typeof Database;
  };
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-replication';
