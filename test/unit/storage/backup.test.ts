import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createBackup,
  NO_WORKSHOPS,
  readBackup,
  type BackupData,
  type BackupProblem,
} from '@/domain/backup/backup-format';
import { planImport, previewImport, resolveImport } from '@/domain/backup/import-plan';
import { canonical } from '@/domain/canonical';
import { LEVEL_IDS } from '@/domain/levels';
import { openFreshTestDatabase } from '@/storage/db';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import { KNOWN_FRAMEWORKS } from '../../support/framework';

const dir = (folder: string): URL => new URL(`../../fixtures/backups/${folder}/`, import.meta.url);
const files = (folder: string): [string, string][] =>
  readdirSync(dir(folder))
    .sort()
    .map((name) => [name, readFileSync(new URL(name, dir(folder)), 'utf8')]);
const valid = readFileSync(new URL('northshire-2021.json', dir('valid')), 'utf8');
const APP = { name: 'ICS Maturity', version: 'test' };

/** What the restore screen does: read, preview against this device, resolve, write. */
async function restore(text: string, choice: 'keep-newer' | 'keep-both' | 'skip' = 'keep-newer') {
  const read = readBackup(text, KNOWN_FRAMEWORKS);
  if (!read.ok) return read;
  const local = await readBackupData();
  const preview = previewImport(read.value.data, local);
  const plan = planImport(read.value.data, local, choice, () => crypto.randomUUID());
  await writeImport(plan.put);
  return { ok: true as const, preview, plan };
}

async function seed(): Promise<void> {
  const read = readBackup(valid, KNOWN_FRAMEWORKS);
  if (!read.ok) throw new Error('fixture invalid');
  await writeImport(read.value.data);
}

beforeEach(() => {
  openFreshTestDatabase();
});

