import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, getDb, IcsDatabase, openFreshTestDatabase } from '@/storage/db';
import { CURRENT_SCHEMA_VERSION, SCHEMAS } from '@/storage/schema';

describe('the database', () => {
  it("keeps every user's data under the name it has always had", () => {
    expect(DB_NAME).toBe('ics-maturity');
    expect(new IcsDatabase().name).toBe('ics-maturity');
  });

  it('opens at the current schema version with every table of it', async () => {
    const db = new IcsDatabase(`db-test-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const latest: Record<string, string | null> =
      SCHEMAS[CURRENT_SCHEMA_VERSION as keyof typeof SCHEMAS];
    // A table declared null is one a version dropped.
    const tables = Object.keys(latest).filter((table) => latest[table] !== null);
    expect(db.tables.map((t) => t.name).sort()).toEqual(tables.sort());
    expect(tables).not.toContain('ratings');
    db.close();
  });

  it('is one shared instance until a test asks for a fresh, separately named one', async () => {
    const fresh = openFreshTestDatabase();
    expect(getDb()).toBe(fresh);
    expect(getDb()).toBe(getDb());
    expect(fresh.name).toMatch(/^ics-maturity-test-/);
    await fresh.settings.put({ key: 'k', value: 1 });
    const next = openFreshTestDatabase();
    expect(next).not.toBe(fresh);
    expect(next.name).not.toBe(fresh.name);
    expect(await next.settings.get('k')).toBeUndefined();
  });

  it('runs the migrations when it opens an older database', async () => {
    const name = `db-test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores(SCHEMAS[4]);
    await old.open();
    await old.table('ratings').add({
      assessmentId: 'a1',
      criterionId: 'care.pcns',
      level: null,
      rationale: '',
      evidence: [{ id: 'e1', text: 'Minutes', url: 'javascript:alert(1)' }],
      confidence: null,
      updatedAt: 1,
      stamps: {},
    });
    old.close();
    const db = new IcsDatabase(name);
    const [set] = await db.ratingSets.toArray();
    expect(set?.ratings[0]?.evidence).toEqual([
      { id: 'e1', text: 'Minutes (javascript:alert(1))', url: '' },
    ]);
    db.close();
  });
});
