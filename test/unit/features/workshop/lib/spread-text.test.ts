import { describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { spreadOf, type IndividualRating } from '@/domain/workshop/spread';
import { spreadSummary, statusTone } from '@/features/workshop/lib/spread-text';
import { translator } from '../../../../support/translate';

const t = translator('workshop');
const levelTitle = (level: LevelId) => `${level[0]!.toUpperCase()}${level.slice(1)}`;
const rate = (participantId: string, level: LevelId | null): IndividualRating => ({
  participantId,
  criterionId: 'care.pcns',
  level,
  note: '',
});
const spread = (...levels: (LevelId | null)[]) =>
  spreadOf(
    'care.pcns',
    levels.map((level, i) => rate(`p${i}`, level)),
    () => 'acute-trust',
  );

describe('statusTone', () => {
  it('shows a criterion needing agreement in red, an agreed one in green, the rest neutral', () => {
    expect(statusTone('needs-agreement')).toBe('off-track');
    expect(statusTone('agreed')).toBe('on-track');
    expect(statusTone('ready')).toBe('behind');
    expect(statusTone('not-rated')).toBe('behind');
  });
});

describe('spreadSummary', () => {
  it('gives the count, the median and the range', () => {
    expect(spreadSummary(t, spread('emerging', 'developing', 'maturing'), levelTitle)).toBe(
      '3 ratings; median Developing; range Emerging to Maturing.',
    );
  });

  it('names both middle levels for an even split, and uses the singular for one rating', () => {
    expect(spreadSummary(t, spread('developing', 'thriving'), levelTitle)).toBe(
      '2 ratings; median between Developing and Thriving; range Developing to Thriving.',
    );
    expect(spreadSummary(t, spread('maturing'), levelTitle)).toBe(
      '1 rating; median Maturing; range Maturing to Maturing.',
    );
  });

  it('is null before anyone has given a level', () => {
    expect(spreadSummary(t, spread(), levelTitle)).toBeNull();
    expect(spreadSummary(t, spread(null, null), levelTitle)).toBeNull();
  });
});
