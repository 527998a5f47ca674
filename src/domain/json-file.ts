/** The first checks on any file a user brings: not too large, and JSON at all. Never throws. */
export type JsonFileResult =
  { ok: true; json: unknown } | { ok: false; code: 'too-large' | 'not-json'; bytes: number };

export function parseJsonFile(text: string, maxBytes: number): JsonFileResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) return { ok: false, code: 'too-large', bytes };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, code: 'not-json', bytes };
  }
}
