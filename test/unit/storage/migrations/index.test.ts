import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/domain/assessment';
import { MIGRATIONS, type Migration } from '@/storage/migrations';
import type { DatabaseDump } from '@/storage/schema';

const fixture = (path: string): URL => new URL(`../../../fixtures/db/${path}`, import.meta.url);

describe('migrations', () => {
  it('has before/after fixtures for every migration, and migrations do not mutate their input', () => {
    for (const migration of MIGRATIONS) {
      const before = JSON.parse(
        readFileSync(fixture(`migrations/v${migration.toVersion}-before.json`), 'utf8'),
      ) as DatabaseDump;
      const after = JSON.parse(
        readFileSync(fixture(`migrations/v${migration.toVersion}-after.json`), 'utf8'),
      ) as DatabaseDump;
      for (const table of migration.tables) {
        const input = before.tables[table] as Record<string, unknown>[];
        const copy = structuredClone(input);
        expect(input.map((r) => migration.upgradeRecord(table, r))).toEqual(after.tables[table]);
        expect(input).toEqual(copy);
      }
      const derive = migration.derive;
      if (derive) {
        const sources = structuredClone(before.tables);
        expect(derive.build(sources)).toEqual(after.tables[derive.table]);
        expect(sources).toEqual(before.tables);
      }
    }
  });
});

describe('v5: unsafe evidence links move into the description', () => {
  const v5 = MIGRATIONS.find((m) => m.toVersion === 5);
  const upgrade = (record: Record<string, unknown>, table: 'ratings' | 'assessments' = 'ratings') =>
    v5!.upgradeRecord(table, record);

  it('moves a javascript: link after the text, and an address without a scheme on its own', () => {
    const record = {
      criterionId: 'care.pcns',
      evidence: [
        { id: '1', text: 'Board minutes', url: 'javascript:alert(1)' },
        { id: '2', text: '  ', url: ' www.example.org/report ' },
        { id: '3', text: 'Safe link', url: 'https://www.england.nhs.uk/' },
      ],
    };
    expect(upgrade(record).evidence).toEqual([
      { id: '1', text: 'Board minutes (javascript:alert(1))', url: '' },
      { id: '2', text: 'www.example.org/report', url: '' },
      { id: '3', text: 'Safe link', url: 'https://www.england.nhs.uk/' },
    ]);
  });

  it('keeps the moved text within the evidence text limit', () => {
    const long = 'x'.repeat(LIMITS.evidenceText);
    const [item] = upgrade({ evidence: [{ id: '1', text: long, url: 'data:text/html,hi' }] })
      .evidence as { text: string }[];
    expect(item!.text).toHaveLength(LIMITS.evidenceText);
  });

  it('returns the same record when nothing needs moving, and leaves other tables alone', () => {
    const safe = { evidence: [{ id: '1', text: 'a', url: 'https://x.org/' }] };
    expect(upgrade(safe)).toBe(safe);
    const noEvidence = { criterionId: 'c' };
    expect(upgrade(noEvidence)).toBe(noEvidence);
    const assessment = { evidence: [{ id: '1', text: 'a', url: 'javascript:x' }] };
    expect(upgrade(assessment, 'assessments')).toBe(assessment);
  });
});

describe('v6: every assessment gets a status, draft, and an empty history', () => {
  const v6 = MIGRATIONS.find((m) => m.toVersion === 6)!;

  it('makes an assessment without a status a draft with no history', () => {
    const record = { id: 'a-1', systemName: 'Northshire ICS', asAt: '2019-06-30' };
    expect(v6.upgradeRecord('assessments', record)).toEqual({
      ...record,
      status: { state: 'draft' },
      statusHistory: [],
    });
  });

  it('keeps a status already there, and leaves other tables alone', () => {
    const approved = {
      id: 'a-1',
      status: {
        state: 'approved',
        agreement: { by: 'leadership-team', date: '2021-03-01' },
        approval: { board: 'ICS Partnership Board', date: '2021-03-12' },
      },
      statusHistory: [],
    };
    expect(v6.upgradeRecord('assessments', approved)).toBe(approved);
    const rating = { assessmentId: 'a-1', criterionId: 'care.pcns' };
    expect(v6.upgradeRecord('ratings', rating)).toBe(rating);
  });

  it('gives each assessment a history of its own', () => {
    const [first, second] = [{ id: 'a' }, { id: 'b' }].map(
      (r) => v6.upgradeRecord('assessments', r) as { statusHistory: unknown[] },
    );
    expect(first!.statusHistory).not.toBe(second!.statusHistory);
  });
});

describe('v7: a summary per assessment, built from the ratings', () => {
  const v7 = MIGRATIONS.find((m) => m.toVersion === 7)!;
  const build = (tables: Parameters<NonNullable<Migration['derive']>['build']>[0]) =>
    v7.derive!.build(tables);

  it('builds the summaries table from assessments and ratings, changing no record', () => {
    expect(v7.derive?.table).toBe('assessmentSummaries');
    expect([...(v7.derive?.sources ?? [])].sort()).toEqual(['assessments', 'ratings']);
    expect(v7.tables).toEqual([]);
    const record = { id: 'a-1' };
    expect(v7.upgradeRecord('assessments', record)).toBe(record);
  });

  it('counts rated criteria only: a rating without a level is not assessed', () => {
    expect(
      build({
        assessments: [{ id: 'a-1' }, { id: 'a-2' }],
        ratings: [
          { assessmentId: 'a-1', criterionId: 'c1', level: 'maturing' },
          { assessmentId: 'a-1', criterionId: 'c2', level: null },
          { assessmentId: 'a-1', criterionId: 'c3', level: 'emerging' },
          { assessmentId: 'a-2', criterionId: 'c1', level: null },
        ],
      }),
    ).toEqual([
      { assessmentId: 'a-1', assessedCount: 2 },
      { assessmentId: 'a-2', assessedCount: 0 },
    ]);
  });

  it('gives an assessment without ratings 0 and none to ratings without an assessment', () => {
    expect(
      build({
        assessments: [{ id: 'a-1' }],
        ratings: [{ assessmentId: 'gone', criterionId: 'c1', level: 'thriving' }],
      }),
    ).toEqual([{ assessmentId: 'a-1', assessedCount: 0 }]);
    expect(build({})).toEqual([]);
  });
});
