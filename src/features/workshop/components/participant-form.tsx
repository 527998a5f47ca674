import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { SECTORS, type Participant, type Sector } from '@/domain/workshop/participants';

const MAX_LENGTH = 120;

/**
 * Name (or anonymous label), organisation and sector of one participant, checked before saving.
 * Used by the facilitator to add someone or change their details, and by a participant joining on
 * their own device.
 */
export function ParticipantForm({
  heading,
  submitLabel,
  onSubmit,
  children,
  className,
  isSelf = false,
  initial,
}: {
  heading?: ReactNode;
  submitLabel: string;
  /** Rejects when the participant could not be saved; the form then says so and keeps its values. */
  onSubmit: (participant: Omit<Participant, 'id'>) => Promise<void>;
  /** More buttons beside the submit button. */
  children?: ReactNode;
  className?: string;
  /** The person is entering their own details (joining on their own device): autofill helps. */
  isSelf?: boolean;
  /** The details to start from (changing a participant's details); blank when absent. */
  initial?: Omit<Participant, 'id'>;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [label, setLabel] = useState(initial?.label ?? '');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [sector, setSector] = useState<Sector>(initial?.sector ?? 'commissioner');
  const [problem, setProblem] = useState<'label' | 'save' | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (label.trim() === '' || label.length > MAX_LENGTH || organisation.length > MAX_LENGTH) {
      setProblem('label');
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    try {
      await onSubmit({ label: label.trim(), organisation: organisation.trim(), sector });
      setProblem(null);
      setLabel('');
      setOrganisation('');
    } catch {
      setProblem('save');
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className={className}>
      {heading}
      {problem === 'save' && (
        <p role="alert" className="nhsuk-error-message">
          {t('participants.saveFailed')}
        </p>
      )}
      <TextField
        id={`${id}-label`}
        label={t('participants.label')}
        hint={t('participants.labelHint')}
        error={problem === 'label' && t('participants.labelProblem')}
        autoComplete={isSelf ? 'name' : 'off'}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <TextField
        id={`${id}-organisation`}
        label={t('participants.organisation')}
        autoComplete={isSelf ? 'organization' : 'off'}
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-sector`}>
          {t('participants.sector')}
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-sector`}
          value={sector}
          onChange={(e) => setSector(e.target.value as Sector)}
        >
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sectors.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
