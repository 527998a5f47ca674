import { LIMITS } from '../assessment';
import { LEVEL_IDS } from '../levels';
import { z } from '../zod';
import { pastDateTime } from '../validation';
import { canonical } from '../canonical';
import { invalidFile, parseJsonFile, type VersionedFileProblem } from '../json-file';
import { workshopKey } from './join-code';
import { SECTORS, type Participant } from './participants';
import type { IndividualRating } from './spread';

/**
 * The file a participant exports from their own device and the facilitator imports. Versioned,
 * validated, and merged so that importing is idempotent and order-independent: per participant
 * the newest file wins; the same file twice changes nothing. See docs/data-format.md.
 */
export const RESPONSE_TYPE = 'ics-maturity-workshop-response';
/**
 * The newest version read. Version 1 is a round 1 file (no `round`); version 2 carries `round: 2`,
 * a re-vote on some criteria (issue 12), so that an app from before rounds refuses it as newer
 * instead of taking it for a round 1 file. Round 1 files are still written as version 1.
 */
export const RESPONSE_VERSION = 2;
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

const text = (max: number) => z.string().max(max);

export const responseSchema = z
  .object({
    type: z.literal(RESPONSE_TYPE),
    version: z.union([z.literal(1), z.literal(2)]),
    /** Version 2 only: the round these ratings are for (absent: round 1). */
    round: z.literal(2).optional(),
    workshop: z.object({ id: text(200).min(1), title: text(LIMITS.title) }),
    framework: z.object({ id: text(200).min(1), version: z.string().regex(/^\d+\.\d+\.\d+$/) }),
    participant: z.object({
      id: text(200).min(1),
      label: text(LIMITS.systemName).refine((v) => v.trim() !== '', 'must not be blank'),
      organisation: text(LIMITS.systemName),
      sector: z.enum(SECTORS),
    }),
    submittedAt: pastDateTime,
    ratings: z
      .array(
        z.object({
          criterionId: text(200).min(1),
          level: z.enum(LEVEL_IDS).nullable(),
          note: text(LIMITS.rationale),
        }),
      )
      .max(500),
  })
  .refine((file) => (file.version === 2) === (file.round === 2), {
    message: 'a version 2 file is a round 2 file, and only a version 2 file is',
    path: ['round'],
  });

export type ResponseFile = z.infer<typeof responseSchema>;

export type ResponseProblem =
  | VersionedFileProblem
  | { code: 'not-a-response' }
  | { code: 'other-workshop'; workshopTitle: string }
  | { code: 'other-framework'; version: string }
  | { code: 'unknown-criterion'; criterionId: string }
  | { code: 'duplicate-criterion'; criterionId: string };

export type WorkshopIdentity = {
  id: string;
  frameworkId: string;
  frameworkVersion: string;
  /** The criteria in the workshop's scope. */
  criterionIds: ReadonlySet<string>;
  /** Every criterion of the workshop's framework version. */
  frameworkCriterionIds: ReadonlySet<string>;
};

export type ReadResponseResult =
  | {
      ok: true;
      /** The response with only the ratings in the workshop's scope. */
      value: ResponseFile;
      /** Ratings of framework criteria outside the scope, left out (a participant who joined by code rates them all). */
      outOfScope: number;
    }
  | { ok: false; problem: ResponseProblem };

/**
 * Checks a response file for one workshop. It belongs to the workshop when it names the
 * workshop's id (joined with the invitation file) or its workshop key (joined by typing the code).
 */