describe('hostile and broken backup files', () => {
  const expected: Record<string, BackupProblem['code']> = {
    'array.json': 'not-a-backup',
    'blank-system-name.json': 'invalid',
    'dangling-rating.json': 'dangling-rating',
    'dangling-workshop.json': 'dangling-record',
    'data-link.json': 'invalid',
    'date-after-2100.json': 'invalid',
    'date-before-2000.json': 'invalid',
    'duplicate-evidence-id.json': 'duplicate',
    'duplicate-assessment.json': 'duplicate',
    'empty.json': 'not-json',
    'future-version.json': 'newer-version',
    'huge-system-name.json': 'invalid',
    'javascript-link.json': 'invalid',
    'level-as-number.json': 'invalid',
    'level-outside-scale.json': 'invalid',
    'malformed.json': 'not-json',
    'missing-field.json': 'invalid',
    'missing-ratings.json': 'invalid',
    'null.json': 'not-a-backup',
    'rating-of-absent-participant.json': 'dangling-record',
    'response-file-dated-9999.json': 'invalid',
    'stamp-in-2100.json': 'invalid',
    'unknown-agreement-criterion.json': 'unknown-criterion',
    'unknown-criterion.json': 'unknown-criterion',
    'unknown-framework-version.json': 'unknown-framework',
    'updated-at-past-js-dates.json': 'invalid',
    'wrong-type-field.json': 'invalid',
    'wrong-type.json': 'not-a-backup',
  };

  it('covers every file in the corpus', () => {
    expect(files('invalid').map(([name]) => name)).toEqual(Object.keys(expected).sort());
  });

  it.each(files('invalid'))(
    '%s is refused with a specific reason and changes nothing',
    async (name, text) => {
      await seed();
      const before = await readBackupData();
      const result = await restore(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.code).toBe(expected[name]);
      expect(await readBackupData()).toEqual(before);
    },
  );

  it('names where an invalid file is wrong', () => {
    const result = readBackup(
      readFileSync(new URL('level-outside-scale.json', dir('invalid')), 'utf8'),
      KNOWN_FRAMEWORKS,
    );
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'data.ratings.0.level' },
    });
  });

  it('refuses 50 MB without parsing it, and survives 10,000-deep nesting', async () => {
    await seed();
    const before = await readBackupData();
    const huge = `{"type":"ics-maturity-backup","padding":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(await restore(huge)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(await restore(deep)).toMatchObject({ ok: false, problem: { code: 'not-a-backup' } });
    const deepField = valid.replace(
      '"scope": "all"',
      `"scope": "all", "extra": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    );
    expect((await restore(deepField)).ok).toBe(true);
    expect(await readBackupData()).toEqual(before);
  });

  it('drops __proto__ and constructor keys instead of merging them', async () => {
    const text = readFileSync(new URL('proto-keys.json', dir('valid')), 'utf8');
    const result = readBackup(text, KNOWN_FRAMEWORKS);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) {
      expect(Object.keys(result.value)).not.toContain('__proto__');
      expect(Object.getPrototypeOf(result.value.data.assessments[0])).toBe(Object.prototype);
    }
  });

  it('imports script and HTML in text fields as plain text, unchanged', async () => {
    const text = readFileSync(new URL('html-everywhere.json', dir('valid')), 'utf8');
    expect((await restore(text)).ok).toBe(true);
    const data = await readBackupData();
    expect(
      data.assessments.some((a) => a.systemName.startsWith('<img src=x onerror=alert(1)>')),
    ).toBe(true);
  });

  it('never throws on 1,000 mutated valid backups, and either refuses or accepts each', () => {
    const original = JSON.parse(valid) as Record<string, unknown>;
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
      fc.property(fc.nat(paths.length - 1), replacement, fc.boolean(), (index, value, truncate) => {
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
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('restore', () => {
  it('previews new, identical and conflicting assessments before writing', async () => {
    await seed();
    const read = readBackup(valid, KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error('fixture invalid');
    const changed = structuredClone(read.value.data);
    changed.assessments[0] = {
      ...changed.assessments[0]!,
      title: 'Renamed elsewhere',
      updatedAt: 9_999_999_999_999,
    };
    changed.assessments.push({ ...changed.assessments[1]!, id: 'brand-new' });
    const preview = previewImport(changed, await readBackupData());
    expect(preview.added.map((a) => a.id)).toEqual(['brand-new']);
    expect(preview.identical).toBe(1);
    expect(preview.conflicts.map((c) => c.title)).toEqual(['Renamed elsewhere']);
  });

  it('resolves conflicts by keeping the newer, keeping both or skipping', async () => {
    await seed();
    const read = readBackup(valid, KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error('fixture invalid');
    const local = await readBackupData();
    const incoming = structuredClone(read.value.data);
    const id = incoming.assessments[0]!.id;
    incoming.assessments[0] = {
      ...incoming.assessments[0]!,
      title: 'Newer title',
      updatedAt: 9_999_999_999_999,
    };

    const skip = resolveImport(incoming, local, 'skip', () => 'x');
    expect(skip.assessments.map((a) => a.id)).not.toContain(id);
    const newer = resolveImport(incoming, local, 'keep-newer', () => 'x');
    expect(newer.assessments.find((a) => a.id === id)?.title).toBe('Newer title');
    const both = resolveImport(incoming, local, 'keep-both', () => 'copy-1');
    expect(both.assessments.find((a) => a.id === 'copy-1')?.title).toBe('Newer title');
    expect(both.ratings.filter((r) => r.assessmentId === 'copy-1').length).toBe(
      incoming.ratings.filter((r) => r.assessmentId === id).length,
    );
    await writeImport(both);
    const after = await readBackupData();
    expect(after.assessments.find((a) => a.id === id)?.title).toBe(
      local.assessments.find((a) => a.id === id)?.title,
    );
    expect(after.assessments).toHaveLength(local.assessments.length + 1);
  });

  it('round trip: export → wipe → import gives back identical data', async () => {
    const text = fc.string({ maxLength: 30 });
    const level = fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null });
    const dataSet = fc
      .uniqueArray(fc.uuid(), { minLength: 0, maxLength: 5 })
      .chain((ids) =>
        fc.record({
          assessments: fc.tuple(
            ...ids.map((id) =>
              fc.record({
                id: fc.constant(id),
                systemName: fc
                  .string({ minLength: 1, maxLength: 40 })
                  .filter((s) => s.trim() !== ''),
                title: text,
                asAt: fc.constantFrom('2019-06-30', '2020-03-31', '2021-02-28'),
                frameworkId: fc.constant('ics-maturity-2019'),
                frameworkVersion: fc.constant('1.0.0'),
                basedOnId: fc.constant(null),
                createdAt: fc.nat(),
                updatedAt: fc.nat(),
                stamps: fc.record({ title: fc.nat() }, { requiredKeys: [] }),
              }),
            ),
          ),
          ratings: fc.tuple(
            ...ids.map((assessmentId) =>
              fc
                .uniqueArray(fc.constantFrom('care.pcns', 'care.phm', 'leadership.governance'), {
                  maxLength: 3,
                })
                .chain((criteria) =>
                  fc.tuple(
                    ...criteria.map((criterionId) =>
                      fc.record({
                        assessmentId: fc.constant(assessmentId),
                        criterionId: fc.constant(criterionId),
                        level,
                        rationale: text,
                        evidence: fc.array(
                          fc.record({ id: fc.uuid(), text, url: fc.constant('') }),
                          { maxLength: 2 },
                        ),
                        confidence: fc.constantFrom('high', 'medium', 'low', null),
                        updatedAt: fc.nat(),
                        stamps: fc.record({ level: fc.nat() }, { requiredKeys: [] }),
                      }),
                    ),
                  ),
                ),
            ),
          ),
        }),
      )
      .map(
        (d) =>
          ({
            assessments: d.assessments,
            ratings: d.ratings.flat(),
            targets: [],
            actions: [],
            ...NO_WORKSHOPS,
          }) as BackupData,
      );

    await fc.assert(
      fc.asyncProperty(dataSet, async (data) => {
        openFreshTestDatabase();
        await writeImport(data);
        const exported = await readBackupData();
        const file = JSON.stringify(
          createBackup(exported, 'all', APP, new Date('2026-11-22T00:00:00Z')),
        );
        openFreshTestDatabase();
        const result = await restore(file);
        expect(result.ok).toBe(true);
        expect(await readBackupData()).toEqual(exported);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a workshop with its assessment: round trip, keep both under new ids, replace when newer', async () => {
    const text = readFileSync(new URL('workshop-2019.json', dir('valid')), 'utf8');
    const read = readBackup(text, KNOWN_FRAMEWORKS);
    if (!read.ok) throw new Error(`fixture invalid: ${JSON.stringify(read.problem)}`);
    const data = read.value.data;
    expect(data.workshops).toHaveLength(1);
    await writeImport(data);
    // Compared table by table as sets: the export sorts rows by key, the fixture need not.
    const asSets = (d: BackupData) =>
      Object.fromEntries(Object.entries(d).map(([k, rows]) => [k, rows.map(canonical).sort()]));
    expect(asSets(await readBackupData())).toEqual(asSets(data));

    // The same file again is identical; an edited copy is a conflict, and "keep both" copies
    // the workshop under new ids so nothing collides with the original.
    const edited = structuredClone(data);
    edited.agreements[0]!.dissent = 'Changed on another laptop';
    edited.assessments[0]!.updatedAt += 1;
    const preview = previewImport(edited, await readBackupData());
    expect(preview.identical).toBe(0);
    expect(preview.conflicts).toHaveLength(1);
    let n = 0;
    const before = await readBackupData();
    const both = resolveImport(edited, before, 'keep-both', () => `copy-${++n}`);
    await writeImport(both);
    const after = await readBackupData();
    expect(after.workshops).toHaveLength(2);
    expect(after.participants).toHaveLength(data.participants.length * 2);
    const copy = after.workshops.find((w) => w.id !== data.workshops[0]!.id)!;
    expect(copy.assessmentId).toMatch(/^copy-/);
    expect(after.agreements.find((a) => a.workshopId === copy.id)?.dissent).toBe(
      'Changed on another laptop',
    );
    expect(after.responseFiles.filter((r) => r.workshopId === copy.id)).toEqual([]);

    // "Keep newer" with a newer file replaces the assessment and its workshop together.
    const newer = resolveImport(edited, await readBackupData(), 'keep-newer', () => 'unused');
    await writeImport(newer);
    const replaced = await readBackupData();
    expect(replaced.agreements.find((a) => a.workshopId === data.workshops[0]!.id)?.dissent).toBe(
      'Changed on another laptop',
    );
    expect(replaced.participants).toHaveLength(data.participants.length * 2);
  });

  it('reads a version 1 file (before workshops) as having none', () => {
    const read = readBackup(valid, KNOWN_FRAMEWORKS);
    expect(read.ok && read.value.version).toBe(2);
    expect(read.ok && read.value.data.workshops).toEqual([]);
  });
});
