import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup, readBackup, type BackupData } from '@/domain/backup/backup-format';
import { planImport, previewImport, type ConflictChoice } from '@/domain/backup/import-plan';
import { openFreshTestDatabase } from '@/storage/db';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import {
  addParticipant,
  createWorkshop,
  recordAgreement,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { KNOWN_FRAMEWORKS } from '../../support/framework';

/**
 * Restoring never deletes or moves what it was not asked to. Workshops are
 * compared in their own right, "keep this device's copy" keeps all of it, and the preview counts
 * what each rule would add, replace or keep, per kind of record, before anything is written.
 */
const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/backups/valid/${name}`, import.meta.url), 'utf8');
const APP = { name: 'ICS Maturity', version: 'test' };
const CRITERIA = [
  'leadership.shared-vision',
  'leadership.multi-professional',
  'leadership.governance',
  'care.pcns',
  'care.phm',
];

function read(text: string): BackupData {
  const result = readBackup(text, KNOWN_FRAMEWORKS);
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problem)}`);
  return result.value.data;
}

/** What the restore screen does: preview and plan against this device, then write the plan. */
async function restore(data: BackupData, choice: ConflictChoice = 'keep-newer') {
  const local = await readBackupData();
  const preview = previewImport(data, local);
  const plan = planImport(data, local, choice, () => crypto.randomUUID());
  await writeImport(plan.put);
  return { preview, plan };
}

/** A workshop run on this device: 2 participants, 10 private ratings, 2 notes. */
async function runWorkshop(assessmentId: string): Promise<string> {
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Partnership board workshop',
    date: '2021-03-01',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: CRITERIA,
  });
  for (const label of ['Acute CEO', 'Council director']) {
    const participantId = await addParticipant(workshopId, {
      label,
      organisation: 'Northshire',
      sector: 'acute-trust',
    });
    for (const criterionId of CRITERIA)
      await saveIndividualRating(workshopId, participantId, criterionId, 'maturing', '');
  }
  for (const criterionId of CRITERIA.slice(0, 2))
    await recordAgreement(workshopId, {
      criterionId,
      level: null,
      rationale: `Note on ${criterionId}`,
      dissent: '',
    });
  return workshopId;
}

const workshopTables = (d: BackupData) => ({
  workshops: d.workshops,
  participants: d.participants,
  individualRatings: d.individualRatings,
  agreements: d.agreements,
});

beforeEach(() => {
  openFreshTestDatabase();
});

