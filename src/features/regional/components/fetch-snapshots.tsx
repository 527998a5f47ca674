import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import type { Framework } from '@/domain/framework/schema';
import { formatIsoDate } from '@/lib/format';
import { getRegionalSettings } from '@/storage/repositories/settings-repo';
import { regionalSecret } from '@/sync/regional-secret';
import type { FetchedSnapshots, RegionalProblem } from '@/sync/regional-service';

type Outcome =
  | { kind: 'fetched'; value: FetchedSnapshots }
  | { kind: 'problem'; problem: RegionalProblem; host: string; url: string }
  | { kind: 'no-secret' };

/**
 * "Fetch from the regional database", when Settings names one: every snapshot published there,
 * each checked exactly as an imported file is, the valid ones stored through the files' import
 * (idempotent: fetching again adds no second copy), the others refused with their reason.
 * src/sync/regional-service.ts and PouchDB load on the press; nothing is fetched before it.
 */
export function FetchSnapshots({ framework }: { framework: Framework }) {
  const { t } = useTranslation('regional');
  const id = useId();
  const stored = useLiveQuery(() => getRegionalSettings(), []);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Before the early return: a hook runs on every render.
  const focusAfter = useFocusAfter();
  if (!stored) return null;
  const settings = stored;
  const host = new URL(settings.url).host;
  const needsSecret = regionalSecret(settings) === null;
  const isToken = settings.signIn === 'token';

  const fetchAll = async (event: FormEvent) => {
    event.preventDefault();
    const given = needsSecret ? secret : (regionalSecret(settings) ?? '');
    if (needsSecret && given.trim() === '') {
      setOutcome({ kind: 'no-secret' });
      document.getElementById(`${id}-secret`)?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    const { fetchFromRegion } = await import('@/sync/regional-service');
    const result = await fetchFromRegion(settings, [framework], given);
    setBusy(false);
    setSecret('');
    // Refused: the field for a new password or token appears; the person goes straight to it.
    if (!result.ok && result.problem === 'sign-in') focusAfter(byId(`${id}-secret`));
    setOutcome(
      result.ok
        ? { kind: 'fetched', value: result.value }
        : { kind: 'problem', problem: result.problem, host, url: settings.url },
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="fetch-snapshots">
      <h2 id={`${id}-heading`}>{t('fetch.heading')}</h2>
      <p>{t('fetch.intro', { host })}</p>
      <form onSubmit={(e) => void fetchAll(e)} noValidate>
        {needsSecret && (
          <TextField
            id={`${id}-secret`}
            label={
              isToken
                ? t('fetch.tokenLabel')
                : t('fetch.passwordLabel', { username: settings.username })
            }
            hint={t('fetch.secretHint')}
            type="password"
            autoComplete={isToken ? 'off' : 'current-password'}
            spellCheck={false}
            value={secret}
            error={
              outcome?.kind === 'no-secret'
                ? t(isToken ? 'fetch.noToken' : 'fetch.noPassword')
                : undefined
            }
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {t('fetch.button')}
        </button>
      </form>
      <div role="status" aria-live="polite" data-testid="fetch-report">
        {busy && <p>{t('fetch.fetching')}</p>}
        {outcome?.kind === 'problem' && (
          <p className="nhsuk-error-message">
            {t(
              `fetch.problem.${outcome.problem === 'sign-in' && isToken ? 'token' : outcome.problem}`,
              { host: outcome.host, url: outcome.url },
            )}
          </p>
        )}
        {outcome?.kind === 'fetched' && <FetchReport fetched={outcome.value} />}
      </div>
    </section>
  );
}

function FetchReport({ fetched }: { fetched: FetchedSnapshots }) {
  const { t } = useTranslation('regional');
  const { stored, refused } = fetched;
  if (stored.length === 0 && refused.length === 0) return <p>{t('fetch.none')}</p>;
  return (
    <>
      <p>{t('fetch.summary', { count: stored.length, refused: refused.length })}</p>
      <ul className="import-report">
        {stored.map(({ snapshot, outcome }) => (
          <li key={`${snapshot.system.key}:${snapshot.asAt}`}>
            {t(`fetch.outcome.${outcome}`, {
              system: snapshot.system.name,
              date: formatIsoDate(snapshot.asAt),
            })}
          </li>
        ))}
        {refused.map(({ id, problem }) => (
          <li key={id} className="import-report__problem">
            {t(`import.problem.${problem.code}`, {
              ...problem,
              file: t('fetch.document', { id }),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
