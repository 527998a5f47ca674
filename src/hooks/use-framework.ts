import { use } from 'react';
import type { Framework } from '@/domain/framework/schema';
import { loadFramework } from '@/lib/load-framework';

/** Suspends until the framework is loaded and validated; throws to the nearest error boundary. */
export function useFramework(id: string, version: string): Framework {
  return use(loadFramework(id, version));
}
