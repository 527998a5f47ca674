import type { Assessment, EvidenceItem, Rating } from '../assessment';
import type { AssessmentStatus } from '../assessment-status';
import {
  compareAssessments,
  summarise,
  type Comparison,
  type ComparisonSummary,
} from '../compare/compare';
import type { Framework } from '../framework/schema';
import type { Confidence, LevelId } from '../levels';
import { levelRank } from '../levels';
import { stripControlCharactersDeep } from '../safe-text';
import { isOverdue, type ActionStatus, type PlanAction } from '../plan';
import { scoreAssessment, type AssessmentScore } from '../scoring/score-assessment';
import { toScoringInput } from '../scoring/scoring-input';
import {
  buildTrajectory,
  type StatusResult,
  type Target,
  type Trajectory,
} from '../trajectory/trajectory';
import type { Agreement } from '../workshop/agreement';
import type { Participant } from '../workshop/participants';
import { spreads, type IndividualRating, type Spread } from '../workshop/spread';

/**
 * The board paper as data: everything the PDF, the PNGs and the print view show, worked
 * out once from the assessment, its system's other assessments, targets, actions and workshops.
 * Pure: no text, no dates formatted, no drawing. Sections for data that does not exist are left
 * out; an assessment with nothing rated gives `{ kind: 'empty' }` instead of an empty paper.
 */

/** One assessment as the paper takes it: the record, its ratings and the framework it was made with. */
export type PaperAssessmentInput = {
  assessment: Assessment;
  ratings: readonly Rating[];
  framework: Framework;
};

export type PaperWorkshopInput = {
  id: string;
  title: string;
  date: string;
  facilitator: string;
  isAnonymous: boolean;
  criterionIds: readonly string[];
  participants: readonly Participant[];
  ratings: readonly IndividualRating[];
  agreements: readonly Agreement[];
};

export type BoardPaperInput = {
  current: PaperAssessmentInput;
  /** The system's other assessments (any order; the current one is ignored if present). */
  others: readonly PaperAssessmentInput[];
  /** The system's targets (the defaults when it has stored none). */
  targets: readonly Target[];
  actions: readonly PlanAction[];
  workshops: readonly PaperWorkshopInput[];
  /** ISO date the paper is made on: status against target and overdue actions use it. */
  today: string;
};

/** Sections of the full paper, in the order they appear. The summary paper has only 'summary'. */
export const SECTION_ORDER = [
  'summary',
  'charts',
  'criteria',
  'comparison',
  'participants',
  'method',
  'provenance',
] as const;
export type SectionId = (typeof SECTION_ORDER)[number];

/** How many gaps and actions the summary lists. */
export const SUMMARY_LIMITS = { gaps: 5, actions: 5 } as const;

/** The assessment's stored status: what was recorded, never inferred from workshops. */
export type PaperStatus = AssessmentStatus;

export type PaperAction = {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  isOverdue: boolean;
  characteristicId: string;
  characteristicTitle: string;
  criterionId: string | null;
  criterionTitle: string | null;
};

export type SummaryCharacteristic = {
  id: string;
  title: string;
  level: LevelId | null;
  assessedCount: number;
  criteriaCount: number;
  status: StatusResult;
  /** The next target (the first dated today or later; else the last one), if any. */
  target: { level: LevelId; date: string } | null;
};

export type Gap = {
  criterionId: string;
  title: string;
  characteristicId: string;
  characteristicTitle: string;
  level: LevelId;
  targetLevel: LevelId;
  targetDate: string;
  /** Levels between the rating and the target (1–3). */
  levels: number;
};

export type PaperCriterion = {
  id: string;
  title: string;
  level: LevelId | null;
  /** The framework's descriptor for the agreed level. */
  descriptor: string | null;
  rationale: string;
  evidence: EvidenceItem[];
  confidence: Confidence | null;
  /** From the newest workshop that had this criterion in scope and had ratings for it. */
  spread: { workshopId: string; spread: Spread; agreement: Agreement | null } | null;
  actions: PaperAction[];
};

export type PaperCharacteristic = {
  id: string;
  title: string;
  summary: string;
  level: LevelId | null;
  assessedCount: number;
  criteriaCount: number;
  criteria: PaperCriterion[];
  /** Actions for the characteristic as a whole (no criterion). */
  actions: PaperAction[];
};

export type PaperWorkshop = {
  id: string;
  title: string;
  date: string;
  facilitator: string;
  isAnonymous: boolean;
  participants: { label: string; organisation: string; sector: Participant['sector'] }[];
  /** In scope, framework order; only criteria somebody rated. */
  spreads: { criterionId: string; title: string; spread: Spread }[];
  agreedCount: number;
  /** Of those, agreed from a second round's votes (issue 12). */
  agreedInRound2Count: number;
  splitCount: number;
};

export type PaperComparison = {
  previous: { id: string; title: string; asAt: string };
  comparison: Comparison;
  summary: ComparisonSummary;
};

