import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { makeResponse, type ResponseFile } from '@/domain/workshop/response-file';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  revealRound1,
  revealRound2,
  saveRound2Vote,
  startRound2,
} from '@/storage/repositories/workshop-rounds-repo';
import {
  addParticipant,
  getWorkshopData,
  importResponses,
  recordAgreement,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { seedAssessment, seedWorkshop } from '../../../support/seed';

const SCOPE = ['leadership.shared-vision', 'care.pcns', 'care.phm'];

async function setUp(): Promise<string> {
  return seedWorkshop(await seedAssessment({}), SCOPE);
}

function file(
  workshopId: string,
  round: 1 | 2,
  submittedAt: string,
  ratings: Record<string, LevelId>,
  participantId = 'remote-1',
): ResponseFile {
  return makeResponse({
    workshop: { id: workshopId, title: 'Board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: {
      id: participantId,
      label: 'Council director',
      organisation: 'Northshire Council',
      sector: 'local-authority',
    },
    ratings: Object.entries(ratings).map(([criterionId, level]) => ({
      criterionId,
      level,
      note: round === 1 ? 'my note' : '',
    })),
    submittedAt,
    round,
  });
}

/** The ratings as the spread sees them: round 1 level and round 2 level per criterion. */
async function votes(workshopId: string) {
  const data = await getWorkshopData(workshopId);
  return Object.fromEntries(
    (data?.ratings ?? [])
      .map((r) => [`${r.participantId} ${r.criterionId}`, [r.level, r.round2?.level ?? null]])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

describe('workshop rounds repository', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('keeps round 1’s reveal on the workshop, criterion by criterion, and writes only what is new', async () => {
    const workshopId = await setUp();
    expect((await getWorkshopData(workshopId))!.workshop.revealedCriterionIds).toBeUndefined();
    await revealRound1(workshopId, ['care.pcns']);
    const once = (await getWorkshopData(workshopId))!.workshop;
    expect(once.revealedCriterionIds).toEqual(['care.pcns']);
    // Revealing them all adds the others after it; revealing again changes nothing.
    await revealRound1(workshopId, SCOPE);
    const all = (await getWorkshopData(workshopId))!.workshop;
    expect(all.revealedCriterionIds).toEqual(['care.pcns', 'leadership.shared-vision', 'care.phm']);
    await revealRound1(workshopId, ['care.phm']);
    expect((await getWorkshopData(workshopId))!.workshop).toEqual(all);
    await expect(revealRound1('no-such-workshop', ['care.pcns'])).rejects.toThrow();
  });

  it('starts round 2 on criteria in scope, hides it until revealed, and keeps it on the workshop', async () => {
    const workshopId = await setUp();
    await startRound2(workshopId, ['care.phm', 'not.in-scope', 'leadership.shared-vision']);
    let workshop = (await getWorkshopData(workshopId))!.workshop;
    expect(workshop.round2).toEqual({
      criterionIds: ['leadership.shared-vision', 'care.phm'],
      startedAt: expect.any(Number),
      revealedAt: null,
    });
    await revealRound2(workshopId);
    workshop = (await getWorkshopData(workshopId))!.workshop;
    expect(workshop.round2?.revealedAt).toEqual(expect.any(Number));
    // Changing the criteria hides round 2 again.
    await startRound2(workshopId, ['care.phm']);
    workshop = (await getWorkshopData(workshopId))!.workshop;
    expect(workshop.round2).toMatchObject({ criterionIds: ['care.phm'], revealedAt: null });
    await expect(startRound2(workshopId, [])).rejects.toThrow();
  });

  it('keeps a round 2 vote on the laptop beside the round 1 vote and note', async () => {
    const workshopId = await setUp();
    const p = await addParticipant(workshopId, {
      label: 'Acute CEO',
      organisation: '',
      sector: 'acute-trust',
    });
    await saveIndividualRating(workshopId, p, 'care.pcns', 'emerging', 'Early days');
    await saveRound2Vote(workshopId, p, 'care.pcns', 'developing');
    await saveRound2Vote(workshopId, p, 'care.phm', 'maturing');
    const data = await getWorkshopData(workshopId);
    expect(data?.ratings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          criterionId: 'care.pcns',
          level: 'emerging',
          note: 'Early days',
          round2: { level: 'developing', ratedAt: expect.any(Number) },
        }),
        expect.objectContaining({
          criterionId: 'care.phm',
          level: null,
          round2: expect.objectContaining({ level: 'maturing' }),
        }),
      ]),
    );
  });

  it('keeps a round 2 note when the round 2 vote changes, and imports one from a round 2 file', async () => {
    const workshopId = await setUp();
    const p = await addParticipant(workshopId, {
      label: 'Acute CEO',
      organisation: '',
      sector: 'acute-trust',
    });
    await saveRound2Vote(workshopId, p, 'care.pcns', 'developing');
    const row = await getDb().individualRatings.get([workshopId, p, 'care.pcns']);
    await getDb().individualRatings.put({ ...row!, round2: { ...row!.round2!, note: 'Moved' } });
    await saveRound2Vote(workshopId, p, 'care.pcns', 'maturing');
    expect((await getDb().individualRatings.get([workshopId, p, 'care.pcns']))?.round2).toEqual({
      level: 'maturing',
      ratedAt: expect.any(Number),
      note: 'Moved',
    });
    const second = file(workshopId, 2, '2019-09-12T11:00:00.000Z', { 'care.pcns': 'thriving' });
    second.ratings[0]!.note = 'Heard the council';
    expect(await importResponses(workshopId, [second])).toEqual(['added']);
    expect(
      (await getDb().individualRatings.get([workshopId, 'remote-1', 'care.pcns']))?.round2,
    ).toEqual({ level: 'thriving', ratedAt: expect.any(Number), note: 'Heard the council' });
  });

  it('records the round an agreed level came from', async () => {
    const workshopId = await setUp();
    await recordAgreement(workshopId, {
      criterionId: 'care.pcns',
      level: 'developing',
      rationale: '',
      dissent: '',
      round: 2,
    });
    const data = await getWorkshopData(workshopId);
    expect(data?.agreements[0]).toMatchObject({ level: 'developing', round: 2 });
  });

  it('holds a participant’s round 1 and round 2 files side by side, each merged on its own', async () => {
    const workshopId = await setUp();
    const first = file(workshopId, 1, '2019-09-12T09:00:00.000Z', {
      'care.pcns': 'emerging',
      'care.phm': 'thriving',
    });
    const second = file(workshopId, 2, '2019-09-12T10:00:00.000Z', { 'care.pcns': 'developing' });
    expect(await importResponses(workshopId, [second])).toEqual(['added']);
    expect(await importResponses(workshopId, [first, second])).toEqual(['added', 'unchanged']);
    expect(await votes(workshopId)).toEqual({
      'remote-1 care.pcns': ['emerging', 'developing'],
      'remote-1 care.phm': ['thriving', null],
    });
    // A newer round 1 file replaces round 1 only; round 2 stays.
    const firstAgain = file(workshopId, 1, '2019-09-12T11:00:00.000Z', { 'care.phm': 'maturing' });
    expect(await importResponses(workshopId, [firstAgain])).toEqual(['replaced-older']);
    expect(await votes(workshopId)).toEqual({
      'remote-1 care.pcns': [null, 'developing'],
      'remote-1 care.phm': ['maturing', null],
    });
    const stored = await getDb().responseFiles.toArray();
    expect(stored).toEqual([
      expect.objectContaining({ content: firstAgain, round2: second, participantId: 'remote-1' }),
    ]);
  });

  it('gives the same ratings whatever the order of round 1 and round 2 files, and again on re-import', async () => {
    const pool = (workshopId: string): ResponseFile[] => [
      file(workshopId, 1, '2019-09-12T09:00:00.000Z', { 'care.pcns': 'emerging' }),
      file(workshopId, 1, '2019-09-12T09:30:00.000Z', { 'care.pcns': 'maturing' }),
      file(workshopId, 2, '2019-09-12T10:00:00.000Z', { 'care.pcns': 'developing' }),
      file(workshopId, 2, '2019-09-12T10:30:00.000Z', { 'care.pcns': 'thriving' }),
      file(workshopId, 2, '2019-09-12T10:10:00.000Z', { 'care.phm': 'thriving' }, 'remote-2'),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (batches) => {
          openFreshTestDatabase();
          const workshopId = await setUp();
          const files = pool(workshopId);
          for (const batch of batches) {
            await importResponses(
              workshopId,
              batch.map((i) => files[i]!),
            );
          }
          const once = await votes(workshopId);
          // Then every file, in one go: the newest of each round wins, whatever came before.
          await importResponses(workshopId, [...files].reverse());
          expect(await votes(workshopId)).toEqual({
            'remote-1 care.pcns': ['maturing', 'thriving'],
            'remote-2 care.phm': [null, 'thriving'],
          });
          // And importing what was imported before changes nothing.
          for (const batch of batches) {
            await importResponses(
              workshopId,
              batch.map((i) => files[i]!),
            );
          }
          expect(await votes(workshopId)).toEqual({
            'remote-1 care.pcns': ['maturing', 'thriving'],
            'remote-2 care.phm': [null, 'thriving'],
          });
          expect(Object.keys(once).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
