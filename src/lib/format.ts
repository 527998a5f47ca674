/** Dates and numbers for display: always through Intl, in the UI language (en-GB). */
export const LOCALE = 'en-GB';

/**
 * Formatters are made on first use, not when this module loads: the first `Intl.DateTimeFormat` a
 * page makes costs tens of milliseconds (the browser loads its date and time-zone data), which
 * would otherwise land in the start page's load even when it shows no date.
 */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const dateFormat = lazily(
  () =>
    new Intl.DateTimeFormat(LOCALE, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);
const dateTimeFormat = lazily(
  () => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }),
);
const timeFormat = lazily(() => new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short' }));
const numberFormat = lazily(() => new Intl.NumberFormat(LOCALE));

/** `2021-04-01` → `1 April 2021`. Dates are calendar days, so they are formatted in UTC. */
export function formatIsoDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat().format(date);
}

export function formatDateTime(epochMs: number): string {
  return dateTimeFormat().format(new Date(epochMs));
}

export function formatTime(epochMs: number): string {
  return timeFormat().format(new Date(epochMs));
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALE, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Today as an ISO calendar date in the user's time zone. */
export function todayIso(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
