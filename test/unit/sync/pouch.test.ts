import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserDatabases } from '@/sync/pouch';

/**
 * The server side of the factory (the local side is IndexedDB, which only a browser has: the
 * e2e test test/e2e/sync.spec.ts uses it). PouchDB keeps the `fetch` it finds when it loads, so
 * the fake server is in place before the first load.
 */
type Request = { url: string; method: string; authorization: string | null };
let requests: Request[] = [];

beforeAll(() => {
  // pouchdb-browser is a browser build: it reaches globals through `self`.
  vi.stubGlobal('self', globalThis);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      requests.push({
        url: String(url),
        method: init?.method ?? 'GET',
        authorization: headers.get('Authorization'),
      });
      return new Response(JSON.stringify({ total_rows: 0, offset: 0, rows: [] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
});

beforeEach(() => {
  requests = [];
});

describe('the partnership server, as sync reaches it', () => {
  it('signs in with the user name and password, if given', async () => {
    const remote = (await browserDatabases({ username: 'ann', password: 's3cret' })).remote(
      'https://couch.example.nhs.uk/ns',
    );
    await remote.allDocs();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.url.startsWith('https://couch.example.nhs.uk/ns/'))).toBe(true);
    expect(requests.every((r) => r.authorization === `Basic ${btoa('ann:s3cret')}`)).toBe(true);
  });

  it('sends no credentials when there are none, and never creates the database', async () => {
    const remote = (await browserDatabases(null)).remote('https://couch.example.nhs.uk/ns');
    await remote.allDocs();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.authorization === null)).toBe(true);
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('sends a token from the organisation as a bearer token, and no password', async () => {
    const remote = (await browserDatabases({ token: 'eyJ.abc.def' })).remote(
      'https://couch.example.nhs.uk/ns',
    );
    await remote.allDocs();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.authorization === 'Bearer eyJ.abc.def')).toBe(true);
  });
});
