import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  listAssessmentSummaries,
  type AssessmentSummary,
} from '@/storage/repositories/assessments-repo';

export type SystemGroup = { key: string; systemName: string; assessments: AssessmentSummary[] };

/**
 * undefined while loading; then every assessment grouped by system, newest first. Grouped again
 * only when the stored summaries change, not on every render of the screen.
 */
export function useAssessmentGroups(): SystemGroup[] | undefined {
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  return useMemo(
    () => (summaries === undefined ? undefined : groupBySystem(summaries)),
    [summaries],
  );
}

/** Systems ordered by their newest assessment; names compared as `systemKey` does. */
export function groupBySystem(summaries: readonly AssessmentSummary[]): SystemGroup[] {
  const groups = new Map<string, SystemGroup>();
  for (const summary of summaries) {
    const key = summary.systemKey;
    const group = groups.get(key);
    if (group) group.assessments.push(summary);
    else groups.set(key, { key, systemName: summary.systemName.trim(), assessments: [summary] });
  }
  return [...groups.values()];
}
