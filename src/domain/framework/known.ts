import { frameworkKey } from './framework-key';
import type { Framework } from './schema';

/**
 * The frameworks this app ships (src/content/frameworks/), reduced to what checking a file needs:
 * which id and version exist, and their criterion and characteristic ids. Files naming anything
 * else are refused, because every screen needs the framework an assessment was made with.
 */
export type KnownFramework = {
  id: string;
  version: string;
  criterionIds: ReadonlySet<string>;
  characteristicIds: ReadonlySet<string>;
};

/** Keyed by `frameworkKey(id, version)`. */
export type KnownFrameworks = ReadonlyMap<string, KnownFramework>;

export function knownFrameworks(frameworks: readonly Framework[]): KnownFrameworks {
  return new Map(
    frameworks.map((f) => [
      frameworkKey(f.id, f.version),
      {
        id: f.id,
        version: f.version,
        criterionIds: new Set(f.characteristics.flatMap((c) => c.criteria.map((k) => k.id))),
        characteristicIds: new Set(f.characteristics.map((c) => c.id)),
      },
    ]),
  );
}
