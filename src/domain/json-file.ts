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

/**
 * The first checks on any file a user brings: not too large, and JSON at all. Never throws.
 * `bytes`: the file's size when the caller knows it (a browser `File`'s `size`); otherwise it is
 * counted from the text without encoding it.
 */
export function parseJsonFile(
  text: string,
  maxBytes: number,
  bytes?: number,
): Result<unknown, JsonFileProblem> {
  const size = bytes ?? (text.length * 3 <= maxBytes ? text.length : utf8Length(text));
  if (size > maxBytes) return { ok: false, problem: { code: 'too-large', bytes: size } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
}

/**
 * How many bytes the text is in UTF-8 (as `TextEncoder` would write it: a lone surrogate becomes
 * the three-byte replacement character), counted without making the bytes. A text whose every
 * character could be three bytes and still fit is never counted (`parseJsonFile`).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
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
