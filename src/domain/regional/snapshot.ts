import { LIMITS, type Assessment, type Rating } from '../assessment';
import { STATUS_STATES } from '../assessment-status';
import type { Framework } from '../framework/schema';
import { invalidFile, parseJsonFile, type VersionedFileProblem } from '../json-file';
import { LEVEL_IDS, type LevelId } from '../levels';
import type { Result } from '../result';
import { scoreAssessment, type AssessmentScore } from '../scoring/score-assessment';
import { toScoringInput } from '../scoring/scoring-input';
import { systemKey } from '../system-key';
import { appDate, pastDateTime } from '../validation';
import { z } from '../zod';

/**
 * A regional snapshot: what a system publishes for its region (issue 16, item 5). Results only:
 * the levels worked out with the scoring rules, how many criteria were assessed, and the system's
 * targets. Never free text (titles, rationales, evidence, notes can all carry names), never a
 * workshop, a participant or a private rating. The system's name is the one name it holds: it is
 * what a region looks systems up by. See docs/data-format.md, "Regional snapshot file".
 */
export const SNAPSHOT_TYPE = 'ics-maturity-regional-snapshot';
export const SNAPSHOT_VERSION = 1;
export const MAX_SNAPSHOT_BYTES = 256 * 1024;

const id = z.string().min(1).max(200);
const level = z.enum(LEVEL_IDS);
const count = z.number().int().min(0).max(1000);

