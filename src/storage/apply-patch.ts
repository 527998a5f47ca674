import type { Stamps } from './schema';

/**
 * Applies the fields of `patch` edited at `editedAt` to `record`, field by field, skipping any
 * field whose stored edit time is newer. This is what stops an older tab or a replayed journal
 * entry from overwriting a newer answer. Pure: returns a new record, or the same one if nothing
 * changed.
 */
export function applyPatch<F extends string, R extends { stamps: Stamps<F>; updatedAt: number }>(
  record: R,
  patch: Partial<Record<F, unknown>>,
  editedAt: number,
): { record: R; changed: boolean } {
  let next: R | null = null;
  for (const field of Object.keys(patch) as F[]) {
    const storedAt = record.stamps[field] ?? 0;
    if (storedAt > editedAt) continue;
    next ??= { ...record, stamps: { ...record.stamps } };
    (next as Record<string, unknown>)[field] = patch[field];
    next.stamps[field] = editedAt;
    next.updatedAt = Math.max(next.updatedAt, editedAt);
  }
  return next ? { record: next, changed: true } : { record, changed: false };
}
