import { canonical } from '../canonical';
import {
  assessmentRecord,
  ratingRecord,
  type AssessmentRecord,
  type RatingRecord,
} from '../records';
import type { Result } from '../result';
import { z } from '../zod';

/**
 * How an assessment travels to a partnership's CouchDB: one document per assessment holding its
 * record and all its ratings, so that a replication moves an assessment whole (never half its
 * ratings) and a conflict is between two versions of one assessment. The document is plain data,
 * validated on the way in with the same zod schemas as a backup (src/domain/records.ts).
 *
 * CouchDB's own fields (`_id`, `_rev`, `_conflicts`…) are added and removed by the sync module;
 * `readAssessmentDocument` ignores them.
 */

/** Bumped when the document's shape changes; a device refuses a version it does not know. */
export const ASSESSMENT_DOCUMENT_VERSION = 1;
const PREFIX = 'assessment:';

/** What an assessment document carries: the record and its ratings in criterion order. */
export type AssessmentContent = { assessment: AssessmentRecord; ratings: RatingRecord[] };

export type AssessmentDocument = {
  _id: string;
  kind: 'assessment';
  v: typeof ASSESSMENT_DOCUMENT_VERSION;
  assessment: AssessmentRecord;
  ratings: RatingRecord[];
};

export type DocumentProblem = 'not-an-assessment' | 'newer-version' | 'malformed' | 'mismatched-id';

export function assessmentDocumentId(assessmentId: string): string {
  return `${PREFIX}${assessmentId}`;
}

/** The assessment id of a document id, or null when the document is not an assessment. */
export function assessmentIdOfDocument(documentId: string): string | null {
  return documentId.startsWith(PREFIX) && documentId.length > PREFIX.length
    ? documentId.slice(PREFIX.length)
    : null;
}

/** Ratings in one order (by criterion id), so equal content gives equal documents. */
function ordered(ratings: readonly RatingRecord[]): RatingRecord[] {
  return [...ratings].sort((a, b) =>
    a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0,
  );
}

export function toAssessmentDocument(content: AssessmentContent): AssessmentDocument {
  return {
    _id: assessmentDocumentId(content.assessment.id),
    kind: 'assessment',
    v: ASSESSMENT_DOCUMENT_VERSION,
    assessment: content.assessment,
    ratings: ordered(content.ratings),
  };
}

const documentSchema = z.object({
  kind: z.literal('assessment'),
  v: z.number().int().min(1),
  assessment: assessmentRecord,
  ratings: z.array(ratingRecord).max(500),
});

/**
 * The content of a document that arrived from elsewhere, validated as strictly as a backup: the
 * ratings must belong to the assessment, one per criterion, and the id must match the document.
 */
export function readAssessmentDocument(
  document: unknown,
): Result<AssessmentContent, DocumentProblem> {
  if (typeof document !== 'object' || document === null || !('kind' in document))
    return { ok: false, problem: 'not-an-assessment' };
  if ((document as { kind: unknown }).kind !== 'assessment')
    return { ok: false, problem: 'not-an-assessment' };
  const version = (document as { v?: unknown }).v;
  if (typeof version === 'number' && version > ASSESSMENT_DOCUMENT_VERSION)
    return { ok: false, problem: 'newer-version' };
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const { assessment, ratings } = parsed.data;
  const documentId = (document as { _id?: unknown })._id;
  if (documentId !== undefined && documentId !== assessmentDocumentId(assessment.id))
    return { ok: false, problem: 'mismatched-id' };
  const criteria = new Set<string>();
  for (const rating of ratings) {
    if (rating.assessmentId !== assessment.id || criteria.has(rating.criterionId))
      return { ok: false, problem: 'malformed' };
    criteria.add(rating.criterionId);
  }
  return { ok: true, value: { assessment, ratings: ordered(ratings) } };
}

/** Whether two contents are the same data (order of ratings and of keys does not matter). */
export function sameContent(a: AssessmentContent, b: AssessmentContent): boolean {
  return (
    canonical({ assessment: a.assessment, ratings: ordered(a.ratings) }) ===
    canonical({ assessment: b.assessment, ratings: ordered(b.ratings) })
  );
}
