import { describe, expect, it } from 'vitest';
import { emptyRating, type Assessment, type Rating } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';
import type { PlanAction } from '@/domain/plan';
import {
  buildBoardPaper,
  nextTarget,
  type BoardPaper,
  type BoardPaperInput,
  type PaperWorkshopInput,
} from '@/domain/report/board-paper';
import { defaultTargets } from '@/domain/trajectory/trajectory';
import { shippedFramework as framework } from '../../../support/framework';

const criteria = framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));

function assessment(id: string, asAt: string, createdAt = 1): Assessment {
  return {
    id,
    systemName: 'Northshire ICS',
    title: `Assessment ${id}`,
    asAt,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    basedOnId: null,
    status: { state: 'draft' },
    createdAt,
    updatedAt: createdAt,
  };
}

function ratings(assessmentId: string, levels: Record<string, LevelId | null>): Rating[] {
  return Object.entries(levels).map(([criterionId, level]) => ({
    ...emptyRating(assessmentId, criterionId),
    level,
    evidence: [{ id: 'e1', text: 'Board minutes', url: '' }],
  }));
}

/** Every criterion at one level. */
const all = (level: LevelId): Record<string, LevelId> =>
  Object.fromEntries(criteria.map((id) => [id, level]));

function action(partial: Partial<PlanAction>): PlanAction {
  return {
    id: partial.id ?? 'a',
    systemKey: 'northshire ics',
    title: 'Agree the system plan',
    owner: 'Chair',
    dueDate: '2020-01-01',
    status: 'not-started',
    characteristicId: 'leadership',
    criterionId: null,
    milestoneDate: null,
    createdAt: 1,
    updatedAt: 1,
    ...partial,
  };
}

function input(partial: Partial<BoardPaperInput> = {}): BoardPaperInput {
  return {
    current: {
      assessment: assessment('now', '2019-09-30', 5),
      ratings: ratings('now', all('developing')),
      framework,
    },
    others: [],
    targets: [],
    actions: [],
    workshops: [],
    today: '2019-10-01',
    ...partial,
  };
}

function paper(partial: Partial<BoardPaperInput> = {}): BoardPaper {
  const result = buildBoardPaper(input(partial));
  if (result.kind !== 'paper') throw new Error('expected a paper');
  return result;
}

const workshop = (partial: Partial<PaperWorkshopInput> = {}): PaperWorkshopInput => ({
  id: 'w1',
  title: 'Board workshop',
  date: '2019-09-20',
  facilitator: 'Sam',
  isAnonymous: false,
  criterionIds: criteria,
  participants: [
    { id: 'p1', label: 'Ann', organisation: 'Council', sector: 'local-authority' },
    { id: 'p2', label: 'Bo', organisation: 'Trust', sector: 'acute-trust' },
  ],
  ratings: [
    { participantId: 'p1', criterionId: criteria[0]!, level: 'emerging', note: '' },
    { participantId: 'p2', criterionId: criteria[0]!, level: 'maturing', note: '' },
  ],
  agreements: [],
  ...partial,
});