describe('restoring keeps what it was not asked to change', () => {
  it('the default choice keeps a newer local workshop (2 participants, 10 private ratings, 2 notes), and the preview counts per kind', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const id = seed.assessments[0]!.id;
    // The file: the same assessment, edited on another device after this one last changed it,
    // but before this device ran its workshop (workshop activity does not touch updatedAt).
    const file = structuredClone(await readBackupData());
    file.assessments[0] = {
      ...file.assessments[0]!,
      title: 'Edited on the other laptop',
      updatedAt: file.assessments[0]!.updatedAt + 1_000,
    };
    await runWorkshop(id);
    const before = await readBackupData();
    expect(before.participants).toHaveLength(2);
    expect(before.individualRatings).toHaveLength(10);
    expect(before.agreements).toHaveLength(2);

    const text = JSON.stringify(createBackup(file, 'all', APP, new Date('2021-03-01T00:00:00Z')));
    const { preview, plan } = await restore(read(text));
    expect(preview.conflicts.map((c) => c.id)).toEqual([id]);
    expect(plan.counts.assessments).toEqual({ added: 0, replaced: 1, kept: 0 });
    for (const kind of ['workshops', 'participants', 'individualRatings', 'agreements'] as const)
      expect(plan.counts[kind]).toEqual({ added: 0, replaced: 0, kept: 0 });

    const after = await readBackupData();
    expect(after.assessments.find((a) => a.id === id)?.title).toBe('Edited on the other laptop');
    expect(workshopTables(after)).toEqual(workshopTables(before));
  });

  it('an older copy of the same workshop in the file replaces none of the newer local records', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const id = seed.assessments[0]!.id;
    await runWorkshop(id);
    const before = await readBackupData();
    // The file holds the workshop as it was earlier: older private ratings, an older note,
    // and one rating the room never changed here.
    const file = structuredClone(before);
    file.assessments[0]!.updatedAt += 1_000;
    file.individualRatings.forEach((r) => {
      r.level = 'emerging';
      r.ratedAt -= 60_000;
    });
    file.agreements[0] = { ...file.agreements[0]!, rationale: 'Old note', agreedAt: 1 };
    file.participants[0] = { ...file.participants[0]!, label: 'Renamed in the file' };
    const { plan } = await restore(file);
    expect(plan.counts.individualRatings).toEqual({ added: 0, replaced: 0, kept: 10 });
    expect(plan.counts.agreements).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(plan.counts.participants).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(workshopTables(await readBackupData())).toEqual(workshopTables(before));
  });

  it('"keep this device\'s copy" keeps local targets and actions too, and adds only new ones', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.assessments[0] = {
      ...file.assessments[0]!,
      title: 'Theirs',
      updatedAt: 1_600_000_000_000,
    };
    file.targets[0] = { ...file.targets[0]!, level: 'thriving', updatedAt: 1_600_000_000_000 };
    file.actions[0] = { ...file.actions[0]!, title: 'Theirs', updatedAt: 1_600_000_000_000 };
    file.actions.push({ ...file.actions[1]!, id: 'act-new', title: 'A new action' });
    const { plan } = await restore(file, 'skip');
    expect(plan.counts.targets).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(plan.counts.actions).toEqual({ added: 1, replaced: 0, kept: 1 });
    expect(plan.counts.assessments).toEqual({ added: 0, replaced: 0, kept: 1 });
    const after = await readBackupData();
    expect(after.assessments).toEqual(before.assessments);
    expect(after.targets).toEqual(before.targets);
    expect(after.actions.filter((a) => a.id !== 'act-new')).toEqual(before.actions);
    expect(after.actions.find((a) => a.id === 'act-new')?.title).toBe('A new action');
  });

  it('"keep the newer" takes a newer target or action and keeps an older one', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.targets[0] = { ...file.targets[0]!, level: 'thriving', updatedAt: 1_600_000_000_000 };
    file.targets[1] = { ...file.targets[1]!, level: 'emerging', updatedAt: 1 };
    file.actions[0] = { ...file.actions[0]!, title: 'Older', updatedAt: 1 };
    const { plan } = await restore(file);
    expect(plan.counts.targets).toEqual({ added: 0, replaced: 1, kept: 1 });
    expect(plan.counts.actions).toEqual({ added: 0, replaced: 0, kept: 1 });
    const after = await readBackupData();
    expect(after.targets.map((t) => t.level)).toEqual([
      'thriving',
      ...before.targets.slice(1).map((t) => t.level),
    ]);
    expect(after.actions).toEqual(before.actions);
  });

  it('never removes local ratings the file does not have', async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const id = seed.assessments[0]!.id;
    const file = structuredClone(before);
    file.assessments[0]!.updatedAt += 1_000;
    const dropped = file.ratings.findIndex((r) => r.assessmentId === id);
    const [gone] = file.ratings.splice(dropped, 1);
    await restore(file);
    const after = await readBackupData();
    expect(after.ratings).toContainEqual(gone);
  });
});

