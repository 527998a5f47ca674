import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupFileParts,
  createBackup,
  recordsJson,
  readBackup,
  readBackupJson,
  type Backup,
} from '@/domain/backup/backup-format';
import { LEVEL_IDS } from '@/domain/levels';
import { CLOCK_SKEW_MS, isPastTime, pastTime } from '@/domain/validation';
import { KNOWN_FRAMEWORKS } from '../../../support/framework';

/**
 * readBackup: parse → recognise → migrate → validate → check references, never throwing. The
 * corpus of hostile files is also run through the restore use case
 * (test/unit/features/backup/lib/restore.test.ts), which checks that nothing is written.
 */
const dir = (folder: string): URL =>
  new URL(`../../../fixtures/backups/${folder}/`, import.meta.url);
const invalid = (name: string): string => readFileSync(new URL(name, dir('invalid')), 'utf8');
const valid = (name: string): string => readFileSync(new URL(name, dir('valid')), 'utf8');
const northshire = valid('northshire-2021.json');

describe('hostile backups are refused for the reason they were made for', () => {
  it.each([
    ['updated-at-past-js-dates.json', { code: 'invalid', path: 'data.assessments.0.updatedAt' }],
    ['stamp-in-2100.json', { code: 'invalid', path: 'data.ratings.0.stamps.level' }],
    ['date-before-2000.json', { code: 'invalid', path: 'data.assessments.0.asAt' }],
    ['date-after-2100.json', { code: 'invalid', path: 'data.workshops.0.date' }],
    ['javascript-link.json', { code: 'invalid', path: 'data.ratings.0.evidence.0.url' }],
    ['data-link.json', { code: 'invalid', path: 'data.ratings.0.evidence.0.url' }],
    [
      'response-file-dated-9999.json',
      { code: 'invalid', path: 'data.responseFiles.0.content.submittedAt' },
    ],
    ['duplicate-evidence-id.json', { code: 'duplicate', table: 'evidence', key: 'ev-1' }],
    [
      'unknown-framework-version.json',
      { code: 'unknown-framework', id: 'ics-maturity-2019', version: '9.9.9' },
    ],
    [
      'unknown-criterion.json',
      { code: 'unknown-criterion', table: 'ratings', criterionId: 'leadership.mind-reading' },
    ],
    [
      'unknown-agreement-criterion.json',
      { code: 'unknown-criterion', table: 'agreements', criterionId: 'care.telepathy' },
    ],
    [
      'rating-of-absent-participant.json',
      { code: 'dangling-record', table: 'individualRatings', key: 'nobody-in-the-file' },
    ],
  ])('%s', (name, problem) => {
    expect(readBackup(invalid(name), KNOWN_FRAMEWORKS)).toMatchObject({ ok: false, problem });
  });

  it('refuses a time more than a day ahead of this clock, and accepts one within the skew', () => {
    const now = Date.now();
    expect(isPastTime(now + CLOCK_SKEW_MS - 60_000)).toBe(true);
    expect(isPastTime(now + CLOCK_SKEW_MS + 60_000)).toBe(false);
    for (const bad of [Number.NaN, Infinity, -1, 1.5, 9e15, 8.64e15 + 1])
      expect(pastTime.safeParse(bad).success).toBe(false);
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    file.data.assessments[0]!.updatedAt = now + 2 * CLOCK_SKEW_MS;
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.assessments.0.updatedAt' },
    });
    file.data.assessments[0]!.updatedAt = now + CLOCK_SKEW_MS / 2;
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS).ok).toBe(true);
  });

  it('checks per-item evidence stamps (schema v5) like every other stamp, and drops unknown keys', () => {
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    const stamps = file.data.ratings[0]!.stamps as Record<string, unknown>;
    stamps['evidence:ev-1:url'] = 4_102_444_800_000;
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.ratings.0.stamps.evidence:ev-1:url' },
    });
    stamps['evidence:ev-1:url'] = 1_568_000_000_000;
    stamps.bogus = 'anything';
    const read = readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.data.ratings[0]!.stamps).toEqual({
      ...file.data.ratings[0]!.stamps,
      bogus: undefined,
    });
    expect(read.ok && Object.keys(read.value.data.ratings[0]!.stamps)).not.toContain('bogus');
  });

  it('keeps the optional round 2 fields (issue 12) and checks round 2’s criteria like the scope', () => {
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    const workshop = file.data.workshops[0]!;
    workshop.round2 = {
      criterionIds: [workshop.criterionIds[0]!],
      startedAt: 1_568_000_000_000,
      revealedAt: null,
    };
    file.data.individualRatings[0]!.round2 = { level: 'maturing', ratedAt: 1_568_000_000_000 };
    file.data.agreements[0]!.round = 2;
    const read = readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.data.workshops[0]!.round2).toEqual(workshop.round2);
    expect(read.ok && read.value.data.individualRatings[0]!.round2?.level).toBe('maturing');
    expect(read.ok && read.value.data.agreements[0]!.round).toBe(2);
    // Without them the same file is a one-round workshop, as every older backup is.
    expect(readBackup(valid('workshop-2019.json'), KNOWN_FRAMEWORKS).ok).toBe(true);
    workshop.round2.criterionIds = ['care.telepathy'];
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'unknown-criterion', table: 'workshops', criterionId: 'care.telepathy' },
    });
    (file.data.agreements[0] as { round: number }).round = 3;
    workshop.round2.criterionIds = [workshop.criterionIds[0]!];
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.agreements.0.round' },
    });
  });

  it('keeps which criteria’s round 1 votes are revealed (issue 12), checked like the scope', () => {
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    const workshop = file.data.workshops[0]!;
    workshop.revealedCriterionIds = [workshop.criterionIds[0]!];
    const read = readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.data.workshops[0]!.revealedCriterionIds).toEqual([
      workshop.criterionIds[0],
    ]);
    workshop.revealedCriterionIds = ['care.telepathy'];
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'unknown-criterion', table: 'workshops', criterionId: 'care.telepathy' },
    });
  });

  it('keeps the facilitator’s timers (issue 12), checked like the scope and bounded', () => {
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    const workshop = file.data.workshops[0]!;
    const criterionId = workshop.criterionIds[0]!;
    const timer = { durationMs: 240_000, usedMs: 65_000, runningSince: null, isStarted: true };
    workshop.timers = { [criterionId]: timer };
    const read = readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.data.workshops[0]!.timers).toEqual({ [criterionId]: timer });
    workshop.timers = { [criterionId]: { ...timer, usedMs: -1 } };
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS).ok).toBe(false);
    workshop.timers = { 'care.telepathy': timer };
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'unknown-criterion', table: 'workshops', criterionId: 'care.telepathy' },
    });
  });

  it('refuses a file whose framework this app does not ship, whatever the version looks like', () => {
    const file = JSON.parse(valid('workshop-2019.json')) as Backup;
    file.data.assessments[0]!.frameworkId = 'ics-maturity-2030';
    expect(readBackup(JSON.stringify(file), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'unknown-framework', id: 'ics-maturity-2030', version: '1.0.0' },
    });
  });
});

