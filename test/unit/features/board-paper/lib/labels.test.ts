import { describe, expect, it } from 'vitest';
import { spreadOf } from '@/domain/workshop/spread';
import {
  agreementText,
  workshopSummaryText,
  actionLine,
  actionStatusText,
  comparisonSentences,
  levelText,
  spreadText,
  targetText,
} from '@/features/board-paper/lib/labels';
import { boardPaperT, fullPaper, samplePaper } from '../../../../support/board-paper';

const t = boardPaperT();
const paper = samplePaper();

describe('agreementText and workshopSummaryText (issue 12: the round a level was agreed in)', () => {
  it('says "in round 2" for a level agreed from a re-vote, and nothing about rounds otherwise', () => {
    expect(agreementText(paper, { level: 'developing' }, t)).toBe(
      'Agreed at the workshop: Developing',
    );
    expect(agreementText(paper, { level: 'developing', round: 1 }, t)).toBe(
      'Agreed at the workshop: Developing',
    );
    expect(agreementText(paper, { level: 'developing', round: 2 }, t)).toBe(
      'Agreed at the workshop in round 2 (a re-vote): Developing',
    );
  });

  it('adds how many were agreed in round 2 to a workshop’s counts, when any were', () => {
    const workshop = {
      id: 'w',
      title: 'Board',
      date: '2019-09-12',
      facilitator: '',
      isAnonymous: false,
      participants: [],
      spreads: [],
      agreedCount: 3,
      agreedInRound2Count: 0,
      splitCount: 1,
    };
    const plain = workshopSummaryText(workshop, t);
    expect(plain).not.toContain('round 2');
    expect(workshopSummaryText({ ...workshop, agreedInRound2Count: 2 }, t)).toBe(
      `${plain}; 2 agreed in round 2 (a re-vote)`,
    );
  });
});

describe('levelText', () => {
  it("gives the framework's title for a level, and says why there is none", () => {
    expect(levelText(paper, 'maturing', t)).toBe('Maturing');
    expect(levelText(paper, null, t)).toBe('Insufficient evidence');
    expect(levelText(paper, undefined, t, 'notAssessed')).toBe('Not assessed');
  });
});

describe('actions', () => {
  const action = {
    id: 'a1',
    title: 'Agree the system plan',
    owner: 'Chair',
    dueDate: '2019-12-01',
    status: 'in-progress' as const,
    isOverdue: false,
    characteristicId: 'leadership',
    characteristicTitle: 'Leadership',
    criterionId: null,
    criterionTitle: null,
  };

  it('marks an overdue action as overdue after its status', () => {
    expect(actionStatusText(action, t)).toBe('In progress');
    expect(actionStatusText({ ...action, isOverdue: true }, t)).toBe('In progress – overdue');
  });

  it('writes one line with the title, owner, formatted due date and status', () => {
    expect(actionLine(action, t)).toBe(
      'Agree the system plan – Chair, due 1 December 2019 (In progress)',
    );
  });
});

describe('spreadText', () => {
  const sectorOf = () => 'acute-trust' as const;
  const rate = (participantId: string, level: 'emerging' | 'developing' | 'maturing' | null) => ({
    participantId,
    criterionId: 'c',
    level,
    note: '',
  });

  it('lists the count per level, the median and the range', () => {
    const spread = spreadOf(
      'c',
      [rate('a', 'emerging'), rate('b', 'maturing'), rate('c', 'maturing')],
      sectorOf,
    );
    expect(spreadText(paper, spread, t)).toBe(
      '3 ratings – Emerging 1, Developing 0, Maturing 2, Thriving 0; median Maturing; range Emerging to Maturing',
    );
  });

  it('gives both middle levels for an even count, and a dash with no ratings', () => {
    const even = spreadOf('c', [rate('a', 'emerging'), rate('b', 'developing')], sectorOf);
    expect(spreadText(paper, even, t)).toContain('median Emerging–Developing');
    const none = spreadOf('c', [rate('a', null)], sectorOf);
    expect(spreadText(paper, none, t)).toContain('median –; range Insufficient evidence to');
  });
});

describe('comparisonSentences', () => {
  it('is empty without an earlier assessment', () => {
    expect(comparisonSentences(paper, t)).toEqual([]);
  });

  it('introduces the earlier assessment, counts the changes and names each move in lower case', () => {
    const sentences = comparisonSentences(fullPaper(), t);
    expect(sentences[0]).toBe('Compared with “Assessment before”, as at 31 March 2019.');
    expect(sentences[1]).toBe('24 criteria improved and 0 declined.');
    expect(sentences.slice(2)).toHaveLength(5);
    expect(sentences[2]).toMatch(/ moved from emerging to developing\.$/);
  });
});

describe('targetText', () => {
  it('says the level and date of a target, or that there is none', () => {
    expect(targetText(paper, { level: 'thriving', date: '2021-04-01' }, t)).toBe(
      'Thriving by 1 April 2021',
    );
    expect(targetText(paper, null, t)).toBe('No target');
  });
});
