import { useId, useState } from 'react';
import { FieldError } from '@/components/field-error';
import type { FieldProblem } from '@/domain/assessment';

type ValidatedFieldProps = {
  label: string;
  hint?: string;
  value: string;
  type?: 'text' | 'date';
  max?: number;
  check: (value: string) => FieldProblem | null;
  onValid: (value: string) => void;
};

/**
 * A text field that only saves valid values. While the typed value is invalid it stays on screen
 * with a message, and the last valid value stays stored.
 */
export function ValidatedField({
  label,
  hint,
  value,
  type = 'text',
  max,
  check,
  onValid,
}: ValidatedFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const problem = draft === null ? null : check(draft);
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} problem={problem} max={max} />
      <input
        id={id}
        type={type}
        value={shown}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const next = e.target.value;
          if (check(next) === null) {
            setDraft(null);
            onValid(next);
          } else {
            setDraft(next);
          }
        }}
      />
    </div>
  );
}
