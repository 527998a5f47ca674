import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import type { SyncSignIn } from '@/storage/repositories/settings-repo';

const SIGN_INS: readonly SyncSignIn[] = ['none', 'password', 'token'];

export type SignInValues = {
  signIn: SyncSignIn;
  username: string;
  password: string;
  token: string;
};

/**
 * How a device signs in to a CouchDB database: not at all, with a user name and password, or with
 * a token (JWT) from the organisation. Used for the partnership's database and the region's.
 * Controls' ids start with `id` (`<id>-sign-in-none`, `<id>-username`, `<id>-password`,
 * `<id>-token`), so a form can send focus to the first field in error.
 */
export function SignInFieldset({
  id,
  values,
  onChange,
  problem,
  hint,
  usernameProblem,
}: {
  id: string;
  /** Who says which way to sign in (the partnership's administrator, by default). */
  hint?: string;
  /** The message for a missing user name (the partnership's, by default). */
  usernameProblem?: string;
  values: SignInValues;
  onChange: (values: SignInValues) => void;
  problem: { username?: true; token?: true };
}) {
  const { t } = useTranslation('settings');
  const set = (change: Partial<SignInValues>) => onChange({ ...values, ...change });
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-sign-in-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {t('sync.signIn.legend')}
        </legend>
        <p className="nhsuk-hint" id={`${id}-sign-in-hint`}>
          {hint ?? t('sync.signIn.hint')}
        </p>
        <div className="nhsuk-radios nhsuk-radios--conditional">
          {SIGN_INS.map((kind) => (
            <div key={kind}>
              <div className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={`${id}-sign-in-${kind}`}
                  name={`${id}-sign-in`}
                  type="radio"
                  checked={values.signIn === kind}
                  onChange={() => set({ signIn: kind })}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={`${id}-sign-in-${kind}`}
                >
                  {t(`sync.signIn.${kind}`)}
                </label>
              </div>
              {values.signIn === 'password' && kind === 'password' && (
                <div className="nhsuk-radios__conditional">
                  <TextField
                    id={`${id}-username`}
                    label={t('sync.username')}
                    autoComplete="username"
                    spellCheck={false}
                    value={values.username}
                    error={
                      problem.username ? (usernameProblem ?? t('sync.usernameProblem')) : undefined
                    }
                    onChange={(e) => set({ username: e.target.value })}
                  />
                  <TextField
                    id={`${id}-password`}
                    label={t('sync.passwordLabel')}
                    hint={t('sync.passwordHint')}
                    type="password"
                    autoComplete="current-password"
                    value={values.password}
                    onChange={(e) => set({ password: e.target.value })}
                  />
                </div>
              )}
              {values.signIn === 'token' && kind === 'token' && (
                <div className="nhsuk-radios__conditional">
                  <TextField
                    id={`${id}-token`}
                    label={t('sync.tokenLabel')}
                    hint={t('sync.tokenHint')}
                    type="password"
                    autoComplete="off"
                    spellCheck={false}
                    value={values.token}
                    error={problem.token ? t('sync.tokenProblem') : undefined}
                    onChange={(e) => set({ token: e.target.value })}
                  />
                </div>
              )}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