describe('reading a backup', () => {
  it('names where an invalid file is wrong', () => {
    const result = readBackup(invalid('level-outside-scale.json'), KNOWN_FRAMEWORKS);
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.ratings.0.level' },
    });
  });

  it('drops __proto__ and constructor keys instead of merging them', async () => {
    const text = valid('proto-keys.json');
    const result = readBackup(text, KNOWN_FRAMEWORKS);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) {
      expect(Object.keys(result.value)).not.toContain('__proto__');
      expect(Object.getPrototypeOf(result.value.data.assessments[0])).toBe(Object.prototype);
    }
  });

  // Pure, but 1,000 parses: about 2 s on an idle machine and 8 s on a loaded one.
  it(
    'never throws on 1,000 mutated valid backups, and either refuses or accepts each',
    { timeout: 60_000 },
    () => {
      const original = JSON.parse(northshire) as Record<string, unknown>;
      const paths: (string | number)[][] = [];
      const walk = (value: unknown, path: (string | number)[]): void => {
        paths.push(path);
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
        else if (value && typeof value === 'object')
          Object.entries(value).forEach(([k, v]) => walk(v, [...path, k]));
      };
      walk(original, []);
      const replacement = fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.integer(),
        fc.string(),
        fc.constantFrom('excellent', '2021-02-30', '', '__proto__', ...LEVEL_IDS),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
      );
      fc.assert(
        fc.property(
          fc.nat(paths.length - 1),
          replacement,
          fc.boolean(),
          (index, value, truncate) => {
            const copy = structuredClone(original);
            const path = paths[index] ?? [];
            if (path.length > 0) {
              let parent = copy as Record<string | number, unknown>;
              for (const key of path.slice(0, -1))
                parent = parent[key] as Record<string | number, unknown>;
              const last = path[path.length - 1]!;
              if (value === undefined) delete parent[last];
              else parent[last] = value;
            }
            let text = JSON.stringify(copy);
            if (truncate) text = text.slice(0, Math.floor(text.length / 2));
            const result = readBackup(text, KNOWN_FRAMEWORKS);
            if (!result.ok) expect(typeof result.problem.code).toBe('string');
          },
        ),
        { numRuns: 1_000 },
      );
    },
  );
  it('reads a version 1 file (before workshops) as having none', () => {
    const read = readBackup(northshire, KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.version).toBe(3);
    expect(read.ok && read.value.data.workshops).toEqual([]);
  });

  it('reads a version 1 or 2 file (before statuses) with every assessment a draft', () => {
    for (const text of [northshire, valid('workshop-2019.json')]) {
      expect((JSON.parse(text) as { version: number }).version).toBeLessThan(3);
      const read = readBackup(text, KNOWN_FRAMEWORKS);
      if (!read.ok) throw new Error(`fixture invalid: ${JSON.stringify(read.problem)}`);
      expect(read.value.data.assessments.length).toBeGreaterThan(0);
      for (const a of read.value.data.assessments) {
        expect(a.status).toEqual({ state: 'draft' });
        expect(a.statusHistory).toEqual([]);
      }
    }
  });

  it('carries an agreed or approved status and its history, and refuses one that is incomplete', () => {
    const read = readBackup(valid('workshop-2019.json'), KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error('fixture invalid');
    const agreed = {
      state: 'agreed' as const,
      agreement: {
        by: 'workshop' as const,
        workshopId: 'ws-1',
        workshopTitle: 'Partnership workshop',
        date: '2019-09-12',
      },
    };
    const approved = {
      ...agreed,
      state: 'approved' as const,
      approval: { board: 'ICS Partnership Board', date: '2019-10-03' },
    };
    const data = structuredClone(read.value.data);
    data.assessments[0] = {
      ...data.assessments[0]!,
      status: approved,
      statusHistory: [
        { at: 1_568_300_000_000, reason: 'agreed', status: agreed, criterionId: null },
        { at: 1_570_100_000_000, reason: 'approved', status: approved, criterionId: null },
      ],
    };
    const made = createBackup(data, 'all', { name: 'ICS Maturity', version: 't' }, new Date());
    const again = readBackup(JSON.stringify(made), KNOWN_FRAMEWORKS);
    expect(again.ok && again.value.data.assessments[0]!.status).toEqual(approved);
    expect(again.ok && again.value.data.assessments[0]!.statusHistory).toHaveLength(2);

    const noBoard = structuredClone(made);
    noBoard.data.assessments[0]!.status = {
      ...approved,
      approval: { board: ' ', date: '2019-10-03' },
    };
    expect(readBackup(JSON.stringify(noBoard), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.assessments.0.status.approval.board' },
    });
    const missing = JSON.parse(JSON.stringify(made)) as { data: { assessments: object[] } };
    missing.data.assessments[0] = { ...missing.data.assessments[0], status: undefined };
    expect(readBackup(JSON.stringify(missing), KNOWN_FRAMEWORKS)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.assessments.0.status' },
    });
  });

  it('reads back what createBackup wrote', () => {
    const read = readBackup(northshire, KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error('fixture invalid');
    const made = createBackup(
      read.value.data,
      'system',
      { name: 'ICS Maturity', version: 't' },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(readBackup(JSON.stringify(made), KNOWN_FRAMEWORKS)).toEqual({ ok: true, value: made });
    expect(made).toMatchObject({
      type: 'ics-maturity-backup',
      version: 3,
      exportedAt: '2026-01-02T03:04:05.000Z',
      scope: 'system',
    });
  });
});

