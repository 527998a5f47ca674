import type { Framework } from '@/domain/framework/schema';
import { frameworkKey } from '@/domain/framework/framework-key';
import { knownFrameworks, type KnownFrameworks } from '@/domain/framework/known';

/**
 * Loads a framework by id and version, lazily (the content and the validator are not needed for
 * the first screen), and validates it before anything uses it. Results are cached per version.
 */
const sources: Record<string, () => Promise<unknown>> = {
  'ics-maturity-2019@1.0.0': () =>
    import('@/content/frameworks/ics-maturity-2019.json').then((m) => m.default),
};

export class FrameworkUnavailableError extends Error {}

const cache = new Map<string, Promise<Framework>>();

export function loadFramework(id: string, version: string): Promise<Framework> {
  const key = frameworkKey(id, version);
  let promise = cache.get(key);
  if (!promise) {
    promise = (async () => {
      const source = sources[key];
      if (!source) throw new FrameworkUnavailableError(`Framework ${key} is not part of this app`);
      const [{ parseFramework }, json] = await Promise.all([
        import('@/domain/framework/parse-framework'),
        source(),
      ]);
      const parsed = parseFramework(json);
      if (!parsed.ok) throw new FrameworkUnavailableError(parsed.problem);
      if (parsed.value.id !== id || parsed.value.version !== version) {
        throw new FrameworkUnavailableError(
          `Framework file for ${key} declares another id or version`,
        );
      }
      return parsed.value;
    })();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

/** Every framework this app ships, loaded and validated: what files are checked against. */
export async function loadKnownFrameworks(): Promise<KnownFrameworks> {
  const frameworks = await Promise.all(
    Object.keys(sources).map((key) => {
      const at = key.lastIndexOf('@');
      return loadFramework(key.slice(0, at), key.slice(at + 1));
    }),
  );
  return knownFrameworks(frameworks);
}
