import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '@/domain/backup/backup-format';
import {
  NEWEST_PER_SYSTEM,
  newestFirst,
  refreshSummaries,
  repairSummaries,
  summaryOf,
  summaryTables,
  systemSummariesOf,
} from '@/storage/assessment-summaries';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { putRatings } from '@/storage/rating-sets';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import type { AssessmentRecord, RatingRecord } from '@/storage/schema';
import { expectedSummaries, seedAssessment, storedSummaries } from '../../support/seed';

const rating = (assessmentId: string, criterionId: string, level: string | null) =>
  ({
    assessmentId,
    criterionId,
    level,
    rationale: '',
    evidence: [],
    confidence: null,
    updatedAt: 1,
    stamps: {},
  }) as RatingRecord;

const assessment = (overrides: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  id: 'a',
  systemName: '  Northshire   ICS ',
  title: 'Baseline',
  asAt: '2021-03-31',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  basedOnId: null,
  status: { state: 'agreed', agreement: { by: 'leadership-team', date: '2021-04-01' } },
  statusHistory: [],
  createdAt: 10,
  updatedAt: 20,
  stamps: { title: 5 },
  ...overrides,
});

describe('summaryOf', () => {
  it('holds what a list row shows, with the system key, and counts the ratings with a level', () => {
    expect(
      summaryOf(assessment(), [
        rating('a', 'c1', 'maturing'),
        rating('a', 'c2', null),
        rating('a', 'c3', 'emerging'),
      ]),
    ).toEqual({
      assessmentId: 'a',
      systemKey: 'northshire ics',
      systemName: '  Northshire   ICS ',
      title: 'Baseline',
      asAt: '2021-03-31',
      createdAt: 10,
      updatedAt: 20,
      status: { state: 'agreed', agreement: { by: 'leadership-team', date: '2021-04-01' } },
      assessedCount: 2,
    });
    expect(summaryOf(assessment(), []).assessedCount).toBe(0);
  });
});

