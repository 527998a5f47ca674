import { useLiveQuery } from 'dexie-react-hooks';
import {
  listSystemGroups,
  NEWEST_PER_SYSTEM,
  type SystemGroup,
} from '@/storage/repositories/assessments-repo';

export type { SystemGroup } from '@/storage/repositories/assessments-repo';

/**
 * Assessments shown per system before "Show all": keeps a list of hundreds quick and short. As
 * many as storage keeps with each system's summary, so the list reads one record per system.
 */
export const SHOWN_PER_SYSTEM = NEWEST_PER_SYSTEM;

/**
 * undefined while loading; then every system, the one with the newest assessment first, each with
 * its newest `SHOWN_PER_SYSTEM` assessments (every one of the systems in `full`) and its count.
 * One stored record per system is read (see `listSystemGroups`); opening a system reads the rest
 * of it. While a new set of open systems is read, the list as it was stays on screen.
 */
export function useSystemGroups(full: ReadonlySet<string>): SystemGroup[] | undefined {
  // The query runs again when the set of open systems changes, not on every new Set object.
  const key = [...full].sort().join('\n');
  return useLiveQuery(() => listSystemGroups(full), [key]);
}
