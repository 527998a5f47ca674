import { Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '@/components/back-link';
import { routes } from '@/config/routes';
import {
  checkIsoDate,
  checkSystemName,
  checkTitle,
  LIMITS,
  type Rating,
} from '@/domain/assessment';
import { ratingChangeNeedsConfirmation } from '@/domain/assessment-status';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { useFramework } from '@/hooks/use-framework';
import { usePageTitle } from '@/hooks/use-page-title';
import { assessmentStatusText } from '@/lib/assessment-status-text';
import { Link } from '@/lib/router';
import type { RatingScalarField } from '@/storage/edits';
import { returnAssessmentToDraft } from '@/storage/repositories/assessments-repo';
import { reportingWrite } from '@/storage/write-report';
import { useEditableAssessment, useStoredAssessment } from '../hooks/use-editable-assessment';
import type { AssessmentRecord } from '@/storage/schema';
import { CriterionCard } from './criterion-card';
import { RatingChangeWarning } from './rating-change-warning';
import { SaveStatus } from './save-status';
import { ValidatedField } from './validated-field';

const DETAILS_STEP = 'details';

export function EditorScreen({
  assessmentId,
  step,
}: {
  assessmentId: string;
  step: string | null;
}) {
  const { t } = useTranslation('editor');
  const stored = useStoredAssessment(assessmentId);
  if (stored === undefined) return <p>{t('loading')}</p>;
  if (stored === null) {
    return (
      <>
        <h1>{t('missing.heading')}</h1>
        <p>
          <Link href={routes.assessments.href()}>{t('missing.back')}</Link>
        </p>
      </>
    );
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedEditor stored={stored} step={step ?? DETAILS_STEP} />
    </Suspense>
  );
}

function LoadedEditor({ stored, step }: { stored: AssessmentRecord; step: string }) {
  const framework = useFramework(stored.frameworkId, stored.frameworkVersion);
  return <Editor stored={stored} framework={framework} step={step} />;
}

function Editor({
  stored,
  framework,
  step,
}: {
  stored: AssessmentRecord;
  framework: Framework;
  step: string;
}) {
  const { t } = useTranslation('editor');
  const { t: tCommon } = useTranslation('common');
  const { assessment, ratings, setRatingField } = useEditableAssessment(stored, framework);
  const { pending, onRatingChange, confirmChange, cancelChange } = useConfirmedRatingChange(
    stored,
    setRatingField,
  );
  const steps = [DETAILS_STEP, ...framework.characteristics.map((c) => c.id)];
  const current = steps.includes(step) ? step : DETAILS_STEP;
  const index = steps.indexOf(current);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  const characteristicIndex = framework.characteristics.findIndex((c) => c.id === current);
  const characteristic = framework.characteristics[characteristicIndex];
  const levelTitles = useMemo(
    () =>
      Object.fromEntries(framework.levels.map((l) => [l.id, l.title])) as Record<LevelId, string>,
    [framework],
  );
  const total = ratings.size;
  const assessed = [...ratings.values()].filter((r) => r.level !== null).length;

  const stepLabel = (id: string): string =>
    id === DETAILS_STEP
      ? t('steps.details')
      : (framework.characteristics.find((c) => c.id === id)?.title ?? id);
  // Each step has its own title; the shell moves focus to the heading when the step changes.
  usePageTitle([stepLabel(current), assessment.title]);

  const stepCount = (id: string): string | null => {
    const c = framework.characteristics.find((x) => x.id === id);
    if (!c) return null;
    const done = c.criteria.filter((cr) => ratings.get(cr.id)?.level != null).length;
    return t('steps.count', { done, total: c.criteria.length });
  };

  return (
    <>
      <BackLink href={routes.assessments.href()} to="assessments" />
      <div className="editor-header">
        <div>
          <p className="caption">{assessment.systemName}</p>
          <h1 tabIndex={-1}>{assessment.title}</h1>
        </div>
        <div className="editor-header__status">
          <SaveStatus />
          <p className="editor-status" data-testid="editor-status">
            {t('status', { status: assessmentStatusText(stored.status, tCommon) })}
          </p>
          <p className="progress-text">{t('progress', { assessed, total })}</p>
          <progress max={total} value={assessed} aria-label={t('progressLabel')} />
        </div>
      </div>
      <nav aria-label={t('steps.label')} className="steps">
        <ol>
          {steps.map((id, i) => (
            <li key={id}>
              <Link
                href={routes.editor.href(stored.id, id)}
                aria-current={id === current ? 'step' : undefined}
              >
                <span className="steps__number">{i === 0 ? '' : `${i}.`}</span> {stepLabel(id)}
                {stepCount(id) && <span className="steps__count"> ({stepCount(id)})</span>}
              </Link>
            </li>
          ))}
          <li>
            <Link href={routes.results.href(stored.id)}>{t('steps.results')}</Link>
          </li>
        </ol>
      </nav>
      {current === DETAILS_STEP || !characteristic ? (
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t('details.heading')}</h2>
          <ValidatedField
            label={t('details.systemName')}
            target={{ kind: 'assessment', assessmentId: stored.id, field: 'systemName' }}
            value={assessment.systemName}
            valueAt={assessment.stamps.systemName}
            max={LIMITS.systemName}
            check={checkSystemName}
          />
          <ValidatedField
            label={t('details.title')}
            target={{ kind: 'assessment', assessmentId: stored.id, field: 'title' }}
            value={assessment.title}
            valueAt={assessment.stamps.title}
            max={LIMITS.title}
            check={checkTitle}
          />
          <ValidatedField
            label={t('details.asAt')}
            hint={t('details.asAtHint')}
            type="date"
            target={{ kind: 'assessment', assessmentId: stored.id, field: 'asAt' }}
            value={assessment.asAt}
            valueAt={assessment.stamps.asAt}
            check={checkIsoDate}
          />
          <p className="nhsuk-hint">
            {t('details.framework', { title: framework.title, version: framework.version })}
            <br />
            {framework.attribution}
          </p>
          <h3>{t('details.levelsHeading')}</h3>
          <dl className="level-definitions">
            {LEVEL_IDS.map((level) => {
              const def = framework.levels.find((l) => l.id === level);
              return (
                <div key={level}>
                  <dt>{def?.title}</dt>
                  <dd>{def?.description}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ) : (
        <section aria-labelledby="characteristic-heading">
          <h2 id="characteristic-heading">
            {characteristicIndex + 1}. {characteristic.title}
          </h2>
          <p className="nhsuk-body-l">{characteristic.summary}</p>
          {characteristic.criteria.map((criterion, i) => {
            const rating = ratings.get(criterion.id);
            return rating ? (
              <CriterionCard
                key={criterion.id}
                code={`${characteristicIndex + 1}.${i + 1}`}
                criterion={criterion}
                rating={rating}
                levelTitles={levelTitles}
                onChange={onRatingChange}
                confirmation={
                  pending?.criterionId === criterion.id ? (
                    <>
                      <RatingChangeWarning
                        status={stored.status}
                        levelTitle={
                          pending.level ? levelTitles[pending.level] : t('criterion.notAssessed')
                        }
                        onConfirm={() => void confirmChange()}
                        onCancel={cancelChange}
                        disabled={pending.saving}
                      />
                      {pending.failed && (
                        <p role="alert" className="nhsuk-error-message">
                          {t('statusChange.failed')}
                        </p>
                      )}
                    </>
                  ) : null
                }
              />
            ) : null;
          })}
        </section>
      )}
      <nav aria-label={t('pager.label')} className="pager">
        {previous && (
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={routes.editor.href(stored.id, previous)}
          >
            {t('pager.previous', { step: stepLabel(previous) })}
          </Link>
        )}
        {next ? (
          <Link className="nhsuk-button" href={routes.editor.href(stored.id, next)}>
            {t('pager.next', { step: stepLabel(next) })}
          </Link>
        ) : (
          <Link className="nhsuk-button" href={routes.results.href(stored.id)}>
            {t('pager.results')}
          </Link>
        )}
      </nav>
    </>
  );
}

type PendingChange = {
  criterionId: string;
  level: LevelId | null;
  saving: boolean;
  failed: boolean;
};

/**
 * A level chosen on an agreed or approved assessment waits for the person to confirm; confirmed,
 * the assessment returns to draft (recorded, naming the criterion) and then the level is saved.
 * Anything else is saved at once, as typed.
 */
function useConfirmedRatingChange(
  stored: AssessmentRecord,
  setRatingField: <F extends RatingScalarField>(
    criterionId: string,
    field: F,
    value: Rating[F],
  ) => void,
) {
  const [pending, setPending] = useState<PendingChange | null>(null);
  const needsConfirmation = ratingChangeNeedsConfirmation(stored.status);

  const onRatingChange = useCallback(
    <F extends RatingScalarField>(criterionId: string, field: F, value: Rating[F]) => {
      if (field === 'level' && needsConfirmation) {
        const level = value as LevelId | null;
        setPending({ criterionId, level, saving: false, failed: false });
        return;
      }
      setRatingField(criterionId, field, value);
    },
    [needsConfirmation, setRatingField],
  );

  const focusLevels = (criterionId: string): void => {
    const card = document.querySelector(`[data-criterion="${CSS.escape(criterionId)}"]`);
    const radio =
      card?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      card?.querySelector<HTMLInputElement>('input[type="radio"]');
    radio?.focus();
  };

  const confirmChange = async (): Promise<void> => {
    if (!pending) return;
    const { criterionId, level } = pending;
    setPending({ ...pending, saving: true, failed: false });
    let ok: boolean;
    try {
      const result = await reportingWrite(
        returnAssessmentToDraft(stored.id, 'rating-changed', criterionId),
      );
      ok = result.ok;
    } catch {
      ok = false;
    }
    if (!ok) {
      setPending({ ...pending, saving: false, failed: true });
      return;
    }
    setRatingField(criterionId, 'level', level);
    setPending(null);
    requestAnimationFrame(() => focusLevels(criterionId));
  };

  const cancelChange = (): void => {
    if (!pending) return;
    const { criterionId } = pending;
    setPending(null);
    requestAnimationFrame(() => focusLevels(criterionId));
  };

  return { pending, onRatingChange, confirmChange, cancelChange };
}