describe('backupFileParts', () => {
  const APP = { name: 'ICS Maturity', version: 'test' };
  const data = (): Backup['data'] => {
    const read = readBackup(northshire, KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error('fixture refused');
    return read.value.data;
  };

  it('joins to exactly the compact JSON of the backup, made a thousand records at a time', () => {
    const base = data();
    const rating = base.ratings[0]!;
    // 2,500 ratings: three parts of them, the last one short.
    const many = {
      ...base,
      ratings: Array.from({ length: 2_500 }, (_, i) => ({ ...rating, criterionId: `many-${i}` })),
    };
    const backup = createBackup(many, 'all', APP, new Date('2026-12-01T00:00:00Z'));
    const parts = backupFileParts(backup);
    expect(parts.join('')).toBe(JSON.stringify(backup));
    expect(parts.filter((p) => p.includes('"criterionId":"many-')).length).toBe(3);
  });

  it('takes a table made into parts by the caller, and joins to the same JSON', () => {
    const base = data();
    const rating = base.ratings[0]!;
    const ratings = Array.from({ length: 7 }, (_, i) => ({ ...rating, criterionId: `made-${i}` }));
    const backup = createBackup({ ...base, ratings }, 'all', APP, new Date('2026-12-01T00:00:00Z'));
    // Made elsewhere in three parts (as Blobs would be), the table's records in `backup` unused.
    const made = [ratings.slice(0, 3), ratings.slice(3, 4), ratings.slice(4)].map((rows) => ({
      text: recordsJson(rows),
    }));
    const parts = backupFileParts(
      { ...backup, data: { ...backup.data, ratings: [] } },
      {
        ratings: made,
      },
    );
    expect(parts.filter((p) => typeof p !== 'string')).toEqual(made);
    const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    expect(text).toBe(JSON.stringify(backup));
    expect(recordsJson([])).toBe('');
  });

  it('holds for any text in the records, and for empty tables', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), (titles) => {
        const base = data();
        const backup = createBackup(
          {
            ...base,
            assessments: titles.map((title, i) => ({
              ...base.assessments[0]!,
              id: `a${i}`,
              title,
            })),
            ratings: [],
          },
          'system',
          APP,
          new Date('2026-12-01T00:00:00Z'),
        );
        expect(backupFileParts(backup).join('')).toBe(JSON.stringify(backup));
      }),
    );
  });
});

describe('readBackupJson', () => {
  it('reads a backup already parsed exactly as readBackup reads its text', () => {
    expect(readBackupJson(JSON.parse(northshire), KNOWN_FRAMEWORKS)).toEqual(
      readBackup(northshire, KNOWN_FRAMEWORKS),
    );
    expect(readBackupJson([], KNOWN_FRAMEWORKS)).toEqual({
      ok: false,
      problem: { code: 'not-a-backup' },
    });
  });

  it("takes a file's size as given, so a file too large is refused whatever its text", () => {
    expect(readBackup(northshire, KNOWN_FRAMEWORKS, 25 * 1024 * 1024 + 1)).toEqual({
      ok: false,
      problem: { code: 'too-large', bytes: 25 * 1024 * 1024 + 1 },
    });
  });
});
