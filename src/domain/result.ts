/** A value or a human-readable reason: validation and parsing return this instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };
