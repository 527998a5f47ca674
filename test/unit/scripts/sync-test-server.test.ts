import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script, no type declarations
import { signTestToken, startSyncTestServer } from '../../../scripts/sync-test-server.mjs';

/** The loopback CouchDB-protocol server's token sign-in, which the sync e2e test relies on. */
type Server = {
  url: string;
  createDatabase(name: string, options?: { signIn: 'token' }): Promise<string>;
  close(): Promise<void>;
};
const sign = signTestToken as (secret: string, claims: object) => string;
const SECRET = 'unit-secret';
let server: Server;

beforeAll(async () => {
  server = (await startSyncTestServer({ port: 0, jwtSecret: SECRET })) as Server;
});

afterAll(async () => {
  await server.close();
});

const status = async (url: string, token?: string) =>
  (await fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {})).status;

describe('the sync test server’s token sign-in', () => {
  it('answers a database that needs a token only with a valid, unexpired one', async () => {
    const url = await server.createDatabase('secured', { signIn: 'token' });
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    expect(await status(url)).toBe(401);
    expect(await status(url, sign(SECRET, { sub: 'ann', exp: inAnHour }))).toBe(200);
    expect(await status(url, sign(SECRET, { sub: 'ann', exp: inAnHour - 7200 }))).toBe(401);
    expect(await status(url, sign('another secret', { sub: 'ann', exp: inAnHour }))).toBe(401);
    expect(await status(url, 'not.a.token')).toBe(401);
  });

  it('leaves other databases open', async () => {
    expect(await status(await server.createDatabase('open'))).toBe(200);
  });
});

describe('more than one sync test server in one process', () => {
  it('starts a second server beside the first (a worker may run two spec files that each start one)', async () => {
    const second = (await startSyncTestServer({ port: 0, jwtSecret: SECRET })) as Server;
    try {
      expect(await status(await second.createDatabase('second'))).toBe(200);
      expect(await status(await server.createDatabase('first-still'))).toBe(200);
    } finally {
      await second.close();
    }
  });
});