export function readResponse(textContent: string, workshop: WorkshopIdentity): ReadResponseResult {
  const file = parseJsonFile(textContent, MAX_RESPONSE_BYTES);
  if (!file.ok) return { ok: false, problem: { code: file.problem.code } };
  const json = file.value;
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== RESPONSE_TYPE
  ) {
    return { ok: false, problem: { code: 'not-a-response' } };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > RESPONSE_VERSION)
    return { ok: false, problem: { code: 'newer-version' } };
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: invalidFile(parsed.error.issues) };
  const response = parsed.data;
  if (response.workshop.id !== workshop.id && response.workshop.id !== workshopKey(workshop.id)) {
    return {
      ok: false,
      problem: {
        code: 'other-workshop',
        workshopTitle: response.workshop.title || response.workshop.id,
      },
    };
  }
  if (
    response.framework.id !== workshop.frameworkId ||
    response.framework.version !== workshop.frameworkVersion
  ) {
    return {
      ok: false,
      problem: {
        code: 'other-framework',
        version: `${response.framework.id}@${response.framework.version}`,
      },
    };
  }
  const seen = new Set<string>();
  for (const rating of response.ratings) {
    if (!workshop.frameworkCriterionIds.has(rating.criterionId)) {
      return { ok: false, problem: { code: 'unknown-criterion', criterionId: rating.criterionId } };
    }
    if (seen.has(rating.criterionId))
      return {
        ok: false,
        problem: { code: 'duplicate-criterion', criterionId: rating.criterionId },
      };
    seen.add(rating.criterionId);
  }
  const inScope = response.ratings.filter((r) => workshop.criterionIds.has(r.criterionId));
  return {
    ok: true,
    value: { ...response, ratings: inScope },
    outOfScope: response.ratings.length - inScope.length,
  };
}

/** The file a participant's device exports: their ratings of the criteria they were asked about. */
export function makeResponse(input: {
  workshop: { id: string; title: string };
  framework: { id: string; version: string };
  participant: Participant;
  ratings: readonly {
    criterionId: string;
    level: ResponseFile['ratings'][number]['level'];
    note: string;
  }[];
  submittedAt: string;
  /** 2 for a re-vote's file; round 1 files are written as before (version 1, no round). */
  round?: 1 | 2;
}): ResponseFile {
  return {
    type: RESPONSE_TYPE,
    ...(input.round === 2 ? { version: 2, round: 2 } : { version: 1 }),
    workshop: { id: input.workshop.id, title: input.workshop.title },
    framework: { id: input.framework.id, version: input.framework.version },
    participant: { ...input.participant },
    submittedAt: input.submittedAt,
    ratings: input.ratings.map((r) => ({
      criterionId: r.criterionId,
      level: r.level,
      note: r.note,
    })),
  };
}

export type MergeOutcome = 'added' | 'replaced-older' | 'unchanged' | 'older-ignored';
/** What importing one file did: merged, or refused because its participant id belongs to another participant here. */
export type ImportOutcome = MergeOutcome | 'id-taken';

/** The newer of two responses from one participant; equal times fall back to content order. */
function isNewer(candidate: ResponseFile, current: ResponseFile): boolean {
  if (candidate.submittedAt !== current.submittedAt)
    return candidate.submittedAt > current.submittedAt;
  return canonical(candidate) > canonical(current);
}

/** The round a response file is for. */
export const roundOfResponse = (response: ResponseFile): 1 | 2 => response.round ?? 1;

/**
 * The key a response is held under: its participant's id for round 1, with "#2" for round 2, so
 * a participant's files for the two rounds are kept side by side and merged each on its own.
 */
export const responseKey = (response: ResponseFile): string =>
  roundOfResponse(response) === 2 ? `${response.participant.id}#2` : response.participant.id;

/**
 * Merges imported responses into those already held, one per participant and round. Idempotent (the same
 * file again is "unchanged") and order-independent (the result depends only on the set of files).
 */
export function mergeResponses(
  held: ReadonlyMap<string, ResponseFile>,
  incoming: readonly ResponseFile[],
): { responses: Map<string, ResponseFile>; outcomes: MergeOutcome[] } {
  const responses = new Map(held);
  const outcomes = incoming.map((response): MergeOutcome => {
    const key = responseKey(response);
    const current = responses.get(key);
    if (!current) {
      responses.set(key, response);
      return 'added';
    }
    if (canonical(current) === canonical(response)) return 'unchanged';
    if (isNewer(response, current)) {
      responses.set(key, response);
      return 'replaced-older';
    }
    return 'older-ignored';
  });
  return { responses, outcomes };
}

export function responseToRatings(response: ResponseFile): {
  participant: Participant;
  ratings: IndividualRating[];
} {
  return {
    participant: response.participant,
    ratings: response.ratings.map((r) => ({ participantId: response.participant.id, ...r })),
  };
}
