import { z } from '../zod';
import { invalidFile, parseJsonFile, type InvalidFile } from '../json-file';
import {
  actionRecord,
  agreementRecord,
  assessmentRecord,
  individualRatingRecord,
  participantRecord,
  ratingRecord,
  responseFileRecord,
  targetRecord,
  workshopRecord,
} from '../records';
import type { Result } from '../result';
import { frameworkKey } from '../framework/framework-key';
import type { KnownFrameworks } from '../framework/known';
import { firstDuplicate } from '../validation';
import { initialStatus } from '../assessment-status';

/**
 * The backup file: a versioned envelope around plain records. Reading one runs
 * parse → recognise → migrate older versions → validate → check references, and never throws:
 * every problem comes back as a reason a person can act on. See docs/data-format.md.
 */
export const BACKUP_TYPE = 'ics-maturity-backup';
/**
 * 2 adds the workshops of the assessments in the file; 3 adds each assessment's status (draft,
 * agreed, approved) and the history of its changes.
 */
export const BACKUP_VERSION = 3;
/** Larger files are refused before they are read. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;

/** The tables of a backup: the records the app keeps (src/domain/records.ts), table by table. */
export const backupDataSchema = z.object({
  assessments: z.array(assessmentRecord),
  ratings: z.array(ratingRecord),
  targets: z.array(targetRecord),
  actions: z.array(actionRecord),
  workshops: z.array(workshopRecord),
  participants: z.array(participantRecord),
  individualRatings: z.array(individualRatingRecord),
  agreements: z.array(agreementRecord),
  responseFiles: z.array(responseFileRecord),
});

const backupSchema = z.object({
  type: z.literal(BACKUP_TYPE),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  scope: z.enum(['all', 'system', 'assessment']),
  data: backupDataSchema,
});

export type BackupData = z.infer<typeof backupDataSchema>;
export type Backup = z.infer<typeof backupSchema>;

/** Problems a file can have, each with its own message in the UI. */
export type BackupProblem =
  | { code: 'too-large'; bytes: number }
  | { code: 'not-json' }
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; version: number }
  | InvalidFile
  | { code: 'dangling-rating'; assessmentId: string }
  | { code: 'dangling-record'; table: string; key: string }
  | { code: 'duplicate'; table: string; key: string }
  | { code: 'unknown-framework'; id: string; version: string }
  | { code: 'unknown-criterion'; table: string; criterionId: string };

export type BackupResult = Result<Backup, BackupProblem>;

export function createBackup(
  data: BackupData,
  scope: Backup['scope'],
  app: Backup['app'],
  exportedAt: Date,
): Backup {
  return {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    app,
    scope,
    data,
  };
}

/** Records per part of a backup file (see backupFileParts). */
const RECORDS_PER_PART = 1_000;

/** Records as they stand inside a JSON array: each compact, comma-separated, no brackets. */
export function recordsJson(rows: readonly unknown[]): string {
  // An array stringified is "[…]": its inside is the records, comma-separated.
  return JSON.stringify(rows).slice(1, -1);
}

/**
 * The backup file's text in parts, to be handed as they are to one `Blob`: compact JSON, exactly
 * `JSON.stringify(backup)` once joined, but made a thousand records at a time, so no single
 * string of the whole file (nor a pretty-printed one, a third larger) is ever built. `made`: a
 * table's records already made into parts by the caller (each the `recordsJson` of some of them,
 * none empty, in order; a `Blob` made while the rest was still being read), used instead of that
 * table's records in `backup`.
 */
export function backupFileParts<P = never>(
  backup: Backup,
  made: Partial<Record<keyof BackupData, readonly P[]>> = {},
): (string | P)[] {
  const parts: (string | P)[] = ['{'];
  const entries = Object.entries(backup).filter(([, value]) => value !== undefined);
  entries.forEach(([key, value], i) => {
    if (i > 0) parts.push(',');
    if (key !== 'data') {
      parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      return;
    }
    parts.push('"data":{');
    Object.entries(value as BackupData).forEach(([table, rows], j) => {
      parts.push(`${j > 0 ? ',' : ''}${JSON.stringify(table)}:[`);
      const given = made[table as keyof BackupData];
      if (given) {
        given.forEach((part, k) => {
          if (k > 0) parts.push(',');
          parts.push(part);
        });
      } else {
        for (let start = 0; start < rows.length; start += RECORDS_PER_PART) {
          const inside = recordsJson(rows.slice(start, start + RECORDS_PER_PART));
          parts.push(start > 0 ? `,${inside}` : inside);
        }
      }
      parts.push(']');
    });
    parts.push('}');
  });
  parts.push('}');
  return parts;
}

