import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '@/domain/assessment';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import {
  makeSnapshot,
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  snapshotId,
  SNAPSHOT_TYPE,
  type Snapshot,
} from '@/domain/regional/snapshot';
import { shippedFramework } from '../../../support/framework';

const framework = shippedFramework;
const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((k) => k.id));
const PUBLISHED = new Date('2026-11-30T10:00:00.000Z');

function rating(criterionId: string, level: LevelId | null, secret = 'x'): Rating {
  return {
    assessmentId: 'a-1',
    criterionId,
    level,
    rationale: `Rationale by ${secret}`,
    evidence: [{ id: 'e1', text: `Minutes of ${secret}`, url: 'https://example.org/' }],
    confidence: 'high',
    updatedAt: 1,
  };
}

function snapshotOf(levels: (LevelId | null)[], systemName = '  Northshire   ICS '): Snapshot {
  return makeSnapshot({
    assessment: {
      systemName,
      asAt: '2026-09-30',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      status: { state: 'agreed' },
    },
    ratings: criterionIds.map((id, i) => rating(id, levels[i] ?? null)),
    framework,
    targets: [
      { characteristicId: framework.characteristics[0]!.id, level: 'maturing', date: '2027-03-31' },
    ],
    publishedAt: PUBLISHED,
  });
}

const all = (level: LevelId | null) => criterionIds.map(() => level);
const read = (value: unknown) => readSnapshot(JSON.stringify(value), [framework]);

describe('makeSnapshot', () => {
  it('holds the levels the scoring rules give, the counts, the key and the targets', () => {
    const snapshot = snapshotOf(all('maturing'));
    expect(snapshot.type).toBe(SNAPSHOT_TYPE);
    expect(snapshot.system).toEqual({ name: 'Northshire ICS', key: 'northshire ics' });
    expect(snapshot.overall).toBe('maturing');
    expect(snapshot.status).toBe('agreed');
    expect(snapshot.assessedCount).toBe(criterionIds.length);
    expect(snapshot.criteria).toHaveLength(criterionIds.length);
    expect(snapshot.characteristics.map((c) => c.level)).toEqual(
      framework.characteristics.map(() => 'maturing'),
    );
    expect(snapshot.characteristics[0]!.target).toEqual({ level: 'maturing', date: '2027-03-31' });
    expect(snapshot.characteristics[1]!.target).toBeNull();
    expect(snapshot.publishedAt).toBe(PUBLISHED.toISOString());
  });

  it('gives no level to a characteristic with too few criteria assessed', () => {
    const snapshot = snapshotOf(all(null));
    expect(snapshot.overall).toBeNull();
    expect(snapshot.assessedCount).toBe(0);
    expect(snapshot.characteristics.every((c) => c.level === null)).toBe(true);
  });

  it('keeps the latest target of a characteristic', () => {
    const id = framework.characteristics[0]!.id;
    const snapshot = makeSnapshot({
      assessment: {
        systemName: 'A',
        asAt: '2026-01-01',
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        status: { state: 'draft' },
      },
      ratings: [],
      framework,
      targets: [
        { characteristicId: id, level: 'thriving', date: '2029-01-01' },
        { characteristicId: id, level: 'maturing', date: '2027-01-01' },
      ],
      publishedAt: PUBLISHED,
    });
    expect(snapshot.characteristics[0]!.target).toEqual({ level: 'thriving', date: '2029-01-01' });
  });
});

const levelArb = fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null });
const secretArb = fc.stringMatching(/^[a-z0-9]{4,12}$/).map((s) => `ZQX${s}`);

