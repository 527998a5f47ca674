import type { ComponentProps, ReactNode } from 'react';
import type { FieldProblem } from '@/domain/assessment';
import { FieldError } from './field-error';

/**
 * NHS.UK form fields: a labelled control in its form group, with an optional hint and error
 * message that the control is described by (and marked invalid with). The control's id is `id`;
 * its hint's and message's are `<id>-hint` and `<id>-error`. A control's own `aria-describedby`
 * or `aria-invalid` (for a message shown elsewhere on the form) replaces the field's.
 */
type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** What the domain's check found wrong; `max` is the limit a 'tooLong' names. */
  problem?: FieldProblem | null;
  max?: number;
  /** Or a message of the form's own. */
  error?: ReactNode;
};

function FieldGroup({
  id,
  label,
  hint,
  problem = null,
  max,
  error,
  isInvalid = false,
  children,
}: FieldProps & { isInvalid?: boolean; children: ReactNode }) {
  return (
    <div className={`nhsuk-form-group${isInvalid ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} problem={problem} max={max} message={error} />
      {children}
    </div>
  );
}

/** The control's aria attributes for its hint and message. */
function described({ id, hint, problem, error }: FieldProps) {
  const invalid = Boolean(problem || error);
  return {
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') ||
      undefined,
  };
}

type Own<Element extends 'input' | 'textarea' | 'select'> = Omit<
  ComponentProps<Element>,
  'id' | 'className'
>;

/** A field's own props, and the rest for its control. */
function split<Props extends FieldProps>({
  id,
  label,
  hint,
  problem,
  max,
  error,
  ...control
}: Props) {
  return [{ id, label, hint, problem, max, error }, control] as const;
}

/** A text input (also date, URL, password). */
export function TextField(props: FieldProps & Own<'input'>) {
  const [field, input] = split(props);
  return (
    <FieldGroup {...field}>
      <input className="nhsuk-input" id={field.id} {...described(field)} {...input} />
    </FieldGroup>
  );
}

/** A textarea. */
export function TextareaField(props: FieldProps & Own<'textarea'>) {
  const [field, textarea] = split(props);
  return (
    <FieldGroup {...field}>
      <textarea className="nhsuk-textarea" id={field.id} {...described(field)} {...textarea} />
    </FieldGroup>
  );
}

/** A select, its options as children; marked in error as NHS.UK marks one (group and control). */
export function SelectField(props: FieldProps & Own<'select'>) {
  const [field, select] = split(props);
  const isInvalid = Boolean(field.problem || field.error);
  return (
    <FieldGroup {...field} isInvalid={isInvalid}>
      <select
        className={`nhsuk-select${isInvalid ? ' nhsuk-select--error' : ''}`}
        id={field.id}
        {...described(field)}
        {...select}
      />
    </FieldGroup>
  );
}

/**
 * A chooser for the app's own JSON files (backups, workshop invitations, response files). The
 * files chosen are passed on and the input is emptied, so choosing the same file again is seen.
 */
export function JsonFileField({
  onFiles,
  ...props
}: FieldProps &
  Omit<Own<'input'>, 'type' | 'accept' | 'value' | 'onChange'> & {
    onFiles: (files: File[]) => void;
  }) {
  const [field, input] = split(props);
  return (
    <FieldGroup {...field}>
      <input
        className="app-file-input"
        id={field.id}
        type="file"
        accept=".json,application/json"
        {...described(field)}
        {...input}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
    </FieldGroup>
  );
}
