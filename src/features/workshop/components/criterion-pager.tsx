import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';

/** One criterion as the pager needs it: what the participant chose, as words, or null. */
export type PagerItem = { id: string; title: string; choice: string | null };

/**
 * A participant's criteria one at a time, on a phone (issue 12, item 7): the criterion, a progress
 * line ("Criterion 3 of 9 · 2 rated", announced), Previous and Next, a jump to an unrated
 * criterion or to the review, and at the end a review of every criterion with its choice (the
 * unrated ones flagged) before `end` (the save, send or finish buttons). Focus moves to the new
 * criterion's heading (its id is `headingId(index)`).
 *
 * Every criterion stays rendered, the others `hidden`, so nothing chosen or typed is lost when
 * moving between them or when the viewport changes: with `isPaged` false (a wider screen) the
 * same blocks are all shown, then `end`, as before. Where the participant is, is kept across
 * that change.
 */
export function CriterionPager({
  items,
  isPaged,
  headingLevel,
  lead,
  renderItem,
  end,
}: {
  items: readonly PagerItem[];
  isPaged: boolean;
  /** The level of each criterion's heading and of the review's. */
  headingLevel: 2 | 3;
  /** What to do, above the criteria; on a phone only above the first, to keep Next in reach. */
  lead: ReactNode;
  renderItem: (item: PagerItem, headingId: string) => ReactNode;
  end: ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const focusAfter = useFocusAfter();
  const total = items.length;
  const done = items.filter((item) => item.choice !== null).length;
  // A participant coming back starts at their first unrated criterion, or the review.
  const [page, setPage] = useState(() => {
    const first = items.findIndex((item) => item.choice === null);
    return first === -1 ? total : first;
  });
  const current = Math.min(page, total);
  const isReview = current === total;
  const headingId = (index: number): string => `${id}-criterion-${index}`;
  const reviewId = `${id}-review`;
  const go = (next: number): void => {
    setPage(next);
    focusAfter(byId(next === total ? reviewId : headingId(next)));
  };
  // The next unrated criterion after this one, going round to the start.
  const unrated = [...items.keys()]
    .map((offset) => (current + 1 + offset) % total)
    .find((index) => index !== current && items[index]!.choice === null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <>
      {(!isPaged || current === 0) && lead}
      {isPaged ? (
        <p className="pager__progress" aria-live="polite">
          {isReview
            ? t('participants.rated', { done, total })
            : t('paging.progress', { current: current + 1, total, done })}
        </p>
      ) : (
        <p className="nhsuk-hint" aria-live="polite">
          {t('participants.rated', { done, total })}
        </p>
      )}
      {items.map((item, index) => (
        <div key={item.id} hidden={isPaged && index !== current}>
          {renderItem(item, headingId(index))}
        </div>
      ))}
      {isPaged && !isReview && (
        <>
          <nav className="pager__nav" aria-label={t('paging.nav')}>
            {current > 0 ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => go(current - 1)}
              >
                {t('paging.previous')}
              </button>
            ) : (
              <span />
            )}
            <button type="button" className="nhsuk-button" onClick={() => go(current + 1)}>
              {current === total - 1 ? t('paging.toReview') : t('paging.next')}
            </button>
          </nav>
          <p className="pager__jumps">
            {unrated !== undefined && (
              <button type="button" className="app-button-link" onClick={() => go(unrated)}>
                {t('paging.toUnrated')}
              </button>
            )}
            {current < total - 1 && (
              <button type="button" className="app-button-link" onClick={() => go(total)}>
                {t('paging.toReview')}
              </button>
            )}
          </p>
        </>
      )}
      {isPaged && isReview && (
        <section className="card" aria-labelledby={reviewId}>
          <Heading id={reviewId} tabIndex={-1}>
            {t('paging.reviewHeading')}
          </Heading>
          {done < total && (
            <p className="nhsuk-inset-text">
              {t('paging.unratedWarning', { count: total - done })}
            </p>
          )}
          <dl className="nhsuk-summary-list pager__review">
            {items.map((item, index) => (
              <div key={item.id} className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">{item.title}</dt>
                <dd className="nhsuk-summary-list__value">
                  {item.choice ?? (
                    <strong className="nhsuk-tag nhsuk-tag--orange">{t('paging.notRated')}</strong>
                  )}
                </dd>
                <dd className="nhsuk-summary-list__actions">
                  <button type="button" className="app-button-link" onClick={() => go(index)}>
                    {t('paging.change')}{' '}
                    <span className="nhsuk-u-visually-hidden">{item.title}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => go(total - 1)}
          >
            {t('paging.backToLast')}
          </button>
        </section>
      )}
      {(!isPaged || isReview) && end}
    </>
  );
}