describe('systemSummariesOf', () => {
  const row = (id: string, systemKey: string, asAt: string, createdAt = 1) =>
    summaryOf(assessment({ id, systemName: systemKey, asAt, createdAt }), []);

  it('gives each system its count and its newest rows, newest first, in system key order', () => {
    const rows = [
      row('a', 'west', '2019-01-01'),
      row('b', 'north', '2020-01-01'),
      row('c', 'north', '2022-01-01'),
      row('d', 'north', '2021-01-01'),
      row('e', 'north', '2019-01-01'),
    ];
    const systems = systemSummariesOf(rows);
    expect(systems.map((s) => [s.systemKey, s.count, s.newest.map((n) => n.assessmentId)])).toEqual(
      [
        ['north', 4, ['c', 'd', 'b']],
        ['west', 1, ['a']],
      ],
    );
    expect(NEWEST_PER_SYSTEM).toBe(3);
    expect(systemSummariesOf([])).toEqual([]);
  });

  it('orders as the index read backwards: date, then made later, then the greater id', () => {
    const rows = [
      row('a', 'north', '2021-01-01', 5),
      row('b', 'north', '2021-01-01', 5),
      row('c', 'north', '2021-01-01', 9),
      row('d', 'north', '2020-12-31', 99),
    ];
    expect([...rows].sort(newestFirst).map((r) => r.assessmentId)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('refreshSummaries', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('puts the summary of an assessment and deletes that of one that is gone', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'maturing' } });
    const db = getDb();
    const stored = (await db.assessmentSummaries.get(id))!;
    await db.assessmentSummaries.put({ ...stored, assessmentId: 'gone', assessedCount: 3 });
    await db.transaction('rw', summaryTables(db), async () => {
      await putRatings(db, [rating(id, 'care.phm', 'emerging')]);
      await refreshSummaries(db, [id, 'gone', id]);
    });
    expect(await db.assessmentSummaries.toArray()).toEqual([{ ...stored, assessedCount: 2 }]);
  });

  it('uses what the caller has just written instead of reading it', async () => {
    const id = await seedAssessment({ title: 'Stored' }, { 'care.pcns': { level: 'maturing' } });
    const db = getDb();
    const record = (await db.assessments.get(id))!;
    await db.transaction('rw', summaryTables(db), () =>
      refreshSummaries(db, [id], {
        assessments: [{ ...record, title: 'Given' }],
        ratingSets: [{ assessmentId: id, ratings: [] }],
      }),
    );
    expect(await db.assessmentSummaries.get(id)).toMatchObject({
      title: 'Given',
      assessedCount: 0,
    });
  });

  it('keeps each system summary: a new, renamed or deleted assessment moves its count', async () => {
    const db = getDb();
    const ids = [];
    for (const asAt of ['2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01'])
      ids.push(await seedAssessment({ systemName: 'North ICS', asAt, title: asAt }));
    await seedAssessment({ systemName: 'West ICS', asAt: '2018-01-01' });
    expect(await db.systemSummaries.get('north ics')).toMatchObject({
      count: 4,
      systemName: 'North ICS',
    });
    expect((await db.systemSummaries.get('north ics'))?.newest.map((s) => s.title)).toEqual([
      '2022-01-01',
      '2021-01-01',
      '2020-01-01',
    ]);
    // The newest moves to West (renamed): both systems change.
    const moved = { ...(await db.assessments.get(ids[3]!))!, systemName: ' west  ics' };
    await db.transaction('rw', summaryTables(db), async () => {
      await db.assessments.put(moved);
      await refreshSummaries(db, [moved.id]);
    });
    expect(await db.systemSummaries.get('north ics')).toMatchObject({ count: 3 });
    expect(await db.systemSummaries.get('west ics')).toMatchObject({
      count: 2,
      systemName: ' west  ics',
    });
    // The last of West's goes: so does West's summary once both are gone.
    await db.transaction('rw', summaryTables(db), async () => {
      const west = await db.assessmentSummaries.where('systemKey').equals('west ics').primaryKeys();
      await db.assessments.bulkDelete(west);
      await refreshSummaries(db, west);
    });
    expect(await db.systemSummaries.get('west ics')).toBeUndefined();
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('must run in a transaction that has the summaries table', async () => {
    const id = await seedAssessment({});
    const db = getDb();
    await expect(
      db.transaction('rw', db.assessments, db.ratingSets, () => refreshSummaries(db, [id])),
    ).rejects.toThrow();
  });
});

describe('repairSummaries', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('changes nothing when every assessment has its summary', async () => {
    await seedAssessment({}, { 'care.pcns': { level: 'maturing' } });
    const before = await storedSummaries();
    expect(await repairSummaries(getDb())).toBe(0);
    expect(await storedSummaries()).toEqual(before);
  });

  it('gives an assessment without a summary its summary, and drops one of no assessment', async () => {
    const kept = await seedAssessment({ title: 'Kept' }, { 'care.pcns': { level: 'maturing' } });
    const lost = await seedAssessment({ title: 'Lost' }, { 'care.phm': { level: 'emerging' } });
    const db = getDb();
    const orphan = { ...(await db.assessmentSummaries.get(kept))!, assessmentId: 'gone' };
    await db.assessmentSummaries.delete(lost);
    await db.assessmentSummaries.put(orphan);
    await db.assessmentSummaries.put({ ...orphan, assessmentId: 'gone-too' });
    expect(await repairSummaries(db)).toBe(3);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('rebuilds the system summaries when their counts do not add up', async () => {
    await seedAssessment({ systemName: 'North ICS' });
    await seedAssessment({ systemName: 'West ICS' });
    const db = getDb();
    await db.systemSummaries.delete('west ics');
    await db.systemSummaries.put({ systemKey: 'gone', systemName: 'Gone', count: 1, newest: [] });
    await db.systemSummaries.put({ ...(await db.systemSummaries.get('north ics'))!, count: 7 });
    await repairSummaries(db);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });
});

describe('restoring a backup (writeImport) keeps the summaries', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('builds them for imported assessments and counts ratings already here', async () => {
    const id = await seedAssessment(
      { title: 'Here' },
      { 'care.pcns': { level: 'maturing' }, 'care.phm': { level: null } },
    );
    const other = await seedAssessment({ title: 'Other' }, { 'care.pcns': { level: 'emerging' } });
    const backup: BackupData = await readBackupData({ kind: 'all' });
    openFreshTestDatabase();
    // This device has one rating of `id` the backup does not: restoring never removes it.
    await seedAssessment({ title: 'Local' });
    const db = getDb();
    await db.transaction('rw', summaryTables(db), async () => {
      await db.assessments.put(backup.assessments.find((a) => a.id === id)!);
      await putRatings(db, [rating(id, 'leadership.shared-vision', 'thriving')]);
      await refreshSummaries(db, [id]);
    });
    await writeImport(backup);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
    expect((await db.assessmentSummaries.get(id))?.assessedCount).toBe(2);
    expect((await db.assessmentSummaries.get(other))?.assessedCount).toBe(1);
  });

  it('are not part of a backup: they are rebuilt, never exported', async () => {
    await seedAssessment({}, { 'care.pcns': { level: 'maturing' } });
    expect(Object.keys(await readBackupData({ kind: 'all' }))).not.toContain('assessmentSummaries');
  });
});

/**
 * Every module of src/storage that writes assessments or ratings (the rating sets) also refreshes
 * the summaries, so a new write path cannot forget them unnoticed (each path's own test checks the
 * summaries). An assessment without a summary would be missing from the list.
 */
describe('every write of assessments or ratings refreshes the summaries', () => {
  const root = new URL('../../../src/storage/', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const WRITES =
    /\b(?:assessments|ratingSets)\s*\.\s*(?:where\([^)]*\)\s*(?:\.\s*\w+\([^)]*\)\s*)*\.\s*)?(?:put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)\(|\bputAll\(\s*db\.(?:assessments|ratingSets)\b|\b(?:putRatings|replaceRatings)\(\s*(?:this\.)?db\b/;
  // The helpers that write the sets for their callers (who refresh), and the schema upgrade.
  const HELPERS = ['rating-sets.ts', 'db.ts'];

  it('finds the writers it knows of (the check itself works)', () => {
    const writers = files(root)
      .filter((path) => WRITES.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path))
      .filter((path) => !HELPERS.includes(path))
      .sort();
    expect(writers).toEqual([
      'repositories/assessment-deletion.ts',
      'repositories/assessments-repo.ts',
      'repositories/backup-repo.ts',
      'repositories/sync-repo.ts',
      'repositories/workshops-repo.ts',
      'write-edits.ts',
    ]);
  });

  it('each of them calls refreshSummaries', () => {
    for (const path of files(root)) {
      if (HELPERS.includes(relative(root, path))) continue;
      const source = readFileSync(path, 'utf8');
      if (WRITES.test(source)) expect(source, relative(root, path)).toMatch(/\brefreshSummaries\(/);
    }
  });
});
