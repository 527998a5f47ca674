import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESPONSE_TYPE, type ResponseFile } from '@/domain/workshop/response-file';
import { openFreshTestDatabase } from '@/storage/db';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import { readBackupData } from '@/storage/repositories/backup-repo';
import {
  addParticipant,
  createWorkshop,
  importResponses,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';

/** A response file's participant id that belongs to someone else here is refused. */
async function workshopOf(systemName: string): Promise<string> {
  const assessmentId = await createAssessment({
    systemName,
    title: 'Baseline',
    asAt: '2019-09-12',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });
  return createWorkshop({
    assessmentId,
    title: `${systemName} workshop`,
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: ['care.pcns'],
  });
}

const response = (workshopId: string, participantId: string, label: string): ResponseFile => ({
  type: RESPONSE_TYPE,
  version: 1,
  workshop: { id: workshopId, title: 'Workshop' },
  framework: { id: 'ics-maturity-2019', version: '1.0.0' },
  participant: { id: participantId, label, organisation: 'Somewhere', sector: 'other' },
  submittedAt: '2019-09-12T10:00:00.000Z',
  ratings: [{ criterionId: 'care.pcns', level: 'thriving', note: 'From the file' }],
});

beforeEach(() => {
  openFreshTestDatabase();
});

describe('response files never take over another participant', () => {
  it("a participant id of another assessment's workshop is refused; nothing local moves", async () => {
    const first = await workshopOf('Northshire ICS');
    const second = await workshopOf('Southvale ICS');
    expect(await importResponses(first, [response(first, 'p-1', 'Council director')])).toEqual([
      'added',
    ]);
    const before = await readBackupData();
    const outcomes = await importResponses(second, [
      response(second, 'p-1', 'Impostor'),
      response(second, 'p-2', 'Acute CEO'),
    ]);
    expect(outcomes).toEqual(['id-taken', 'added']);
    const after = await readBackupData();
    expect(after.participants.find((p) => p.id === 'p-1')).toEqual(
      before.participants.find((p) => p.id === 'p-1'),
    );
    expect(after.individualRatings.filter((r) => r.participantId === 'p-1')).toEqual(
      before.individualRatings.filter((r) => r.participantId === 'p-1'),
    );
    expect(after.responseFiles.filter((r) => r.workshopId === second)).toHaveLength(1);
    expect(after.participants.filter((p) => p.workshopId === second).map((p) => p.id)).toEqual([
      'p-2',
    ]);
  });

  it('a participant id of someone rating on this device is refused; their ratings stay', async () => {
    const workshopId = await workshopOf('Northshire ICS');
    const here = await addParticipant(workshopId, {
      label: 'Acute CEO',
      organisation: 'Northshire Hospitals',
      sector: 'acute-trust',
    });
    await saveIndividualRating(workshopId, here, 'care.pcns', 'developing', 'Mine');
    const before = await readBackupData();
    expect(await importResponses(workshopId, [response(workshopId, here, 'Impostor')])).toEqual([
      'id-taken',
    ]);
    expect(await readBackupData()).toEqual(before);
  });
});
