import type { Result } from './result';

/** Why a file a user brings is refused before it is looked at. */
export type JsonFileProblem = { code: 'too-large'; bytes: number } | { code: 'not-json' };

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
