import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '@/components/scroll-region';
import type { LevelId } from '@/domain/levels';
import { formatIsoDate } from '@/lib/format';
import { getWorkshopData, listWorkshops } from '@/storage/repositories/workshops-repo';

/**
 * The levels the assessment's workshops agreed, criterion by criterion, and the round each came
 * from (issue 12: "agreed in round 2" for a level agreed from a re-vote). Nothing when no workshop
 * has agreed a level.
 */
export function WorkshopAgreements({
  assessmentId,
  criterionIds,
  criterionTitle,
  levelTitle,
}: {
  assessmentId: string;
  /** The framework's criteria, in order. */
  criterionIds: readonly string[];
  criterionTitle: (id: string) => string;
  levelTitle: (id: LevelId) => string;
}) {
  const { t } = useTranslation('results');
  const workshops = useLiveQuery(async () => {
    const list = await listWorkshops(assessmentId);
    return Promise.all(list.map((w) => getWorkshopData(w.id)));
  }, [assessmentId]);
  const agreed = (workshops ?? []).flatMap((data) => {
    if (!data) return [];
    const order = new Map(criterionIds.map((id, index) => [id, index]));
    const rows = data.agreements
      .filter((a) => a.level !== null)
      .sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
    return rows.length > 0 ? [{ workshop: data.workshop, rows }] : [];
  });
  if (agreed.length === 0) return null;
  return (
    <section aria-labelledby="workshop-agreements-heading" data-testid="workshop-agreements">
      <h2 id="workshop-agreements-heading">{t('workshopAgreements.heading')}</h2>
      {agreed.map(({ workshop, rows }) => {
        const caption = t('workshopAgreements.caption', {
          title: workshop.title,
          date: formatIsoDate(workshop.date),
        });
        return (
          <ScrollRegion key={workshop.id} label={caption}>
            <table className="nhsuk-table app-table--compact">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workshopAgreements.criterion')}</th>
                  <th scope="col">{t('workshopAgreements.level')}</th>
                  <th scope="col">{t('workshopAgreements.round')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.criterionId} data-agreed-criterion={a.criterionId}>
                    <th scope="row">{criterionTitle(a.criterionId)}</th>
                    <td>{levelTitle(a.level!)}</td>
                    <td>
                      {a.round === 2
                        ? t('workshopAgreements.round2')
                        : t('workshopAgreements.round1')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}
    </section>
  );
}