/** The workshop tables, empty: what a version 1 file (made before workshops) holds of them. */
export const NO_WORKSHOPS = {
  workshops: [],
  participants: [],
  individualRatings: [],
  agreements: [],
  responseFiles: [],
} as const satisfies Partial<Record<keyof BackupData, []>>;

/** Older backup versions are migrated here, one step at a time, before validation. */
const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
  // 1 → 2: no workshops yet.
  1: (data) => (isObject(data) ? { ...NO_WORKSHOPS, ...data } : data),
  // 2 → 3: no statuses yet: every assessment is a draft with no history (as the database's v6).
  2: (data) =>
    isObject(data) && Array.isArray(data.assessments)
      ? {
          ...data,
          assessments: data.assessments.map((a: unknown) =>
            isObject(a) ? { ...initialStatus(), ...a } : a,
          ),
        }
      : data,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrate(envelope: Record<string, unknown>): Result<Record<string, unknown>, string> {
  let current = envelope;
  while (typeof current.version === 'number' && current.version < BACKUP_VERSION) {
    const step = MIGRATIONS[current.version];
    if (!step) return { ok: false, problem: `no migration from version ${current.version}` };
    current = { ...current, data: step(current.data), version: current.version + 1 };
  }
  return { ok: true, value: current };
}

/**
 * `known`: the frameworks this app has (an assessment made with any other cannot be shown, so the
 * file is refused). `bytes`: the file's size, when known (see parseJsonFile).
 */
export function readBackup(text: string, known: KnownFrameworks, bytes?: number): BackupResult {
  const file = parseJsonFile(text, MAX_BACKUP_BYTES, bytes);
  if (!file.ok) {
    return { ok: false, problem: file.problem };
  }
  return readBackupJson(file.value, known);
}

/**
 * readBackup for a file already parsed (by parseJsonFile, within MAX_BACKUP_BYTES): recognise,
 * migrate, validate each record once, check references.
 */
export function readBackupJson(json: unknown, known: KnownFrameworks): BackupResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problem: { code: 'not-a-backup' } };
  }
  const envelope = json as Record<string, unknown>;
  if (envelope.type !== BACKUP_TYPE) return { ok: false, problem: { code: 'not-a-backup' } };
  if (
    typeof envelope.version !== 'number' ||
    !Number.isInteger(envelope.version) ||
    envelope.version < 1
  ) {
    return {
      ok: false,
      problem: { code: 'invalid', path: 'version', detail: 'not a whole number' },
    };
  }
  if (envelope.version > BACKUP_VERSION) {
    return { ok: false, problem: { code: 'newer-version', version: envelope.version } };
  }
  const migrated = migrate(envelope);
  if (!migrated.ok)
    return { ok: false, problem: { code: 'invalid', path: 'version', detail: migrated.problem } };
  const parsed = backupSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problem: invalidFile(parsed.error.issues) };
  return checkReferences(parsed.data, known);
}

