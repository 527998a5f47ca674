import type { Result } from '../result';

/**
 * Checks the partnership database URL a user types before sync may use it. The app's
 * Content-Security-Policy lets it reach only its own origin and the origins its deployment
 * named at build time (docs/sync.md), so any other server is refused here, with a reason, rather
 * than failing later without one.
 */
export type SyncUrlProblem =
  'blank' | 'invalid' | 'not-https' | 'has-credentials' | 'no-database' | 'not-allowed';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkSyncUrl(
  text: string,
  appOrigin: string,
  allowedOrigins: readonly string[],
): Result<string, SyncUrlProblem> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'blank' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    return { ok: false, problem: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'has-credentials' };
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '' || url.search !== '' || url.hash !== '')
    return { ok: false, problem: 'no-database' };
  if (url.origin !== appOrigin && !allowedOrigins.includes(url.origin))
    return { ok: false, problem: 'not-allowed' };
  return { ok: true, value: `${url.origin}${path}` };
}

/** The origins a build may sync with, from its `ICS_SYNC_ORIGINS` (space or comma separated). */
export function parseSyncOrigins(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/)) {
    if (part === '') continue;
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new Error(
        `ICS_SYNC_ORIGINS: "${part}" is not an origin such as https://couch.example.org`,
      );
    }
    if (url.origin !== part.replace(/\/$/, ''))
      throw new Error(`ICS_SYNC_ORIGINS: "${part}" must be an origin only (no path)`);
    origins.push(url.origin);
  }
  return origins;
}
