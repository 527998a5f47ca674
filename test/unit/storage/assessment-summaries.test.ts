import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '@/domain/backup/backup-format';
import { refreshSummaries, summarise, summaryTables } from '@/storage/assessment-summaries';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import type { RatingRecord } from '@/storage/schema';
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

describe('summarise', () => {
  it('counts the ratings with a level of each assessment asked for, 0 for none', () => {
    expect(
      summarise(
        ['a', 'b', 'c'],
        [
          rating('a', 'c1', 'maturing'),
          rating('a', 'c2', null),
          rating('b', 'c1', 'emerging'),
          rating('other', 'c1', 'thriving'),
        ],
      ),
    ).toEqual([
      { assessmentId: 'a', assessedCount: 1 },
      { assessmentId: 'b', assessedCount: 1 },
      { assessmentId: 'c', assessedCount: 0 },
    ]);
  });
});

describe('refreshSummaries', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('puts the summary of an assessment and deletes that of one that is gone', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'maturing' } });
    const db = getDb();
    await db.assessmentSummaries.put({ assessmentId: 'gone', assessedCount: 3 });
    await db.ratings.put(rating(id, 'care.phm', 'emerging'));
    await db.transaction('rw', summaryTables(db), () => refreshSummaries(db, [id, 'gone', id]));
    expect(await db.assessmentSummaries.toArray()).toEqual([
      { assessmentId: id, assessedCount: 2 },
    ]);
  });

  it('must run in a transaction that has the summaries table', async () => {
    const db = getDb();
    await expect(
      db.transaction('rw', db.assessments, db.ratings, () => refreshSummaries(db, ['a'])),
    ).rejects.toThrow();
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
    await db.assessments.put(backup.assessments.find((a) => a.id === id)!);
    await db.ratings.put(rating(id, 'leadership.shared-vision', 'thriving'));
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
 * Every module of src/storage that writes the ratings table also refreshes the summaries, so a
 * new write path cannot forget them unnoticed (each path's own test checks the counts).
 */
describe('every write of ratings refreshes the summaries', () => {
  const root = new URL('../../../src/storage/', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const WRITES_RATINGS =
    /\bratings\s*\.\s*(?:where\([^)]*\)\s*(?:\.\s*\w+\([^)]*\)\s*)*\.\s*)?(?:put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear|modify)\(|\bputAll\(\s*db\.ratings\b/;

  it('finds the writers it knows of (the check itself works)', () => {
    const writers = files(root)
      .filter((path) => WRITES_RATINGS.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path))
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
      const source = readFileSync(path, 'utf8');
      if (WRITES_RATINGS.test(source))
        expect(source, relative(root, path)).toMatch(/\brefreshSummaries\(/);
    }
  });
});
