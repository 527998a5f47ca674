import { useTranslation } from 'react-i18next';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { formatTime } from '@/lib/format';

/** "Saved" / "Saving…" / "Not saved yet": autosave is visible, and there is no save button. */
export function SaveStatus() {
  const { t } = useTranslation('editor');
  const { status } = useSaveSnapshot();
  const text =
    status.state === 'error'
      ? t('save.error')
      : status.state === 'pending' || status.state === 'saving'
        ? t('save.saving')
        : status.state === 'saved'
          ? t('save.savedAt', { time: formatTime(status.at) })
          : t('save.saved');
  return (
    <p
      role="status"
      className={`save-status save-status--${status.state}`}
      data-save-state={status.state}
    >
      {text}
    </p>
  );
}
