import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '@/domain/backup/backup-format';
import {
  refreshSummaries,
  repairSummaries,
  summaryOf,
  summaryTables,
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
