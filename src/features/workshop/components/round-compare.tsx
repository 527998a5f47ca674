import { useTranslation } from 'react-i18next';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { countMoves, movesOf, spreadsByRound } from '@/domain/workshop/rounds';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';

/**
 * Round 1 and round 2 of one criterion side by side, once round 2 is revealed: a table of the
 * votes at each level in each round, who moved (in an anonymous workshop, how many moved up,
 * down or stayed, without names) and the participants' round 2 notes (without names, in level
 * order, in an anonymous workshop). Nothing for a criterion that was not in round 2.
 */
export function RoundCompare({
  data,
  criterionId,
  title,
  levelTitle,
}: {
  data: WorkshopData;
  criterionId: string;
  title: string;
  levelTitle: (level: LevelId) => string;
}) {
  const { t } = useTranslation('workshop');
  const round2 = data.workshop.round2;
  if (!round2 || round2.revealedAt === null || !round2.criterionIds.includes(criterionId))
    return null;
  const [both] = spreadsByRound(
    data.ratings.filter((r) => r.criterionId === criterionId),
    data.participants,
    { criterionIds: [criterionId] },
  );
  const moves = movesOf(
    criterionId,
    data.ratings,
    data.participants.map((p) => p.id),
  );
  const labels = new Map(data.participants.map((p) => [p.id, p.label]));
  const counts = countMoves(moves);
  const rank = (level: LevelId | null | undefined): number =>
    level ? LEVEL_IDS.indexOf(level) : -1;
  const joined = new Map(data.participants.map((p, i) => [p.id, i]));
  // Named: in the order people were added. Anonymous: by level, then text (never who wrote it).
  const notes = data.ratings
    .filter((r) => r.criterionId === criterionId && r.round2?.note?.trim())
    .sort((a, b) =>
      data.workshop.isAnonymous
        ? rank(a.round2?.level) - rank(b.round2?.level) ||
          a.round2!.note!.localeCompare(b.round2!.note!)
        : (joined.get(a.participantId) ?? 0) - (joined.get(b.participantId) ?? 0),
    );
  return (
    <div className="round-compare" data-testid="round-compare">
      <h4>{t('rounds.compareHeading')}</h4>
      <table className="nhsuk-table app-table--compact">
        <caption className="nhsuk-u-visually-hidden">
          {t('rounds.compareCaption', { title })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.level')}</th>
            <th scope="col">{t('rounds.round1')}</th>
            <th scope="col">{t('rounds.round2')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVEL_IDS.map((level) => (
            <tr key={level}>
              <th scope="row">{levelTitle(level)}</th>
              <td>{both!.round1.counts[level]}</td>
              <td>{both!.round2.counts[level]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {moves.length === 0 ? (
        <p>{t('rounds.noMoves')}</p>
      ) : data.workshop.isAnonymous ? (
        <p data-testid="moves">{t('rounds.movedCounts', { ...counts })}</p>
      ) : (
        <>
          <p className="nhsuk-u-margin-bottom-1">{t('rounds.whoMoved')}</p>
          <ul
            className="flag-list"
            aria-label={t('rounds.whoMovedLabel', { title })}
            data-testid="moves"
          >
            {moves.map((move) => (
              <li key={move.participantId}>
                {t(`rounds.moved.${move.direction}`, {
                  name: labels.get(move.participantId) ?? '',
                  from: levelTitle(move.from),
                  to: levelTitle(move.to),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <>
          <p className="nhsuk-u-margin-bottom-1">{t('rounds.notesHeading')}</p>
          <ul
            className="flag-list"
            aria-label={t('rounds.notesLabel', { title })}
            data-testid="round2-notes"
          >
            {notes.map((r) => {
              const level = r.round2?.level
                ? levelTitle(r.round2.level)
                : t('facilitator.notRated');
              const note = r.round2!.note!;
              return (
                <li key={r.participantId}>
                  {data.workshop.isAnonymous
                    ? t('facilitator.noteAnonymous', { level, note })
                    : t('spread.note', { name: labels.get(r.participantId) ?? '', level, note })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