describe('board paper model', () => {
  it('nothing rated gives an empty paper, not an empty document', () => {
    const result = buildBoardPaper(
      input({
        current: {
          assessment: assessment('now', '2019-09-30'),
          ratings: ratings('now', { [criteria[0]!]: null }),
          framework,
        },
      }),
    );
    expect(result).toEqual({
      kind: 'empty',
      meta: {
        assessmentId: 'now',
        systemName: 'Northshire ICS',
        title: 'Assessment now',
        asAt: '2019-09-30',
      },
    });
  });

  it('with only ratings: summary, charts, criteria, method and provenance, no optional sections', () => {
    const result = paper();
    expect(result.sections).toEqual(['summary', 'charts', 'criteria', 'method', 'provenance']);
    expect(result.trajectory).toBeNull();
    expect(result.comparison).toBeNull();
    expect(result.workshops).toEqual([]);
    expect(result.summary.topGaps).toEqual([]);
    expect(result.summary.nextActions).toEqual([]);
    expect(result.meta.status).toEqual({ state: 'draft' });
    expect(result.score.overall).toBe('developing');
  });

  it('an earlier assessment adds the comparison and the trajectory; a later one is ignored', () => {
    const result = paper({
      others: [
        {
          assessment: assessment('before', '2019-03-31'),
          ratings: ratings('before', all('emerging')),
          framework,
        },
        {
          assessment: assessment('after', '2020-03-31'),
          ratings: ratings('after', all('thriving')),
          framework,
        },
      ],
    });
    expect(result.sections).toEqual([
      'summary',
      'charts',
      'criteria',
      'comparison',
      'method',
      'provenance',
    ]);
    expect(result.comparison?.previous.id).toBe('before');
    expect(result.comparison?.summary.improved).toBe(criteria.length);
    expect(result.trajectory?.characteristics[0]?.points.map((p) => p.assessmentId)).toEqual([
      'before',
      'now',
    ]);
  });

  it('the previous assessment is the newest earlier one (same date: created earlier)', () => {
    const result = paper({
      others: [
        {
          assessment: assessment('old', '2018-03-31'),
          ratings: ratings('old', all('emerging')),
          framework,
        },
        {
          assessment: assessment('same-day', '2019-09-30', 1),
          ratings: ratings('same-day', all('maturing')),
          framework,
        },
      ],
    });
    expect(result.comparison?.previous.id).toBe('same-day');
    expect(result.comparison?.summary.declined).toBe(criteria.length);
  });

  it('targets give status, the next target, and the top gaps biggest first in framework order', () => {
    const levels = all('developing');
    levels[criteria[1]!] = 'emerging';
    levels[criteria[2]!] = 'thriving';
    const result = paper({
      current: {
        assessment: assessment('now', '2019-09-30'),
        ratings: ratings('now', levels),
        framework,
      },
      targets: [
        ...defaultTargets(framework),
        { id: 't', characteristicId: 'leadership', level: 'thriving', date: '2023-04-01' },
      ],
    });
    const leadership = result.summary.characteristics[0]!;
    expect(leadership.target).toEqual({ level: 'maturing', date: '2021-04-01' });
    expect(leadership.status.status).toBe('on-track');
    expect(result.summary.topGaps).toHaveLength(5);
    expect(result.summary.topGaps[0]).toMatchObject({
      criterionId: criteria[1],
      level: 'emerging',
      targetLevel: 'maturing',
      levels: 2,
    });
    expect(result.summary.topGaps.slice(1).map((g) => g.criterionId)).toEqual([
      criteria[0],
      criteria[3],
      criteria[4],
      criteria[5],
    ]);
    expect(result.sections).toContain('charts');
    expect(result.trajectory).not.toBeNull();
  });

  it('next target: the first dated today or later, else the last one', () => {
    const t = (date: string) => ({
      id: date,
      characteristicId: 'x',
      level: 'maturing' as const,
      date,
    });
    expect(nextTarget([t('2022-01-01'), t('2020-01-01')], '2019-01-01')?.date).toBe('2020-01-01');
    expect(nextTarget([t('2018-01-01'), t('2017-01-01')], '2019-01-01')?.date).toBe('2018-01-01');
    expect(nextTarget([], '2019-01-01')).toBeNull();
  });

  it('next actions: open ones only, soonest due first, at most five, overdue marked', () => {
    const result = paper({
      actions: [
        action({ id: 'late', dueDate: '2019-08-01' }),
        action({ id: 'done', dueDate: '2019-01-01', status: 'done' }),
        ...['c', 'd', 'e', 'f', 'g'].map((id, i) =>
          action({ id, dueDate: `2020-0${i + 1}-01`, criterionId: criteria[0]! }),
        ),
      ],
    });
    expect(result.summary.nextActions.map((a) => a.id)).toEqual(['late', 'c', 'd', 'e', 'f']);
    expect(result.summary.nextActions[0]?.isOverdue).toBe(true);
    expect(result.summary.nextActions[1]?.isOverdue).toBe(false);
    expect(result.characteristics[0]?.criteria[0]?.actions.map((a) => a.id)).toEqual([
      'c',
      'd',
      'e',
      'f',
      'g',
    ]);
    expect(result.characteristics[0]?.actions.map((a) => a.id)).toEqual(['done', 'late']);
  });

  it('criteria carry level, descriptor, rationale, evidence and confidence in framework order', () => {
    const own = ratings('now', { [criteria[0]!]: 'maturing' });
    own[0] = { ...own[0]!, rationale: 'Because', confidence: 'high' };
    const result = paper({
      current: { assessment: assessment('now', '2019-09-30'), ratings: own, framework },
    });
    const first = result.characteristics[0]!.criteria[0]!;
    expect(first).toMatchObject({
      id: criteria[0],
      level: 'maturing',
      descriptor: framework.characteristics[0]!.criteria[0]!.descriptors.maturing,
      rationale: 'Because',
      confidence: 'high',
      spread: null,
    });
    expect(first.evidence).toHaveLength(1);
    expect(result.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id))).toEqual(criteria);
    expect(result.characteristics[0]!.criteria[1]).toMatchObject({
      level: null,
      descriptor: null,
    });
  });

  it('keeps the round a workshop’s level was agreed in, and counts those from round 2', () => {
    const result = paper({
      workshops: [
        workshop({
          agreements: [
            {
              criterionId: criteria[0]!,
              level: 'developing',
              rationale: '',
              dissent: '',
              round: 2,
            },
            { criterionId: criteria[1]!, level: 'maturing', rationale: '', dissent: '' },
          ],
        }),
      ],
    });
    expect(result.characteristics[0]!.criteria[0]!.spread?.agreement?.round).toBe(2);
    expect(result.workshops[0]).toMatchObject({ agreedCount: 2, agreedInRound2Count: 1 });
  });

  it('a workshop adds the spread to its criteria and the participants appendix', () => {
    const result = paper({
      workshops: [
        workshop({
          agreements: [
            { criterionId: criteria[0]!, level: 'developing', rationale: 'Met', dissent: 'Bo' },
          ],
        }),
      ],
    });
    expect(result.sections).toEqual([
      'summary',
      'charts',
      'criteria',
      'participants',
      'method',
      'provenance',
    ]);
    const spread = result.characteristics[0]!.criteria[0]!.spread;
    expect(spread?.spread.isSplit).toBe(true);
    expect(spread?.agreement?.dissent).toBe('Bo');
    expect(result.characteristics[0]!.criteria[1]!.spread).toBeNull();
    expect(result.workshops[0]).toMatchObject({
      agreedCount: 1,
      agreedInRound2Count: 0,
      splitCount: 1,
    });
    expect(result.workshops[0]!.spreads.map((s) => s.criterionId)).toEqual([criteria[0]]);
    expect(result.workshops[0]!.participants.map((p) => p.label)).toEqual(['Ann', 'Bo']);
  });

  it('status is the one stored on the assessment, never inferred from workshop agreements', () => {
    const every = workshop({
      agreements: criteria.map((criterionId) => ({
        criterionId,
        level: 'developing' as const,
        rationale: '',
        dissent: '',
      })),
    });
    expect(paper({ workshops: [every] }).meta.status).toEqual({ state: 'draft' });
    const approved = {
      state: 'approved' as const,
      agreement: { by: 'leadership-team' as const, date: '2021-03-01' },
      approval: { board: 'ICS Partnership Board', date: '2021-03-12' },
    };
    const result = buildBoardPaper({
      ...input(),
      current: {
        ...input().current,
        assessment: { ...input().current.assessment, status: approved },
      },
    });
    expect(result.kind === 'paper' && result.meta.status).toEqual(approved);
  });

  it('method and provenance come from the framework', () => {
    const result = paper();
    expect(result.method.scoring.map((s) => s.id)).toEqual(Object.keys(framework.scoring));
    expect(result.provenance.attribution).toBe(framework.attribution);
    expect(result.radar.map((r) => r.value)).toEqual([2, 2, 2, 2, 2]);
  });
});
