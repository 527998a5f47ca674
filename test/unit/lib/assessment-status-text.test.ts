import { describe, expect, it } from 'vitest';
import type { AssessmentStatus } from '@/domain/assessment-status';
import { assessmentStatusText, statusChangeText } from '@/lib/assessment-status-text';
import { formatDateTime } from '@/lib/format';
import { translator } from '../../support/translate';

const t = translator('common');
const atWorkshop = {
  by: 'workshop' as const,
  workshopId: 'ws-1',
  workshopTitle: 'Partnership workshop',
  date: '2021-02-20',
};

describe('assessmentStatusText', () => {
  it('says what was recorded, dates in en-GB', () => {
    const cases: [AssessmentStatus, string][] = [
      [{ state: 'draft' }, 'Draft'],
      [
        { state: 'agreed', agreement: atWorkshop },
        'Agreed at the workshop ‘Partnership workshop’ on 20 February 2021',
      ],
      [
        { state: 'agreed', agreement: { by: 'leadership-team', date: '2021-03-01' } },
        'Agreed by the leadership team on 1 March 2021',
      ],
      [
        {
          state: 'approved',
          agreement: atWorkshop,
          approval: { board: 'ICS Partnership Board', date: '2021-03-12' },
        },
        'Approved by the ICS Partnership Board on 12 March 2021',
      ],
      [
        {
          state: 'approved',
          agreement: atWorkshop,
          approval: { board: 'The ICS Partnership Board', date: '2021-03-12' },
        },
        'Approved by the ICS Partnership Board on 12 March 2021',
      ],
    ];
    for (const [status, text] of cases) expect(assessmentStatusText(status, t)).toBe(text);
  });

  it('works with the t of another namespace (the board paper passes its own)', () => {
    expect(assessmentStatusText({ state: 'draft' }, translator('board-paper'))).toBe('Draft');
  });
});

describe('statusChangeText', () => {
  it('says when and what changed, naming a changed criterion', () => {
    const at = Date.UTC(2021, 2, 14, 10, 30);
    const title = (id: string) => (id === 'care.pcns' ? 'Primary care networks' : id);
    expect(
      statusChangeText(
        { at, reason: 'rating-changed', status: { state: 'draft' }, criterionId: 'care.pcns' },
        t,
        title,
      ),
    ).toBe(
      `${formatDateTime(at)} – Returned to draft: the rating of ‘Primary care networks’ was changed`,
    );
    expect(
      statusChangeText(
        {
          at,
          reason: 'agreed',
          status: { state: 'agreed', agreement: atWorkshop },
          criterionId: null,
        },
        t,
        title,
      ),
    ).toBe(
      `${formatDateTime(at)} – Agreed at the workshop ‘Partnership workshop’ on 20 February 2021`,
    );
    expect(
      statusChangeText(
        { at, reason: 'returned-to-draft', status: { state: 'draft' }, criterionId: null },
        t,
        title,
      ),
    ).toBe(`${formatDateTime(at)} – Returned to draft`);
  });
});
