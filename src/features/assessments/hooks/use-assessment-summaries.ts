import { useLiveQuery } from 'dexie-react-hooks';
import { systemKey } from '@/domain/system-key';
import {
  listAssessmentSummaries,
  type AssessmentSummary,
} from '@/storage/repositories/assessments-repo';

export type SystemGroup = { key: string; systemName: string; assessments: AssessmentSummary[] };

/** undefined while loading; then every assessment grouped by system, newest first. */
export function useAssessmentGroups(): SystemGroup[] | undefined {
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  return summaries === undefined ? undefined : groupBySystem(summaries);
}

/** Systems ordered by their newest assessment; names compared as `systemKey` does. */
export function groupBySystem(summaries: readonly AssessmentSummary[]): SystemGroup[] {
  const groups = new Map<string, SystemGroup>();
  for (const summary of summaries) {
    const key = systemKey(summary.systemName);
    const group = groups.get(key);
    if (group) group.assessments.push(summary);
    else groups.set(key, { key, systemName: summary.systemName.trim(), assessments: [summary] });
  }
  return [...groups.values()];
}
