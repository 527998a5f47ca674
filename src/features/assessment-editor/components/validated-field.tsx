import { useCallback, useId } from 'react';
import { TextField } from '@/components/form-field';
import type { FieldProblem } from '@/domain/assessment';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import type { EditTarget } from '@/storage/edits';

type ValidatedFieldProps = {
  label: string;
  hint?: string;
  /** The field this input saves to. */
  target: EditTarget;
  value: string;
  /** The stamp of `value` (see useAutosavedText). */
  valueAt: number | undefined;
  type?: 'text' | 'date';
  max?: number;
  check: (value: string) => FieldProblem | null;
};

/**
 * A text field that saves valid values as they are typed. While the typed value is invalid it
 * stays on screen with a message, and the last valid value stays stored.
 */
export function ValidatedField({
  label,
  hint,
  target,
  value,
  valueAt,
  type = 'text',
  max,
  check,
}: ValidatedFieldProps) {
  const id = useId();
  const accept = useCallback((next: string) => check(next) === null, [check]);
  const [shown, onChange] = useAutosavedText(target, value, valueAt, accept);
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      problem={check(shown)}
      max={max}
      type={type}
      value={shown}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
