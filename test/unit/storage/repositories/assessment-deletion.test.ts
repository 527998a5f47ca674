import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  deleteAssessment,
  deletionImpact,
  undoDeleteAssessment,
} from '@/storage/repositories/assessments-repo';
import type { DatabaseDump } from '@/storage/schema';
import {
  expectedSummaries,
  loadDumpTables,
  storedSummaries,
  summariseAll,
} from '../../../support/seed';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/db/v4.json', import.meta.url), 'utf8'),
) as DatabaseDump;
// Both assessments are of one system; the first one holds the workshop.
const WITH_WORKSHOP = '0b6f4e1c-6a2d-4c1e-9f57-2f1f0a9d1001';
const WITHOUT_WORKSHOP = '0b6f4e1c-6a2d-4c1e-9f57-2f1f0a9d1002';

/** The v4 tables as stored today: the ratings in one set per assessment (v8). */
const TABLES = Object.keys(golden.tables).map((name) => (name === 'ratings' ? 'ratingSets' : name));

async function loadGolden(): Promise<void> {
  await loadDumpTables(golden.tables);
}

/** Every v4 table, each as a sorted list of JSON rows, so two dumps compare exactly. */
async function dump(): Promise<Record<string, string[]>> {
  const db = getDb();
  const result: Record<string, string[]> = {};
  for (const name of TABLES) {
    result[name] = (await db.table(name).toArray()).map((r) => JSON.stringify(r)).sort();
  }
  return result;
}

