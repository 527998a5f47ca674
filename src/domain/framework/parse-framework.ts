import type { Result } from '../result';
import { frameworkSchema, type Framework } from './schema';

/** Validates unknown JSON as a framework. Never throws. */
export function parseFramework(input: unknown): Result<Framework> {
  const parsed = frameworkSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { ok: false, reason: `Invalid framework${where}: ${first?.message ?? 'unknown problem'}` };
}
