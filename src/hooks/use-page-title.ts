import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets `document.title` for what the screen shows now, most specific first: "Step 2 – Title –
 * ICS Maturity". Parts that are not known yet (still loading) are left out; until a screen sets
 * one, the shell's title for the route stands (app/app.tsx).
 */
export function usePageTitle(parts: readonly (string | null | undefined)[] | null): void {
  const { t } = useTranslation('common');
  const title = parts
    ? [...parts.filter((p): p is string => Boolean(p)), t('appName')].join(t('pageTitle.separator'))
    : null;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
