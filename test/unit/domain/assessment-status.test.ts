import { describe, expect, it } from 'vitest';
import {
  checkAgreement,
  checkApproval,
  checkStatusDate,
  initialStatus,
  ratingChangeNeedsConfirmation,
  recordAgreement,
  recordApproval,
  returnToDraft,
  STATUS_LIMITS,
  type Agreement,
  type StatusRecord,
} from '@/domain/assessment-status';

const today = '2021-03-15';
const workshops = [{ id: 'ws-1', title: 'Partnership workshop', date: '2021-02-20' }];
const atWorkshop: Agreement = {
  by: 'workshop',
  workshopId: 'ws-1',
  workshopTitle: 'Partnership workshop',
  date: '2021-02-20',
};
const byTeam: Agreement = { by: 'leadership-team', date: '2021-03-01' };
const approval = { board: 'ICS Partnership Board', date: '2021-03-12' };

function agreed(agreement: Agreement = atWorkshop): StatusRecord {
  const result = recordAgreement(initialStatus(), agreement, 1000);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

function approved(): StatusRecord {
  const result = recordApproval(agreed(), approval, 2000);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

describe('dates of agreement and approval', () => {
  it('must be real, not after today and, for an approval, not before the agreement', () => {
    expect(checkStatusDate('2021-03-15', today)).toBeNull();
    expect(checkStatusDate('', today)).toBe('invalidDate');
    expect(checkStatusDate('2021-02-30', today)).toBe('invalidDate');
    expect(checkStatusDate('2021-03-16', today)).toBe('futureDate');
    expect(checkStatusDate('2021-02-19', today, '2021-02-20')).toBe('beforeAgreement');
    expect(checkStatusDate('2021-02-20', today, '2021-02-20')).toBeNull();
  });
});

describe('checkAgreement', () => {
  it('names the workshop, by its id and its title at the time', () => {
    expect(
      checkAgreement({ by: 'workshop', workshopId: 'ws-1', date: '2021-02-20' }, workshops, today),
    ).toEqual({ ok: true, value: atWorkshop });
  });

  it('records an agreement by the leadership team with its date only', () => {
    expect(
      checkAgreement(
        { by: 'leadership-team', workshopId: 'ws-1', date: '2021-03-01' },
        workshops,
        today,
      ),
    ).toEqual({ ok: true, value: byTeam });
  });

  it('says what is missing: how, which workshop, a date not in the future', () => {
    expect(checkAgreement({ by: null, workshopId: '', date: '' }, workshops, today)).toEqual({
      ok: false,
      problem: { by: 'notChosen', workshopId: null, date: 'invalidDate' },
    });
    expect(
      checkAgreement({ by: 'workshop', workshopId: 'gone', date: '2099-01-01' }, workshops, today),
    ).toEqual({
      ok: false,
      problem: { by: null, workshopId: 'notChosen', date: 'futureDate' },
    });
  });
});

describe('checkApproval', () => {
  it('needs a named board and a date from the agreement to today', () => {
    expect(
      checkApproval({ board: '  ICS Partnership Board ', date: '2021-03-12' }, byTeam, today),
    ).toEqual({ ok: true, value: approval });
    expect(checkApproval({ board: '   ', date: '2021-03-16' }, byTeam, today)).toEqual({
      ok: false,
      problem: { board: 'required', date: 'futureDate' },
    });
    expect(checkApproval({ board: 'Board', date: '2021-02-28' }, byTeam, today)).toEqual({
      ok: false,
      problem: { board: null, date: 'beforeAgreement' },
    });
    expect(
      checkApproval({ board: 'x'.repeat(STATUS_LIMITS.board + 1), date: today }, byTeam, today),
    ).toMatchObject({ ok: false, problem: { board: 'tooLong' } });
  });
});

describe('transitions', () => {
  it('start as a draft with no history', () => {
    expect(initialStatus()).toEqual({ status: { state: 'draft' }, statusHistory: [] });
  });

  it('draft → agreed → approved, each step in the history with its time', () => {
    const record = approved();
    expect(record.status).toEqual({ state: 'approved', agreement: atWorkshop, approval });
    expect(record.statusHistory).toEqual([
      {
        at: 1000,
        reason: 'agreed',
        status: { state: 'agreed', agreement: atWorkshop },
        criterionId: null,
      },
      { at: 2000, reason: 'approved', status: record.status, criterionId: null },
    ]);
  });

  it('refuses to approve a draft, and to re-agree an approved assessment', () => {
    expect(recordApproval(initialStatus(), approval, 1)).toEqual({
      ok: false,
      problem: 'not-agreed',
    });
    expect(recordAgreement(approved(), byTeam, 3)).toEqual({
      ok: false,
      problem: 'already-approved',
    });
  });

  it('lets an agreement be recorded again to correct it', () => {
    const result = recordAgreement(agreed(), byTeam, 1500);
    expect(result.ok && result.value.status).toEqual({ state: 'agreed', agreement: byTeam });
    expect(result.ok && result.value.statusHistory).toHaveLength(2);
  });

  it('a changed rating returns an approved assessment to draft, naming the criterion', () => {
    const before = approved();
    const after = returnToDraft(before, 'rating-changed', 3000, 'care.pcns');
    expect(after.status).toEqual({ state: 'draft' });
    expect(after.statusHistory.at(-1)).toEqual({
      at: 3000,
      reason: 'rating-changed',
      status: { state: 'draft' },
      criterionId: 'care.pcns',
    });
    expect(before.status.state).toBe('approved');
    expect(before.statusHistory).toHaveLength(2);
  });

  it('returning a draft to draft changes nothing', () => {
    const draft = initialStatus();
    expect(returnToDraft(draft, 'rating-changed', 1, 'care.pcns')).toBe(draft);
  });

  it('keeps only the latest changes', () => {
    let record = initialStatus();
    for (let i = 0; i < STATUS_LIMITS.history + 5; i++) {
      const result = recordAgreement(record, byTeam, i);
      if (!result.ok) throw new Error(result.problem);
      record = result.value;
    }
    expect(record.statusHistory).toHaveLength(STATUS_LIMITS.history);
    expect(record.statusHistory[0]!.at).toBe(5);
  });

  it('asks before a rating changes only when agreed or approved', () => {
    expect(ratingChangeNeedsConfirmation({ state: 'draft' })).toBe(false);
    expect(ratingChangeNeedsConfirmation(agreed().status)).toBe(true);
    expect(ratingChangeNeedsConfirmation(approved().status)).toBe(true);
  });
});
