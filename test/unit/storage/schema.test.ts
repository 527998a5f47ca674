import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { canonical } from '@/domain/canonical';
import { systemKey } from '@/domain/system-key';
import { IcsDatabase } from '@/storage/db';
import { derivations, MIGRATIONS } from '@/storage/migrations';
import { CURRENT_SCHEMA_VERSION, SCHEMAS, type DatabaseDump } from '@/storage/schema';

const fixture = (path: string): URL => new URL(`../../fixtures/db/${path}`, import.meta.url);

function readDump(version: number): DatabaseDump {
  return JSON.parse(readFileSync(fixture(`v${version}.json`), 'utf8')) as DatabaseDump;
}

/** The golden fixture of `version`, written at its own schema, then opened as the app does. */
async function openFixtureAtCurrent(version: number): Promise<IcsDatabase> {
  const dump = readDump(version);
  const name = `golden-v${version}-opened-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(version).stores(SCHEMAS[version as keyof typeof SCHEMAS]);
  await old.open();
  for (const [table, rows] of Object.entries(dump.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  const db = new IcsDatabase(name);
  await db.open();
  return db;
}

describe('database schema', () => {
  it('is pinned: any change to a shipped version shows up here and needs a new version', () => {
    expect(SCHEMAS).toEqual({
      1: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
      },
      2: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
      },
      3: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
      },
      4: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
      },
      5: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
        journal: 'key',
        drafts: 'form',
      },
      6: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
        journal: 'key',
        drafts: 'form',
      },
      7: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: '[assessmentId+criterionId], assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
        journal: 'key',
        drafts: 'form',
        assessmentSummaries: 'assessmentId',
      },
      8: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: null,
        ratingSets: 'assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
        journal: 'key',
        drafts: 'form',
        assessmentSummaries: 'assessmentId, systemKey, [systemKey+asAt+createdAt]',
        systemSummaries: 'systemKey',
      },
      9: {
        assessments: 'id, systemName, asAt, updatedAt',
        ratings: null,
        ratingSets: 'assessmentId',
        settings: 'key',
        targets: 'id, systemKey',
        actions: 'id, systemKey, dueDate',
        workshops: 'id, assessmentId',
        participants: 'id, workshopId',
        individualRatings: '[workshopId+participantId+criterionId], workshopId',
        agreements: '[workshopId+criterionId], workshopId',
        responseFiles: '[workshopId+participantId], workshopId',
        joinedWorkshops: 'workshopId, joinedAt',
        journal: 'key',
        drafts: 'form',
        assessmentSummaries: 'assessmentId, systemKey, [systemKey+asAt+createdAt]',
        systemSummaries: 'systemKey',
        snapshots: 'id, systemKey',
      },
    });
    expect(CURRENT_SCHEMA_VERSION).toBe(Math.max(...Object.keys(SCHEMAS).map(Number)));
  });

  it('keeps a golden fixture of every shipped version', () => {
    for (const version of Object.keys(SCHEMAS).map(Number)) {
      expect(existsSync(fixture(`v${version}.json`)), `test/fixtures/db/v${version}.json`).toBe(
        true,
      );
      expect(readDump(version).schemaVersion).toBe(version);
    }
  });

  it('opens every golden fixture with the current code and reads it back unchanged', async () => {
    for (const version of Object.keys(SCHEMAS).map(Number)) {
      const dump = readDump(version);
      const name = `golden-v${version}-${crypto.randomUUID()}`;
      // Write the fixture with exactly the schema of its own version…
      const old = new Dexie(name);
      old.version(version).stores(SCHEMAS[version as keyof typeof SCHEMAS]);
      await old.open();
      for (const [table, rows] of Object.entries(dump.tables)) await old.table(table).bulkAdd(rows);
      old.close();
      // …then open it as the app does today.
      const db = new IcsDatabase(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // Every table reads back as the fixture after the migrations since its version.
      const expected = structuredClone(dump.tables) as Record<string, Record<string, unknown>[]>;
      for (const migration of MIGRATIONS.filter((m) => m.toVersion > version)) {
        for (const table of migration.tables) {
          expected[table] = (expected[table] ?? []).map((r) => migration.upgradeRecord(table, r));
        }
        for (const derive of derivations(migration))
          expected[derive.table] = derive.build(expected);
      }
      // Compared as sets of records: tables with compound keys come back in key order.
      const asSet = (rows: unknown[]): string[] => rows.map(canonical).sort();
      for (const table of db.tables) {
        const rows = expected[table.name] ?? [];
        expect(asSet(await table.toArray()), `${table.name} of v${version}`).toEqual(asSet(rows));
      }
      db.close();
    }
  });

  it('opens the golden v6 fixture with a summary of each assessment counted from its ratings', async () => {
    const db = await openFixtureAtCurrent(6);
    // Baseline: 7 ratings, one of them not assessed; check-in: 2.
    expect(
      (await db.assessmentSummaries.toArray()).map((s) => [s.assessmentId, s.assessedCount]),
    ).toEqual([
      ['0b6f4e1c-6a2d-4c1e-9f57-2f1f0a9d1001', 6],
      ['0b6f4e1c-6a2d-4c1e-9f57-2f1f0a9d1002', 2],
    ]);
    db.close();
  });

  it("opens the golden v7 fixture at v8: every rating in its assessment's set, the old table gone", async () => {
    const dump = readDump(7);
    const db = await openFixtureAtCurrent(7);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('ratings');
    expect(db.backendDB().objectStoreNames.contains('ratings')).toBe(false);
    const sets = await db.ratingSets.toArray();
    const ratings = dump.tables.ratings ?? [];
    // Nothing lost or changed: the sets hold exactly the ratings, each set in criterion order.
    expect(
      sets
        .flatMap((s) => s.ratings)
        .map(canonical)
        .sort(),
    ).toEqual(ratings.map(canonical).sort());
    for (const set of sets) {
      expect(set.ratings.every((r) => r.assessmentId === set.assessmentId)).toBe(true);
      const order = set.ratings.map((r) => r.criterionId);
      expect(order).toEqual([...order].sort());
    }
    // The summaries now hold what a list row shows, and each system has its own.
    const [assessment] = dump.tables.assessments;
    const summary = await db.assessmentSummaries.get(assessment!.id);
    expect(summary).toMatchObject({
      systemKey: systemKey(assessment!.systemName),
      systemName: assessment!.systemName,
      title: assessment!.title,
      asAt: assessment!.asAt,
      status: assessment!.status,
    });
    const system = await db.systemSummaries.get(summary!.systemKey);
    expect(system?.count).toBe(
      dump.tables.assessments.filter((a) => systemKey(a.systemName) === summary!.systemKey).length,
    );
    expect(system?.newest.map((s) => s.assessmentId)).toContain(assessment!.id);
    db.close();
  });

  it('opens the golden v8 fixture at v9 with an empty snapshots table and every record kept', async () => {
    const dump = readDump(8);
    const db = await openFixtureAtCurrent(8);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.assessments.count()).toBe(dump.tables.assessments.length);
    db.close();
  });
});
