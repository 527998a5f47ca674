import Dexie from 'dexie';
import { sameContent, type AssessmentContent } from '@/domain/sync/assessment-document';
import type { WorkshopRecord } from '@/domain/records';
import { workshopKey } from '@/domain/workshop/join-code';
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb } from '../db';
import { rememberStoredData } from '../lost-data';
import { readRatings, replaceRatings } from '../rating-sets';

/**
 * What partnership sync (src/sync) reads from and writes to this device's store. Sync never
 * touches the tables itself: it reads an assessment whole, and writes one whole, in one
 * transaction, only if the assessment is still what sync merged against (otherwise it merges
 * again), so an answer typed meanwhile is never overwritten.
 */

/** An assessment and its ratings as one consistent read, or null when there is none. */
export async function readAssessmentContent(id: string): Promise<AssessmentContent | null> {
  const db = getDb();
  return db.transaction('r', db.assessments, db.ratingSets, async () => {
    const [assessment, ratings] = await Promise.all([db.assessments.get(id), readRatings(db, id)]);
    return assessment ? { assessment, ratings } : null;
  });
}

/** Every assessment id with its last change time, read from the index (no records read). */
export async function assessmentVersions(): Promise<Map<string, number>> {
  const db = getDb();
  return db.transaction('r', db.assessments, async () => {
    const byTime = db.assessments.orderBy('updatedAt');
    const [times, ids] = await Promise.all([byTime.keys(), byTime.primaryKeys()]);
    return new Map(ids.map((id, i) => [id, Number(times[i])]));
  });
}

/**
 * Calls `listener` after any write to this app's tables, in this tab or another (Dexie's
 * cross-tab change event); returns the unsubscribe function.
 */
export function onStoredDataChanged(listener: () => void): () => void {
  const handler = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.includes(`/${getDb().name}/`))) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}

/**
 * The workshop hosted on this device that a participant's response names (by the workshop's id,
 * when they joined with the invitation file, or its key, when they typed the code), with its
 * assessment's framework; null when this device hosts no such workshop.
 */
export async function findHostedWorkshop(
  idOrKey: string,
): Promise<{ workshop: WorkshopRecord; frameworkId: string; frameworkVersion: string } | null> {
  const db = getDb();
  return db.transaction('r', db.workshops, db.assessments, async () => {
    const workshop =
      (await db.workshops.get(idOrKey)) ??
      (await db.workshops.filter((w) => workshopKey(w.id) === idOrKey).first());
    if (!workshop) return null;
    const assessment = await db.assessments.get(workshop.assessmentId);
    return assessment
      ? {
          workshop,
          frameworkId: assessment.frameworkId,
          frameworkVersion: assessment.frameworkVersion,
        }
      : null;
  });
}

export type SyncWrite = 'written' | 'changed-meanwhile';

/**
 * Stores `content` as the whole assessment (its ratings replaced) if the stored assessment is
 * still `expected` (null: there is none); otherwise writes nothing and says so.
 */
export async function writeSyncedAssessment(
  content: AssessmentContent,
  expected: AssessmentContent | null,
): Promise<SyncWrite> {
  const db = getDb();
  const id = content.assessment.id;
  const outcome = await db.transaction('rw', summaryTables(db), async () => {
    const [assessment, ratings] = await Promise.all([db.assessments.get(id), readRatings(db, id)]);
    const current = assessment ? { assessment, ratings } : null;
    const unchanged =
      current === null || expected === null ? current === expected : sameContent(current, expected);
    if (!unchanged) return 'changed-meanwhile' as const;
    await db.assessments.put(content.assessment);
    // The whole set: ratings the merged content no longer has go.
    await replaceRatings(db, id, content.ratings);
    await refreshSummaries(db, [id], { assessments: [content.assessment] });
    return 'written' as const;
  });
  if (outcome === 'written') rememberStoredData();
  return outcome;
}

// Sync's settings are kept with the other settings, so start-up can read them without loading
// the sync code (and zod) this module needs.
export {
  getSyncSettings,
  putSyncSettings,
  signInOf,
  type SyncSettings,
  type SyncSignIn,
} from './settings-repo';