describe('deleting an assessment', () => {
  beforeEach(async () => {
    openFreshTestDatabase();
    await loadGolden();
  });

  it('deletes its ratings and its workshops with participants, private ratings, agreements and response files', async () => {
    const db = getDb();
    const deleted = await deleteAssessment(WITH_WORKSHOP);
    expect(deleted?.workshops.map((w) => w.id)).toEqual(['ws-0001']);
    expect(deleted?.participants).toHaveLength(2);
    expect(deleted?.individualRatings).toHaveLength(3);
    expect(deleted?.agreements).toHaveLength(1);
    expect(deleted?.responseFiles).toHaveLength(1);

    expect(await db.assessments.get(WITH_WORKSHOP)).toBeUndefined();
    expect(await db.ratingSets.get(WITH_WORKSHOP)).toBeUndefined();
    for (const table of [
      db.workshops,
      db.participants,
      db.individualRatings,
      db.agreements,
      db.responseFiles,
    ]) {
      expect(await table.count(), table.name).toBe(0);
    }
    // The system still has an assessment: its plan stays, and so does the other assessment.
    expect(deleted?.targets).toEqual([]);
    expect(deleted?.actions).toEqual([]);
    expect(await db.targets.count()).toBe(golden.tables.targets?.length);
    expect(await db.actions.count()).toBe(golden.tables.actions?.length);
    expect(await db.assessments.get(WITHOUT_WORKSHOP)).toBeDefined();
    expect((await db.ratingSets.get(WITHOUT_WORKSHOP))?.ratings).toHaveLength(
      golden.tables.ratings!.filter((r) => r.assessmentId === WITHOUT_WORKSHOP).length,
    );
    // A participant's own joined workshops and the settings are not the assessment's.
    expect(await db.joinedWorkshops.count()).toBe(golden.tables.joinedWorkshops?.length);
    expect(await db.settings.count()).toBe(golden.tables.settings.length);
  });

  it('leaves the workshops of the other assessment alone', async () => {
    const db = getDb();
    const deleted = await deleteAssessment(WITHOUT_WORKSHOP);
    expect(deleted?.workshops).toEqual([]);
    expect(await db.workshops.count()).toBe(1);
    expect(await db.participants.count()).toBe(2);
    expect(await db.individualRatings.count()).toBe(3);
  });

  it("takes the system's targets and actions with its last assessment, and only then", async () => {
    const db = getDb();
    await db.targets.add({
      id: 'other-target',
      systemKey: 'eastvale stp',
      characteristicId: 'leadership',
      level: 'thriving',
      date: '2022-04-01',
      updatedAt: 1,
    });
    expect(await deletionImpact(WITH_WORKSHOP)).toEqual({
      workshops: 1,
      participants: 2,
      isLastOfSystem: false,
      targets: golden.tables.targets?.length,
      actions: golden.tables.actions?.length,
    });
    await deleteAssessment(WITH_WORKSHOP);
    expect(await deletionImpact(WITHOUT_WORKSHOP)).toMatchObject({
      workshops: 0,
      isLastOfSystem: true,
    });
    const last = await deleteAssessment(WITHOUT_WORKSHOP);
    expect(last?.targets).toHaveLength(golden.tables.targets?.length ?? -1);
    expect(last?.actions).toHaveLength(golden.tables.actions?.length ?? -1);
    expect(await db.actions.count()).toBe(0);
    // Another system's plan is untouched.
    expect((await db.targets.toArray()).map((t) => t.id)).toEqual(['other-target']);
  });

  it('matches the system as systemKey does (case and spaces do not matter)', async () => {
    const db = getDb();
    await db.assessments.update(WITHOUT_WORKSHOP, {
      systemName: '  northshire AND  eastvale ICS ',
    });
    expect((await deletionImpact(WITH_WORKSHOP))?.isLastOfSystem).toBe(false);
    const deleted = await deleteAssessment(WITH_WORKSHOP);
    expect(deleted?.actions).toEqual([]);
    expect(await db.actions.count()).toBe(golden.tables.actions?.length);
  });

  it('undo restores every record of every table exactly, plan included', async () => {
    const before = await dump();
    const first = await deleteAssessment(WITH_WORKSHOP);
    const second = await deleteAssessment(WITHOUT_WORKSHOP);
    const emptied = await dump();
    for (const name of [
      'assessments',
      'ratingSets',
      'targets',
      'actions',
      'workshops',
      'participants',
      'individualRatings',
      'agreements',
      'responseFiles',
    ]) {
      expect(emptied[name], name).toEqual([]);
    }
    await undoDeleteAssessment(second!);
    await undoDeleteAssessment(first!);
    expect(await dump()).toEqual(before);
  });

  it("takes the drafts of its workshops' notes, and of the plan with the system's last assessment", async () => {
    const db = getDb();
    const draft = (form: string) => ({
      form,
      values: { rationale: 'Private note' },
      stamps: {},
      updatedAt: 1,
    });
    await db.drafts.bulkAdd([
      draft('note:ws-0001:care.pcns'),
      draft('note:other-workshop:care.pcns'),
      draft('action:northshire and eastvale ics'),
      draft('action:eastvale stp'),
    ]);
    const forms = async () => (await db.drafts.toCollection().primaryKeys()).sort();
    const first = await deleteAssessment(WITH_WORKSHOP);
    expect(first?.drafts.map((d) => d.form)).toEqual(['note:ws-0001:care.pcns']);
    expect(await forms()).toEqual([
      'action:eastvale stp',
      'action:northshire and eastvale ics',
      'note:other-workshop:care.pcns',
    ]);
    const second = await deleteAssessment(WITHOUT_WORKSHOP);
    expect(second?.drafts.map((d) => d.form)).toEqual(['action:northshire and eastvale ics']);
    expect(await forms()).toEqual(['action:eastvale stp', 'note:other-workshop:care.pcns']);
    await undoDeleteAssessment(second!);
    await undoDeleteAssessment(first!);
    expect(await db.drafts.count()).toBe(4);
  });

  it('returns null and changes nothing for an unknown id', async () => {
    const before = await dump();
    expect(await deleteAssessment('no-such-id')).toBeNull();
    expect(await deletionImpact('no-such-id')).toBeNull();
    expect(await dump()).toEqual(before);
  });

  it('deletes nothing when the transaction fails part-way', async () => {
    const db = getDb();
    const before = await dump();
    const original = db.actions.where.bind(db.actions);
    await deleteAssessment(WITH_WORKSHOP);
    const afterFirst = await dump();
    let calls = 0;
    // The first call reads the actions; the second, deleting them, fails after ratings, the
    // workshop records and the targets have been deleted in the same transaction.
    db.actions.where = ((index: string) => {
      if (index === 'systemKey' && ++calls === 2) throw new Error('disk full');
      return original(index);
    }) as typeof db.actions.where;
    await expect(deleteAssessment(WITHOUT_WORKSHOP)).rejects.toThrow('disk full');
    db.actions.where = original;
    expect(await dump()).toEqual(afterFirst);
    expect(afterFirst).not.toEqual(before);
  });

  it('deletes the summary with the assessment, and undo brings it back as the ratings say', async () => {
    await summariseAll();
    const db = getDb();
    const before = await storedSummaries();
    expect((await db.assessmentSummaries.get(WITH_WORKSHOP))?.assessedCount).toBeGreaterThan(0);
    const deleted = await deleteAssessment(WITH_WORKSHOP);
    expect(await db.assessmentSummaries.get(WITH_WORKSHOP)).toBeUndefined();
    expect(await storedSummaries()).toEqual(await expectedSummaries());
    // Undo rebuilds it from the ratings put back, not from a copy.
    await db.assessmentSummaries.clear();
    await undoDeleteAssessment(deleted!);
    expect(await db.assessmentSummaries.get(WITH_WORKSHOP)).toEqual(
      before.find((s) => s.assessmentId === WITH_WORKSHOP),
    );
  });
});
