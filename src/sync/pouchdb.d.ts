/**
 * The part of PouchDB's API that sync uses. DefinitelyTyped's @types/pouchdb-core declares a
 * global `Buffer` that breaks Node's, so the project declares this much itself.
 */
declare module 'pouchdb-browser' {
  export type Doc = { _id: string; _rev?: string; _deleted?: boolean; [key: string]: unknown };
  export type ExistingDoc = Doc & {
    _rev: string;
    _conflicts?: string[];
    _revisions?: { start: number; ids: string[] };
  };
  export type GetOptions = { rev?: string; revs?: boolean; conflicts?: boolean };
  export type PutResult = { ok: boolean; id: string; rev: string };
  export type Emitter<Self> = {
    on(event: string, listener: (...args: never[]) => void): Self;
    cancel(): void;
  };
  export type Changes = Emitter<Changes>;
  export type Sync = Emitter<Sync>;
  export type SyncOptions = {
    live?: boolean;
    retry?: boolean;
    back_off_function?: (delay: number) => number;
  };

  export class Database {
    constructor(
      name: string,
      options?: {
        adapter?: string;
        skip_setup?: boolean;
        auth?: { username: string; password: string };
        /** Every request to a remote database goes through this (PouchDB passes a Headers object). */
        fetch?: (url: string, init: RequestInit & { headers: Headers }) => Promise<Response>;
      },
    );
    static fetch(url: string, init?: RequestInit): Promise<Response>;
    get(id: string, options?: GetOptions): Promise<ExistingDoc>;
    put(doc: Doc): Promise<PutResult>;
    remove(doc: ExistingDoc): Promise<PutResult>;
    bulkDocs(docs: Doc[]): Promise<unknown[]>;
    allDocs(options?: {
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
    }): Promise<{ rows: { id: string; value: { rev: string } }[] }>;
    changes(options: { since: 'now' | number | string; live: boolean }): Changes;
    sync(remote: Database, options?: SyncOptions): Sync;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export default Database;
}