describe('ids in a file that belong to another record here', () => {
  it.each(['keep-newer', 'keep-both', 'skip'] as const)(
    "a file's workshop and participant ids equal to another assessment's local ones are re-keyed, never merged (%s)",
    async (choice) => {
      const seed = read(fixture('northshire-2021.json'));
      await writeImport(seed);
      const mineId = seed.assessments[0]!.id;
      await runWorkshop(mineId);
      const before = await readBackupData();
      const local = before.workshops[0]!;
      const localParticipant = before.participants[0]!;
      // The file: a different assessment whose workshop and participant reuse those ids.
      const file = read(fixture('workshop-2019.json'));
      const theirs = structuredClone(file);
      theirs.assessments[0]!.id = 'their-assessment';
      theirs.ratings.forEach((r) => (r.assessmentId = 'their-assessment'));
      const oldWorkshopId = theirs.workshops[0]!.id;
      const oldParticipantId = theirs.participants[0]!.id;
      const swap = (id: string): string =>
        id === oldWorkshopId ? local.id : id === oldParticipantId ? localParticipant.id : id;
      theirs.workshops[0] = {
        ...theirs.workshops[0]!,
        id: local.id,
        assessmentId: 'their-assessment',
        title: 'Their workshop',
      };
      theirs.participants.forEach((p) => {
        p.id = swap(p.id);
        p.workshopId = swap(p.workshopId);
      });
      theirs.individualRatings.forEach((r) => {
        r.workshopId = swap(r.workshopId);
        r.participantId = swap(r.participantId);
      });
      theirs.agreements.forEach((a) => (a.workshopId = swap(a.workshopId)));
      theirs.responseFiles.forEach((r) => {
        r.workshopId = swap(r.workshopId);
        r.participantId = swap(r.participantId);
      });
      {
        const { plan } = await restore(theirs, choice);
        expect(plan.rekeyed).toBeGreaterThanOrEqual(2);
        const after = await readBackupData();
        // Nothing local moved, retitled or overwritten.
        expect(after.workshops.find((w) => w.id === local.id)).toEqual(local);
        expect(after.participants.find((p) => p.id === localParticipant.id)).toEqual(
          localParticipant,
        );
        for (const table of ['participants', 'individualRatings', 'agreements'] as const)
          expect(after[table].filter((r) => r.workshopId === local.id)).toEqual(
            before[table].filter((r) => r.workshopId === local.id),
          );
        // Their workshop is there under a new id, with its own participants.
        const copy = after.workshops.find((w) => w.title === 'Their workshop')!;
        expect(copy.id).not.toBe(local.id);
        expect(copy.assessmentId).toBe('their-assessment');
        expect(after.participants.filter((p) => p.workshopId === copy.id)).toHaveLength(
          theirs.participants.length,
        );
      }
    },
  );

  it("a target or action id of another system here is re-keyed, not moved to the file's system", async () => {
    const seed = read(fixture('northshire-2021.json'));
    await writeImport(seed);
    const before = await readBackupData();
    const file = structuredClone(before);
    file.targets = [{ ...before.targets[0]!, systemKey: 'another ics' }];
    file.actions = [{ ...before.actions[0]!, systemKey: 'another ics', title: 'Theirs' }];
    const { plan } = await restore({ ...file, assessments: [], ratings: [] });
    expect(plan.rekeyed).toBe(2);
    const after = await readBackupData();
    expect(after.targets.filter((t) => t.id === before.targets[0]!.id)).toEqual([
      before.targets[0],
    ]);
    expect(after.actions.filter((a) => a.id === before.actions[0]!.id)).toEqual([
      before.actions[0],
    ]);
    expect(after.actions.find((a) => a.title === 'Theirs')?.systemKey).toBe('another ics');
    expect(after.targets.filter((t) => t.systemKey === 'another ics')).toHaveLength(1);
  });
});

describe('schema v5 stamps travel with a backup', () => {
  it('per-item evidence stamps and workshop note stamps survive export and restore', async () => {
    const seed = read(fixture('workshop-2019.json'));
    const data = structuredClone(seed);
    const at = 1_568_000_000_000;
    data.ratings[0]!.stamps = { level: at, 'evidence:ev-1:text': at, 'evidence:ev-1:url': at };
    data.individualRatings[0]!.stamps = { level: at, note: at };
    data.agreements[0]!.stamps = { rationale: at, dissent: at };
    await writeImport(data);
    const exported = await readBackupData();
    expect(
      exported.ratings.find((r) => r.criterionId === data.ratings[0]!.criterionId)?.stamps,
    ).toEqual(data.ratings[0]!.stamps);
    const text = JSON.stringify(createBackup(exported, 'all', APP, new Date()));
    openFreshTestDatabase();
    await restore(read(text));
    expect(await readBackupData()).toEqual(exported);
  });
});
