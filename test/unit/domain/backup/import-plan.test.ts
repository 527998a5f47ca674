import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBackup, type BackupData } from '@/domain/backup/backup-format';
import { planImport, previewImport, resolveImport } from '@/domain/backup/import-plan';
import { KNOWN_FRAMEWORKS } from '../../../support/framework';

/**
 * Pure planning of an import: what the preview shows and which records each rule writes. The same
 * rules against a real database, through the restore use case:
 * test/unit/features/backup/lib/restore.test.ts.
 */
const read = (name: string): BackupData => {
  const text = readFileSync(
    new URL(`../../../fixtures/backups/valid/${name}`, import.meta.url),
    'utf8',
  );
  const result = readBackup(text, KNOWN_FRAMEWORKS);
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problem)}`);
  return result.value.data;
};

describe('previewImport', () => {
  it('tells new, identical and conflicting assessments apart', () => {
    const local = read('northshire-2021.json');
    const changed = structuredClone(local);
    changed.assessments[0] = {
      ...changed.assessments[0]!,
      title: 'Renamed elsewhere',
      updatedAt: 9_999_999_999_999,
    };
    changed.assessments.push({ ...changed.assessments[1]!, id: 'brand-new' });
    const preview = previewImport(changed, local);
    expect(preview.added.map((a) => a.id)).toEqual(['brand-new']);
    expect(preview.identical).toBe(1);
    expect(preview.conflicts.map((c) => c.title)).toEqual(['Renamed elsewhere']);
    expect(preview.conflicts[0]).toMatchObject({
      localUpdatedAt: local.assessments[0]!.updatedAt,
      incomingUpdatedAt: 9_999_999_999_999,
    });
  });

  it('counts an edited workshop record as a conflict of its assessment', () => {
    const local = read('workshop-2019.json');
    expect(previewImport(local, local)).toMatchObject({ identical: 1, conflicts: [] });
    const edited = structuredClone(local);
    edited.agreements[0]!.dissent = 'Changed on another laptop';
    expect(previewImport(edited, local).conflicts.map((c) => c.id)).toEqual([
      local.assessments[0]!.id,
    ]);
  });
});

describe('planImport', () => {
  it('resolves a conflict by keeping the newer, keeping both or skipping', () => {
    const local = read('northshire-2021.json');
    const incoming = structuredClone(local);
    const id = incoming.assessments[0]!.id;
    incoming.assessments[0] = {
      ...incoming.assessments[0]!,
      title: 'Newer title',
      updatedAt: 9_999_999_999_999,
    };

    const skip = resolveImport(incoming, local, 'skip', () => 'x');
    expect(skip.assessments).toEqual([]);
    expect(planImport(incoming, local, 'skip', () => 'x').counts.assessments).toEqual({
      added: 0,
      replaced: 0,
      kept: 1,
    });

    const newer = resolveImport(incoming, local, 'keep-newer', () => 'x');
    expect(newer.assessments.map((a) => [a.id, a.title])).toEqual([[id, 'Newer title']]);

    const both = resolveImport(incoming, local, 'keep-both', () => 'copy-1');
    expect(both.assessments.map((a) => [a.id, a.title])).toEqual([['copy-1', 'Newer title']]);
    expect(both.ratings.filter((r) => r.assessmentId === 'copy-1')).toHaveLength(
      incoming.ratings.filter((r) => r.assessmentId === id).length,
    );
    expect(both.ratings.filter((r) => r.assessmentId === id)).toEqual([]);
  });

  it("keeps this device's copy when the file's is older", () => {
    const local = read('northshire-2021.json');
    const older = structuredClone(local);
    older.assessments[0] = { ...older.assessments[0]!, title: 'Older title', updatedAt: 1 };
    const plan = planImport(older, local, 'keep-newer', () => 'x');
    expect(plan.put.assessments).toEqual([]);
    expect(plan.counts.assessments).toEqual({ added: 0, replaced: 0, kept: 1 });
  });

  it('copies a workshop under new ids with "keep both", leaving its response files behind', () => {
    const local = read('workshop-2019.json');
    const edited = structuredClone(local);
    edited.agreements[0]!.dissent = 'Changed on another laptop';
    let n = 0;
    const both = resolveImport(edited, local, 'keep-both', () => `copy-${++n}`);
    expect(both.workshops).toHaveLength(1);
    const copy = both.workshops[0]!;
    expect(copy.id).not.toBe(local.workshops[0]!.id);
    expect(copy.assessmentId).toMatch(/^copy-/);
    expect(both.participants).toHaveLength(local.participants.length);
    for (const p of both.participants) {
      expect(p.workshopId).toBe(copy.id);
      expect(local.participants.map((l) => l.id)).not.toContain(p.id);
    }
    expect(both.agreements.find((a) => a.workshopId === copy.id)?.dissent).toBe(
      'Changed on another laptop',
    );
    expect(both.responseFiles).toEqual([]);
  });

  it('adds everything of a file this device has none of, with every rule', () => {
    const file = read('workshop-2019.json');
    const empty: BackupData = Object.fromEntries(
      Object.keys(file).map((k) => [k, []]),
    ) as unknown as BackupData;
    for (const choice of ['keep-newer', 'keep-both', 'skip'] as const) {
      const plan = planImport(file, empty, choice, () => 'unused');
      expect(plan.put).toEqual(file);
      expect(plan.rekeyed).toBe(0);
    }
  });
});
