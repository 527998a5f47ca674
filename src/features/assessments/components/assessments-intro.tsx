import { useTranslation } from 'react-i18next';

/**
 * The list screen's heading and introduction. The app shell paints them before storage opens (the
 * screen's code and Dexie load meanwhile), and the screen shows them again in the same place.
 */
export function AssessmentsIntro() {
  const { t } = useTranslation('assessments');
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="nhsuk-body-l">{t('intro')}</p>
    </>
  );
}
