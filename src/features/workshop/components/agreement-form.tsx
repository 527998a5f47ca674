import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { SelectField, TextareaField } from '@/components/form-field';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import { saveQueue } from '@/storage/autosave';
import { recordAgreement } from '@/storage/repositories/workshops-repo';
import type { AgreementRecord } from '@/storage/schema';
import { reportingWrite } from '@/storage/write-report';

/**
 * The room's agreed level for one criterion, with its rationale and any dissent. The level starts
 * on "Choose a level" until one is agreed: a suggested level (the median) would anchor the room. Rationale and
 * dissent are kept as they are typed (on the workshop's record, before a level is agreed too);
 * recording the level makes it, with its rationale, the assessment's rating. It takes the spread's
 * `t`: the reveal mounts 24 of these at once, and each translation hook costs on mounting.
 */
export function AgreementForm({
  workshopId,
  criterionId,
  criterionTitle,
  current,
  levelTitle,
  round = 1,
  t,
}: {
  workshopId: string;
  criterionId: string;
  criterionTitle: string;
  current:
    Pick<AgreementRecord, 'level' | 'rationale' | 'dissent' | 'stamps' | 'round'> | undefined;
  levelTitle: (level: LevelId) => string;
  /** The round a level agreed now comes from (domain/workshop/rounds.ts, agreementRound). */
  round?: 1 | 2;
  t: TFunction<'workshop'>;
}) {
  const id = useId();
  const [level, setLevel] = useState<LevelId | ''>(current?.level ?? '');
  const [isMissing, setMissing] = useState(false);
  const target = { kind: 'agreement', workshopId, criterionId } as const;
  const [rationale, setRationale] = useAutosavedText(
    { ...target, field: 'rationale' },
    current?.rationale ?? '',
    current?.stamps?.rationale ?? 0,
  );
  const [dissent, setDissent] = useAutosavedText(
    { ...target, field: 'dissent' },
    current?.dissent ?? '',
    current?.stamps?.dissent ?? 0,
  );
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!level) {
      setMissing(true);
      setState('idle');
      document.getElementById(`${id}-level`)?.focus();
      return;
    }
    setMissing(false);
    try {
      // What was typed is written first, so the recorded agreement and the notes agree.
      await saveQueue.flush();
      await reportingWrite(
        recordAgreement(workshopId, { criterionId, level, rationale, dissent, round }),
      );
      setState('saved');
    } catch {
      setState('failed');
    }
  };
  const forCriterion = (
    <span className="nhsuk-u-visually-hidden">
      {t('agree.forCriterion', { title: criterionTitle })}
    </span>
  );
  return (
    <form onSubmit={(e) => void submit(e)} className="agreement" noValidate>
      <SelectField
        id={`${id}-level`}
        label={t('agree.level', { title: criterionTitle })}
        error={isMissing ? t('agree.missing') : null}
        value={level}
        onChange={(e) => {
          setLevel(e.target.value as LevelId | '');
          if (e.target.value) setMissing(false);
        }}
      >
        <option value="">{t('agree.choose')}</option>
        {LEVEL_IDS.map((l) => (
          <option key={l} value={l}>
            {levelTitle(l)}
          </option>
        ))}
      </SelectField>
      {current?.level && current.round === 2 && (
        <p className="nhsuk-hint" data-testid="agreed-round">
          {t('rounds.agreedFromRound2', { level: levelTitle(current.level) })}
        </p>
      )}
      {/* 24 of these on one page: each name says which criterion it is for. */}
      <TextareaField
        id={`${id}-rationale`}
        label={
          <>
            {t('agree.rationale')} {forCriterion}
          </>
        }
        rows={2}
        maxLength={5_000}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <TextareaField
        id={`${id}-dissent`}
        label={
          <>
            {t('agree.dissent')} {forCriterion}
          </>
        }
        rows={2}
        maxLength={5_000}
        value={dissent}
        onChange={(e) => setDissent(e.target.value)}
      />
      <button type="submit" className="nhsuk-button">
        {t('agree.record', { title: criterionTitle })}
      </button>
      <div role="status">
        {state === 'saved' && <p>{t('agree.saved')}</p>}
        {state === 'failed' && <p className="nhsuk-error-message">{t('agree.failed')}</p>}
      </div>
    </form>
  );
}
