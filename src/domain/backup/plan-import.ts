import { canonical } from '../canonical';
import type { BackupData } from './backup-format';

/**
 * What restoring a backup would do, before anything is written: which assessments are new,
 * which are already here unchanged, and which differ from the copy on this device (conflicts).
 * An assessment travels with its ratings and its workshops (participants, individual ratings,
 * agreements, imported response files): they are compared, kept or skipped together. Targets and
 * actions follow the same rule by id. Pure.
 */
export type ConflictChoice = 'keep-newer' | 'keep-both' | 'skip';

export type Conflict = {
  id: string;
  title: string;
  systemName: string;
  localUpdatedAt: number;
  incomingUpdatedAt: number;
};

export type ImportPreview = {
  added: { id: string; title: string; systemName: string }[];
  identical: number;
  conflicts: Conflict[];
  targets: { added: number; replaced: number };
  actions: { added: number; replaced: number };
  /** Workshops in the file; each is restored, kept or skipped with its assessment. */
  workshops: number;
};

type Snapshot = BackupData;

type WorkshopFamily = Pick<
  Snapshot,
  'workshops' | 'participants' | 'individualRatings' | 'agreements' | 'responseFiles'
>;

/** An assessment's workshops and everything recorded in them. */
function workshopsOf(data: Snapshot, assessmentId: string): WorkshopFamily {
  const workshops = data.workshops.filter((w) => w.assessmentId === assessmentId);
  const ids = new Set(workshops.map((w) => w.id));
  const mine = <T extends { workshopId: string }>(rows: T[]): T[] =>
    rows.filter((r) => ids.has(r.workshopId));
  return {
    workshops,
    participants: mine(data.participants),
    individualRatings: mine(data.individualRatings),
    agreements: mine(data.agreements),
    responseFiles: mine(data.responseFiles),
  };
}

/** An assessment with all that belongs to it, in a form where equal data gives equal text. */
function assessmentWithRatings(data: Snapshot, id: string): string {
  const assessment = data.assessments.find((a) => a.id === id);
  const ratings = data.ratings.filter((r) => r.assessmentId === id);
  const family = workshopsOf(data, id);
  const sorted = (rows: unknown[]): string[] => rows.map(canonical).sort();
  return canonical({
    assessment,
    ratings: sorted(ratings),
    ...Object.fromEntries(Object.entries(family).map(([table, rows]) => [table, sorted(rows)])),
  });
}

/**
 * The workshops of an assessment copied under new ids ("keep both"), so that they cannot collide
 * with the originals. Response files are left behind: they only make re-importing the same file
 * idempotent, and they name the original workshop.
 */
function copyWorkshops(family: WorkshopFamily, assessmentId: string, newId: () => string) {
  const ids = new Map<string, string>();
  const remap = (old: string): string => {
    let id = ids.get(old);
    if (id === undefined) ids.set(old, (id = newId()));
    return id;
  };
  return {
    workshops: family.workshops.map((w) => ({ ...w, id: remap(w.id), assessmentId })),
    participants: family.participants.map((p) => ({
      ...p,
      id: remap(p.id),
      workshopId: remap(p.workshopId),
    })),
    individualRatings: family.individualRatings.map((r) => ({
      ...r,
      workshopId: remap(r.workshopId),
      participantId: remap(r.participantId),
    })),
    agreements: family.agreements.map((a) => ({ ...a, workshopId: remap(a.workshopId) })),
    responseFiles: [],
  };
}

export function previewImport(incoming: Snapshot, local: Snapshot): ImportPreview {
  const localIds = new Set(local.assessments.map((a) => a.id));
  const preview: ImportPreview = {
    added: [],
    identical: 0,
    conflicts: [],
    targets: { added: 0, replaced: 0 },
    actions: { added: 0, replaced: 0 },
    workshops: incoming.workshops.length,
  };
  for (const assessment of incoming.assessments) {
    if (!localIds.has(assessment.id)) {
      preview.added.push({
        id: assessment.id,
        title: assessment.title,
        systemName: assessment.systemName,
      });
    } else if (
      assessmentWithRatings(incoming, assessment.id) === assessmentWithRatings(local, assessment.id)
    ) {
      preview.identical += 1;
    } else {
      const mine = local.assessments.find((a) => a.id === assessment.id);
      preview.conflicts.push({
        id: assessment.id,
        title: assessment.title,
        systemName: assessment.systemName,
        localUpdatedAt: mine?.updatedAt ?? 0,
        incomingUpdatedAt: assessment.updatedAt,
      });
    }
  }
  for (const table of ['targets', 'actions'] as const) {
    const localById = new Map(local[table].map((r) => [r.id, canonical(r)]));
    for (const record of incoming[table]) {
      const mine = localById.get(record.id);
      if (mine === undefined) preview[table].added += 1;
      else if (mine !== canonical(record)) preview[table].replaced += 1;
    }
  }
  return preview;
}

/**
 * The records to write for a chosen conflict rule. "keep-newer" keeps whichever copy was changed
 * last; "keep-both" adds the incoming copy under a new id; "skip" leaves the local copy. New and
 * identical assessments are written either way (identical ones change nothing).
 */
export function resolveImport(
  incoming: Snapshot,
  preview: ImportPreview,
  choice: ConflictChoice,
  newId: () => string,
): Snapshot {
  const conflicts = new Map(preview.conflicts.map((c) => [c.id, c]));
  const result: Snapshot = {
    assessments: [],
    ratings: [],
    targets: incoming.targets,
    actions: incoming.actions,
    workshops: [],
    participants: [],
    individualRatings: [],
    agreements: [],
    responseFiles: [],
  };
  const add = (family: WorkshopFamily): void => {
    for (const table of Object.keys(family) as (keyof WorkshopFamily)[])
      (result[table] as unknown[]).push(...family[table]);
  };
  for (const assessment of incoming.assessments) {
    const conflict = conflicts.get(assessment.id);
    const own = incoming.ratings.filter((r) => r.assessmentId === assessment.id);
    const family = workshopsOf(incoming, assessment.id);
    if (conflict && choice === 'skip') continue;
    if (
      conflict &&
      choice === 'keep-newer' &&
      conflict.incomingUpdatedAt <= conflict.localUpdatedAt
    )
      continue;
    if (conflict && choice === 'keep-both') {
      const id = newId();
      result.assessments.push({ ...assessment, id });
      result.ratings.push(...own.map((r) => ({ ...r, assessmentId: id })));
      add(copyWorkshops(family, id, newId));
      continue;
    }
    result.assessments.push(assessment);
    result.ratings.push(...own);
    add(family);
  }
  return result;
}