export const snapshotSchema = z.strictObject({
  type: z.literal(SNAPSHOT_TYPE),
  version: z.literal(SNAPSHOT_VERSION),
  system: z.strictObject({
    name: z
      .string()
      .max(LIMITS.systemName)
      .refine((v) => v.trim() !== '', 'must not be blank'),
    key: z.string().min(1).max(LIMITS.systemName),
  }),
  /** The date the assessment describes, ISO `YYYY-MM-DD`. */
  asAt: appDate,
  /** When the system published it, an ISO date-time. */
  publishedAt: pastDateTime,
  framework: z.strictObject({ id, version: z.string().regex(/^\d+\.\d+\.\d+$/) }),
  /** The assessment's status when published: draft, agreed or approved (no board, no workshop). */
  status: z.enum(STATUS_STATES),
  overall: level.nullable(),
  assessedCount: count,
  criteriaCount: count,
  characteristics: z
    .array(
      z.strictObject({
        id,
        level: level.nullable(),
        assessedCount: count,
        criteriaCount: count,
        target: z.strictObject({ level, date: appDate }).nullable(),
      }),
    )
    .max(50),
  criteria: z.array(z.strictObject({ id, level: level.nullable() })).max(500),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

/** A target of the system, per characteristic (src/domain/plan.ts keeps them). */
export type SnapshotTarget = { characteristicId: string; level: LevelId; date: string };

/**
 * The snapshot of one assessment, its levels worked out with the scoring rules. `targets`: the
 * system's targets (any of another system are ignored; the latest date wins per characteristic).
 */
export function makeSnapshot(input: {
  assessment: Pick<Assessment, 'systemName' | 'asAt' | 'frameworkId' | 'frameworkVersion'> & {
    status: { state: Snapshot['status'] };
  };
  ratings: readonly Rating[];
  framework: Framework;
  targets: readonly SnapshotTarget[];
  publishedAt: Date;
}): Snapshot {
  const { assessment, framework } = input;
  const score = scoreAssessment(framework, toScoringInput(input.ratings));
  const levels = new Map(input.ratings.map((r) => [r.criterionId, r.level]));
  const targetOf = new Map<string, { level: LevelId; date: string }>();
  for (const t of input.targets) {
    const known = targetOf.get(t.characteristicId);
    if (!known || t.date > known.date)
      targetOf.set(t.characteristicId, { level: t.level, date: t.date });
  }
  return {
    type: SNAPSHOT_TYPE,
    version: SNAPSHOT_VERSION,
    system: {
      name: assessment.systemName.trim().replace(/\s+/g, ' '),
      key: systemKey(assessment.systemName),
    },
    asAt: assessment.asAt,
    publishedAt: input.publishedAt.toISOString(),
    framework: { id: framework.id, version: framework.version },
    status: assessment.status.state,
    overall: score.overall,
    assessedCount: score.assessedCount,
    criteriaCount: score.criteriaCount,
    characteristics: framework.characteristics.map((c, i) => {
      const result = score.characteristics[i];
      return {
        id: c.id,
        level: result?.level ?? null,
        assessedCount: result?.assessedCount ?? 0,
        criteriaCount: result?.criteriaCount ?? c.criteria.length,
        target: targetOf.get(c.id) ?? null,
      };
    }),
    criteria: framework.characteristics.flatMap((c) =>
      c.criteria.map((k) => ({ id: k.id, level: levels.get(k.id) ?? null })),
    ),
  };
}

export type SnapshotProblem =
  | VersionedFileProblem
  | { code: 'not-a-snapshot' }
  | { code: 'unknown-framework'; version: string }
  | { code: 'wrong-key' }
  | { code: 'criteria-mismatch' }
  | { code: 'levels-mismatch' };

/**
 * Reads a snapshot file a region imports: recognised, not from a newer app, valid, made with a
 * framework this app has (every criterion once, in the framework's order), and its levels exactly
 * what the scoring rules give for its criteria, so a hand-edited level is refused. Never throws.
 */
export function readSnapshot(
  text: string,
  frameworks: readonly Framework[],
  bytes?: number,
): Result<Snapshot, SnapshotProblem> {
  const file = parseJsonFile(text, MAX_SNAPSHOT_BYTES, bytes);
  if (!file.ok) return { ok: false, problem: { code: file.problem.code } };
  return readSnapshotJson(file.value, frameworks);
}

/** readSnapshot for a value already parsed (a file's JSON, or a document from a database). */
export function readSnapshotJson(
  json: unknown,
  frameworks: readonly Framework[],
): Result<Snapshot, SnapshotProblem> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problem: { code: 'not-a-snapshot' } };
  const envelope = json as { type?: unknown; version?: unknown };
  if (envelope.type !== SNAPSHOT_TYPE) return { ok: false, problem: { code: 'not-a-snapshot' } };
  if (typeof envelope.version === 'number' && envelope.version > SNAPSHOT_VERSION)
    return { ok: false, problem: { code: 'newer-version' } };
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: invalidFile(parsed.error.issues) };
  const snapshot = parsed.data;
  const framework = frameworks.find(
    (f) => f.id === snapshot.framework.id && f.version === snapshot.framework.version,
  );
  if (!framework) {
    return {
      ok: false,
      problem: {
        code: 'unknown-framework',
        version: `${snapshot.framework.id}@${snapshot.framework.version}`,
      },
    };
  }
  if (systemKey(snapshot.system.name) !== snapshot.system.key)
    return { ok: false, problem: { code: 'wrong-key' } };
  const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((k) => k.id));
  if (
    snapshot.criteria.length !== criterionIds.length ||
    snapshot.criteria.some((c, i) => c.id !== criterionIds[i]) ||
    snapshot.characteristics.length !== framework.characteristics.length ||
    snapshot.characteristics.some((c, i) => c.id !== framework.characteristics[i]?.id)
  ) {
    return { ok: false, problem: { code: 'criteria-mismatch' } };
  }
  if (!levelsAgree(snapshot, scoreSnapshot(snapshot, framework)))
    return { ok: false, problem: { code: 'levels-mismatch' } };
  return { ok: true, value: snapshot };
}

/** The scoring rules applied to a snapshot's criterion levels. */
function scoreSnapshot(snapshot: Snapshot, framework: Framework): AssessmentScore {
  const input = Object.fromEntries(
    snapshot.criteria.map((c) => [c.id, { level: c.level, evidenceCount: 0 }]),
  );
  return scoreAssessment(framework, input);
}

function levelsAgree(snapshot: Snapshot, score: AssessmentScore): boolean {
  return (
    snapshot.overall === score.overall &&
    snapshot.assessedCount === score.assessedCount &&
    snapshot.criteriaCount === score.criteriaCount &&
    snapshot.characteristics.every((c, i) => {
      const scored = score.characteristics[i];
      return (
        scored !== undefined &&
        c.level === scored.level &&
        c.assessedCount === scored.assessedCount &&
        c.criteriaCount === scored.criteriaCount
      );
    })
  );
}

/**
 * What identifies a snapshot: the system, the date it describes and when it was published. The
 * same file imported twice (or published again unchanged) is one snapshot.
 */
export function snapshotId(snapshot: Pick<Snapshot, 'system' | 'asAt' | 'publishedAt'>): string {
  return `${snapshot.system.key}|${snapshot.asAt}|${snapshot.publishedAt}`;
}
