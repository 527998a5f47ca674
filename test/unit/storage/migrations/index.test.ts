import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/domain/assessment';
import { derivations, MIGRATIONS, type Derivation } from '@/storage/migrations';
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
      // Each derivation sees the tables as the ones before it built them.
      const tables: Record<string, unknown> = structuredClone(before.tables);
      for (const derive of derivations(migration)) {
        const sources = structuredClone(tables);
        const built = derive.build(sources as Parameters<Derivation['build']>[0]);
        expect(built, `v${migration.toVersion} ${derive.table}`).toEqual(
          (after.tables as Record<string, unknown>)[derive.table],
        );
        expect(sources).toEqual(tables);
        tables[derive.table] = built;
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
  const [derive] = derivations(v7);
  const build = (tables: Parameters<Derivation['build']>[0]) => derive!.build(tables);

  it('builds the summaries table from assessments and ratings, changing no record', () => {
    expect(derivations(v7)).toHaveLength(1);
    expect(derive?.table).toBe('assessmentSummaries');
    expect([...(derive?.sources ?? [])].sort()).toEqual(['assessments', 'ratings']);
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

describe('v8: the ratings as one set per assessment, and summaries with what a list row shows', () => {
  const v8 = MIGRATIONS.find((m) => m.toVersion === 8)!;
  const [sets, summaries, systems] = derivations(v8);
  const rating = (assessmentId: string, criterionId: string, level: string | null) => ({
    assessmentId,
    criterionId,
    level,
    rationale: '',
    evidence: [],
    confidence: null,
    updatedAt: 1,
    stamps: {},
  });

  it('builds the rating sets from the ratings, then the summaries from them, changing no record', () => {
    expect(v8.tables).toEqual([]);
    expect(sets?.table).toBe('ratingSets');
    expect(sets?.sources).toEqual(['ratings']);
    expect(summaries?.table).toBe('assessmentSummaries');
    expect([...(summaries?.sources ?? [])].sort()).toEqual(['assessments', 'ratingSets']);
    expect(systems?.table).toBe('systemSummaries');
    expect(systems?.sources).toEqual(['assessmentSummaries']);
  });

  it('gives each system its count and its newest three, newest first (same date: made later first)', () => {
    const summary = (assessmentId: string, systemKey: string, asAt: string, createdAt: number) => ({
      assessmentId,
      systemKey,
      systemName: systemKey.toUpperCase(),
      title: '',
      asAt,
      createdAt,
      updatedAt: createdAt,
      status: { state: 'draft' },
      assessedCount: 0,
    });
    const rows = [
      summary('a', 'north', '2020-01-01', 1),
      summary('b', 'north', '2021-01-01', 1),
      summary('c', 'west', '2019-01-01', 1),
      summary('d', 'north', '2021-01-01', 2),
      summary('e', 'north', '2019-06-30', 1),
    ];
    expect(
      systems!
        .build({ assessmentSummaries: rows })
        .map((s) => [
          s.systemKey,
          s.systemName,
          s.count,
          (s.newest as { assessmentId: string }[]).map((n) => n.assessmentId),
        ]),
    ).toEqual([
      ['north', 'NORTH', 4, ['d', 'b', 'a']],
      ['west', 'WEST', 1, ['c']],
    ]);
  });

  it('keeps every rating, each set in criterion order, even one of an assessment that is gone', () => {
    const ratings = [
      rating('a-2', 'care.pcns', 'emerging'),
      rating('a-1', 'leadership.shared-vision', 'thriving'),
      rating('a-1', 'care.phm', null),
      rating('gone', 'care.pcns', 'maturing'),
    ];
    const built = sets!.build({ ratings });
    expect(built).toEqual([
      { assessmentId: 'a-2', ratings: [ratings[0]] },
      { assessmentId: 'a-1', ratings: [ratings[2], ratings[1]] },
      { assessmentId: 'gone', ratings: [ratings[3]] },
    ]);
    expect(built.flatMap((s) => s.ratings as unknown[])).toHaveLength(ratings.length);
    expect(sets!.build({})).toEqual([]);
  });

  it('gives every assessment a summary: its row, its system key, and its count (0 without ratings)', () => {
    const assessment = {
      id: 'a-1',
      systemName: ' Northshire  ICS',
      title: 'Baseline',
      asAt: '2019-06-30',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
      basedOnId: null,
      status: { state: 'draft' },
      statusHistory: [],
      createdAt: 1,
      updatedAt: 2,
      stamps: {},
    };
    const built = summaries!.build({
      assessments: [assessment, { ...assessment, id: 'a-2' }],
      ratingSets: [
        {
          assessmentId: 'a-1',
          ratings: [rating('a-1', 'care.pcns', 'emerging'), rating('a-1', 'care.phm', null)],
        },
        { assessmentId: 'gone', ratings: [rating('gone', 'care.pcns', 'emerging')] },
      ],
    });
    expect(built).toEqual([
      {
        assessmentId: 'a-1',
        systemKey: 'northshire ics',
        systemName: ' Northshire  ICS',
        title: 'Baseline',
        asAt: '2019-06-30',
        createdAt: 1,
        updatedAt: 2,
        status: { state: 'draft' },
        assessedCount: 1,
      },
      expect.objectContaining({ assessmentId: 'a-2', assessedCount: 0 }),
    ]);
  });
});
