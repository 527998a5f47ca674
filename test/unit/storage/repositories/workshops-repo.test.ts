import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { RESPONSE_TYPE, type ResponseFile } from '@/domain/workshop/response-file';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  agreeAssessment,
  approveAssessment,
  createAssessment,
  getAssessmentRecord,
  listRatings,
} from '@/storage/repositories/assessments-repo';
import {
  addParticipant,
  createWorkshop,
  getWorkshopData,
  importResponses,
  listWorkshops,
  recordAgreement,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { expectedSummaries, storedSummaries } from '../../../support/seed';

async function setUp(): Promise<{ assessmentId: string; workshopId: string }> {
  const assessmentId = await createAssessment({
    systemName: 'Northshire ICS',
    title: 'Baseline',
    asAt: '2019-09-12',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Partnership board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: ['leadership.shared-vision', 'care.pcns'],
  });
  return { assessmentId, workshopId };
}

function response(
  workshopId: string,
  participantId: string,
  submittedAt: string,
  level: LevelId,
): ResponseFile {
  return {
    type: RESPONSE_TYPE,
    version: 1,
    workshop: { id: workshopId, title: 'Partnership board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: {
      id: participantId,
      label: 'Council director',
      organisation: 'Northshire Council',
      sector: 'local-authority',
    },
    submittedAt,
    ratings: [{ criterionId: 'care.pcns', level, note: 'From my own laptop' }],
  };
}

describe('workshops repository', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('keeps participants and their private ratings made on this device', async () => {
    const { assessmentId, workshopId } = await setUp();
    const p1 = await addParticipant(workshopId, {
      label: 'Acute CEO',
      organisation: 'Northshire Hospitals',
      sector: 'acute-trust',
    });
    await saveIndividualRating(workshopId, p1, 'care.pcns', 'developing', '');
    await saveIndividualRating(workshopId, p1, 'care.pcns', 'maturing', 'Changed my mind');
    const data = await getWorkshopData(workshopId);
    expect(data?.participants.map((p) => p.label)).toEqual(['Acute CEO']);
    expect(data?.ratings).toEqual([
      expect.objectContaining({
        participantId: p1,
        criterionId: 'care.pcns',
        level: 'maturing',
        note: 'Changed my mind',
      }),
    ]);
    expect((await listWorkshops(assessmentId)).map((w) => w.id)).toEqual([workshopId]);
  });

  it('imports response files idempotently; a newer file from the same participant replaces the older', async () => {
    const { workshopId } = await setUp();
    const older = response(workshopId, 'remote-1', '2019-09-12T09:00:00.000Z', 'developing');
    const newer = response(workshopId, 'remote-1', '2019-09-12T10:00:00.000Z', 'thriving');
    expect(await importResponses(workshopId, [older])).toEqual(['added']);
    expect(await importResponses(workshopId, [older])).toEqual(['unchanged']);
    expect(await importResponses(workshopId, [newer, older])).toEqual([
      'replaced-older',
      'older-ignored',
    ]);
    const data = await getWorkshopData(workshopId);
    expect(data?.participants).toEqual([
      expect.objectContaining({ id: 'remote-1', joinedVia: 'response-file' }),
    ]);
    expect(data?.ratings.map((r) => r.level)).toEqual(['thriving']);
  });

  it('keeps a note made before any level is agreed without touching the assessment rating', async () => {
    const { assessmentId, workshopId } = await setUp();
    await recordAgreement(workshopId, {
      criterionId: 'care.pcns',
      level: 'maturing',
      rationale: 'First view',
      dissent: '',
    });
    await recordAgreement(workshopId, {
      criterionId: 'care.pcns',
      level: null,
      rationale: 'Reopened: the council disagrees',
      dissent: 'Council: developing',
    });
    expect(await listRatings(assessmentId)).toEqual([
      expect.objectContaining({
        criterionId: 'care.pcns',
        level: 'maturing',
        rationale: 'First view',
      }),
    ]);
    expect((await getWorkshopData(workshopId))?.agreements).toEqual([
      expect.objectContaining({ level: null, dissent: 'Council: developing' }),
    ]);
  });

  it('makes an agreed level the assessment rating, keeping the dissent on the record', async () => {
    const { assessmentId, workshopId } = await setUp();
    await recordAgreement(workshopId, {
      criterionId: 'leadership.shared-vision',
      level: 'developing',
      rationale: 'Agreed after discussion',
      dissent: 'Council view: emerging',
    });
    expect(await listRatings(assessmentId)).toEqual([
      expect.objectContaining({
        criterionId: 'leadership.shared-vision',
        level: 'developing',
        rationale: 'Agreed after discussion',
      }),
    ]);
    const data = await getWorkshopData(workshopId);
    expect(data?.agreements).toEqual([
      expect.objectContaining({ dissent: 'Council view: emerging' }),
    ]);
    await expect(
      recordAgreement('missing', {
        criterionId: 'care.pcns',
        level: 'emerging',
        rationale: '',
        dissent: '',
      }),
    ).rejects.toThrow('no longer exists');
  });

  it('returns an approved assessment to draft when the room agrees a different level, recorded', async () => {
    const { assessmentId, workshopId } = await setUp();
    const agreement = (level: LevelId) => ({
      criterionId: 'care.pcns',
      level,
      rationale: '',
      dissent: '',
    });
    await recordAgreement(workshopId, agreement('maturing'));
    await agreeAssessment(assessmentId, { by: 'leadership-team', date: '2019-09-12' });
    await approveAssessment(assessmentId, { board: 'ICS Partnership Board', date: '2019-10-03' });
    // The same level again changes nothing.
    await recordAgreement(workshopId, agreement('maturing'));
    expect((await getAssessmentRecord(assessmentId))?.status.state).toBe('approved');

    await recordAgreement(workshopId, agreement('thriving'));
    const record = await getAssessmentRecord(assessmentId);
    expect(record?.status).toEqual({ state: 'draft' });
    expect(record?.statusHistory.at(-1)).toMatchObject({
      reason: 'rating-changed',
      criterionId: 'care.pcns',
    });
  });

  it('keeps the summary equal to the ratings when the room agrees a level', async () => {
    const { assessmentId, workshopId } = await setUp();
    const agree = (criterionId: string, level: LevelId | null) =>
      recordAgreement(workshopId, { criterionId, level, rationale: '', dissent: '' });
    await agree('care.pcns', null);
    expect((await getDb().assessmentSummaries.get(assessmentId))?.assessedCount).toBe(0);
    await agree('care.pcns', 'maturing');
    await agree('leadership.shared-vision', 'developing');
    expect((await getDb().assessmentSummaries.get(assessmentId))?.assessedCount).toBe(2);
    await agree('care.pcns', 'thriving');
    expect((await getDb().assessmentSummaries.get(assessmentId))?.assessedCount).toBe(2);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });
});
