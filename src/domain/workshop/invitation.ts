import { LIMITS } from '../assessment';
import { invalidFile, parseJsonFile, type VersionedFileProblem } from '../json-file';
import type { Result } from '../result';
import { z } from '../zod';
import { appDate } from '../validation';

/**
 * How a participant joins a workshop from their own device, with no network: either a small
 * invitation file the facilitator hands out (USB stick, email before the day, AirDrop), or a
 * short code read out in the room. See docs/data-format.md. Pure.
 */
export const INVITATION_TYPE = 'ics-maturity-workshop-invitation';
export const INVITATION_VERSION = 1;
export const MAX_INVITATION_BYTES = 256 * 1024;

const invitationSchema = z.object({
  type: z.literal(INVITATION_TYPE),
  version: z.literal(INVITATION_VERSION),
  workshop: z.object({
    id: z.string().min(1).max(200),
    title: z.string().max(LIMITS.title),
    date: appDate,
    facilitator: z.string().max(LIMITS.systemName),
    isAnonymous: z.boolean(),
  }),
  framework: z.object({ id: z.string().min(1).max(200), version: z.string().max(40) }),
  criterionIds: z.array(z.string().min(1).max(200)).min(1).max(500),
});

export type Invitation = z.infer<typeof invitationSchema>;

export type InvitationProblem = VersionedFileProblem | { code: 'not-an-invitation' };

export function makeInvitation(workshop: {
  id: string;
  title: string;
  date: string;
  facilitator: string;
  isAnonymous: boolean;
  frameworkId: string;
  frameworkVersion: string;
  criterionIds: readonly string[];
}): Invitation {
  return {
    type: INVITATION_TYPE,
    version: INVITATION_VERSION,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      date: workshop.date,
      facilitator: workshop.facilitator,
      isAnonymous: workshop.isAnonymous,
    },
    framework: { id: workshop.frameworkId, version: workshop.frameworkVersion },
    criterionIds: [...workshop.criterionIds],
  };
}

export function readInvitation(text: string): Result<Invitation, InvitationProblem> {
  const file = parseJsonFile(text, MAX_INVITATION_BYTES);
  if (!file.ok) return { ok: false, problem: { code: file.problem.code } };
  const json = file.value as { type?: unknown; version?: unknown } | null;
  if (typeof json !== 'object' || json === null || json.type !== INVITATION_TYPE)
    return { ok: false, problem: { code: 'not-an-invitation' } };
  if (typeof json.version === 'number' && json.version > INVITATION_VERSION)
    return { ok: false, problem: { code: 'newer-version' } };
  const parsed = invitationSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: invalidFile(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}
