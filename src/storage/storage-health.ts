import type { Result } from '@/domain/result';
import { getDb } from './db';
import { classifyStorageError, type SaveErrorKind } from './save-queue';

/** Opens the database once at start-up; tells the caller whether IndexedDB can be used at all. */
export async function openStorage(): Promise<Result<void, SaveErrorKind>> {
  try {
    await getDb().open();
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, problem: classifyStorageError(error) };
  }
}

/** Calls `onBlocked` when another tab opens a newer schema and this tab must reload. */
export function onSchemaUpgradeElsewhere(onBlocked: () => void): () => void {
  const db = getDb();
  const handler = (): void => onBlocked();
  db.on('versionchange', handler);
  return () => db.on('versionchange').unsubscribe(handler);
}

export type StorageReport = {
  isPersisted: boolean | null;
  usage: number | null;
  quota: number | null;
};

export async function readStorageReport(): Promise<StorageReport> {
  const manager = globalThis.navigator?.storage;
  const [isPersisted, estimate] = await Promise.all([
    manager?.persisted ? manager.persisted().catch(() => null) : Promise.resolve(null),
    manager?.estimate ? manager.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { isPersisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks the browser to keep this site's data even under storage pressure. Best effort. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const manager = globalThis.navigator?.storage;
  if (!manager?.persist) return null;
  try {
    return await manager.persist();
  } catch {
    return null;
  }
}
