import type { SyncShare } from '@/domain/sync/share';
import { getDb } from '../db';

/** Small app-wide preferences and facts (for example when storage persistence was asked for). */
export async function getSetting<T>(key: string): Promise<T | undefined> {
  const record = await getDb().settings.get(key);
  return record?.value as T | undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}

/**
 * How this device signs in to the partnership's server: not at all, with a CouchDB user name and
 * password, or with a token (a JWT) from the organisation's identity provider.
 */
export type SyncSignIn = 'none' | 'password' | 'token';

/** Where and how this device syncs, and what it shares. No password or token is ever stored. */
export type SyncSettings = {
  enabled: boolean;
  /** The partnership database's URL, e.g. `https://couch.example.nhs.uk/north-shire`. */
  url: string;
  /** A CouchDB user name, if the server asks for one (the password is kept in memory only). */
  username: string;
  /** Absent in settings saved before there was a choice: a user name meant a password. */
  signIn?: SyncSignIn;
  /** Absent in settings saved before there was a choice: everything was shared. */
  share?: SyncShare;
};

export function signInOf(settings: SyncSettings): SyncSignIn {
  return settings.signIn ?? (settings.username === '' ? 'none' : 'password');
}

const SYNC_KEY = 'sync';

export async function getSyncSettings(): Promise<SyncSettings | null> {
  return (await getSetting<SyncSettings>(SYNC_KEY)) ?? null;
}

export async function putSyncSettings(settings: SyncSettings): Promise<void> {
  await putSetting(SYNC_KEY, settings);
}

/**
 * The region's database (issue 16, item 5), where systems publish their snapshots and a regional
 * analyst fetches them: a different CouchDB database from the partnership's, often on another
 * server. Optional; nothing is contacted until the user publishes or fetches. No password or
 * token is stored.
 */
export type RegionalSettings = {
  /** The regional database's URL, e.g. `https://couch.example.nhs.uk/north-east-region`. */
  url: string;
  signIn: SyncSignIn;
  /** The CouchDB user name when `signIn` is 'password'; otherwise ''. */
  username: string;
};

const REGIONAL_KEY = 'regional';

export async function getRegionalSettings(): Promise<RegionalSettings | null> {
  return (await getSetting<RegionalSettings>(REGIONAL_KEY)) ?? null;
}

export async function putRegionalSettings(settings: RegionalSettings): Promise<void> {
  await putSetting(REGIONAL_KEY, settings);
}

export async function removeRegionalSettings(): Promise<void> {
  await getDb().settings.delete(REGIONAL_KEY);
}
