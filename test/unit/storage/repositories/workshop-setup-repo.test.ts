import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeResponse } from '@/domain/workshop/response-file';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { saveRound2Vote, startRound2 } from '@/storage/repositories/workshop-rounds-repo';
import {
  changeScope,
  removeParticipant,
  renameParticipant,
} from '@/storage/repositories/workshop-setup-repo';
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

const person = (label: string) => ({
  label,
  organisation: 'Trust',
  sector: 'acute-trust' as const,
});

function fileFrom(workshopId: string, submittedAt: string, ratings: Record<string, 'emerging'>) {
  return makeResponse({
    workshop: { id: workshopId, title: 'Board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: {
      id: 'remote-1',
      label: 'Council director',
      organisation: 'Council',
      sector: 'local-authority',
    },
    ratings: Object.entries(ratings).map(([criterionId, level]) => ({
      criterionId,
      level,
      note: '',
    })),
    submittedAt,
  });
}

beforeEach(() => {
  openFreshTestDatabase();
});

describe('removeParticipant', () => {
  it('deletes the participant with their ratings of both rounds and their response file, and nobody else’s', async () => {
    const workshopId = await setUp();
    const sam = await addParticipant(workshopId, person('Sam'));
    const ash = await addParticipant(workshopId, person('Ash'));
    await saveIndividualRating(workshopId, sam, 'care.pcns', 'emerging', 'note');
    await saveIndividualRating(workshopId, sam, 'care.phm', 'maturing', '');
    await saveIndividualRating(workshopId, ash, 'care.pcns', 'thriving', '');
    await startRound2(workshopId, ['care.pcns']);
    await saveRound2Vote(workshopId, sam, 'care.pcns', 'developing');
    await recordAgreement(workshopId, {
      criterionId: 'care.pcns',
      level: 'developing',
      rationale: '',
      dissent: '',
    });
    expect(
      await importResponses(workshopId, [
        fileFrom(workshopId, '2019-09-12T10:00:00.000Z', { 'care.pcns': 'emerging' }),
      ]),
    ).toEqual(['added']);

    expect(await removeParticipant(workshopId, sam)).toBe(true);
    expect(await removeParticipant(workshopId, 'remote-1')).toBe(true);
    const data = await getWorkshopData(workshopId);
    expect(data?.participants.map((p) => p.label)).toEqual(['Ash']);
    expect(data?.ratings.map((r) => [r.participantId, r.criterionId])).toEqual([
      [ash, 'care.pcns'],
    ]);
    expect(await getDb().responseFiles.where('workshopId').equals(workshopId).count()).toBe(0);
    // The room's agreed level stays.
    expect(data?.agreements.map((a) => a.level)).toEqual(['developing']);
  });

  it('changes nothing for someone who is not a participant of this workshop', async () => {
    const workshopId = await setUp();
    const other = await setUp();
    const sam = await addParticipant(other, person('Sam'));
    await saveIndividualRating(other, sam, 'care.pcns', 'emerging', '');
    expect(await removeParticipant(workshopId, sam)).toBe(false);
    expect((await getWorkshopData(other))?.ratings).toHaveLength(1);
  });

  it('is all or nothing: a failure part-way leaves every rating in place', async () => {
    const workshopId = await setUp();
    const sam = await addParticipant(workshopId, person('Sam'));
    await saveIndividualRating(workshopId, sam, 'care.pcns', 'emerging', '');
    const db = getDb();
    // The last write of the transaction fails: the deletes before it are rolled back.
    const hook = (): void => {
      throw new Error('disk full');
    };
    db.participants.hook('deleting', hook);
    await expect(removeParticipant(workshopId, sam)).rejects.toThrow('disk full');
    db.participants.hook('deleting').unsubscribe(hook);
    const data = await getWorkshopData(workshopId);
    expect(data?.participants).toHaveLength(1);
    expect(data?.ratings).toHaveLength(1);
  });
});

describe('renameParticipant', () => {
  it('changes the name, organisation and sector, keeping the ratings', async () => {
    const workshopId = await setUp();
    const sam = await addParticipant(workshopId, person('Sam'));
    await saveIndividualRating(workshopId, sam, 'care.pcns', 'emerging', '');
    expect(
      await renameParticipant(workshopId, sam, {
        label: 'Samira',
        organisation: 'Council',
        sector: 'local-authority',
      }),
    ).toBe(true);
    const data = await getWorkshopData(workshopId);
    expect(data?.participants.map((p) => [p.label, p.organisation, p.sector, p.joinedVia])).toEqual(
      [['Samira', 'Council', 'local-authority', 'this-device']],
    );
    expect(data?.ratings).toHaveLength(1);
    expect(await renameParticipant(workshopId, 'nobody', person('X'))).toBe(false);
  });
});

describe('changeScope', () => {
  it('hides what was recorded for criteria taken out, and shows it again when they are put back', async () => {
    const workshopId = await setUp();
    const sam = await addParticipant(workshopId, person('Sam'));
    await saveIndividualRating(workshopId, sam, 'care.phm', 'maturing', 'PHM note');
    expect(await changeScope(workshopId, ['leadership.shared-vision', 'care.pcns'])).toBe(true);
    let data = await getWorkshopData(workshopId);
    expect(data?.workshop.criterionIds).toEqual(['leadership.shared-vision', 'care.pcns']);
    expect(data?.ratings.map((r) => [r.criterionId, r.level, r.note])).toEqual([
      ['care.phm', 'maturing', 'PHM note'],
    ]);
    expect(await changeScope(workshopId, SCOPE)).toBe(true);
    data = await getWorkshopData(workshopId);
    expect(data?.workshop.criterionIds).toEqual(SCOPE);
    expect(data?.ratings).toHaveLength(1);
  });

  it('refuses an empty scope and a workshop that is gone, changing nothing', async () => {
    const workshopId = await setUp();
    expect(await changeScope(workshopId, [])).toBe(false);
    expect(await changeScope('gone', ['care.pcns'])).toBe(false);
    expect((await getWorkshopData(workshopId))?.workshop.criterionIds).toEqual(SCOPE);
  });

  it('keeps a hidden criterion’s rating when a newer response file, read in the new scope, arrives', async () => {
    const workshopId = await setUp();
    await importResponses(workshopId, [
      fileFrom(workshopId, '2019-09-12T10:00:00.000Z', {
        'care.pcns': 'emerging',
        'care.phm': 'emerging',
      }),
    ]);
    await changeScope(workshopId, ['leadership.shared-vision', 'care.pcns']);
    // The newer file, as readResponse leaves it in the new scope: no care.phm.
    expect(
      await importResponses(workshopId, [
        fileFrom(workshopId, '2019-09-12T11:00:00.000Z', {
          'leadership.shared-vision': 'emerging',
        }),
      ]),
    ).toEqual(['replaced-older']);
    const data = await getWorkshopData(workshopId);
    expect(data?.ratings.map((r) => r.criterionId).sort()).toEqual([
      'care.phm',
      'leadership.shared-vision',
    ]);
  });
});
