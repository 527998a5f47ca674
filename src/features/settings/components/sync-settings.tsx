import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { checkSyncUrl, type SyncUrlProblem } from '@/domain/sync/sync-url';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { SyncState } from '@/sync/engine';
import { startSync, stopSync } from '@/sync/sync-service';
import { useSync } from '../hooks/use-sync';
import { SyncConflicts } from './sync-conflicts';

/**
 * "Partnership sync" in Settings: off by default. On, this device's assessments replicate with a
 * partnership's CouchDB database (docs/sync.md). The password is kept in memory only.
 */
export function SyncSettings() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const on = sync.settings?.enabled === true;

  return (
    <section className="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync.heading')}</h2>
      <p>{t('sync.intro')}</p>
      {!sync.loaded ? <p>{t('loading')}</p> : on ? <SyncRunning /> : <SyncForm />}
      {on && sync.snapshot && sync.snapshot.conflicts.length > 0 && (
        <SyncConflicts conflicts={sync.snapshot.conflicts} />
      )}
    </section>
  );
}

function statusText(t: TFunction<'settings'>, status: SyncState): string {
  switch (status.state) {
    case 'starting':
      return t('sync.status.starting');
    case 'syncing':
      return t('sync.status.syncing');
    case 'up-to-date':
      return t('sync.status.upToDate');
    case 'offline':
      return t('sync.status.offline');
    case 'refused':
      return t(`sync.status.refused.${status.reason}`);
  }
}

function SyncRunning() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const snapshot = sync.snapshot;

  const off = async () => {
    setBusy(true);
    await stopSync();
    setBusy(false);
  };

  return (
    <>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('sync.server')}</dt>
          <dd className="nhsuk-summary-list__value app-break-anywhere" data-testid="sync-url">
            {sync.settings?.url}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('sync.statusLabel')}</dt>
          <dd className="nhsuk-summary-list__value">
            <span role="status" data-testid="sync-status">
              {sync.needsPassword
                ? t('sync.status.needsPassword')
                : sync.otherTab
                  ? t('sync.status.otherTab')
                  : snapshot
                    ? statusText(t, snapshot.status)
                    : t('sync.status.starting')}
            </span>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('sync.lastSynced')}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="sync-last">
            {snapshot?.lastSyncedAt ? formatDateTime(snapshot.lastSyncedAt) : t('sync.never')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('sync.pending')}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="sync-pending">
            {formatNumber(snapshot?.pending ?? 0)}
          </dd>
        </div>
      </dl>
      {snapshot && snapshot.rejected > 0 && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">{t('sync.rejected.heading')}</h3>
          <p>{t('sync.rejected.body', { count: snapshot.rejected })}</p>
        </div>
      )}
      {sync.needsPassword && <PasswordForm />}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={() => void off()}
      >
        {t('sync.switchOff')}
      </button>
    </>
  );
}

/** After a reload, a server that needs a password gets it again (it is never stored). */
function PasswordForm() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sync.settings) await startSync(sync.settings, password);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="sync-resume-password"
        label={t('sync.password', { username: sync.settings?.username ?? '' })}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="nhsuk-button">
        {t('sync.resume')}
      </button>
    </form>
  );
}

function SyncForm() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [url, setUrl] = useState(sync.settings?.url ?? '');
  const [username, setUsername] = useState(sync.settings?.username ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<SyncUrlProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSyncUrl(url, window.location.origin, __SYNC_ORIGINS__);
    if (!checked.ok) {
      setProblem(checked.problem);
      document.getElementById('sync-url')?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await startSync({ enabled: true, url: checked.value, username: username.trim() }, password);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('sync.offBody')}</p>
      <TextField
        id="sync-url"
        label={t('sync.url')}
        hint={t('sync.urlHint')}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="url"
        value={url}
        error={problem ? t(`sync.urlProblem.${problem}`) : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField
        id="sync-username"
        label={t('sync.username')}
        hint={t('sync.usernameHint')}
        autoComplete="username"
        spellCheck={false}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        id="sync-password"
        label={t('sync.passwordLabel')}
        hint={t('sync.passwordHint')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        {t('sync.switchOn')}
      </button>
    </form>
  );
}
