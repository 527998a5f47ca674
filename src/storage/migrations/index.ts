/**
 * Data migrations between schema versions. Each entry is pure and unit-tested against
 * before/after fixtures in test/fixtures/db/migrations/. The Dexie upgrade in ../db.ts only calls
 * `upgradeRecord`; it never holds migration logic itself.
 *
 * v1 → v2 adds `targets` and `actions`; v2 → v3 adds the five workshop tables; v3 → v4 adds
 * `joinedWorkshops`; v4 → v5 adds `journal` and `drafts` and moves unsafe evidence links into
 * their descriptions (below); v5 → v6 gives every assessment a status, draft, and an empty
 * history of status changes (below); v6 → v7 adds `assessmentSummaries` and builds one summary per
 * assessment from the ratings (`derive`, below). The others change no record: Dexie creates the
 * tables, and the golden fixture tests prove older data opens unchanged. An entry that changes
 * records looks like:
 *   { toVersion: 2, tables: ['assessments'], upgradeRecord: (table, r) => ({ ...r, status: 'draft' }) }
 * and one that builds a new table from whole source tables (read once, after `upgradeRecord`):
 *   { toVersion: 7, tables: [], upgradeRecord: keep,
 *     derive: { table: 'x', sources: ['ratings'], build: ({ ratings }) => [...] } }
 */
import { checkEvidenceUrl, LIMITS } from '@/domain/assessment';
import { initialStatus } from '@/domain/assessment-status';
import { summarise } from '../assessment-summaries';

export type TableName =
  | 'assessments'
  | 'ratings'
  | 'settings'
  | 'targets'
  | 'actions'
  | 'workshops'
  | 'participants'
  | 'individualRatings'
  | 'agreements'
  | 'responseFiles'
  | 'joinedWorkshops'
  | 'journal'
  | 'drafts'
  | 'assessmentSummaries';

export type TableRows = Partial<Record<TableName, readonly Record<string, unknown>[]>>;

export type Migration = {
  toVersion: number;
  tables: readonly TableName[];
  /** Must not mutate its input; returns the record as the new version stores it. */
  upgradeRecord: (table: TableName, record: Record<string, unknown>) => Record<string, unknown>;
  /**
   * A table built whole from source tables (derived data, such as summaries): `build` gets every
   * record of each source, as upgraded, and returns the records to put. Pure; must not mutate.
   */
  derive?: {
    table: TableName;
    sources: readonly TableName[];
    build: (sources: TableRows) => Record<string, unknown>[];
  };
};

const keep: Migration['upgradeRecord'] = (_table, record) => record;

/** v7: one summary per assessment, counted from its ratings (0 for an assessment without any). */
function buildSummaries({ assessments = [], ratings = [] }: TableRows): Record<string, unknown>[] {
  return summarise(
    assessments.map((a) => String(a.id)),
    ratings.map((r) => ({ assessmentId: String(r.assessmentId), level: r.level })),
  );
}

/**
 * v5: an evidence link that is not http(s) (an unsafe `javascript:` or `data:` link, or an address
 * typed without its scheme, which earlier versions stored while flagging it) is moved into the
 * item's description, so it is neither lost nor clickable, and backups of the device are not
 * refused for it.
 */
function moveUnsafeLinks(record: Record<string, unknown>): Record<string, unknown> {
  const evidence = record.evidence;
  if (!Array.isArray(evidence)) return record;
  let changed = false;
  const next = evidence.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return item;
    const { text, url } = item as { text?: unknown; url?: unknown };
    if (typeof url !== 'string' || typeof text !== 'string' || checkEvidenceUrl(url) === null)
      return item;
    changed = true;
    const moved = text.trim() === '' ? url.trim() : `${text} (${url.trim()})`;
    return { ...item, text: moved.slice(0, LIMITS.evidenceText), url: '' };
  });
  return changed ? { ...record, evidence: next } : record;
}

/**
 * v6: an assessment made before statuses existed is a draft with no history: nothing recorded
 * that it was agreed or approved (the board paper used to infer "agreed" from workshops; it now
 * says only what was recorded). A record that already has a status keeps it.
 */
function addStatus(record: Record<string, unknown>): Record<string, unknown> {
  if ('status' in record && 'statusHistory' in record) return record;
  const { status, statusHistory } = initialStatus();
  return {
    ...record,
    status: record.status ?? status,
    statusHistory: record.statusHistory ?? statusHistory,
  };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    toVersion: 5,
    tables: ['ratings'],
    upgradeRecord: (table, record) => (table === 'ratings' ? moveUnsafeLinks(record) : record),
  },
  {
    toVersion: 6,
    tables: ['assessments'],
    upgradeRecord: (table, record) => (table === 'assessments' ? addStatus(record) : record),
  },
  {
    toVersion: 7,
    tables: [],
    upgradeRecord: keep,
    derive: {
      table: 'assessmentSummaries',
      sources: ['assessments', 'ratings'],
      build: buildSummaries,
    },
  },
];