export type BoardPaper = {
  kind: 'paper';
  meta: {
    assessmentId: string;
    systemName: string;
    title: string;
    asAt: string;
    status: PaperStatus;
    frameworkTitle: string;
    frameworkVersion: string;
  };
  score: AssessmentScore;
  levels: { id: LevelId; title: string; description: string }[];
  summary: {
    characteristics: SummaryCharacteristic[];
    topGaps: Gap[];
    nextActions: PaperAction[];
  };
  /** Absent when there are no targets and only one assessment (nothing to draw over time). */
  trajectory: Trajectory | null;
  radar: { characteristicId: string; title: string; value: number }[];
  characteristics: PaperCharacteristic[];
  comparison: PaperComparison | null;
  workshops: PaperWorkshop[];
  method: { scoring: { id: string; text: string }[] };
  provenance: {
    title: string;
    version: string;
    attribution: string;
    provenance: string;
  };
  /** The full paper's sections that have data, in order. */
  sections: SectionId[];
};

export type EmptyPaper = {
  kind: 'empty';
  meta: { assessmentId: string; systemName: string; title: string; asAt: string };
};

const byDateThenCreated = (a: PaperAssessmentInput, b: PaperAssessmentInput): number =>
  a.assessment.asAt.localeCompare(b.assessment.asAt) ||
  a.assessment.createdAt - b.assessment.createdAt;

/** The next target: the first dated today or later; when all are past, the last one. */
export function nextTarget(targets: readonly Target[], today: string): Target | null {
  const sorted = [...targets].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.find((t) => t.date >= today) ?? sorted[sorted.length - 1] ?? null;
}

