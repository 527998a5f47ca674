import type { RegionalSettings } from '@/storage/repositories/settings-repo';

/**
 * The password or token for the regional database, held in this tab's memory only (never
 * stored), as partnership sync holds its own (docs/sync.md). It belongs to one address, sign-in
 * and user: changing any of them in Settings forgets it. Tiny on purpose: screens import it to
 * know whether to ask, without loading the regional sync code (./regional-service, lazy).
 */

let held: { owner: string; secret: string } | null = null;

const ownerOf = (settings: RegionalSettings): string =>
  JSON.stringify([settings.url, settings.signIn, settings.username]);

export function rememberRegionalSecret(settings: RegionalSettings, secret: string): void {
  held = settings.signIn === 'none' ? null : { owner: ownerOf(settings), secret };
}

/** The secret held for these settings ('' when they sign in with nothing), or null if none. */
export function regionalSecret(settings: RegionalSettings): string | null {
  if (settings.signIn === 'none') return '';
  return held?.owner === ownerOf(settings) ? held.secret : null;
}

export function forgetRegionalSecret(): void {
  held = null;
}
