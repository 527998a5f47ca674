import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import assessments from '@/locales/en-GB/assessments.json';
import common from '@/locales/en-GB/common.json';
import editor from '@/locales/en-GB/editor.json';
import results from '@/locales/en-GB/results.json';
import settings from '@/locales/en-GB/settings.json';

/**
 * UI strings, namespaced by feature. en-GB is bundled (it is the only shipped language); framework
 * content is data and is not translated here.
 */
export const NAMESPACES = ['common', 'assessments', 'editor', 'results', 'settings'] as const;
export const DEFAULT_LANGUAGE = 'en-GB';

export const enGB = { common, assessments, editor, results, settings } satisfies Record<
  (typeof NAMESPACES)[number],
  unknown
>;

export function createI18n(
  language: string = DEFAULT_LANGUAGE,
  resources: Resource = { [DEFAULT_LANGUAGE]: enGB },
): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
