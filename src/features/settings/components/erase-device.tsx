import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import { routes } from '@/config/routes';
import { showFlashNotice } from '@/lib/flash-notice';
import { Link, navigate } from '@/lib/router';
import { saveQueue } from '@/storage/autosave';
import { eraseDevice } from '@/storage/erase';
import { forgetRegionalSecret } from '@/sync/regional-secret';
import { forgetSyncData } from '@/sync/sync-service';
import { reportingWrite } from '@/storage/write-report';

/**
 * "Delete everything on this device", in two steps: a button that opens a warning, and a second,
 * differently worded button inside it. Focus moves to the warning, back to the first button on
 * Cancel, and to the confirmation on the home screen once everything is gone.
 */
export function EraseDevice() {
  const { t } = useTranslation('settings');
  const id = useId();
  const [step, setStep] = useState<'idle' | 'asking' | 'erasing' | 'failed'>('idle');
  const openRef = useRef<HTMLButtonElement>(null);
  const warningRef = useRef<HTMLHeadingElement>(null);
  const asking = step !== 'idle';

  useEffect(() => {
    if (step === 'asking') warningRef.current?.focus();
  }, [step]);

  const cancel = (): void => {
    setStep('idle');
    // After React has put the first button back.
    setTimeout(() => openRef.current?.focus(), 0);
  };

  const erase = async (): Promise<void> => {
    setStep('erasing');
    // Anything typed but not yet written is dropped first (queue and journals), so it cannot
    // land after the erase.
    await saveQueue.clearAll().catch(() => undefined);
    try {
      // Sync stops first, so nothing erased is sent or comes back; its copy of the partnership's
      // documents on this device goes too (the server is not touched).
      await forgetSyncData();
      forgetRegionalSecret();
      await reportingWrite(eraseDevice());
    } catch {
      setStep('failed');
      return;
    }
    showFlashNotice({
      text: t('erase.done'),
      dismissLabel: t('erase.dismiss'),
      path: routes.assessments.href(),
    });
    navigate(routes.assessments.href(), { replace: true });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('erase.heading')}</h2>
      <p>{t('erase.intro')}</p>
      <ul>
        <li>{t('erase.items.assessments')}</li>
        <li>{t('erase.items.workshops')}</li>
        <li>{t('erase.items.joined')}</li>
        <li>{t('erase.items.plans')}</li>
        <li>{t('erase.items.settings')}</li>
        <li>{t('erase.items.sync')}</li>
      </ul>
      <p>
        {t('erase.backupFirst')} <Link href={routes.backup.href()}>{t('erase.backupLink')}</Link>
      </p>
      {!asking ? (
        <button
          ref={openRef}
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setStep('asking')}
        >
          {t('erase.start')}
        </button>
      ) : (
        <div className="nhsuk-warning-callout" role="group" aria-labelledby={`${id}-warning`}>
          <h3 id={`${id}-warning`} ref={warningRef} tabIndex={-1}>
            {t('erase.warningHeading')}
          </h3>
          <p>{t('erase.warning')}</p>
          <ConfirmButtons
            confirmLabel={t('erase.confirm')}
            cancelLabel={t('erase.cancel')}
            onConfirm={() => void erase()}
            onCancel={cancel}
            disabled={step === 'erasing'}
          />
          <div role="alert">
            {step === 'failed' && <p className="nhsuk-error-message">{t('erase.failed')}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
