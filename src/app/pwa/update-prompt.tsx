import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flushSaves } from './flush-saves';
import { useUpdateState } from './update-store';

/** "A new version is available": saves everything first, then reloads, only when asked. */
export function UpdatePrompt() {
  const { t } = useTranslation('common');
  const update = useUpdateState();
  const [isBusy, setBusy] = useState(false);
  const [notSaved, setNotSaved] = useState(false);
  if (update.kind === 'none') return null;

  const reload = async (): Promise<void> => {
    setBusy(true);
    const isSaved = await flushSaves();
    if (!isSaved) {
      setNotSaved(true);
      setBusy(false);
      return;
    }
    if (update.kind === 'update-ready') update.apply();
    else window.location.reload();
  };

  return (
    <div role="alert" className="banner banner--info">
      <p>
        {update.kind === 'update-ready'
          ? t('update.available')
          : t(update.reason === 'version' ? 'update.versionInUse' : 'update.reloadRequired')}
      </p>
      {notSaved && <p>{t('update.notSaved')}</p>}
      <button
        type="button"
        className="nhsuk-button"
        disabled={isBusy}
        onClick={() => void reload()}
      >
        {t('update.reload')}
      </button>
    </div>
  );
}
