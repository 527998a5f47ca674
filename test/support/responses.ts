import { makeResponse, type ResponseFile } from '@/domain/workshop/response-file';
import type { LevelId } from '@/domain/levels';

/** A participant's response to a workshop, as their device makes it: one rating of care.pcns. */
export function sampleResponse({
  workshopId = 'w1',
  participantId = 'p1',
  level = 'maturing',
  submittedAt = '2020-01-01T10:00:00.000Z',
  round,
  extra = [],
}: {
  workshopId?: string;
  participantId?: string;
  level?: LevelId | null;
  submittedAt?: string;
  round?: 2;
  extra?: { criterionId: string; level: LevelId | null; note: string }[];
} = {}): ResponseFile {
  return makeResponse({
    workshop: { id: workshopId, title: 'Board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: {
      id: participantId,
      label: `Person ${participantId}`,
      organisation: 'Trust',
      sector: 'acute-trust',
    },
    ratings: [{ criterionId: 'care.pcns', level, note: 'Why' }, ...extra],
    submittedAt,
    ...(round ? { round } : {}),
  });
}