function checkReferences(backup: Backup, known: KnownFrameworks): BackupResult {
  const { assessments, ratings, targets, actions, workshops, participants } = backup.data;
  const seen = (table: string, keys: string[]): BackupProblem | null => {
    const set = new Set<string>();
    for (const key of keys) {
      if (set.has(key)) return { code: 'duplicate', table, key };
      set.add(key);
    }
    return null;
  };
  const duplicate =
    seen(
      'assessments',
      assessments.map((a) => a.id),
    ) ??
    seen(
      'ratings',
      ratings.map((r) => `${r.assessmentId}|${r.criterionId}`),
    ) ??
    seen(
      'targets',
      targets.map((t) => t.id),
    ) ??
    seen(
      'actions',
      actions.map((a) => a.id),
    ) ??
    seen(
      'workshops',
      workshops.map((w) => w.id),
    ) ??
    seen(
      'participants',
      participants.map((p) => p.id),
    );
  if (duplicate) return { ok: false, problem: duplicate };
  for (const rating of ratings) {
    const key = firstDuplicate(rating.evidence.map((e) => e.id));
    if (key !== null) return { ok: false, problem: { code: 'duplicate', table: 'evidence', key } };
  }
  const ids = new Set(assessments.map((a) => a.id));
  const dangling = ratings.find((r) => !ids.has(r.assessmentId));
  if (dangling)
    return { ok: false, problem: { code: 'dangling-rating', assessmentId: dangling.assessmentId } };
  // Every workshop belongs to an assessment in the file, and everything of a workshop to it.
  const orphanWorkshop = workshops.find((w) => !ids.has(w.assessmentId));
  if (orphanWorkshop) {
    return {
      ok: false,
      problem: { code: 'dangling-record', table: 'workshops', key: orphanWorkshop.id },
    };
  }
  const workshopIds = new Set(workshops.map((w) => w.id));
  const { individualRatings, agreements, responseFiles } = backup.data;
  for (const [table, rows] of Object.entries({
    participants,
    individualRatings,
    agreements,
    responseFiles,
  })) {
    const orphan = rows.find((r) => !workshopIds.has(r.workshopId));
    if (orphan) {
      return {
        ok: false,
        problem: { code: 'dangling-record', table, key: orphan.workshopId },
      };
    }
  }
  // Private ratings and response files belong to a participant of the same workshop in the file.
  const people = new Set(participants.map((p) => `${p.workshopId}|${p.id}`));
  for (const [table, rows] of Object.entries({ individualRatings, responseFiles })) {
    const orphan = rows.find((r) => !people.has(`${r.workshopId}|${r.participantId}`));
    if (orphan)
      return {
        ok: false,
        problem: { code: 'dangling-record', table, key: orphan.participantId },
      };
  }
  const wrongOwner = responseFiles.find((r) => r.content.participant.id !== r.participantId);
  if (wrongOwner)
    return {
      ok: false,
      problem: { code: 'dangling-record', table: 'responseFiles', key: wrongOwner.participantId },
    };
  return checkFrameworks(backup, known);
}

/**
 * Every assessment names a framework version this app has, and every criterion and
 * characteristic in the file exists in it (targets and actions: in some framework the app has).
 */
function checkFrameworks(backup: Backup, known: KnownFrameworks): BackupResult {
  const { assessments, ratings, targets, actions, workshops, individualRatings, agreements } =
    backup.data;
  const frameworkOf = new Map<string, { criterionIds: ReadonlySet<string> }>();
  for (const a of assessments) {
    const framework = known.get(frameworkKey(a.frameworkId, a.frameworkVersion));
    if (!framework)
      return {
        ok: false,
        problem: { code: 'unknown-framework', id: a.frameworkId, version: a.frameworkVersion },
      };
    frameworkOf.set(a.id, framework);
  }
  const unknown = (table: string, criterionId: string): BackupResult => ({
    ok: false,
    problem: { code: 'unknown-criterion', table, criterionId },
  });
  for (const r of ratings)
    if (!frameworkOf.get(r.assessmentId)?.criterionIds.has(r.criterionId))
      return unknown('ratings', r.criterionId);
  const workshopFramework = new Map<string, { criterionIds: ReadonlySet<string> }>();
  for (const w of workshops) {
    const framework = frameworkOf.get(w.assessmentId)!;
    workshopFramework.set(w.id, framework);
    // Round 2's and the revealed criteria (issue 12) are the workshop's framework's too.
    const stray = [
      ...w.criterionIds,
      ...(w.round2?.criterionIds ?? []),
      ...(w.revealedCriterionIds ?? []),
      ...Object.keys(w.timers ?? {}),
    ].find((c) => !framework.criterionIds.has(c));
    if (stray !== undefined) return unknown('workshops', stray);
  }
  for (const [table, rows] of Object.entries({ individualRatings, agreements })) {
    const stray = rows.find(
      (r) => !workshopFramework.get(r.workshopId)?.criterionIds.has(r.criterionId),
    );
    if (stray) return unknown(table, stray.criterionId);
  }
  const all = [...known.values()];
  const anyCriterion = new Set(all.flatMap((f) => [...f.criterionIds]));
  const anyCharacteristic = new Set(all.flatMap((f) => [...f.characteristicIds]));
  for (const [table, rows] of Object.entries({ targets, actions })) {
    const stray = rows.find((r) => !anyCharacteristic.has(r.characteristicId));
    if (stray) return unknown(table, stray.characteristicId);
  }
  const strayAction = actions.find(
    (a) => a.criterionId !== null && !anyCriterion.has(a.criterionId),
  );
  if (strayAction) return unknown('actions', strayAction.criterionId!);
  return { ok: true, value: backup };
}
