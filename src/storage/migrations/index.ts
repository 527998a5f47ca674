/**
 * Data migrations between schema versions. Each entry is pure and unit-tested against
 * before/after fixtures in test/fixtures/db/migrations/. The Dexie upgrade in ../db.ts only calls
 * `upgradeRecord`; it never holds migration logic itself.
 *
 * v1 → v2 adds `targets` and `actions`; v2 → v3 adds the five workshop tables; v3 → v4 adds
 * `joinedWorkshops`; v4 → v5 adds `journal` and `drafts` and moves unsafe evidence links into
 * their descriptions (below); v5 → v6 gives every assessment a status, draft, and an empty
 * history of status changes (below); v6 → v7 adds `assessmentSummaries` and builds one summary per
 * assessment from the ratings (`derive`, below); v7 → v8 moves the ratings into one `ratingSets`
 * record per assessment, rebuilds the summaries with what a list row shows and builds one summary
 * per system from them (three `derive`s; Dexie drops `ratings` after them); v8 → v9 adds
 * `snapshots` (regional snapshots, new table only). The others change no record: Dexie creates the
 * tables, and the golden fixture tests prove older data opens unchanged. An entry that changes
 * records looks like:
 *   { toVersion: 2, tables: ['assessments'], upgradeRecord: (table, r) => ({ ...r, status: 'draft' }) }
 * and one that builds a new table from whole source tables (read once, after `upgradeRecord`):
 *   { toVersion: 7, tables: [], upgradeRecord: keep,
 *     derive: { table: 'x', sources: ['ratings'], build: ({ ratings }) => [...] } }
 */
import { checkEvidenceUrl, LIMITS } from '@/domain/assessment';
import { initialStatus } from '@/domain/assessment-status';
import { summaryOf, systemSummariesOf } from '../assessment-summaries';
import { groupRatings } from '../rating-sets';
import type { AssessmentRecord, AssessmentSummaryRecord, RatingRecord } from '../schema';

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
  | 'assessmentSummaries'
  | 'ratingSets'
  | 'systemSummaries'
  | 'snapshots';

export type TableRows = Partial<Record<TableName, readonly Record<string, unknown>[]>>;

export type Migration = {
  toVersion: number;
  tables: readonly TableName[];
  /** Must not mutate its input; returns the record as the new version stores it. */
  upgradeRecord: (table: TableName, record: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Tables built whole from source tables (derived data, such as summaries, or records moved to a
   * new table): each `build` gets every record of each source, as upgraded (and as built by the
   * `derive`s before it), and returns the records to put. Pure; must not mutate.
   */
  derive?: Derivation | readonly Derivation[];
};

export type Derivation = {
  table: TableName;
  sources: readonly TableName[];
  build: (sources: TableRows) => Record<string, unknown>[];
};

/** A migration's derivations, in order (none, one or several). */
export function derivations(migration: Migration): readonly Derivation[] {
  const { derive } = migration;
  if (!derive) return [];
  return 'table' in derive ? [derive as Derivation] : (derive as readonly Derivation[]);
}

const keep: Migration['upgradeRecord'] = (_table, record) => record;

/**
 * v7: one summary per assessment, counted from its ratings (0 for an assessment without any). As
 * shipped in v7: `{ assessmentId, assessedCount }` only.
 */
function buildSummariesV7({
  assessments = [],
  ratings = [],
}: TableRows): Record<string, unknown>[] {
  const assessed = new Map<string, number>();
  for (const a of assessments) assessed.set(String(a.id), 0);
  for (const r of ratings) {
    const id = String(r.assessmentId);
    const count = assessed.get(id);
    if (count !== undefined && r.level !== null && r.level !== undefined)
      assessed.set(id, count + 1);
  }
  return [...assessed].map(([assessmentId, assessedCount]) => ({ assessmentId, assessedCount }));
}

/**
 * v8: the ratings as one set per assessment, each set's ratings in criterion order (the order the
 * old key gave them). Every rating is kept, even one whose assessment is gone.
 */
function buildRatingSets({ ratings = [] }: TableRows): Record<string, unknown>[] {
  return groupRatings(ratings as unknown as readonly RatingRecord[]);
}

/** v8: one summary per system (its count and newest rows), from the assessment summaries. */
function buildSystemSummaries({ assessmentSummaries = [] }: TableRows): Record<string, unknown>[] {
  return systemSummariesOf(assessmentSummaries as unknown as readonly AssessmentSummaryRecord[]);
}

/** v8: one summary per assessment with what its list row shows, counted from its rating set. */
function buildSummariesV8({
  assessments = [],
  ratingSets = [],
}: TableRows): Record<string, unknown>[] {
  const sets = new Map(
    ratingSets.map((s) => [String(s.assessmentId), s.ratings as RatingRecord[]]),
  );
  return assessments.map((a) =>
    summaryOf(a as unknown as AssessmentRecord, sets.get(String(a.id)) ?? []),
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
      build: buildSummariesV7,
    },
  },
  {
    toVersion: 8,
    tables: [],
    upgradeRecord: keep,
    derive: [
      { table: 'ratingSets', sources: ['ratings'], build: buildRatingSets },
      {
        table: 'assessmentSummaries',
        sources: ['assessments', 'ratingSets'],
        build: buildSummariesV8,
      },
      { table: 'systemSummaries', sources: ['assessmentSummaries'], build: buildSystemSummaries },
    ],
  },
  // v9: the regional snapshots table, new and empty: no record changes.
  { toVersion: 9, tables: [], upgradeRecord: keep },
];
