import { canonical } from '../canonical';
import type { BackupData } from './backup-format';

/**
 * What restoring a backup would do, before anything is written: which assessments are new,
 * which are already here unchanged, and which differ from the copy on this device (conflicts).
 * Targets and actions follow the same rule by id. Pure.
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
};

type Snapshot = BackupData;

function assessmentWithRatings(data: Snapshot, id: string): string {
  const assessment = data.assessments.find((a) => a.id === id);
  const ratings = data.ratings
    .filter((r) => r.assessmentId === id)
    .sort((a, b) => a.criterionId.localeCompare(b.criterionId));
  return canonical({ assessment, ratings });
}

export function previewImport(incoming: Snapshot, local: Snapshot): ImportPreview {
  const localIds = new Set(local.assessments.map((a) => a.id));
  const preview: ImportPreview = {
    added: [],
    identical: 0,
    conflicts: [],
    targets: { added: 0, replaced: 0 },
    actions: { added: 0, replaced: 0 },
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
  const assessments: Snapshot['assessments'] = [];
  const ratings: Snapshot['ratings'] = [];
  for (const assessment of incoming.assessments) {
    const conflict = conflicts.get(assessment.id);
    const own = incoming.ratings.filter((r) => r.assessmentId === assessment.id);
    if (!conflict) {
      assessments.push(assessment);
      ratings.push(...own);
      continue;
    }
    if (choice === 'skip') continue;
    if (choice === 'keep-newer') {
      if (conflict.incomingUpdatedAt <= conflict.localUpdatedAt) continue;
      assessments.push(assessment);
      ratings.push(...own);
      continue;
    }
    const id = newId();
    assessments.push({ ...assessment, id });
    ratings.push(...own.map((r) => ({ ...r, assessmentId: id })));
  }
  return { assessments, ratings, targets: incoming.targets, actions: incoming.actions };
}
