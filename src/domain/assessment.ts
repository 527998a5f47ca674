import type { AssessmentStatus } from './assessment-status';
import type { Confidence, LevelId } from './levels';

/** One piece of evidence cited for a rating. `url` is optional (empty string when absent). */
export type EvidenceItem = { id: string; text: string; url: string };

export type Assessment = {
  id: string;
  systemName: string;
  title: string;
  /** The date the assessment describes, ISO `YYYY-MM-DD`. */
  asAt: string;
  frameworkId: string;
  frameworkVersion: string;
  /** The assessment this one was started from, if any. */
  basedOnId: string | null;
  /** Draft, agreed or approved (schema v6; see ./assessment-status.ts). */
  status: AssessmentStatus;
  createdAt: number;
  updatedAt: number;
};

export type Rating = {
  assessmentId: string;
  criterionId: string;
  /** null means "not assessed". */
  level: LevelId | null;
  rationale: string;
  evidence: EvidenceItem[];
  confidence: Confidence | null;
  updatedAt: number;
};

export const ASSESSMENT_FIELDS = ['systemName', 'title', 'asAt'] as const;
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];
export const RATING_FIELDS = ['level', 'rationale', 'evidence', 'confidence'] as const;
export type RatingField = (typeof RATING_FIELDS)[number];

export const LIMITS = {
  systemName: 120,
  title: 160,
  rationale: 20_000,
  evidenceText: 2_000,
  evidenceUrl: 2_000,
  evidenceItems: 50,
} as const;

export type FieldProblem =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidUrl'
  /** No option of a choice was chosen. */
  | 'notChosen'
  /** A date that must not be after today is. */
  | 'futureDate'
  /** An approval dated before the agreement it approves. */
  | 'beforeAgreement';

/** A required text: it must have visible characters and stay within `max` characters. */
export function checkRequired(value: string, max: number): FieldProblem | null {
  if (value.trim().length === 0) return 'required';
  if (value.length > max) return 'tooLong';
  return null;
}

/** A system name must have visible characters and stay within the limit. */
export function checkSystemName(value: string): FieldProblem | null {
  return checkRequired(value, LIMITS.systemName);
}

export function checkTitle(value: string): FieldProblem | null {
  return value.length > LIMITS.title ? 'tooLong' : null;
}

export function checkIsoDate(value: string): FieldProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'invalidDate';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    return 'invalidDate';
  const year = date.getUTCFullYear();
  return year < 2000 || year > 2100 ? 'invalidDate' : null;
}

/** Evidence links must be http(s); anything else (javascript:, data:) is refused. */
export function checkEvidenceUrl(value: string): FieldProblem | null {
  if (value.trim() === '') return null;
  if (value.length > LIMITS.evidenceUrl) return 'tooLong';
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'invalidUrl';
  } catch {
    return 'invalidUrl';
  }
}

export function countEvidence(evidence: readonly EvidenceItem[]): number {
  return evidence.filter((item) => item.text.trim() !== '' || item.url.trim() !== '').length;
}

export function emptyRating(assessmentId: string, criterionId: string): Rating {
  return {
    assessmentId,
    criterionId,
    level: null,
    rationale: '',
    evidence: [],
    confidence: null,
    updatedAt: 0,
  };
}
