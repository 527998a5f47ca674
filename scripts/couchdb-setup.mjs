// Prepares a partnership's database, or a region's database of snapshots, on a CouchDB 3 server
// (docs/sync.md: "One database per partnership", "Setting up a region's database"): creates it if needed,
// limits it to its members (`_security`) and installs the design document that refuses
// malformed documents (`validate_doc_update`). Run it as a CouchDB administrator:
//
//   COUCHDB_ADMIN=admin:password node scripts/couchdb-setup.mjs \
//     --url https://couch.example.nhs.uk/north-shire --members north-shire
//
// --members: comma-separated CouchDB roles whose users may read and write the database (a JWT's
// roles claim, or roles given to CouchDB users). Nobody else can, administrators aside.
import { validateDocUpdate } from './couchdb/validate-doc-update.mjs';

const arg = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

const url = arg('--url');
const members = (arg('--members') ?? '').split(',').filter(Boolean);
const admin = process.env.COUCHDB_ADMIN;
if (!url || members.length === 0 || !admin) {
  console.error(
    'Usage: COUCHDB_ADMIN=user:password node scripts/couchdb-setup.mjs --url <database URL> --members <role,role>',
  );
  process.exit(2);
}

const headers = {
  Authorization: `Basic ${Buffer.from(admin).toString('base64')}`,
  'Content-Type': 'application/json',
};

async function request(method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  return { status: response.status, json };
}

const created = await request('PUT', '');
if (created.status !== 201 && created.status !== 412) {
  console.error(`Could not create the database: ${created.status} ${JSON.stringify(created.json)}`);
  process.exit(1);
}
const security = await request('PUT', '/_security', {
  admins: { names: [], roles: [] },
  members: { names: [], roles: members },
});
if (security.status !== 200) {
  console.error(`Could not set _security: ${security.status} ${JSON.stringify(security.json)}`);
  process.exit(1);
}
const existing = await request('GET', '/_design/ics-maturity');
const design = await request('PUT', '/_design/ics-maturity', {
  ...(existing.status === 200 ? { _rev: existing.json._rev } : {}),
  language: 'javascript',
  validate_doc_update: validateDocUpdate.toString(),
});
if (design.status !== 201) {
  console.error(`Could not install the design document: ${design.status}`);
  process.exit(1);
}
console.log(`Ready: ${url} (members: ${members.join(', ')})`);
