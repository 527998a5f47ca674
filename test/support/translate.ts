import i18next, { type TFunction } from 'i18next';

const locales = import.meta.glob<{ default: Record<string, unknown> }>(
  '/src/locales/en-GB/*.json',
  {
    eager: true,
  },
);

/** A `t` with the app's real en-GB strings of one namespace, so tests read what a user reads. */
export function translator<Namespace extends string>(namespace: Namespace): TFunction<Namespace> {
  const strings = locales[`/src/locales/en-GB/${namespace}.json`]?.default;
  if (!strings) throw new Error(`no en-GB strings for ${namespace}`);
  const instance = i18next.createInstance();
  void instance.init({
    lng: 'en-GB',
    fallbackLng: false,
    ns: [namespace],
    defaultNS: namespace,
    resources: { 'en-GB': { [namespace]: strings } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT('en-GB', namespace) as unknown as TFunction<Namespace>;
}
