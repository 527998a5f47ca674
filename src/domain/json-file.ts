import type { Result } from './result';

/** Why a file a user brings is refused before it is looked at. */
export type JsonFileProblem = { code: 'too-large'; bytes: number } | { code: 'not-json' };

/** A file that is JSON but not what its schema allows: where (the first issue's path) and why. */
export type InvalidFile = { code: 'invalid'; path: string; detail: string };

/**
 * Why a small versioned file (a workshop invitation, a response file) is refused, whatever its
 * kind: too large, not JSON, from a newer version of the app, or not valid. Each reader adds the
 * problems of its own kind.
 */
export type VersionedFileProblem =
  { code: 'too-large' } | { code: 'not-json' } | { code: 'newer-version' } | InvalidFile;

/** The first checks on any file a user brings: not too large, and JSON at all. Never throws. */
export function parseJsonFile(text: string, maxBytes: number): Result<unknown, JsonFileProblem> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) return { ok: false, problem: { code: 'too-large', bytes } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
}

/**
 * A schema's refusal (zod's `error.issues`) as a file problem: the first issue's path, dotted
 * (`(file)` when it is the whole file), and its message.
 */
export function invalidFile(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): InvalidFile {
  const issue = issues[0];
  return {
    code: 'invalid',
    path: issue?.path.join('.') || '(file)',
    detail: issue?.message ?? 'invalid',
  };
}
