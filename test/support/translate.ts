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
    // Every namespace is there, as in the app: shared helpers name theirs (`{ ns: 'common' }`).
    resources: {
      'en-GB': Object.fromEntries(
        Object.entries(locales).map(([path, module]) => [
          path.replace(/^.*\/(.+)\.json$/, '$1'),
          module.default,
        ]),
      ),
    },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT('en-GB', namespace) as unknown as TFunction<Namespace>;
}
