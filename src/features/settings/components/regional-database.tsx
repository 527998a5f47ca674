import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { checkSyncUrl, type SyncUrlProblem } from '@/domain/sync/sync-url';
import {
  getRegionalSettings,
  putRegionalSettings,
  removeRegionalSettings,
  type RegionalSettings,
} from '@/storage/repositories/settings-repo';
import { forgetRegionalSecret, rememberRegionalSecret } from '@/sync/regional-secret';
import { SignInFieldset, type SignInValues } from './sign-in-fieldset';

/**
 * "Regional database" in Settings (issue 16, item 5): the region's CouchDB database, apart from
 * the partnership's (a region is another database, often on another server). Saving it stores
 * the address and how to sign in (the password or token in this tab's memory only) and contacts
 * nothing: Results then offers "Publish to the regional database" and the Region page "Fetch
 * from the regional database".
 */
export function RegionalDatabase() {
  const { t } = useTranslation('settings');
  const stored = useLiveQuery(async () => ({ settings: await getRegionalSettings() }), []);
  const [isEditing, setEditing] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null);
  const settings = stored?.settings ?? null;

  // "Change" and "Set a regional database" open the same form.
  const edit = (): void => {
    setNotice(null);
    setEditing(true);
  };

  const remove = async () => {
    await removeRegionalSettings();
    forgetRegionalSecret();
    setNotice('removed');
    requestAnimationFrame(() => document.getElementById('regional-change')?.focus());
  };

  return (
    <section className="card" aria-labelledby="regional-heading" data-testid="regional-database">
      <h2 id="regional-heading">{t('regional.heading')}</h2>
      <p>{t('regional.intro')}</p>
      {stored === undefined ? (
        <p>{t('loading')}</p>
      ) : isEditing ? (
        <RegionalForm
          settings={settings}
          onDone={(saved) => {
            setEditing(false);
            setNotice(saved ? 'saved' : null);
            // Back to the button that opened the form, as a person expects after Save or Cancel.
            requestAnimationFrame(() => document.getElementById('regional-change')?.focus());
          }}
        />
      ) : settings ? (
        <>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('regional.address')}</dt>
              <dd
                className="nhsuk-summary-list__value app-break-anywhere"
                data-testid="regional-url"
              >
                {settings.url}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('sync.signIn.legend')}</dt>
              <dd className="nhsuk-summary-list__value">
                {settings.signIn === 'password'
                  ? t('regional.signInValue.password', { username: settings.username })
                  : t(`regional.signInValue.${settings.signIn}`)}
              </dd>
            </div>
          </dl>
          <div className="nhsuk-button-group">
            <button
              type="button"
              id="regional-change"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={edit}
            >
              {t('regional.change')}
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void remove()}
            >
              {t('regional.remove')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('regional.none')}</p>
          <button
            type="button"
            id="regional-change"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={edit}
          >
            {t('regional.set')}
          </button>
        </>
      )}
      <p role="status" data-testid="regional-notice">
        {notice ? t(`regional.notice.${notice}`) : ''}
      </p>
    </section>
  );
}

type FormProblem = { url?: SyncUrlProblem; username?: true };

function RegionalForm({
  settings,
  onDone,
}: {
  settings: RegionalSettings | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('settings');
  const [url, setUrl] = useState(settings?.url ?? '');
  const [signIn, setSignIn] = useState<SignInValues>({
    signIn: settings?.signIn ?? 'none',
    username: settings?.username ?? '',
    password: '',
    token: '',
  });
  const [problem, setProblem] = useState<FormProblem>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSyncUrl(url, window.location.origin, __SYNC_ORIGINS__);
    const found: FormProblem = {
      ...(checked.ok ? {} : { url: checked.problem }),
      ...(signIn.signIn === 'password' && signIn.username.trim() === '' ? { username: true } : {}),
    };
    setProblem(found);
    if (!checked.ok || found.username) {
      document.getElementById(found.url ? 'regional-url' : 'regional-username')?.focus();
      return;
    }
    const next: RegionalSettings = {
      url: checked.value,
      signIn: signIn.signIn,
      username: signIn.signIn === 'password' ? signIn.username.trim() : '',
    };
    setBusy(true);
    try {
      await putRegionalSettings(next);
    } finally {
      setBusy(false);
    }
    // Kept in this tab's memory only; asked for when publishing or fetching if not given here.
    const secret = next.signIn === 'password' ? signIn.password : signIn.token.trim();
    if (secret !== '') rememberRegionalSecret(next, secret);
    else forgetRegionalSecret();
    onDone(true);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('regional.formBody')}</p>
      <TextField
        id="regional-url"
        label={t('regional.url')}
        hint={t('regional.urlHint')}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="url"
        value={url}
        error={problem.url ? t(`regional.urlProblem.${problem.url}`) : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      <SignInFieldset
        id="regional"
        values={signIn}
        onChange={setSignIn}
        problem={problem}
        hint={t('regional.signInHint')}
        usernameProblem={t('regional.usernameProblem')}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {t('regional.save')}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => onDone(false)}
        >
          {t('regional.cancel')}
        </button>
      </div>
    </form>
  );
}
