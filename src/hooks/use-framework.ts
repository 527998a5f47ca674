import { use } from 'react';
import type { Framework } from '@/domain/framework/schema';
import { loadFramework } from '@/lib/load-framework';

/** Suspends until the framework is loaded and validated; throws to the nearest error boundary. */
export function useFramework(id: string, version: string): Framework {
  return use(loadFramework(id, version));
}

const manyCache = new Map<string, Promise<Framework[]>>();

/** Several frameworks at once (assessments made with different versions), in the order given. */
export function useFrameworks(keys: readonly { id: string; version: string }[]): Framework[] {
  const cacheKey = keys.map((k) => `${k.id}@${k.version}`).join('|');
  let promise = manyCache.get(cacheKey);
  if (!promise) {
    promise = Promise.all(keys.map((k) => loadFramework(k.id, k.version)));
    manyCache.set(cacheKey, promise);
    promise.catch(() => manyCache.delete(cacheKey));
  }
  return use(promise);
}
