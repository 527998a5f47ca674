import type { TFunction } from 'i18next';

/**
 * What a participant's device calls a workshop joined by code: its key ("7KQ2M-XD4PA"), after
 * the facilitator's label when the code carried one ("NORTH (7KQ2M-XD4PA)").
 */
export function codeName(
  t: TFunction<'workshop'>,
  joined: { workshopId: string; label?: string | undefined },
): string {
  return joined.label
    ? t('join.codeWithLabel', { label: joined.label, code: joined.workshopId })
    : joined.workshopId;
}
