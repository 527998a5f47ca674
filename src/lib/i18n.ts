import i18next, { type BackendModule, type i18n, type Resource, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import assessments from '@/locales/en-GB/assessments.json';
import common from '@/locales/en-GB/common.json';

/**
 * UI strings, one namespace per src/locales/<language>/<namespace>.json. The first screen's
 * namespaces (common, assessments) are bundled; the others load with the screen that needs them
 * (separate chunks, precached for offline use). Framework content is data and is not translated
 * here.
 */
export const DEFAULT_LANGUAGE = 'en-GB';

const lazyLocales = import.meta.glob<{ default: ResourceKey }>([
  '/src/locales/*/*.json',
  '!/src/locales/*/common.json',
  '!/src/locales/*/assessments.json',
]);

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = lazyLocales[`/src/locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No ${namespace} strings for ${language}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

export function createI18n(
  language: string = DEFAULT_LANGUAGE,
  resources: Resource = { [DEFAULT_LANGUAGE]: { common, assessments } },
): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      ns: ['common', 'assessments'],
      defaultNS: 'common',
      resources,
      partialBundledLanguages: true,
      initAsync: false,
      interpolation: { escapeValue: false },
    });
  return instance;
}