export function buildBoardPaper(rawInput: BoardPaperInput): BoardPaper | EmptyPaper {
  // Every renderer (screen and print view, PDF, PNG) draws from this model: user text is made
  // export-safe once, here (a U+000B pasted from PowerPoint breaks the SVG behind a PNG).
  const input = stripControlCharactersDeep(rawInput);
  const { current, today } = input;
  const { assessment, framework } = current;
  const baseMeta = {
    assessmentId: assessment.id,
    systemName: assessment.systemName,
    title: assessment.title,
    asAt: assessment.asAt,
  };
  if (!current.ratings.some((r) => r.level !== null)) return { kind: 'empty', meta: baseMeta };

  const score = scoreAssessment(framework, toScoringInput(current.ratings));
  const ratingOf = new Map(current.ratings.map((r) => [r.criterionId, r]));
  const criterionInfo = new Map(
    framework.characteristics.flatMap((c) =>
      c.criteria.map((cr) => [cr.id, { title: cr.title, characteristic: c }] as const),
    ),
  );
  const characteristicTitle = (id: string): string =>
    framework.characteristics.find((c) => c.id === id)?.title ?? id;

  // Earlier assessments of the same system: the paper describes the position as at this one.
  const earlier = input.others
    .filter((o) => o.assessment.id !== assessment.id)
    .filter((o) => byDateThenCreated(o, current) < 0)
    .sort(byDateThenCreated);

  const trajectory = buildTrajectory({
    framework,
    assessments: [...earlier, current].map((a) => ({
      id: a.assessment.id,
      asAt: a.assessment.asAt,
      createdAt: a.assessment.createdAt,
      score: a === current ? score : scoreAssessment(a.framework, toScoringInput(a.ratings)),
    })),
    targets: input.targets,
    today,
  });

  const toAction = (action: PlanAction): PaperAction => ({
    id: action.id,
    title: action.title,
    owner: action.owner,
    dueDate: action.dueDate,
    status: action.status,
    isOverdue: isOverdue(action, today),
    characteristicId: action.characteristicId,
    characteristicTitle: characteristicTitle(action.characteristicId),
    criterionId: action.criterionId,
    criterionTitle: action.criterionId
      ? (criterionInfo.get(action.criterionId)?.title ?? null)
      : null,
  });
  const actions = [...input.actions]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'en-GB'))
    .map(toAction);

  const summaryCharacteristics = framework.characteristics.map(
    (c, index): SummaryCharacteristic => {
      const result = score.characteristics[index]!;
      const target = nextTarget(
        input.targets.filter((t) => t.characteristicId === c.id),
        today,
      );
      return {
        id: c.id,
        title: c.title,
        level: result.level,
        assessedCount: result.assessedCount,
        criteriaCount: result.criteriaCount,
        status: trajectory.characteristics[index]?.status ?? {
          status: 'unknown',
          reasons: ['no-plan-yet'],
        },
        target: target ? { level: target.level, date: target.date } : null,
      };
    },
  );

  const gaps: Gap[] = [];
  for (const c of summaryCharacteristics) {
    if (!c.target) continue;
    const characteristic = framework.characteristics.find((fc) => fc.id === c.id)!;
    for (const criterion of characteristic.criteria) {
      const level = ratingOf.get(criterion.id)?.level ?? null;
      if (level === null) continue;
      const levels = levelRank(c.target.level) - levelRank(level);
      if (levels <= 0) continue;
      gaps.push({
        criterionId: criterion.id,
        title: criterion.title,
        characteristicId: c.id,
        characteristicTitle: c.title,
        level,
        targetLevel: c.target.level,
        targetDate: c.target.date,
        levels,
      });
    }
  }
  // Biggest gap first; ties keep framework order (sort is stable).
  const topGaps = [...gaps].sort((a, b) => b.levels - a.levels).slice(0, SUMMARY_LIMITS.gaps);
  const nextActions = actions.filter((a) => a.status !== 'done').slice(0, SUMMARY_LIMITS.actions);

  // Workshops, newest first (the order storage lists them in is not relied on).
  const workshopsNewestFirst = [...input.workshops].sort((a, b) => b.date.localeCompare(a.date));
  const workshops: PaperWorkshop[] = workshopsNewestFirst.map((w) => {
    const inScope = framework.characteristics
      .flatMap((c) => c.criteria.map((cr) => cr.id))
      .filter((id) => w.criterionIds.includes(id));
    const list = spreads(inScope, w.ratings, w.participants);
    return {
      id: w.id,
      title: w.title,
      date: w.date,
      facilitator: w.facilitator,
      isAnonymous: w.isAnonymous,
      participants: w.participants.map((p) => ({
        label: p.label,
        organisation: p.organisation,
        sector: p.sector,
      })),
      spreads: list
        .filter((s) => s.count > 0)
        .map((s) => ({
          criterionId: s.criterionId,
          title: criterionInfo.get(s.criterionId)?.title ?? s.criterionId,
          spread: s,
        })),
      agreedCount: w.agreements.filter((a) => a.level !== null).length,
      agreedInRound2Count: w.agreements.filter((a) => a.level !== null && a.round === 2).length,
      splitCount: list.filter((s) => s.isSplit).length,
    };
  });

  const spreadFor = (criterionId: string): PaperCriterion['spread'] => {
    for (const w of workshops) {
      const found = w.spreads.find((s) => s.criterionId === criterionId);
      if (!found) continue;
      const agreement =
        workshopsNewestFirst
          .find((input) => input.id === w.id)
          ?.agreements.find((a) => a.criterionId === criterionId) ?? null;
      return { workshopId: w.id, spread: found.spread, agreement };
    }
    return null;
  };

  const characteristics = framework.characteristics.map((c, index): PaperCharacteristic => {
    const result = score.characteristics[index]!;
    return {
      id: c.id,
      title: c.title,
      summary: c.summary,
      level: result.level,
      assessedCount: result.assessedCount,
      criteriaCount: result.criteriaCount,
      criteria: c.criteria.map((criterion): PaperCriterion => {
        const rating = ratingOf.get(criterion.id);
        const level = rating?.level ?? null;
        return {
          id: criterion.id,
          title: criterion.title,
          level,
          descriptor: level ? criterion.descriptors[level] : null,
          rationale: rating?.rationale ?? '',
          evidence: (rating?.evidence ?? []).filter(
            (e) => e.text.trim() !== '' || e.url.trim() !== '',
          ),
          confidence: rating?.confidence ?? null,
          spread: spreadFor(criterion.id),
          actions: actions.filter((a) => a.criterionId === criterion.id),
        };
      }),
      actions: actions.filter((a) => a.characteristicId === c.id && a.criterionId === null),
    };
  });

  const previous = earlier[earlier.length - 1];
  let comparison: PaperComparison | null = null;
  if (previous) {
    const compared = compareAssessments(
      [previous, current].map((a) => ({
        id: a.assessment.id,
        title: a.assessment.title,
        asAt: a.assessment.asAt,
        createdAt: a.assessment.createdAt,
        framework: a.framework,
        ratings: toScoringInput(a.ratings),
      })),
    );
    const summary = summarise(compared);
    if (summary) {
      comparison = {
        previous: {
          id: previous.assessment.id,
          title: previous.assessment.title,
          asAt: previous.assessment.asAt,
        },
        comparison: compared,
        summary,
      };
    }
  }

  const hasTrajectory = input.targets.length > 0 || earlier.length > 0;
  const hasParticipants = workshops.some((w) => w.participants.length > 0);
  const sections = SECTION_ORDER.filter(
    (id) =>
      (id !== 'comparison' || comparison !== null) && (id !== 'participants' || hasParticipants),
  );

  return {
    kind: 'paper',
    meta: {
      ...baseMeta,
      status: assessment.status,
      frameworkTitle: framework.title,
      frameworkVersion: framework.version,
    },
    score,
    levels: framework.levels.map((l) => ({ id: l.id, title: l.title, description: l.description })),
    summary: { characteristics: summaryCharacteristics, topGaps, nextActions },
    trajectory: hasTrajectory ? trajectory : null,
    radar: framework.characteristics.map((c, index) => {
      const level = score.characteristics[index]?.level ?? null;
      return { characteristicId: c.id, title: c.title, value: level ? levelRank(level) : 0 };
    }),
    characteristics,
    comparison,
    workshops,
    method: { scoring: Object.entries(framework.scoring).map(([id, text]) => ({ id, text })) },
    provenance: {
      title: framework.title,
      version: framework.version,
      attribution: framework.attribution,
      provenance: framework.provenance,
    },
    sections,
  };
}
