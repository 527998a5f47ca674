import { useTranslation } from 'react-i18next';
import { useSaveAnnouncement, useSaveSnapshot } from '@/hooks/use-save-state';
import { formatTime } from '@/lib/format';

/**
 * "Saved" / "Saving…" / "Not saved yet": autosave is visible, and there is no save button. The
 * visible text follows every save; the live region beside it speaks once per burst of typing
 * (see useSaveAnnouncement), not on every keystroke's save.
 */
export function SaveStatus() {
  const { t } = useTranslation('editor');
  const { status } = useSaveSnapshot();
  const announcement = useSaveAnnouncement();
  const text =
    status.state === 'error'
      ? t('save.error')
      : status.state === 'pending' || status.state === 'saving'
        ? t('save.saving')
        : status.state === 'saved'
          ? t('save.savedAt', { time: formatTime(status.at) })
          : t('save.saved');
  return (
    <>
      <p className={`save-status save-status--${status.state}`} data-save-state={status.state}>
        {text}
      </p>
      <p role="status" className="nhsuk-u-visually-hidden" data-testid="save-announcement">
        {/* A new node per announcement, so the same words ("Saved at 10:42") are said again. */}
        {announcement && (
          <span key={announcement.count}>
            {announcement.kind === 'error'
              ? t('save.error')
              : t('save.savedAt', { time: formatTime(announcement.at) })}
          </span>
        )}
      </p>
    </>
  );
}
