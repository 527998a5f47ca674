import { LIMITS, type EvidenceItem } from '@/domain/assessment';
import type { Edit } from './edits';
import type { RatingRecord, Stamps } from './schema';

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

/**
 * Applies one evidence-item edit. Items are matched by id: an unknown id is added at the end
 * (while there is room), a removed id stays removed, and each field keeps its own stamp.
 */
export function applyEvidence<R extends Pick<RatingRecord, 'evidence' | 'stamps' | 'updatedAt'>>(
  record: R,
  edit: Extract<Edit, { kind: 'evidence' }>,
): R {
  const removedKey = `evidence:${edit.itemId}:removed` as const;
  const fieldKey = `evidence:${edit.itemId}:${edit.field}` as const;
  if (record.stamps[removedKey] !== undefined) return record;
  if ((record.stamps[fieldKey] ?? 0) > edit.editedAt) return record;
  const index = record.evidence.findIndex((item) => item.id === edit.itemId);
  let evidence: EvidenceItem[];
  if (edit.field === 'removed') {
    if (edit.value !== true) return record;
    evidence = record.evidence.filter((item) => item.id !== edit.itemId);
  } else if (index === -1) {
    if (record.evidence.length >= LIMITS.evidenceItems) return record;
    evidence = [
      ...record.evidence,
      { id: edit.itemId, text: '', url: '', [edit.field]: edit.value },
    ];
  } else {
    evidence = record.evidence.map((item, i) =>
      i === index ? { ...item, [edit.field]: String(edit.value) } : item,
    );
  }
  return {
    ...record,
    evidence,
    stamps: { ...record.stamps, [fieldKey]: edit.editedAt },
    updatedAt: Math.max(record.updatedAt, edit.editedAt),
  };
}
