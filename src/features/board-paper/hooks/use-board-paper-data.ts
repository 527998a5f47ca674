import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Framework } from '@/domain/framework/schema';
import {
  buildBoardPaper,
  type PaperAssessmentInput,
  type BoardPaper,
  type EmptyPaper,
  type PaperWorkshopInput,
} from '@/domain/report/board-paper';
import { systemKey } from '@/domain/system-key';
import { defaultTargets, type Target } from '@/domain/trajectory/trajectory';
import { todayIso } from '@/lib/format';
import { getAssessment, listRatings } from '@/storage/repositories/assessments-repo';
import { listActions, listSystemAssessments, listTargets } from '@/storage/repositories/plan-repo';
import { getWorkshopData, listWorkshops } from '@/storage/repositories/workshops-repo';

/**
 * Everything a board paper is built from: the assessment with its ratings, the system's other
 * assessments, its targets and plan actions, and the assessment's workshops. Null when the
 * assessment does not exist.
 */
export async function loadPaperData(assessmentId: string) {
  const assessment = await getAssessment(assessmentId);
  if (!assessment) return null;
  const key = systemKey(assessment.systemName);
  const [ratings, system, targets, actions, workshops] = await Promise.all([
    listRatings(assessmentId),
    listSystemAssessments(key),
    listTargets(key),
    listActions(key),
    listWorkshops(assessmentId),
  ]);
  const workshopData = await Promise.all(workshops.map((w) => getWorkshopData(w.id)));
  return {
    assessment,
    ratings,
    others: system.filter((a) => a.id !== assessmentId),
    targets,
    actions,
    workshops: workshopData.flatMap((data): PaperWorkshopInput[] =>
      data
        ? [
            {
              ...data.workshop,
              participants: data.participants,
              ratings: data.ratings,
              agreements: data.agreements,
            },
          ]
        : [],
    ),
  };
}

export type PaperData = NonNullable<Awaited<ReturnType<typeof loadPaperData>>>;

/** The paper's data, live: undefined while loading, null for an unknown assessment. */
export function useBoardPaperData(assessmentId: string): PaperData | null | undefined {
  return useLiveQuery(() => loadPaperData(assessmentId), [assessmentId]);
}

/**
 * The report model for the data: `frameworks` holds the assessment's framework first, then one
 * per other assessment in order. Stored targets, or the default ones when none are set.
 */
export function useBoardPaper(
  data: PaperData,
  frameworks: readonly Framework[],
): BoardPaper | EmptyPaper {
  const framework = frameworks[0]!;
  return useMemo(() => {
    const targets: Target[] =
      data.targets.length > 0
        ? data.targets.map((s) => ({
            id: s.id,
            characteristicId: s.characteristicId,
            level: s.level,
            date: s.date,
          }))
        : defaultTargets(framework);
    const others: PaperAssessmentInput[] = data.others.map((a, i) => ({
      assessment: a,
      ratings: a.ratings,
      framework: frameworks[i + 1] ?? framework,
    }));
    return buildBoardPaper({
      current: { assessment: data.assessment, ratings: data.ratings, framework },
      others,
      targets,
      actions: data.actions,
      workshops: data.workshops,
      today: todayIso(),
    });
  }, [data, framework, frameworks]);
}