describe('snapshot round trip and privacy (property)', () => {
  it('reads back exactly what was made, and never holds any free text of the assessment', () => {
    fc.assert(
      fc.property(
        fc.array(levelArb, { minLength: criterionIds.length, maxLength: criterionIds.length }),
        fc.array(secretArb, { minLength: criterionIds.length, maxLength: criterionIds.length }),
        secretArb,
        fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}$/),
        (levels, secrets, title, systemName) => {
          const snapshot = makeSnapshot({
            assessment: {
              systemName,
              asAt: '2025-03-31',
              frameworkId: framework.id,
              frameworkVersion: framework.version,
              status: { state: 'approved' },
              // Extra fields of a real assessment are never copied.
              ...{ title, id: title },
            },
            ratings: criterionIds.map((id, i) => rating(id, levels[i]!, secrets[i])),
            framework,
            targets: [],
            publishedAt: PUBLISHED,
          });
          const text = JSON.stringify(snapshot);
          expect(text).not.toContain('ZQX');
          expect(text).not.toContain('Rationale');
          expect(text).not.toContain('example.org');
          const back = readSnapshot(text, [framework]);
          expect(back).toEqual({ ok: true, value: snapshot });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('readSnapshot refuses bad files with a reason', () => {
  const good = snapshotOf(all('developing'));

  it('accepts a good file', () => {
    expect(read(good).ok).toBe(true);
  });

  it('refuses what is not JSON, not a snapshot, too large or from a newer version', () => {
    expect(readSnapshot('{', [framework])).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(read({ type: 'ics-maturity-backup' })).toEqual({
      ok: false,
      problem: { code: 'not-a-snapshot' },
    });
    expect(read([1])).toEqual({ ok: false, problem: { code: 'not-a-snapshot' } });
    expect(read({ ...good, version: 2 })).toEqual({
      ok: false,
      problem: { code: 'newer-version' },
    });
    expect(readSnapshot('{}', [framework], MAX_SNAPSHOT_BYTES + 1)).toEqual({
      ok: false,
      problem: { code: 'too-large' },
    });
  });

  it('refuses a field it does not know (free text cannot ride along) and says where', () => {
    const result = read({ ...good, notes: 'Dr Smith said…' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('invalid');
    const nested = read({
      ...good,
      criteria: good.criteria.map((c, i) => (i === 0 ? { ...c, rationale: 'name' } : c)),
    });
    expect(!nested.ok && nested.problem).toMatchObject({ code: 'invalid', path: 'criteria.0' });
  });

  it('refuses a hand-edited level that the scoring rules do not give', () => {
    expect(read({ ...good, overall: 'thriving' })).toEqual({
      ok: false,
      problem: { code: 'levels-mismatch' },
    });
    const characteristics = good.characteristics.map((c, i) =>
      i === 2 ? { ...c, level: 'thriving' } : c,
    );
    expect(read({ ...good, characteristics })).toEqual({
      ok: false,
      problem: { code: 'levels-mismatch' },
    });
  });

  it('refuses an unknown framework, missing criteria and a key that is not the name’s', () => {
    expect(read({ ...good, framework: { id: 'other', version: '1.0.0' } })).toEqual({
      ok: false,
      problem: { code: 'unknown-framework', version: 'other@1.0.0' },
    });
    expect(read({ ...good, criteria: good.criteria.slice(1) })).toEqual({
      ok: false,
      problem: { code: 'criteria-mismatch' },
    });
    expect(read({ ...good, system: { name: 'Northshire ICS', key: 'southshire ics' } })).toEqual({
      ok: false,
      problem: { code: 'wrong-key' },
    });
  });

  it('refuses a publication time in the future', () => {
    const result = read({ ...good, publishedAt: '2999-01-01T00:00:00.000Z' });
    expect(!result.ok && result.problem).toMatchObject({ code: 'invalid', path: 'publishedAt' });
  });
});

describe('snapshotId', () => {
  it('is the same for the same system, date and publication, whatever the name’s spacing', () => {
    const a = snapshotOf(all('developing'), 'Northshire ICS');
    const b = snapshotOf(all('maturing'), ' northshire  ics');
    expect(snapshotId(a)).toBe(snapshotId(b));
    expect(snapshotId({ ...a, asAt: '2026-10-01' })).not.toBe(snapshotId(a));
  });
});

describe('the snapshot file format', () => {
  it('still reads a file written by version 1 (test/fixtures/regional)', () => {
    const text = readFileSync(
      new URL('../../../fixtures/regional/southvale-2026-03-31.json', import.meta.url),
      'utf8',
    );
    const result = readSnapshot(text, [framework]);
    expect(result.ok && result.value.system).toEqual({
      name: 'Southvale ICS',
      key: 'southvale ics',
    });
  });
});
