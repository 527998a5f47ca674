import { describe, expect, it } from 'vitest';
import { checkAction, hasProblems, isOverdue } from '@/domain/plan';

describe('checkAction', () => {
  it('requires a title, an owner of at most 120 characters and a real due date', () => {
    expect(
      checkAction({ title: 'Appoint chair', owner: 'Programme director', dueDate: '2021-01-31' }),
    ).toEqual({
      title: null,
      owner: null,
      dueDate: null,
    });
    const bad = checkAction({ title: '  ', owner: 'o'.repeat(5_000), dueDate: '2021-02-30' });
    expect(bad).toEqual({ title: 'required', owner: 'tooLong', dueDate: 'invalidDate' });
    expect(hasProblems(bad)).toBe(true);
    expect(checkAction({ title: 'x', owner: '', dueDate: '' })).toMatchObject({
      owner: 'required',
      dueDate: 'invalidDate',
    });
  });
});

describe('isOverdue', () => {
  it('is overdue when not done and due before today', () => {
    expect(isOverdue({ status: 'in-progress', dueDate: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ status: 'blocked', dueDate: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, '2026-12-02')).toBe(false);
  });
});
