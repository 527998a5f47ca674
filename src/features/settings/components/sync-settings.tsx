import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { isEmptyShare, SHARE_ALL, type SyncShare } from '@/domain/sync/share';
import { checkSyncUrl, type SyncUrlProblem } from '@/domain/sync/sync-url';
import { formatDateTime, formatNumber } from '@/lib/format';
import { signInOf, type SyncSignIn } from '@/storage/repositories/sync-repo';
import type { SyncState } from '@/sync/engine';
import { changeSyncShare, startSync, stopSync } from '@/sync/sync-service';
import { useSync } from '../hooks/use-sync';
import { SyncConflicts } from './sync-conflicts';
import { SignInFieldset } from './sign-in-fieldset';
import { ShareFieldset, shareSummary } from './sync-share';

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

function isRefusedSignIn(status: SyncState | undefined): boolean {
  return status?.state === 'refused' && status.reason === 'sign-in';
}

function SyncRunning() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const [isChangingShare, setChangingShare] = useState(false);
  const snapshot = sync.snapshot;
  const signIn = sync.settings ? signInOf(sync.settings) : 'none';

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
                ? t(signIn === 'token' ? 'sync.status.needsToken' : 'sync.status.needsPassword')
                : sync.otherTab
                  ? t('sync.status.otherTab')
                  : snapshot
                    ? signIn === 'token' && isRefusedSignIn(snapshot.status)
                      ? t('sync.status.refusedToken')
                      : statusText(t, snapshot.status)
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
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('sync.share.label')}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="sync-share">
            {shareSummary(t, sync.settings?.share)}
            {snapshot && snapshot.notShared > 0 && (
              <>
                <br />
                {t('sync.share.notShared', { count: snapshot.notShared })}
              </>
            )}
          </dd>
        </div>
      </dl>
      {snapshot && snapshot.rejected > 0 && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">{t('sync.rejected.heading')}</h3>
          <p>{t('sync.rejected.body', { count: snapshot.rejected })}</p>
        </div>
      )}
      {(sync.needsPassword || (signIn !== 'none' && isRefusedSignIn(snapshot?.status))) && (
        <PasswordForm />
      )}
      {isChangingShare && <ChangeShareForm onDone={() => setChangingShare(false)} />}
      <div className="nhsuk-button-group">
        {!isChangingShare && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setChangingShare(true)}
          >
            {t('sync.share.change')}
          </button>
        )}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={busy}
          onClick={() => void off()}
        >
          {t('sync.switchOff')}
        </button>
      </div>
    </>
  );
}

/**
 * After a reload, or when the server refused it, a server that needs a password or token gets it
 * again (neither is ever stored).
 */
function PasswordForm() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [secret, setSecret] = useState('');
  const isToken = sync.settings ? signInOf(sync.settings) === 'token' : false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sync.settings) await startSync(sync.settings, secret);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="sync-resume-password"
        label={
          isToken
            ? t('sync.tokenLabel')
            : t('sync.password', { username: sync.settings?.username ?? '' })
        }
        hint={isToken ? t('sync.tokenHint') : undefined}
        type="password"
        autoComplete={isToken ? 'off' : 'current-password'}
        spellCheck={false}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      <button type="submit" className="nhsuk-button">
        {t('sync.resume')}
      </button>
    </form>
  );
}

/** While sync runs: changes what this device shares, carrying on with the same sign-in. */
function ChangeShareForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [share, setShare] = useState<SyncShare>(sync.settings?.share ?? SHARE_ALL);
  const [isEmpty, setEmpty] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isEmptyShare(share)) {
      setEmpty(true);
      document.getElementById(`sync-change-share-${share.kind}`)?.focus();
      return;
    }
    await changeSyncShare(share);
    onDone();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ShareFieldset
        id="sync-change-share"
        share={share}
        onChange={setShare}
        isEmptyError={isEmpty && isEmptyShare(share)}
      />
      <p className="nhsuk-body-s">{t('sync.share.stays')}</p>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {t('sync.share.save')}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onDone}>
          {t('sync.share.cancel')}
        </button>
      </div>
    </form>
  );
}

type FormProblem = { url?: SyncUrlProblem; username?: true; token?: true; share?: true };

function SyncForm() {
  const { t } = useTranslation('settings');
  const sync = useSync();
  const [url, setUrl] = useState(sync.settings?.url ?? '');
  const [signIn, setSignIn] = useState<SyncSignIn>(
    sync.settings ? signInOf(sync.settings) : 'none',
  );
  const [username, setUsername] = useState(sync.settings?.username ?? '');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [share, setShare] = useState<SyncShare>(sync.settings?.share ?? SHARE_ALL);
  const [problem, setProblem] = useState<FormProblem>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSyncUrl(url, window.location.origin, __SYNC_ORIGINS__);
    const found: FormProblem = {
      ...(checked.ok ? {} : { url: checked.problem }),
      ...(signIn === 'password' && username.trim() === '' ? { username: true } : {}),
      ...(signIn === 'token' && token.trim() === '' ? { token: true } : {}),
      ...(isEmptyShare(share) ? { share: true } : {}),
    };
    setProblem(found);
    if (!checked.ok || Object.keys(found).length > 0) {
      const first = found.url
        ? 'sync-url'
        : found.username
          ? 'sync-username'
          : found.token
            ? 'sync-token'
            : `sync-share-${share.kind}`;
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    try {
      await startSync(
        {
          enabled: true,
          url: checked.value,
          username: signIn === 'password' ? username.trim() : '',
          signIn,
          share,
        },
        signIn === 'password' ? password : signIn === 'token' ? token : '',
      );
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
        error={problem.url ? t(`sync.urlProblem.${problem.url}`) : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      <SignInFieldset
        id="sync"
        values={{ signIn, username, password, token }}
        onChange={(values) => {
          setSignIn(values.signIn);
          setUsername(values.username);
          setPassword(values.password);
          setToken(values.token);
        }}
        problem={problem}
      />
      <ShareFieldset
        id="sync-share"
        share={share}
        onChange={setShare}
        isEmptyError={problem.share === true && isEmptyShare(share)}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        {t('sync.switchOn')}
      </button>
    </form>
  );
}
