import { useLiveQuery } from 'dexie-react-hooks';
import { listSystemGroups, type SystemGroup } from '@/storage/repositories/assessments-repo';

export type { SystemGroup } from '@/storage/repositories/assessments-repo';

/** Assessments shown per system before "Show all": keeps a list of hundreds quick and short. */
export const SHOWN_PER_SYSTEM = 3;

/**
 * undefined while loading; then every system, the one with the newest assessment first, each with
 * its newest `SHOWN_PER_SYSTEM` assessments (every one of the systems in `full`) and its count.
 * Only those rows are read (see `listSystemGroups`); opening a system reads the rest of it. While
 * a new set of open systems is read, the list as it was stays on screen.
 */
export function useSystemGroups(full: ReadonlySet<string>): SystemGroup[] | undefined {
  // The query runs again when the set of open systems changes, not on every new Set object.
  const key = [...full].sort().join('\n');
  return useLiveQuery(() => listSystemGroups(SHOWN_PER_SYSTEM, full), [key]);
}
