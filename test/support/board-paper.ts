import type { TFunction } from 'i18next';
import { emptyRating, type Assessment, type Rating } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';
import type { PlanAction } from '@/domain/plan';
import {
  buildBoardPaper,
  type BoardPaper,
  type BoardPaperInput,
  type PaperWorkshopInput,
} from '@/domain/report/board-paper';
import { shippedFramework as framework } from './framework';
import { translator } from './translate';

/** The board paper's real en-GB strings, so tests read what a user reads. */
export const boardPaperT = (): TFunction<'board-paper'> => translator('board-paper');
export const statusT = (): TFunction<'status'> => translator('status');

export const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));

export function paperAssessment(
  id: string,
  asAt: string,
  partial: Partial<Assessment> = {},
): Assessment {
  return {
    id,
    systemName: 'Northshire ICS',
    title: `Assessment ${id}`,
    asAt,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    basedOnId: null,
    status: { state: 'draft' },
    createdAt: 1,
    updatedAt: 1,
    ...partial,
  };
}

export function paperRatings(assessmentId: string, level: LevelId | null): Rating[] {
  return criterionIds.map((criterionId) => ({
    ...emptyRating(assessmentId, criterionId),
    level,
    evidence: [{ id: 'e1', text: 'Board minutes', url: '' }],
  }));
}

export function paperAction(partial: Partial<PlanAction> = {}): PlanAction {
  return {
    id: 'a1',
    systemKey: 'northshire ics',
    title: 'Agree the system plan',
    owner: 'Chair',
    dueDate: '2019-12-01',
    status: 'in-progress',
    characteristicId: 'leadership',
    criterionId: null,
    milestoneDate: null,
    createdAt: 1,
    updatedAt: 1,
    ...partial,
  };
}

export function paperWorkshop(partial: Partial<PaperWorkshopInput> = {}): PaperWorkshopInput {
  return {
    id: 'w1',
    title: 'Board workshop',
    date: '2019-09-20',
    facilitator: 'Sam',
    isAnonymous: false,
    criterionIds,
    participants: [
      { id: 'p1', label: 'Ann', organisation: 'Council', sector: 'local-authority' },
      { id: 'p2', label: 'Bo', organisation: 'Trust', sector: 'acute-trust' },
    ],
    ratings: [
      { participantId: 'p1', criterionId: criterionIds[0]!, level: 'emerging', note: '' },
      { participantId: 'p2', criterionId: criterionIds[0]!, level: 'maturing', note: '' },
    ],
    agreements: [],
    ...partial,
  };
}

/** A board paper for Northshire ICS as at 30 September 2019, every criterion at `level`. */
export function samplePaper(
  partial: Partial<BoardPaperInput> = {},
  level: LevelId = 'developing',
  assessment: Partial<Assessment> = {},
): BoardPaper {
  const result = buildBoardPaper({
    current: {
      assessment: paperAssessment('now', '2019-09-30', { createdAt: 5, ...assessment }),
      ratings: paperRatings('now', level),
      framework,
    },
    others: [],
    targets: [],
    actions: [],
    workshops: [],
    today: '2019-10-01',
    ...partial,
  });
  if (result.kind !== 'paper') throw new Error('expected a paper');
  return result;
}

/** A paper with everything: an earlier assessment, targets, actions and a workshop. */
export function fullPaper(assessment: Partial<Assessment> = {}): BoardPaper {
  return samplePaper(
    {
      others: [
        {
          assessment: paperAssessment('before', '2019-03-31'),
          ratings: paperRatings('before', 'emerging'),
          framework,
        },
      ],
      targets: framework.characteristics.map((c) => ({
        id: `t-${c.id}`,
        characteristicId: c.id,
        level: 'maturing' as const,
        date: '2021-04-01',
      })),
      actions: [paperAction(), paperAction({ id: 'a2', title: 'Late one', dueDate: '2019-06-01' })],
      workshops: [paperWorkshop()],
    },
    'developing',
    assessment,
  );
}

export { framework };
