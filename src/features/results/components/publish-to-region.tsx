import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import type { Snapshot } from '@/domain/regional/snapshot';
import { formatTime } from '@/lib/format';
import { getRegionalSettings } from '@/storage/repositories/settings-repo';
import { regionalSecret } from '@/sync/regional-secret';
import type { RegionalProblem } from '@/sync/regional-service';

type Outcome =
  | { kind: 'published'; host: string; at: number }
  | { kind: 'problem'; problem: RegionalProblem; host: string; url: string }
  | { kind: 'no-secret' };

/**
 * "Publish to the regional database", beside the snapshot file, when Settings names a regional
 * database: sends exactly the snapshot previewed (src/sync/regional-service.ts, loaded on the
 * press). A server that needs a password or token gets it here if this tab does not hold it.
 * A problem is said in words and changes nothing.
 */
export function PublishToRegion({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation('results');
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

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    const given = needsSecret ? secret : (regionalSecret(settings) ?? '');
    if (needsSecret && given.trim() === '') {
      setOutcome({ kind: 'no-secret' });
      document.getElementById('region-publish-secret')?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    const { publishToRegion } = await import('@/sync/regional-service');
    const result = await publishToRegion(settings, snapshot, given);
    setBusy(false);
    setSecret('');
    // Refused: the field for a new password or token appears; the person goes straight to it.
    if (!result.ok && result.problem === 'sign-in') focusAfter(byId('region-publish-secret'));
    setOutcome(
      result.ok
        ? { kind: 'published', host, at: result.value.at }
        : { kind: 'problem', problem: result.problem, host, url: settings.url },
    );
  };

  const isToken = settings.signIn === 'token';
  const message =
    outcome?.kind === 'published'
      ? t('publish.region.done', { host: outcome.host, time: formatTime(outcome.at) })
      : outcome?.kind === 'problem'
        ? t(
            `publish.region.problem.${outcome.problem === 'sign-in' && isToken ? 'token' : outcome.problem}`,
            { host: outcome.host, url: outcome.url },
          )
        : null;

  return (
    <form onSubmit={(e) => void publish(e)} noValidate data-testid="publish-to-region">
      <h3>{t('publish.region.heading')}</h3>
      <p>{t('publish.region.intro', { host })}</p>
      {needsSecret && (
        <TextField
          id="region-publish-secret"
          label={
            isToken
              ? t('publish.region.tokenLabel')
              : t('publish.region.passwordLabel', { username: settings.username })
          }
          hint={t('publish.region.secretHint')}
          type="password"
          autoComplete={isToken ? 'off' : 'current-password'}
          spellCheck={false}
          value={secret}
          error={
            outcome?.kind === 'no-secret'
              ? t(isToken ? 'publish.region.noToken' : 'publish.region.noPassword')
              : undefined
          }
          onChange={(e) => setSecret(e.target.value)}
        />
      )}
      <button type="submit" className="nhsuk-button" disabled={busy}>
        {t('publish.region.button')}
      </button>
      <div role="status" data-testid="region-publish-status">
        {busy && <p>{t('publish.region.publishing')}</p>}
        {message && (
          <p className={outcome?.kind === 'problem' ? 'nhsuk-error-message' : undefined}>
            {message}
          </p>
        )}
      </div>
    </form>
  );
}
