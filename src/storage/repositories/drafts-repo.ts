import { getDb } from '../db';
import type { DraftRecord } from '../schema';

/**
 * Drafts of forms not yet submitted (a new action, a facilitator's note): what was typed survives
 * a crash or a closed tab. Written through autosave ('draft' edits); read and removed here.
 */
export async function getDraft(form: string): Promise<DraftRecord | null> {
  return (await getDb().drafts.get(form)) ?? null;
}

export async function deleteDraft(form: string): Promise<void> {
  await getDb().drafts.delete(form);
}
