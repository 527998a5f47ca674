import { systemKey } from '@/domain/system-key';
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb } from '../db';
import { forgetStoredDataIfEmpty, rememberStoredData } from '../lost-data';
import { readRatings, replaceRatings } from '../rating-sets';
import type {
  ActionRecord,
  AssessmentRecord,
  RatingRecord,
  DraftRecord,
  TargetRecord,
  WorkshopRecord,
} from '../schema';
import {
  deleteWorkshopFamily,
  putWorkshops,
  readWorkshopFamily,
  workshopTables,
  type WorkshopFamily,
} from './workshop-family';

/**
 * Deleting an assessment deletes everything that belongs only to it, in one transaction: its
 * ratings and its workshops with their participants, private ratings, agreements and imported
 * response files. The system's targets and plan actions (keyed by `systemKey`) go with the
 * system's last assessment, never before. Everything deleted is returned, so undo puts back
 * exactly what was there.
 */
export type DeletedAssessment = WorkshopFamily & {
  assessment: AssessmentRecord;
  ratings: RatingRecord[];
  workshops: WorkshopRecord[];
  /** Non-empty only when this was the system's last assessment. */
  targets: TargetRecord[];
  actions: ActionRecord[];
  /** Unsubmitted form drafts that name a deleted workshop (a facilitator's note) or plan. */
  drafts: DraftRecord[];
};

function cascadeTables() {
  const db = getDb();
  return [...summaryTables(db), ...workshopTables(db), db.targets, db.actions, db.drafts];
}

/**
 * A draft belongs to what its form name names, segment by segment (`note:<workshopId>:<criterion>`,
 * `action:<systemKey>`): it goes with a deleted workshop, or with the plan of a deleted system.
 */
function draftBelongs(form: string, workshopIds: ReadonlySet<string>, planKey: string | null) {
  const segments = form.split(':');
  return (
    segments.some((segment) => workshopIds.has(segment)) ||
    (planKey !== null && segments.slice(1).join(':') === planKey)
  );
}

/** What deleting an assessment would take with it: the confirmation step is built from this. */
export type DeletionImpact = {
  workshops: number;
  participants: number;
  /** No other assessment shares the system: its targets and actions go too. */
  isLastOfSystem: boolean;
  /** Stored targets and actions of the system (deleted only when `isLastOfSystem`). */
  targets: number;
  actions: number;
};

export async function deletionImpact(assessmentId: string): Promise<DeletionImpact | null> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.assessments, db.workshops, db.participants, db.targets, db.actions],
    async () => {
      const assessment = await db.assessments.get(assessmentId);
      if (!assessment) return null;
      const key = systemKey(assessment.systemName);
      const all = await db.assessments.toArray();
      const workshopIds = await db.workshops
        .where('assessmentId')
        .equals(assessmentId)
        .primaryKeys();
      const [participants, targets, actions] = await Promise.all([
        db.participants.where('workshopId').anyOf(workshopIds).count(),
        db.targets.where('systemKey').equals(key).count(),
        db.actions.where('systemKey').equals(key).count(),
      ]);
      return {
        workshops: workshopIds.length,
        participants,
        isLastOfSystem: !all.some((a) => a.id !== assessmentId && systemKey(a.systemName) === key),
        targets,
        actions,
      };
    },
  );
}

/** Deletes an assessment and everything that is only its; returns what is needed to undo it. */
export async function deleteAssessment(id: string): Promise<DeletedAssessment | null> {
  const db = getDb();
  const deleted = await db.transaction('rw', cascadeTables(), async () => {
    const assessment = await db.assessments.get(id);
    if (!assessment) return null;
    const key = systemKey(assessment.systemName);
    // From the assessments themselves, not their summaries: what this deletes depends on it.
    const others = (await db.assessments.toArray()).filter(
      (a) => a.id !== id && systemKey(a.systemName) === key,
    );
    const workshops = await db.workshops.where('assessmentId').equals(id).toArray();
    const workshopIds = workshops.map((w) => w.id);
    const [ratings, family] = await Promise.all([
      readRatings(db, id),
      readWorkshopFamily(db, workshopIds),
    ]);
    const isLast = others.length === 0;
    const [targets, actions] = isLast
      ? await Promise.all([
          db.targets.where('systemKey').equals(key).toArray(),
          db.actions.where('systemKey').equals(key).toArray(),
        ])
      : [[], []];
    const ownIds = new Set(workshopIds);
    const drafts = (await db.drafts.toArray()).filter((d) =>
      draftBelongs(d.form, ownIds, isLast ? key : null),
    );

    await replaceRatings(db, id, []);
    await deleteWorkshopFamily(db, workshopIds);
    await db.workshops.bulkDelete(workshopIds);
    if (isLast) {
      await db.targets.where('systemKey').equals(key).delete();
      await db.actions.where('systemKey').equals(key).delete();
    }
    await db.drafts.bulkDelete(drafts.map((d) => d.form));
    await db.assessments.delete(id);
    await refreshSummaries(db, [id]);
    return {
      assessment,
      ratings,
      workshops,
      ...family,
      targets,
      actions,
      drafts,
    };
  });
  // The last thing kept here deleted by the person: an empty database is then no loss to report.
  if (deleted) await forgetStoredDataIfEmpty();
  return deleted;
}

/** Puts back everything `deleteAssessment` removed, in one transaction. */
export async function undoDeleteAssessment(deleted: DeletedAssessment): Promise<void> {
  const db = getDb();
  await db.transaction('rw', cascadeTables(), async () => {
    await db.assessments.put(deleted.assessment);
    await replaceRatings(db, deleted.assessment.id, deleted.ratings);
    await putWorkshops(db, deleted);
    await db.targets.bulkPut(deleted.targets);
    await db.actions.bulkPut(deleted.actions);
    await db.drafts.bulkPut(deleted.drafts);
    await refreshSummaries(db, [deleted.assessment.id]);
  });
  rememberStoredData();
}
