import { checkEvidenceUrl, checkIsoDate, LIMITS } from './assessment';
import { z } from './zod';

/**
 * The field rules shared by everything the app accepts: the editor's checks (checkIsoDate,
 * checkEvidenceUrl) as zod schemas for files (backups, response files), so a file can never carry
 * what the screens would refuse. See docs/data-format.md, "Validation rules".
 */

/** How far ahead of this device's clock a time may be (another device's clock may run fast). */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD`, a real date, 2000–2100 (checkIsoDate). */
export const appDate = z
  .string()
  .refine((value) => checkIsoDate(value) === null, 'must be a date from 2000 to 2100');

/** True when `ms` is a whole, non-negative time no later than now plus the clock skew. */
export function isPastTime(ms: number, now: number = Date.now()): boolean {
  return Number.isSafeInteger(ms) && ms >= 0 && ms <= now + CLOCK_SKEW_MS;
}

/** Milliseconds since 1970: whole, not negative, not in the future (beyond a day's clock skew). */
export const pastTime = z
  .number()
  .refine((ms) => isPastTime(ms), 'must be a time that is not in the future');

/** An ISO date-time from 2000 on, not in the future (beyond a day's clock skew). */
export const pastDateTime = z.iso.datetime().refine((value) => {
  const ms = Date.parse(value);
  return new Date(ms).getUTCFullYear() >= 2000 && isPastTime(ms);
}, 'must be a time from 2000 on that is not in the future');

/** An evidence link: empty, or http(s) (checkEvidenceUrl); never javascript: or data:. */
export const evidenceUrl = z
  .string()
  .max(LIMITS.evidenceUrl)
  .refine((value) => checkEvidenceUrl(value) === null, 'must be empty or an http(s) link');

/** The first value that occurs twice, or null. */
export function firstDuplicate(values: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}
