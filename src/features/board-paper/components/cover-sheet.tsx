import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField, TextField } from '@/components/form-field';
import {
  COVER_FIELDS,
  COVER_LIMITS,
  PURPOSES,
  SESSIONS,
  EMPTY_COVER_SHEET,
  blankCoverFields,
  coverSheetRows,
  type CoverDefaults,
  type CoverField,
  type CoverRow,
  type CoverSheetValues,
} from '@/domain/report/cover-sheet';
import { systemKey } from '@/domain/system-key';
import { useFormDraft } from '@/hooks/use-form-draft';
import { coverRowText } from '../lib/labels';

/**
 * The paper's cover sheet: the table as it prints, and the form that fills it. It holds what was
 * typed itself (remembered per system through a form draft, so the next assessment's paper starts
 * from it), so typing here re-renders the cover sheet alone, not the whole paper; the downloads
 * read the latest values from `valuesRef`.
 */
export function CoverSheetSection({
  systemName,
  defaults,
  valuesRef,
}: {
  systemName: string;
  defaults: CoverDefaults;
  valuesRef: RefObject<CoverSheetValues>;
}) {
  const { t } = useTranslation('board-paper');
  const [values, setValues] = useFormDraft(
    `cover-sheet:${systemKey(systemName)}`,
    EMPTY_COVER_SHEET,
  );
  useEffect(() => {
    valuesRef.current = values;
  }, [values, valuesRef]);
  return (
    <section className="paper-cover-section" aria-labelledby="paper-cover-heading">
      <h2 id="paper-cover-heading">{t('cover.heading')}</h2>
      <CoverSheetTable rows={coverSheetRows(values, defaults)} />
      <CoverSheetForm values={values} onChange={setValues} defaults={defaults} />
    </section>
  );
}

/**
 * The cover sheet as the paper prints it: a two-column table of field and value, the first
 * thing in the print view (and the first page of both PDFs).
 */
export function CoverSheetTable({ rows }: { rows: readonly CoverRow[] }) {
  const { t } = useTranslation('board-paper');
  return (
    <table className="nhsuk-table paper-cover" data-testid="cover-sheet">
      <tbody>
        {rows.map((row) => {
          const lines = coverRowText(row, t);
          return (
            <tr key={row.field} className={row.value === null ? 'paper-cover__blank' : undefined}>
              <th scope="row">{t(`cover.fields.${row.field}`)}</th>
              <td>
                {row.kind === 'lines' && row.value !== null ? (
                  <ol>
                    {lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                ) : (
                  lines[0]
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type FormProps = {
  values: CoverSheetValues;
  onChange: (values: CoverSheetValues) => void;
  /** The assessment's title and generated headline, used when those fields are left blank. */
  defaults: { paperTitle: string; executiveSummary: string };
};

const PEOPLE_FIELDS = ['reportFrom', 'author'] as const;
// The implications a board checks, from the strategic objectives to the end: long text each.
const LONG_FIELDS = COVER_FIELDS.slice(COVER_FIELDS.indexOf('strategicObjectives'));

/**
 * The cover sheet's fields, saved as they are typed (through the form draft the screen holds),
 * inside a details element so the paper stays the page's main content. The summary line says
 * how many fields are still blank.
 */
export function CoverSheetForm({ values, onChange, defaults }: FormProps) {
  const { t } = useTranslation('board-paper');
  const blank = blankCoverFields(values).length;
  const set = (field: CoverField) => (value: string) =>
    onChange({ ...values, [field]: value.slice(0, COVER_LIMITS[field]) });
  const id = (field: CoverField) => `cover-${field}`;

  const text = (field: CoverField, hint?: string) => (
    <TextField
      key={field}
      id={id(field)}
      label={t(`cover.fields.${field}`)}
      hint={hint}
      value={values[field]}
      maxLength={COVER_LIMITS[field]}
      autoComplete="off"
      spellCheck={field !== 'agendaItem'}
      onChange={(e) => set(field)(e.target.value)}
    />
  );
  const textarea = (field: CoverField, hint?: string, rows = 3) => (
    <TextareaField
      key={field}
      id={id(field)}
      label={t(`cover.fields.${field}`)}
      hint={hint}
      rows={rows}
      value={values[field]}
      maxLength={COVER_LIMITS[field]}
      onChange={(e) => set(field)(e.target.value)}
    />
  );
  const radios = <T extends string>(field: CoverField, legend: string, options: readonly T[]) => (
    <div className="nhsuk-form-group" key={field}>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-radios nhsuk-radios--inline">
          {options.map((option) => (
            <div className="nhsuk-radios__item" key={option}>
              <input
                className="nhsuk-radios__input"
                id={`${id(field)}-${option}`}
                type="radio"
                name={id(field)}
                value={option}
                checked={values[field] === option}
                onChange={() => set(field)(option)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id(field)}-${option}`}>
                {t(`cover.${field === 'session' ? 'sessions' : 'purposes'}.${option}` as const)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );

  return (
    <details className="nhsuk-details paper-cover-form no-print">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {t('cover.edit')}
          {' – '}
          {blank > 0 ? t('cover.blank', { count: blank }) : t('cover.allFilled')}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <p>{t('cover.intro')}</p>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            {t('cover.meetingLegend')}
          </legend>
          {text('board', t('cover.hints.board'))}
          <TextField
            id={id('meetingDate')}
            type="date"
            label={t('cover.fields.meetingDate')}
            hint={t('cover.hints.meetingDate')}
            value={values.meetingDate}
            onChange={(e) => set('meetingDate')(e.target.value)}
          />
          {text('agendaItem', t('cover.hints.agendaItem'))}
          {radios('session', t('cover.sessionLegend'), SESSIONS)}
        </fieldset>
        {text('paperTitle', t('cover.hints.paperTitle', { title: defaults.paperTitle }))}
        {PEOPLE_FIELDS.map((f) => text(f))}
        {radios('purpose', t('cover.purposeLegend'), PURPOSES)}
        {textarea(
          'executiveSummary',
          t('cover.hints.executiveSummary', { headline: defaults.executiveSummary }),
          5,
        )}
        {textarea('recommendations', t('cover.hints.recommendations'), 4)}
        {LONG_FIELDS.map((f) => textarea(f))}
      </div>
    </details>
  );
}
