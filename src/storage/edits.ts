import type { Assessment, AssessmentField, Rating } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';

/**
 * One user change to one field: the unit of autosave, journaling and conflict resolution. Every
 * free-text field in the app saves through an Edit (never on blur), so every field gets the same
 * guarantees: shown at once, journaled, written within a second, and never overwritten by an
 * older value.
 */
export type Edit =
  | {
      kind: 'assessment';
      assessmentId: string;
      field: AssessmentField;
      value: Assessment[AssessmentField];
      editedAt: number;
    }
  | {
      kind: 'rating';
      assessmentId: string;
      criterionId: string;
      field: RatingScalarField;
      value: Rating[RatingScalarField];
      editedAt: number;
    }
  | {
      /**
       * One field of one evidence item. Items are merged by id, so two tabs adding evidence to
       * the same criterion both keep theirs. The first edit of an unknown id adds the item;
       * `removed: true` removes it for good (a later, older edit cannot bring it back).
       */
      kind: 'evidence';
      assessmentId: string;
      criterionId: string;
      itemId: string;
      field: 'text' | 'url' | 'removed';
      value: string | boolean;
      editedAt: number;
    }
  | {
      /**
       * A participant's private rating on the facilitator's laptop (pass the laptop); `round2Note`
       * is their note in round 2 (issue 12).
       */
      kind: 'individual';
      workshopId: string;
      participantId: string;
      criterionId: string;
      field: 'level' | 'note' | 'round2Note';
      value: LevelId | null | string;
      editedAt: number;
    }
  | {
      /** This device's own rating in a workshop it joined as a participant (and round 2 note). */
      kind: 'joined';
      workshopId: string;
      criterionId: string;
      field: 'level' | 'note' | 'round2Note';
      value: LevelId | null | string;
      editedAt: number;
    }
  | {
      /** The room's rationale or dissent, noted as typed; the agreed level is recorded apart. */
      kind: 'agreement';
      workshopId: string;
      criterionId: string;
      field: 'rationale' | 'dissent';
      value: string;
      editedAt: number;
    }
  | {
      /**
       * A form not yet submitted (a new action, a new assessment, a participant's name): kept so
       * a crash or a closed tab does not lose what was typed. `form` names the form instance.
       */
      kind: 'draft';
      form: string;
      field: string;
      value: string;
      editedAt: number;
    };

/** Rating fields edited as one value (evidence is edited item by item). */
export type RatingScalarField = 'level' | 'rationale' | 'confidence';

export type EditKind = Edit['kind'];

/** The identity of the field an edit changes: later edits of the same field replace earlier ones. */
/** Which field an edit changes: an edit without its value and time (Omit kept per kind). */
export type EditTarget = Edit extends infer E
  ? E extends Edit
    ? Omit<E, 'value' | 'editedAt'>
    : never
  : never;

export function editKey(edit: EditTarget): string {
  switch (edit.kind) {
    case 'assessment':
      return `a|${edit.assessmentId}|${edit.field}`;
    case 'rating':
      return `r|${edit.assessmentId}|${edit.criterionId}|${edit.field}`;
    case 'evidence':
      return `e|${edit.assessmentId}|${edit.criterionId}|${edit.itemId}|${edit.field}`;
    case 'individual':
      return `i|${edit.workshopId}|${edit.participantId}|${edit.criterionId}|${edit.field}`;
    case 'joined':
      return `j|${edit.workshopId}|${edit.criterionId}|${edit.field}`;
    case 'agreement':
      return `g|${edit.workshopId}|${edit.criterionId}|${edit.field}`;
    case 'draft':
      return `d|${edit.form}|${edit.field}`;
  }
}

/** Per kind: the ids it carries and the fields it may change (null: any, for form drafts). */
const KINDS: Record<EditKind, { ids: readonly string[]; fields: readonly string[] | null }> = {
  assessment: { ids: ['assessmentId'], fields: ['systemName', 'title', 'asAt'] },
  // 'evidence' as one field: journal entries written by versions before item-by-item evidence.
  rating: {
    ids: ['assessmentId', 'criterionId'],
    fields: ['level', 'rationale', 'confidence', 'evidence'],
  },
  evidence: { ids: ['assessmentId', 'criterionId', 'itemId'], fields: ['text', 'url', 'removed'] },
  individual: {
    ids: ['workshopId', 'participantId', 'criterionId'],
    fields: ['level', 'note', 'round2Note'],
  },
  joined: { ids: ['workshopId', 'criterionId'], fields: ['level', 'note', 'round2Note'] },
  agreement: { ids: ['workshopId', 'criterionId'], fields: ['rationale', 'dissent'] },
  draft: { ids: ['form'], fields: null },
};

/**
 * Whether a value read back from a journal is an edit this version understands. Journals outlive
 * pages and versions, so anything else is skipped rather than replayed.
 */
export function isEdit(value: unknown): value is Edit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const rule = Object.hasOwn(KINDS, String(v.kind)) ? KINDS[v.kind as EditKind] : undefined;
  return (
    rule !== undefined &&
    rule.ids.every((name) => typeof v[name] === 'string') &&
    typeof v.field === 'string' &&
    (rule.fields === null || rule.fields.includes(v.field)) &&
    typeof v.editedAt === 'number' &&
    Number.isFinite(v.editedAt)
  );
}
