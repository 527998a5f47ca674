import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addParticipant, type WorkshopData } from '@/storage/repositories/workshops-repo';
import { reportingWrite } from '@/storage/write-report';
import { ParticipantForm } from './participant-form';

/** Who is in the room: the list with how far each has rated, and the form to add someone. */
export function ParticipantsPanel({
  workshopId,
  data,
  rated,
  total,
  idPrefix,
  onRate,
}: {
  workshopId: string;
  data: WorkshopData;
  rated: (participantId: string) => number;
  total: number;
  /** Prefix of each "Pass the laptop" button's id (`<prefix>-rate-<participant id>`). */
  idPrefix: string;
  onRate: (participantId: string) => void;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('participants.heading')}</h2>
      {data.participants.length === 0 ? (
        <p>{t('participants.none')}</p>
      ) : (
        <ul className="assessment-list">
          {data.participants.map((p) => (
            <li key={p.id} className="participant">
              <span>
                {t('participants.item', {
                  name: p.label,
                  organisation: p.organisation,
                  sector: t(`sectors.${p.sector}`),
                })}
              </span>{' '}
              <span className="nhsuk-hint">
                {t('participants.rated', { done: rated(p.id), total })}
              </span>{' '}
              {p.joinedVia === 'response-file' ? (
                <span className="nhsuk-hint">{t('participants.fromFile')}</span>
              ) : (
                <button
                  id={`${idPrefix}-rate-${p.id}`}
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  onClick={() => onRate(p.id)}
                >
                  {t('participants.rate', { name: p.label })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ParticipantForm
        heading={<h3>{t('participants.add')}</h3>}
        submitLabel={t('participants.addButton')}
        onSubmit={async (participant) => {
          await reportingWrite(addParticipant(workshopId, participant));
        }}
      />
    </section>
  );
}
