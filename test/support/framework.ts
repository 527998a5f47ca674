import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import { parseFramework } from '@/domain/framework/parse-framework';
import type { Framework } from '@/domain/framework/schema';
import { knownFrameworks, type KnownFrameworks } from '@/domain/framework/known';

/** The shipped framework, validated exactly as the app loads it. */
function load(): Framework {
  const parsed = parseFramework(frameworkJson);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

export const shippedFramework: Framework = load();

/** What the app knows of its shipped frameworks, for checking files (readBackup). */
export const KNOWN_FRAMEWORKS: KnownFrameworks = knownFrameworks([shippedFramework]);
