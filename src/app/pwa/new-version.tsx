import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { flushSaves } from './flush-saves';
import { markNewVersionInUse } from './update-store';

/**
 * A newer version is in charge of this tab (another tab applied an update, or this tab's code
 * files are gone): save everything now, then ask for a reload. Never reloads by itself.
 */
export async function noticeNewVersion(): Promise<void> {
  await flushSaves().catch(() => false);
  markNewVersionInUse();
}

/** Shown instead of a screen whose code could not be loaded because a new version is in use. */
export function NewVersionNotice() {
  const { t } = useTranslation('common');
  useEffect(() => void noticeNewVersion(), []);
  return <p>{t('update.screenNeedsReload')}</p>;
}
