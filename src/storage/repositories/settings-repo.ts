import { getDb } from '../db';

/** Small app-wide preferences and facts (for example when storage persistence was asked for). */
export async function getSetting<T>(key: string): Promise<T | undefined> {
  const record = await getDb().settings.get(key);
  return record?.value as T | undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}
