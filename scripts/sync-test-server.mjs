// A CouchDB-protocol server for the sync tests, in-process on 127.0.0.1: express-pouchdb with
// PouchDB's in-memory adapter (a test stand-in only: the app is written against CouchDB's HTTP
// replication protocol, and test/e2e/sync.spec.ts runs against a real CouchDB 3 when
// COUCHDB_URL is set). Data lives in memory and is gone when the server stops.
//
//   node scripts/sync-test-server.mjs [--port 4174] [--allow-origin http://127.0.0.1:4173]
//
// As a module: `startSyncTestServer({ port, allowOrigins, jwtSecret })` → { url, requests,
// createDatabase, getDocument, close }. `requests` lists every request's method and path (what
// the tests check was sent). A database created with `{ signIn: 'token' }` answers only requests
// bearing a JWT signed (HS256) with `jwtSecret` and not expired, as a CouchDB 3 configured for
// JWT authentication does (docs/sync.md); `signTestToken` makes one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const base64url = (value) => Buffer.from(value).toString('base64url');

/** A JWT signed with HS256, as an organisation's identity provider would issue for CouchDB. */
export function signTestToken(secret, claims) {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The token's claims if its signature is right and it has not expired; otherwise null. */
function verifyToken(secret, token) {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return null;
    return claims;
  } catch {
    return null;
  }
}

/**
 * PouchDB with the plugins the server needs, set up once per process: a plugin cannot be added
 * twice, and one Playwright worker may start a server for each of two spec files. Each server
 * then names its databases with a prefix of its own (`server-<n>-`), or the second server's
 * express-pouchdb could not find the databases it creates.
 */
let pouchCore = null;
let serverCount = 0;
function pouchWithPlugins() {
  pouchCore ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  return pouchCore;
}

export async function startSyncTestServer({
  port = 4174,
  allowOrigins = [],
  jwtSecret = 'sync-test-secret',
} = {}) {
  const express = require('express');
  const expressPouchDB = require('express-pouchdb');
  serverCount += 1;
  const PouchDB = pouchWithPlugins().defaults({
    adapter: 'memory',
    prefix: `server-${serverCount}-`,
  });

  const requests = [];
  const tokenDatabases = new Set();
  const app = express();
  // CORS as a CouchDB configured for the app's origin answers it (docs/sync.md).
  app.use((req, res, next) => {
    requests.push({ method: req.method, path: req.path, origin: req.headers.origin ?? null });
    const origin = req.headers.origin;
    if (origin && allowOrigins.includes(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Credentials', 'true');
      res.set('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.set(
        'Access-Control-Allow-Headers',
        'accept, authorization, content-type, origin, referer',
      );
      res.set('Access-Control-Expose-Headers', 'content-type, cache-control, etag, server');
      res.set('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.sendStatus(204);
      return;
    }
    const database = decodeURIComponent(req.path.split('/')[1] ?? '');
    if (tokenDatabases.has(database)) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !verifyToken(jwtSecret, bearer)) {
        res.status(401).json({ error: 'unauthorized', reason: 'A valid token is required.' });
        return;
      }
    }
    next();
  });
  app.use('/', expressPouchDB(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
    listening.on('error', reject);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    /** Creates a database, as a partnership's administrator does before anyone syncs. */
    async createDatabase(name, { signIn = 'none' } = {}) {
      const response = await fetch(`${url}/${name}`, { method: 'PUT' });
      if (!response.ok) throw new Error(`Could not create ${name}: ${response.status}`);
      if (signIn === 'token') tokenDatabases.add(name);
      return `${url}/${name}`;
    },
    /** The server's copy of a document (or null), to check what arrived. */
    async getDocument(database, id) {
      const headers = tokenDatabases.has(database)
        ? { Authorization: `Bearer ${signTestToken(jwtSecret, { sub: 'test' })}` }
        : {};
      const response = await fetch(`${url}/${database}/${encodeURIComponent(id)}?conflicts=true`, {
        headers,
      });
      return response.ok ? response.json() : null;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? fallback : process.argv[index + 1];
  };
  const port = Number(arg('--port', 4174));
  const allowOrigins = [arg('--allow-origin', 'http://127.0.0.1:4173')];
  const server = await startSyncTestServer({ port, allowOrigins });
  console.log(
    `CouchDB-protocol test server on ${server.url} (CORS for ${allowOrigins.join(', ')})`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
