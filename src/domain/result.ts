/**
 * What every parse, read and validate function returns instead of throwing: the value, or the
 * problem. A problem is data, never a sentence: the UI turns it into a message (an i18n key and
 * its values), so one shape serves every caller.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; problem: E };
