import type { PlanAction, StoredTarget } from '@/domain/plan';
import type { Assessment, Rating } from '@/domain/assessment';
import { getDb } from '../db';
import { readRatingSets } from '../rating-sets';

/**
 * Targets and development-plan actions of one system, and the system's assessments with their
 * ratings (what the trajectory is drawn from).
 */

export type SystemAssessment = Assessment & { ratings: Rating[] };

/** The system's assessments (found by the summaries' `systemKey` index) with their ratings. */
export async function listSystemAssessments(key: string): Promise<SystemAssessment[]> {
  const db = getDb();
  return db.transaction('r', db.assessmentSummaries, db.assessments, db.ratingSets, async () => {
    // In id order, as a read of the whole assessments table gave them.
    const ids = await db.assessmentSummaries.where('systemKey').equals(key).primaryKeys();
    const [own, sets] = await Promise.all([db.assessments.bulkGet(ids), readRatingSets(db, ids)]);
    return own
      .filter((a) => a !== undefined)
      .map(({ stamps: _stamps, ...assessment }) => ({
        ...assessment,
        ratings: (sets.get(assessment.id)?.ratings ?? []).map(
          ({ stamps: _s, ...rating }) => rating,
        ),
      }));
  });
}

export async function listTargets(key: string): Promise<StoredTarget[]> {
  return getDb().targets.where('systemKey').equals(key).toArray();
}

/** Replaces the system's whole target list in one transaction (the editor saves it as a whole). */
export async function saveTargets(
  key: string,
  targets: Omit<StoredTarget, 'systemKey' | 'updatedAt'>[],
): Promise<void> {
  const db = getDb();
  const now = Date.now();
  await db.transaction('rw', db.targets, async () => {
    await db.targets.where('systemKey').equals(key).delete();
    await db.targets.bulkAdd(targets.map((t) => ({ ...t, systemKey: key, updatedAt: now })));
  });
}

export async function listActions(key: string): Promise<PlanAction[]> {
  return getDb().actions.where('systemKey').equals(key).toArray();
}

export async function addAction(
  action: Omit<PlanAction, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<string> {
  const now = Date.now();
  const id = crypto.randomUUID();
  await getDb().actions.add({ ...action, id, createdAt: now, updatedAt: now });
  return id;
}

export async function updateAction(
  id: string,
  patch: Partial<Omit<PlanAction, 'id' | 'systemKey' | 'createdAt'>>,
): Promise<void> {
  await getDb().actions.update(id, { ...patch, updatedAt: Date.now() });
}

export async function deleteAction(id: string): Promise<void> {
  await getDb().actions.delete(id);
}
