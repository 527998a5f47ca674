import { describe, expect, it } from 'vitest';
import type { ComparisonSummary } from '@/domain/compare/compare';
import type { LevelId } from '@/domain/levels';
import { summaryText } from '@/features/compare/lib/summary-text';
import { formatIsoDate } from '@/lib/format';
import { translator } from '../../../../support/translate';

const t = translator('compare');
const levelTitle = (id: LevelId | null) =>
  id ? `${id[0]!.toUpperCase()}${id.slice(1)}` : 'Insufficient evidence';

describe('summaryText', () => {
  it('says what improved and declined since the earliest date, then each move in lower case', () => {
    const summary: ComparisonSummary = {
      since: '2019-10-01',
      improved: 9,
      declined: 1,
      moves: [
        {
          id: 'care',
          title: 'Integrated care',
          from: 'developing',
          to: 'maturing',
          change: 'improved',
        },
        { id: 'finance', title: 'Finance', from: 'maturing', to: null, change: 'declined' },
      ],
    };
    expect(summaryText(summary, formatIsoDate, levelTitle, t)).toBe(
      'Since 1 October 2019: 9 criteria improved, 1 declined; ' +
        'Integrated care moved from developing to maturing; ' +
        'Finance moved from maturing to insufficient evidence.',
    );
  });

  it('uses the singular for one criterion and ends with a full stop when nothing moved', () => {
    const summary: ComparisonSummary = { since: '2020-02-29', improved: 1, declined: 0, moves: [] };
    expect(summaryText(summary, formatIsoDate, levelTitle, t)).toBe(
      'Since 29 February 2020: 1 criterion improved, 0 declined.',
    );
  });
});
