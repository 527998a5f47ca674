import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFreshTestDatabase } from '@/storage/db';
import {
  getJoinedWorkshop,
  joinWorkshop,
  leaveJoinedWorkshop,
  listJoinedWorkshops,
  markResponseExported,
  saveJoinedRating,
  saveJoinedRound2Vote,
  startJoinedRound2,
} from '@/storage/repositories/joined-workshops-repo';

const invitation = {
  workshopId: 'ws-1',
  joinedBy: 'invitation' as const,
  title: 'Board workshop',
  date: '2019-09-12',
  facilitator: 'Programme director',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  criterionIds: ['leadership.shared-vision', 'care.pcns', 'care.phm'],
  participant: {
    label: 'Council director',
    organisation: 'Northshire Council',
    sector: 'local-authority' as const,
  },
};

describe('workshops joined on this device', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('saves ratings as they are made, in framework order, replacing a criterion’s earlier rating', async () => {
    await joinWorkshop(invitation);
    await saveJoinedRating('ws-1', 'care.phm', 'emerging', '');
    await saveJoinedRating('ws-1', 'leadership.shared-vision', 'developing', 'MoU signed');
    await saveJoinedRating('ws-1', 'care.phm', 'maturing', 'PHM platform live');
    const joined = await getJoinedWorkshop('ws-1');
    expect(joined?.ratings).toEqual([
      { criterionId: 'leadership.shared-vision', level: 'developing', note: 'MoU signed' },
      { criterionId: 'care.phm', level: 'maturing', note: 'PHM platform live' },
    ]);
    expect(joined?.exportedAt).toBeNull();
  });

  it('joining again keeps the participant id and ratings, so a newer file replaces the older one', async () => {
    await joinWorkshop(invitation);
    const first = await getJoinedWorkshop('ws-1');
    await saveJoinedRating('ws-1', 'care.pcns', 'thriving', '');
    await markResponseExported('ws-1', 1_000);
    await joinWorkshop({
      ...invitation,
      participant: { ...invitation.participant, label: 'DASS' },
    });
    const again = await getJoinedWorkshop('ws-1');
    expect(again?.participant).toEqual({ ...first?.participant, label: 'DASS' });
    expect(again?.ratings).toHaveLength(1);
    expect(again?.exportedAt).toBe(1_000);
  });

  it('lists the newest first and forgets a workshop on leaving', async () => {
    await joinWorkshop(invitation);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await joinWorkshop({ ...invitation, workshopId: '7KQ2M-XD4PA', joinedBy: 'code', title: '' });
    expect((await listJoinedWorkshops()).map((w) => w.workshopId)).toEqual(['7KQ2M-XD4PA', 'ws-1']);
    await leaveJoinedWorkshop('ws-1');
    expect(await getJoinedWorkshop('ws-1')).toBeNull();
  });

  it('refuses a rating for a workshop that was never joined, and stores nothing', async () => {
    await expect(saveJoinedRating('nope', 'care.pcns', 'emerging', '')).rejects.toThrow(
      /not joined/,
    );
    expect(await listJoinedWorkshops()).toEqual([]);
  });

  it('starts round 2 on the code’s criteria this device rates and keeps its votes apart from round 1', async () => {
    await joinWorkshop(invitation);
    await saveJoinedRating('ws-1', 'care.pcns', 'emerging', 'Early days');
    await expect(saveJoinedRound2Vote('ws-1', 'care.pcns', 'maturing')).rejects.toThrow();
    await startJoinedRound2('ws-1', ['care.phm', 'care.pcns', 'not.joined']);
    await saveJoinedRound2Vote('ws-1', 'care.phm', 'thriving');
    await saveJoinedRound2Vote('ws-1', 'care.pcns', 'developing');
    let joined = await getJoinedWorkshop('ws-1');
    expect(joined?.round2).toEqual({
      criterionIds: ['care.pcns', 'care.phm'],
      ratings: [
        { criterionId: 'care.pcns', level: 'developing' },
        { criterionId: 'care.phm', level: 'thriving' },
      ],
      startedAt: expect.any(Number),
    });
    expect(joined?.ratings).toEqual([
      { criterionId: 'care.pcns', level: 'emerging', note: 'Early days' },
    ]);
    // A new code keeps the votes of criteria still in round 2.
    await startJoinedRound2('ws-1', ['care.phm']);
    joined = await getJoinedWorkshop('ws-1');
    expect(joined?.round2?.ratings).toEqual([{ criterionId: 'care.phm', level: 'thriving' }]);
  });
});
