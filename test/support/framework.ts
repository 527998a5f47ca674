import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import { parseFramework } from '@/domain/framework/parse-framework';
import type { Framework } from '@/domain/framework/schema';

/** The shipped framework, validated exactly as the app loads it. */
function load(): Framework {
  const parsed = parseFramework(frameworkJson);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

export const shippedFramework: Framework = load();
