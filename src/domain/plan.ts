import { checkIsoDate, checkRequired, type FieldProblem } from './assessment';
import type { LevelId } from './levels';

/**
 * Targets and development-plan actions. They belong to a system (`systemKey` in
 * `./system-key.ts`) and carry across its assessments.
 */

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type PlanAction = {
  id: string;
  systemKey: string;
  title: string;
  owner: string;
  /** ISO date. */
  dueDate: string;
  status: ActionStatus;
  characteristicId: string;
  criterionId: string | null;
  /** ISO date of a framework milestone this action works towards, if any. */
  milestoneDate: string | null;
  createdAt: number;
  updatedAt: number;
};

export type StoredTarget = {
  id: string;
  systemKey: string;
  characteristicId: string;
  level: LevelId;
  date: string;
  updatedAt: number;
};

export const PLAN_LIMITS = { actionTitle: 200, owner: 120 } as const;

export type ActionProblems = {
  title: FieldProblem | null;
  owner: FieldProblem | null;
  dueDate: FieldProblem | null;
};

export function checkAction(
  action: Pick<PlanAction, 'title' | 'owner' | 'dueDate'>,
): ActionProblems {
  return {
    title: checkRequired(action.title, PLAN_LIMITS.actionTitle),
    owner: checkRequired(action.owner, PLAN_LIMITS.owner),
    dueDate: checkIsoDate(action.dueDate),
  };
}

export function hasProblems(problems: Record<string, FieldProblem | null>): boolean {
  return Object.values(problems).some((p) => p !== null);
}

/** Not done and due before today. */
export function isOverdue(action: Pick<PlanAction, 'status' | 'dueDate'>, today: string): boolean {
  return action.status !== 'done' && action.dueDate < today;
}
