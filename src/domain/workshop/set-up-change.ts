import type { LevelId } from '../levels';

/**
 * Changing a workshop's set-up after it has started (issue 12, item 5): what taking criteria out
 * of scope hides, and what removing a participant deletes, worked out before anything is changed
 * so the facilitator is told exactly that and asked to confirm. Pure.
 *
 * - Criteria taken out of scope are **hidden, not deleted**: their ratings, notes and agreed level
 *   stay stored and come back if the criterion is put back in scope. An agreed level that already
 *   became the assessment's rating stays the assessment's rating.
 * - Removing a participant **deletes** their ratings and notes (both rounds) and any response
 *   file held for them; the room's agreed levels stay.
 */

/** One participant's vote on one criterion, as much as counting needs. */
export type SetUpRating = {
  participantId: string;
  criterionId: string;
  level: LevelId | null;
  note: string;
  round2?: { level: LevelId | null; note?: string };
};

/** The room's agreement on a criterion, as much as counting needs. */
export type SetUpAgreement = {
  criterionId: string;
  level: LevelId | null;
  rationale: string;
  dissent: string;
};

/** What one rating row holds: a vote (in either round), a note, or nothing. */
function hasVote(rating: SetUpRating): boolean {
  return rating.level !== null || (rating.round2?.level ?? null) !== null;
}

function hasNote(rating: SetUpRating): boolean {
  return rating.note.trim() !== '' || (rating.round2?.note ?? '').trim() !== '';
}

/** A criterion leaving scope and what it holds, which will be hidden. */
export type HiddenCriterion = {
  criterionId: string;
  /** Participants with a vote on it (round 1 or 2). */
  ratings: number;
  /** Participants with a note on it. */
  notes: number;
  /** Its agreed level, if the room agreed one. */
  agreedLevel: LevelId | null;
  /** A rationale or dissent noted for it (with or without a level). */
  hasAgreementNote: boolean;
};

export type ScopeChange = {
  /** The new scope in framework order (the order `known` is in), as the workshop keeps it. */
  scope: string[];
  /** Criteria newly in scope, in the new scope's order. */
  added: string[];
  /** Criteria leaving scope, in the old scope's order. */
  removed: string[];
  /** Of `removed`, those with something recorded, which the change hides. */
  hidden: HiddenCriterion[];
  /** True when the scope is the same set of criteria. */
  isSame: boolean;
};

export type ScopeProblem = 'empty' | 'unknown-criterion';

/**
 * What changing the scope from `before` to `after` adds, takes out and hides. `known` is every
 * criterion of the workshop's framework, in framework order: a scope with none, or with a
 * criterion the framework does not have, is refused.
 */
export function scopeChange(input: {
  before: readonly string[];
  after: readonly string[];
  known: readonly string[];
  ratings: readonly SetUpRating[];
  agreements: readonly SetUpAgreement[];
}): { ok: true; value: ScopeChange } | { ok: false; problem: ScopeProblem } {
  const { before, after, ratings, agreements } = input;
  if (after.length === 0) return { ok: false, problem: 'empty' };
  const known = new Set(input.known);
  if (after.some((id) => !known.has(id))) return { ok: false, problem: 'unknown-criterion' };
  const was = new Set(before);
  const will = new Set(after);
  const added = after.filter((id) => !was.has(id));
  const removed = before.filter((id) => !will.has(id));
  const hidden = removed.flatMap((criterionId): HiddenCriterion[] => {
    const rows = ratings.filter((r) => r.criterionId === criterionId);
    const agreement = agreements.find((a) => a.criterionId === criterionId);
    const entry = {
      criterionId,
      ratings: rows.filter(hasVote).length,
      notes: rows.filter(hasNote).length,
      agreedLevel: agreement?.level ?? null,
      hasAgreementNote:
        agreement !== undefined &&
        (agreement.rationale.trim() !== '' || agreement.dissent.trim() !== ''),
    };
    const holdsSomething =
      entry.ratings > 0 || entry.notes > 0 || entry.agreedLevel !== null || entry.hasAgreementNote;
    return holdsSomething ? [entry] : [];
  });
  return {
    ok: true,
    value: {
      scope: input.known.filter((id) => will.has(id)),
      added,
      removed,
      hidden,
      isSame: added.length === 0 && removed.length === 0,
    },
  };
}

/** What removing one participant deletes. */
export type ParticipantRemoval = {
  /** Criteria they gave a level for (round 1 or 2). */
  ratings: number;
  /** Criteria they wrote a note on. */
  notes: number;
  /** True when removing them deletes nothing but their name. */
  isEmpty: boolean;
};

export function participantRemoval(
  participantId: string,
  ratings: readonly SetUpRating[],
): ParticipantRemoval {
  const own = ratings.filter((r) => r.participantId === participantId);
  const counts = { ratings: own.filter(hasVote).length, notes: own.filter(hasNote).length };
  return { ...counts, isEmpty: counts.ratings === 0 && counts.notes === 0 };
}
