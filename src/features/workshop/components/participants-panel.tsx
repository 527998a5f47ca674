import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import { participantRemoval } from '@/domain/workshop/set-up-change';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { focusAfterRemoval } from '@/lib/focus';
import { addParticipant, type WorkshopData } from '@/storage/repositories/workshops-repo';
import { removeParticipant, renameParticipant } from '@/storage/repositories/workshop-setup-repo';
import type { ParticipantRecord } from '@/storage/schema';
import { reportingWrite } from '@/storage/write-report';
import { ParticipantForm } from './participant-form';

const LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * Who is in the room: the list with how far each has rated, the form to add someone, and for each
 * person a way to change their details or remove them, also after the workshop has started. Removing
 * someone who has rated says exactly what is deleted and asks first (issue 12, item 5).
 */
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
  const focusAfter = useFocusAfter();
  /** The participant whose details are being changed, or whose removal is being confirmed. */
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const remove = async (participant: ParticipantRecord, from: Element): Promise<void> => {
    const cancelFocus = focusAfterRemoval(from, 'li[data-participant]', byId(`${id}-heading`));
    try {
      await reportingWrite(removeParticipant(workshopId, participant.id));
      setRemoving(null);
      setMessage({ text: t('participants.removed', { name: participant.label }), isError: false });
    } catch {
      cancelFocus();
      setMessage({
        text: t('participants.removeFailed', { name: participant.label }),
        isError: true,
      });
    }
  };

  const askToRemove = (participant: ParticipantRecord, from: Element): void => {
    setMessage(null);
    // Nothing recorded yet: nothing to lose, so no question.
    if (participantRemoval(participant.id, data.ratings).isEmpty) {
      void remove(participant, from);
      return;
    }
    setRemoving(participant.id);
    focusAfter(byId(`${id}-remove-${participant.id}`));
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t('participants.heading')}
      </h2>
      {data.participants.length === 0 ? (
        <p>{t('participants.none')}</p>
      ) : (
        <ul className="assessment-list">
          {data.participants.map((p) => (
            <li key={p.id} className="participant" data-participant={p.id}>
              {editing === p.id ? (
                <ParticipantForm
                  heading={<h3>{t('participants.editHeading', { name: p.label })}</h3>}
                  submitLabel={t('participants.saveChanges')}
                  initial={p}
                  onSubmit={async (details) => {
                    const isSaved = await reportingWrite(
                      renameParticipant(workshopId, p.id, details),
                    );
                    if (!isSaved) throw new Error('participant gone');
                    setEditing(null);
                    focusAfter(byId(`${id}-change-${p.id}`));
                  }}
                >
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary"
                    onClick={() => {
                      setEditing(null);
                      focusAfter(byId(`${id}-change-${p.id}`));
                    }}
                  >
                    {t('participants.cancel')}
                  </button>
                </ParticipantForm>
              ) : (
                <>
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
                  {removing === p.id ? (
                    <RemoveWarning
                      id={`${id}-remove-${p.id}`}
                      participant={p}
                      data={data}
                      onConfirm={(from) => void remove(p, from)}
                      onCancel={() => {
                        setRemoving(null);
                        focusAfter(byId(`${id}-ask-${p.id}`));
                      }}
                    />
                  ) : (
                    <span className="participant__actions">
                      <button
                        id={`${id}-change-${p.id}`}
                        type="button"
                        className="app-button-link"
                        onClick={() => {
                          setMessage(null);
                          setRemoving(null);
                          setEditing(p.id);
                          focusAfter(
                            () =>
                              document
                                .querySelector(`li[data-participant="${p.id}"]`)
                                ?.querySelector<HTMLElement>('input') ?? null,
                          );
                        }}
                      >
                        {t('participants.change')}{' '}
                        <span className="nhsuk-u-visually-hidden">{p.label}</span>
                      </button>
                      <button
                        id={`${id}-ask-${p.id}`}
                        type="button"
                        className="app-button-link"
                        onClick={(event) => askToRemove(p, event.currentTarget)}
                      >
                        {t('participants.remove')}{' '}
                        <span className="nhsuk-u-visually-hidden">{p.label}</span>
                      </button>
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="status">
        {message && (
          <p className={message.isError ? 'nhsuk-error-message' : undefined}>{message.text}</p>
        )}
      </div>
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

/** What removing this participant deletes, said exactly, and the two buttons. */
function RemoveWarning({
  id,
  participant,
  data,
  onConfirm,
  onCancel,
}: {
  id: string;
  participant: ParticipantRecord;
  data: WorkshopData;
  onConfirm: (from: Element) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('workshop');
  const box = useRef<HTMLDivElement>(null);
  const removal = participantRemoval(participant.id, data.ratings);
  const what = LIST.format(
    [
      removal.ratings > 0 ? t('participants.removeRatings', { count: removal.ratings }) : '',
      removal.notes > 0 ? t('participants.removeNotes', { count: removal.notes }) : '',
    ].filter(Boolean),
  );
  return (
    <div className="nhsuk-warning-callout participant__warning" role="alert" ref={box}>
      <p id={id} tabIndex={-1}>
        {t('participants.removeWarning', { name: participant.label, what })}
        {participant.joinedVia === 'response-file' && ` ${t('participants.removeFromFile')}`}
      </p>
      <ConfirmButtons
        confirmLabel={t('participants.removeConfirm', { name: participant.label })}
        cancelLabel={t('participants.removeCancel', { name: participant.label })}
        onConfirm={() => box.current && onConfirm(box.current)}
        onCancel={onCancel}
      />
    </div>
  );
}
