import type { BackupData } from './backup-format';

export type RecordKind = keyof BackupData;

/** The kinds of record a backup holds, in the order a preview lists them and a restore writes them. */
export const RECORD_KINDS = [
  'assessments',
  'ratings',
  'targets',
  'actions',
  'workshops',
  'participants',
  'individualRatings',
  'agreements',
  'responseFiles',
] as const satisfies readonly RecordKind[];
