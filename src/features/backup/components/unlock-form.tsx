import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';

/** The password prompt for a protected backup; says so when the last password did not open it. */
export function UnlockForm({
  fileName,
  problem,
  onUnlock,
}: {
  fileName: string;
  problem: 'wrong-password' | null;
  onUnlock: (password: string) => void;
}) {
  const { t } = useTranslation('backup');
  const id = useId();
  const [password, setPassword] = useState('');
  return (
    <form
      className="banner"
      data-testid="restore-locked"
      onSubmit={(e) => {
        e.preventDefault();
        onUnlock(password);
      }}
    >
      <p>{t('restore.locked', { file: fileName })}</p>
      {problem === 'wrong-password' && (
        <p role="alert" className="nhsuk-error-message" id={`${id}-unlock-error`}>
          {t('restore.wrongPassword')}
        </p>
      )}
      {/* The message above is an alert, so its own aria attributes point to it. */}
      <TextField
        id={`${id}-unlock`}
        label={t('restore.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-unlock-error` : undefined}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="nhsuk-button">
        {t('restore.unlock')}
      </button>
    </form>
  );
}
