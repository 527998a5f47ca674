import type { TFunction } from 'i18next';
import type { StatusResult } from '@/domain/trajectory/trajectory';

/**
 * The on-track status in words, with its reasons: "Amber – behind plan (the latest assessment is
 * more than six months old)". The plan screen, the board paper's screen, print view and PDF all
 * say it this way; strings in the `status` namespace.
 */
export function statusText(status: StatusResult, t: TFunction<'status'>): string {
  const main = t(`status.${status.status}`);
  const reasons = statusReasons(status, t);
  return reasons ? t('withReasons', { status: main, reasons }) : main;
}

/** Why a status is what it is ("below the planned level; …"), or '' when on plan. */
export function statusReasons(status: StatusResult, t: TFunction<'status'>): string {
  return status.reasons
    .filter((r) => r !== 'at-or-above-plan')
    .map((r) => t(`reason.${r}`))
    .join(t('reasonSeparator'));
}
