import { getDb } from '../db';

/** Small app-wide preferences and facts (for example when storage persistence was asked for). */
export async function getSetting<T>(key: string): Promise<T | undefined> {
  const record = await getDb().settings.get(key);
  return record?.value as T | undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}

/** Where and how this device syncs. No password or token is ever stored. */
export type SyncSettings = {
  enabled: boolean;
  /** The partnership database's URL, e.g. `https://couch.example.nhs.uk/north-shire`. */
  url: string;
  /** A CouchDB user name, if the server asks for one (the password is kept in memory only). */
  username: string;
};

const SYNC_KEY = 'sync';

export async function getSyncSettings(): Promise<SyncSettings | null> {
  return (await getSetting<SyncSettings>(SYNC_KEY)) ?? null;
}

export async function putSyncSettings(settings: SyncSettings): Promise<void> {
  await putSetting(SYNC_KEY, settings);
}
