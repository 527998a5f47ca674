import { useTranslation } from 'react-i18next';

/**
 * The list screen's heading and introduction. The app shell renders them (app/app.tsx), before
 * storage opens and the screen's code loads, and keeps them while the screen renders below.
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
