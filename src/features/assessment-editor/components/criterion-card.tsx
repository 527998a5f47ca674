import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '@/components/form-field';
import { CONFIDENCE_IDS, LEVEL_IDS, type Confidence, type LevelId } from '@/domain/levels';
import { countEvidence, LIMITS, type Rating } from '@/domain/assessment';
import type { Criterion } from '@/domain/framework/schema';
import { isUnevidenced } from '@/domain/scoring/score-assessment';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import type { RatingScalarField } from '@/storage/edits';
import type { EditableRating } from '../lib/merge-pending';
import { EvidenceList } from './evidence-list';

type CriterionCardProps = {
  code: string;
  criterion: Criterion;
  rating: EditableRating;
  levelTitles: Record<LevelId, string>;
  /** Level and confidence; text fields save as typed through useAutosavedText. */
  onChange: <F extends RatingScalarField>(criterionId: string, field: F, value: Rating[F]) => void;
  /** A question about the level just chosen (shown under the levels), if any. */
  confirmation?: ReactNode;
};

const NOT_ASSESSED = 'not-assessed';

/** One criterion: the four descriptors as choosable cards (a native radio group), then the detail. */
export const CriterionCard = memo(function CriterionCard({
  code,
  criterion,
  rating,
  levelTitles,
  onChange,
  confirmation,
}: CriterionCardProps) {
  const { t } = useTranslation('editor');
  const id = useId();
  const groupName = `level-${id}`;
  const [rationale, setRationale] = useAutosavedText(
    {
      kind: 'rating',
      assessmentId: rating.assessmentId,
      criterionId: criterion.id,
      field: 'rationale',
    },
    rating.rationale,
    rating.stamps.rationale,
  );
  const flagged = isUnevidenced({
    level: rating.level,
    evidenceCount: countEvidence(rating.evidence),
  });

  const setLevel = (value: string): void =>
    onChange(criterion.id, 'level', value === NOT_ASSESSED ? null : (value as LevelId));

  return (
    <section
      className="criterion card"
      aria-labelledby={`${id}-title`}
      data-criterion={criterion.id}
    >
      <h3 id={`${id}-title`} className="criterion__title">
        <span className="criterion__code">{code}</span> {criterion.title}
      </h3>
      <fieldset className="level-cards">
        <legend className="nhsuk-u-visually-hidden">
          {t('criterion.levelLegend', { title: criterion.title })}
        </legend>
        {LEVEL_IDS.map((level) => (
          <label key={level} className={`level-card level-card--${level}`}>
            <input
              type="radio"
              name={groupName}
              value={level}
              checked={rating.level === level}
              onChange={(e) => setLevel(e.target.value)}
            />
            <span className="level-card__title">{levelTitles[level]}</span>
            <span className="level-card__text">{criterion.descriptors[level]}</span>
          </label>
        ))}
        <label className="level-card level-card--none">
          <input
            type="radio"
            name={groupName}
            value={NOT_ASSESSED}
            checked={rating.level === null}
            onChange={(e) => setLevel(e.target.value)}
          />
          <span className="level-card__title">{t('criterion.notAssessed')}</span>
          <span className="level-card__text">{t('criterion.notAssessedHint')}</span>
        </label>
      </fieldset>
      {confirmation}
      {flagged && (
        <p className="flag flag--warning" id={`${id}-flag`}>
          {t('criterion.unevidenced')}
        </p>
      )}
      <TextareaField
        id={`${id}-rationale`}
        label={t('criterion.rationale')}
        rows={3}
        maxLength={LIMITS.rationale}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <EvidenceList criterionTitle={criterion.title} prompts={criterion.evidence} rating={rating} />
      <fieldset className="nhsuk-form-group inline-radios">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {t('criterion.confidence')}
        </legend>
        {[...CONFIDENCE_IDS, null].map((value) => (
          <label key={value ?? 'none'} className="inline-radio">
            <input
              type="radio"
              name={`confidence-${id}`}
              checked={rating.confidence === value}
              onChange={() => onChange(criterion.id, 'confidence', value as Confidence | null)}
            />
            {t(`confidence.${value ?? 'none'}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
});
