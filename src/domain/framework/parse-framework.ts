import type { Result } from '../result';
import { frameworkSchema, type Framework } from './schema';

/**
 * Validates unknown JSON as a framework. Never throws; the problem is a sentence for the developer
 * log (the framework ships with the app, so a broken one is a bug, not a user error).
 */
export function parseFramework(input: unknown): Result<Framework, string> {
  const parsed = frameworkSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return {
    ok: false,
    problem: `Invalid framework${where}: ${first?.message ?? 'unknown problem'}`,
  };
}
