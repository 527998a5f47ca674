import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SelectField, TextareaField } from '@/components/form-field';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { usePageTitle } from '@/hooks/use-page-title';
import { routes } from '@/config/routes';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import type { Agreement } from '@/domain/workshop/agreement';
import { votesAfterAgreement, workshopProgress } from '@/domain/workshop/progress';
import { spreads, type Spread } from '@/domain/workshop/spread';
import { Link, navigate } from '@/lib/router';
import { getSetting, putSetting } from '@/storage/repositories/settings-repo';
import {
  agreementRound,
  isRound1Revealed,
  latestStatus,
  round2Ratings,
  roundPhase,
  timedVotes,
} from '@/domain/workshop/rounds';
import { revealRound1 } from '@/storage/repositories/workshop-rounds-repo';
import { recordAgreement, type WorkshopData } from '@/storage/repositories/workshops-repo';
import { useFormDraft } from '@/hooks/use-form-draft';
import { reportingWrite } from '@/storage/write-report';
import {
  facilitatorAction,
  orderCriterionIds,
  positionOf,
  stepIndex,
  type CriterionOrder,
  type FacilitatorAction,
} from '../lib/facilitator-keys';
import { spreadSummary, statusTone } from '../lib/spread-text';
import { CriterionTimer } from './criterion-timer';
import { LevelsHead } from './levels-head';
import { RoundCompare } from './round-compare';
import { WorkshopLoader } from './workshop-loader';

/**
 * The facilitator (projector) view: one criterion at a time in large type, votes hidden until the
 * facilitator reveals them, and keyboard control (←/→, R, 1–4, N, O, F, Esc). Reveal is per
 * criterion: each criterion starts hidden, so the room discusses before it sees the numbers; a
 * reveal is kept on the workshop's record (so is the workshop page's, which reveals them all).
 */
export function FacilitatorView({ workshopId }: { workshopId: string }) {
  return (
    <WorkshopLoader workshopId={workshopId}>
      {(data, framework) => <Facilitator data={data} framework={framework} />}
    </WorkshopLoader>
  );
}

type Note = { rationale: string; dissent: string };

/** The settings key that remembers whether single-key shortcuts are on (they are unless switched off). */
export const SHORTCUTS_SETTING = 'facilitatorShortcuts';

const CONTROLS =
  'a[href], button, input, select, textarea, summary, [contenteditable="true"], [role="button"], [tabindex]:not([tabindex="-1"])';

/**
 * Whether a key pressed with focus on `target` belongs to something other than the view's content:
 * a button, link, select or field (where 3 or R mean what they say there), or anything outside the
 * view. Nothing focused (the page itself) counts as the view: it fills the page.
 */
const isOnControl = (target: EventTarget | null, root: HTMLElement | null): boolean => {
  if (!(target instanceof Element)) return false;
  if (target === document.body || target === document.documentElement) return false;
  if (!root?.contains(target)) return true;
  const control = target.closest(CONTROLS);
  return control !== null && control !== root;
};

const canFullscreen = (): boolean =>
  typeof document.documentElement.requestFullscreen === 'function' &&
  document.fullscreenEnabled !== false;

function Facilitator({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const workshopId = data.workshop.id;
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [order, setOrder] = useState<CriterionOrder>('framework');
  const [noteFor, setNoteFor] = useState<string | null>(null);
  // Notes written before a level is agreed wait here and are recorded with the level.
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isFullscreen, setFullscreen] = useState(false);
  // After → on the last criterion: the end screen (what is agreed, what is outstanding).
  const [isAtEnd, setAtEnd] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const endHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfter();
  const shortcutsSetting = useLiveQuery(() => getSetting<boolean>(SHORTCUTS_SETTING), []);
  const shortcutsOn = shortcutsSetting !== false;
  const setShortcuts = (on: boolean): void => {
    reportingWrite(putSetting(SHORTCUTS_SETTING, on)).catch(() =>
      say(t('facilitator.failed'), true),
    );
  };

  const inScope = framework.characteristics.flatMap((characteristic) =>
    characteristic.criteria
      .filter((c) => data.workshop.criterionIds.includes(c.id))
      .map((criterion) => ({ criterion, characteristic })),
  );
  const spreadList = spreads(
    inScope.map((c) => c.criterion.id),
    data.ratings,
    data.participants,
  );
  const progress = workshopProgress(
    inScope.map((c) => c.criterion.id),
    data.participants.map((p) => p.id),
    data.ratings,
  );
  const late = votesAfterAgreement(
    inScope.map((c) => c.criterion.id),
    timedVotes(data.ratings),
    data.agreements,
  );
  const ids = orderCriterionIds(spreadList, order);
  const index = positionOf(ids, currentId);
  const current = inScope.find((c) => c.criterion.id === ids[index]);
  const spread = spreadList.find((s) => s.criterionId === ids[index]);
  const agreement = data.agreements.find((a) => a.criterionId === ids[index]);
  const levelTitle = (level: LevelId): string => titleOfLevel(framework, level) ?? level;
  usePageTitle([
    current?.criterion.title,
    t('pageTitle.facilitator', { title: data.workshop.title }),
  ]);

  useEffect(() => {
    const onChange = (): void => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = (): void => {
    if (!canFullscreen()) return;
    // Optional: a refused request (no user gesture, policy) leaves the view as it is.
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    request.catch(() => undefined);
  };

  const say = (text: string, isError = false): void => setMessage({ text, isError });

  const agree = (level: LevelId): void => {
    if (!current) return;
    const criterionId = current.criterion.id;
    const next: Agreement = {
      criterionId,
      level,
      rationale: agreement?.rationale ?? '',
      dissent: agreement?.dissent ?? '',
      round: agreementRound(criterionId, data.workshop.round2),
    };
    reportingWrite(recordAgreement(workshopId, next)).then(
      () => {
        say(
          t('facilitator.recorded', { title: current.criterion.title, level: levelTitle(level) }),
        );
      },
      () => say(t('facilitator.failed'), true),
    );
  };

  const saveNote = (note: Note): void => {
    if (!current) return;
    const criterionId = current.criterion.id;
    const title = current.criterion.title;
    setNoteFor(null);
    rootRef.current?.focus();
    // Saved at once; with no level agreed yet it waits on the record for 1–4.
    const level = agreement?.level ?? null;
    const round = agreement?.round;
    reportingWrite(
      recordAgreement(workshopId, { criterionId, level, ...note, ...(round ? { round } : {}) }),
    ).then(
      () => say(t(level ? 'facilitator.noteSaved' : 'facilitator.noteKept', { title })),
      () => say(t('facilitator.failed'), true),
    );
  };

  const act = (action: FacilitatorAction): void => {
    if (isAtEnd) {
      // The end screen: back to the criteria, or leave; nothing else acts on it.
      if (action.type === 'previous' || action.type === 'last' || action.type === 'first') {
        setAtEnd(false);
        if (action.type === 'first') setCurrentId(ids[0] ?? null);
        rootRef.current?.focus();
        return;
      }
      if (action.type !== 'leave' && action.type !== 'fullscreen') return;
    }
    switch (action.type) {
      case 'previous':
      case 'next':
      case 'first':
      case 'last': {
        if (action.type === 'next' && index === ids.length - 1) {
          setAtEnd(true);
          setMessage(null);
          setNoteFor(null);
          focusAfterRender(() => endHeadingRef.current);
          return;
        }
        const delta = { previous: -1, next: 1, first: -Infinity, last: Infinity }[action.type];
        setCurrentId(ids[stepIndex(index, delta, ids.length)] ?? null);
        setMessage(null);
        return;
      }
      case 'reveal': {
        if (!current) return;
        const title = current.criterion.title;
        reportingWrite(revealRound1(workshopId, [current.criterion.id])).then(
          () => say(t('facilitator.revealed', { title })),
          () => say(t('facilitator.failed'), true),
        );
        return;
      }
      case 'agree':
        agree(action.level);
        return;
      case 'note':
        if (current) setNoteFor(current.criterion.id);
        return;
      case 'closeNote':
        setNoteFor(null);
        rootRef.current?.focus();
        return;
      case 'toggleOrder':
        setOrder((o) => (o === 'framework' ? 'disagreement' : 'framework'));
        // Keep the criterion on screen where it is in the new order.
        setCurrentId(ids[index] ?? null);
        return;
      case 'fullscreen':
        toggleFullscreen();
        return;
      case 'leave':
        if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
        navigate(routes.workshop.href(workshopId));
        return;
    }
  };

  const onKeyDown = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const action = facilitatorAction(event, {
      isOnControl: isOnControl(event.target, rootRef.current),
      isNoteOpen: noteFor !== null,
      isEnabled: shortcutsOn,
    });
    if (!action || (action.type === 'agree' && event.repeat)) return;
    event.preventDefault();
    act(action);
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent): void => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  useEffect(() => {
    rootRef.current?.focus();
  }, []);

  const goTo = (criterionId: string): void => {
    setAtEnd(false);
    setCurrentId(criterionId);
    setMessage(null);
    focusAfterRender(() => rootRef.current);
  };

  if (!current || !spread) {
    return (
      <div className="facilitator" ref={rootRef} tabIndex={-1}>
        <h1>{data.workshop.title}</h1>
        <p>{t('facilitator.empty')}</p>
        <Link href={routes.workshop.href(workshopId)}>{t('facilitator.leave')}</Link>
      </div>
    );
  }

  if (isAtEnd) {
    const agreedIds = new Set(
      data.agreements.filter((a) => a.level !== null).map((a) => a.criterionId),
    );
    const outstanding = ids.flatMap((criterionId) => {
      const item = inScope.find((c) => c.criterion.id === criterionId);
      return item && !agreedIds.has(criterionId) ? [item.criterion] : [];
    });
    return (
      <div
        className="facilitator facilitator--end"
        ref={rootRef}
        tabIndex={-1}
        aria-label={t('facilitator.region', { title: data.workshop.title })}
        role="region"
      >
        <div className="facilitator__top">
          <p className="facilitator__workshop">{data.workshop.title}</p>
        </div>
        <h1 ref={endHeadingRef} tabIndex={-1}>
          {t('facilitator.end.heading')}
        </h1>
        <p className="facilitator__end-count" data-testid="end-count">
          {t('facilitator.end.count', {
            agreed: ids.length - outstanding.length,
            total: ids.length,
          })}
        </p>
        <div className="facilitator__end-links">
          <Link className="nhsuk-button" href={routes.results.href(data.workshop.assessmentId)}>
            {t('facilitator.end.results')}
          </Link>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => act({ type: 'previous' })}
          >
            {t('facilitator.end.back')}
          </button>
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={routes.workshop.href(workshopId)}
          >
            {t('facilitator.leave')}
          </Link>
        </div>
        {outstanding.length > 0 ? (
          <>
            <h2>{t('facilitator.end.outstanding', { count: outstanding.length })}</h2>
            <ul className="facilitator__outstanding">
              {outstanding.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary"
                    onClick={() => goTo(c.id)}
                  >
                    {t('facilitator.end.goTo', { title: c.title })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('facilitator.end.allAgreed')}</p>
        )}
      </div>
    );
  }

  const { criterion, characteristic } = current;
  const isRevealed = isRound1Revealed(data.workshop, criterion.id);
  // The status goes by the criterion's latest round: round 2's votes and reveal once re-rated.
  const round2 = data.workshop.round2;
  const isInRound2 = round2?.criterionIds.includes(criterion.id) ?? false;
  const round2Spread = isInRound2
    ? (spreads([criterion.id], round2Ratings(data.ratings, round2!), data.participants)[0] ?? null)
    : null;
  const status = latestStatus(
    criterion.id,
    { round1: spread, round2Spread },
    agreement,
    data.workshop,
  );
  const agreedLevel = agreement?.level ?? null;
  const shownNote = agreement;

  return (
    <div
      className="facilitator"
      ref={rootRef}
      tabIndex={-1}
      aria-label={t('facilitator.region', { title: data.workshop.title })}
      role="region"
      data-criterion={criterion.id}
    >
      <div className="facilitator__top">
        <p className="facilitator__position">
          {t('facilitator.position', { n: index + 1, total: ids.length })}
        </p>
        <p className="facilitator__workshop">{data.workshop.title}</p>
        <p className="facilitator__progress">{t('progress.overall', { ...progress.overall })}</p>
        <div className="facilitator__controls">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-pressed={order === 'disagreement'}
            onClick={() => act({ type: 'toggleOrder' })}
          >
            {t('facilitator.order')}
          </button>
          {canFullscreen() && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              aria-pressed={isFullscreen}
              onClick={toggleFullscreen}
            >
              {t('facilitator.fullscreen')}
            </button>
          )}
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={routes.workshop.href(workshopId)}
          >
            {t('facilitator.leave')}
          </Link>
        </div>
      </div>

      <p className="facilitator__characteristic">{characteristic.title}</p>
      <div className="facilitator__heading">
        <h1 id={`${id}-title`}>{criterion.title}</h1>
        <p
          className={`nhsuk-tag status-tag status-tag--${statusTone(status)}`}
          data-status={status}
        >
          {t(`status.${status}`)}
        </p>
      </div>

      <ol
        className="facilitator__levels"
        aria-label={t('facilitator.levelsLabel', { title: criterion.title })}
      >
        {LEVEL_IDS.map((level, i) => (
          <li
            key={level}
            className={`facilitator__level${agreedLevel === level ? ' facilitator__level--agreed' : ''}`}
            data-level={level}
          >
            <h2 className="facilitator__level-title">
              <span className="facilitator__key" aria-hidden="true">
                {i + 1}
              </span>{' '}
              {levelTitle(level)}
            </h2>
            <p className="facilitator__descriptor">{criterion.descriptors[level]}</p>
            {agreedLevel === level && (
              <p className="facilitator__agreed-mark">{t('facilitator.agreedMark')}</p>
            )}
          </li>
        ))}
      </ol>

      <div className="facilitator__votes" data-revealed={isRevealed}>
        {isRevealed ? (
          <>
            <Votes spread={spread} title={criterion.title} levelTitle={levelTitle} />
            <ParticipantNotes
              data={data}
              criterionId={criterion.id}
              title={criterion.title}
              levelTitle={levelTitle}
            />
            <RoundCompare
              data={data}
              criterionId={criterion.id}
              title={criterion.title}
              levelTitle={levelTitle}
            />
          </>
        ) : (
          <p className="facilitator__hidden">{t('facilitator.hidden')}</p>
        )}
        {isInRound2 && roundPhase(round2) === 'round-2-voting' && (
          <p className="facilitator__round2" data-testid="round2-hidden">
            {t('facilitator.round2Hidden')}
          </p>
        )}
        <p data-testid="received">
          {t('facilitator.received', {
            count: progress.byCriterion.get(criterion.id)?.done ?? 0,
            total: progress.overall.total,
          })}
        </p>
        {late.includes(criterion.id) && (
          <p className="facilitator__late">
            <strong>{t('late.criterion')}</strong>
          </p>
        )}
        {shownNote && (shownNote.rationale || shownNote.dissent) && (
          <div className="facilitator__note-text">
            {shownNote.rationale && (
              <p>{t('facilitator.rationale', { text: shownNote.rationale })}</p>
            )}
            {shownNote.dissent && <p>{t('facilitator.dissent', { text: shownNote.dissent })}</p>}
            {!agreement?.level && <p className="nhsuk-hint">{t('facilitator.pending')}</p>}
          </div>
        )}
      </div>

      <div className="facilitator__actions">
        <CriterionTimer
          workshopId={workshopId}
          criterionId={criterion.id}
          title={criterion.title}
          stored={data.workshop.timers?.[criterion.id]}
        />
        <div className="facilitator__buttons">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={index === 0}
            onClick={() => act({ type: 'previous' })}
          >
            {t('facilitator.previous')}
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => act({ type: 'next' })}
          >
            {index === ids.length - 1 ? t('facilitator.toEnd') : t('facilitator.next')}
          </button>
          {!isRevealed && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => act({ type: 'reveal' })}
            >
              {t('facilitator.reveal')}
            </button>
          )}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-expanded={noteFor === criterion.id}
            onClick={() => act(noteFor === criterion.id ? { type: 'closeNote' } : { type: 'note' })}
          >
            {t('facilitator.noteButton')}
          </button>
        </div>
        <AgreeForm
          key={criterion.id}
          title={criterion.title}
          levelTitle={levelTitle}
          onAgree={agree}
        />
      </div>

      {noteFor === criterion.id && (
        <NoteForm
          key={criterion.id}
          title={criterion.title}
          form={`note:${workshopId}:${criterion.id}`}
          initial={{ rationale: shownNote?.rationale ?? '', dissent: shownNote?.dissent ?? '' }}
          onSave={saveNote}
          onCancel={() => act({ type: 'closeNote' })}
        />
      )}

      <div
        role="status"
        className={`facilitator__message${message?.isError ? ' facilitator__message--error' : ''}`}
      >
        {message && <p>{message.text}</p>}
      </div>

      <KeyLegend isOn={shortcutsOn} onChange={setShortcuts} />
    </div>
  );
}

function Votes({
  spread,
  title,
  levelTitle,
}: {
  spread: Spread;
  title: string;
  levelTitle: (level: LevelId) => string;
}) {
  const { t } = useTranslation('workshop');
  const summary = spreadSummary(t, spread, levelTitle);
  if (spread.count === 0) return <p>{t('facilitator.noVotes')}</p>;
  const most = Math.max(...LEVEL_IDS.map((level) => spread.counts[level]));
  return (
    <>
      <table className="facilitator__table">
        <caption className="nhsuk-u-visually-hidden">
          {t('facilitator.votesCaption', { title })}
        </caption>
        <LevelsHead levelTitle={levelTitle} className="nhsuk-u-visually-hidden" />
        <tbody>
          <tr>
            {LEVEL_IDS.map((level) => (
              <td key={level} data-level={level} data-label={levelTitle(level)}>
                <span className="facilitator__bar-track" aria-hidden="true">
                  <span
                    className="facilitator__bar-fill"
                    data-bar-level={level}
                    style={{ inlineSize: `${(spread.counts[level] / most) * 100}%` }}
                  />
                </span>
                <span className="facilitator__count">
                  {t('facilitator.votes', { count: spread.counts[level] })}
                </span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {summary && <p className="facilitator__summary">{summary}</p>}
    </>
  );
}

/**
 * The participants' notes on one criterion, shown only once its votes are revealed: with each
 * note its writer's name and level, or only the level in an anonymous workshop (then in level
 * order, not in the order people rated, which could say who wrote what).
 */
function ParticipantNotes({
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
  const labels = new Map(data.participants.map((p) => [p.id, p.label]));
  const notes = data.ratings.filter((r) => r.criterionId === criterionId && r.note.trim() !== '');
  if (notes.length === 0) return null;
  const rank = (level: LevelId | null): number => (level ? LEVEL_IDS.indexOf(level) : -1);
  // Named: in the order people were added. Anonymous: by level, then text.
  const joined = new Map(data.participants.map((p, i) => [p.id, i]));
  const ordered = [...notes].sort((a, b) =>
    data.workshop.isAnonymous
      ? rank(a.level) - rank(b.level) || a.note.localeCompare(b.note)
      : (joined.get(a.participantId) ?? 0) - (joined.get(b.participantId) ?? 0),
  );
  return (
    <section className="facilitator__notes" aria-label={t('facilitator.notesLabel', { title })}>
      <h2>{t('facilitator.notesHeading')}</h2>
      <ul>
        {ordered.map((r) => {
          const level = r.level ? levelTitle(r.level) : t('facilitator.notRated');
          return (
            <li key={r.participantId}>
              {data.workshop.isAnonymous
                ? t('facilitator.noteAnonymous', { level, note: r.note })
                : t('spread.note', {
                    name: labels.get(r.participantId) ?? '',
                    level,
                    note: r.note,
                  })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The agreed level chosen from a list: the room's choice, never pre-filled (a suggested level
 * would anchor it). Recording with no level chosen says so.
 */
function AgreeForm({
  title,
  levelTitle,
  onAgree,
}: {
  title: string;
  levelTitle: (level: LevelId) => string;
  onAgree: (level: LevelId) => void;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [level, setLevel] = useState<LevelId | ''>('');
  const [isMissing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!level) {
      setMissing(true);
      document.getElementById(`${id}-level`)?.focus();
      return;
    }
    setMissing(false);
    onAgree(level);
  };
  return (
    <form className="facilitator__agree" onSubmit={submit} noValidate>
      <SelectField
        id={`${id}-level`}
        label={t('facilitator.agreeLabel', { title })}
        error={isMissing ? t('facilitator.agreeMissing') : null}
        value={level}
        onChange={(e) => setLevel(e.target.value as LevelId | '')}
      >
        <option value="">{t('facilitator.agreeChoose')}</option>
        {LEVEL_IDS.map((l) => (
          <option key={l} value={l}>
            {levelTitle(l)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="nhsuk-button">
        {t('facilitator.agreeRecord')}
      </button>
    </form>
  );
}

function NoteForm({
  title,
  form,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  /** Names the note's draft: what is typed is kept until it is saved or cancelled. */
  form: string;
  initial: Note;
  onSave: (note: Note) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [note, setNote, clearDraft] = useFormDraft(form, initial);
  const { rationale, dissent } = note;
  const setRationale = (value: string): void => setNote({ ...note, rationale: value });
  const setDissent = (value: string): void => setNote({ ...note, dissent: value });
  const firstRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    firstRef.current?.focus();
  }, []);
  const submit = (event?: FormEvent<HTMLFormElement>): void => {
    event?.preventDefault();
    onSave({ rationale: rationale.trim(), dissent: dissent.trim() });
    void clearDraft();
  };
  const cancel = (): void => {
    void clearDraft();
    onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form className="facilitator__note" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('facilitator.note.heading', { title })}</h2>
      <p className="nhsuk-hint" id={`${id}-hint`}>
        {t('facilitator.note.hint')}
      </p>
      <div className="facilitator__note-fields">
        {/* Both are described by the one hint above them. */}
        <TextareaField
          id={`${id}-rationale`}
          label={t('facilitator.note.rationale')}
          ref={firstRef}
          rows={2}
          maxLength={2_000}
          aria-describedby={`${id}-hint`}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <TextareaField
          id={`${id}-dissent`}
          label={t('facilitator.note.dissent')}
          rows={2}
          maxLength={2_000}
          aria-describedby={`${id}-hint`}
          value={dissent}
          onChange={(e) => setDissent(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button">
          {t('facilitator.note.save')}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={cancel}>
          {t('facilitator.note.cancel')}
        </button>
      </div>
    </form>
  );
}

const LEGEND = ['move', 'reveal', 'agree', 'note', 'order', 'fullscreen', 'leave'] as const;

/** The shortcuts, listed on screen, and the switch that turns them off (WCAG 2.1.4). */
function KeyLegend({ isOn, onChange }: { isOn: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  return (
    <section className="facilitator__legend" aria-labelledby={`${id}-heading`}>
      <div className="facilitator__legend-head">
        <h2 id={`${id}-heading`}>{t('facilitator.keys.heading')}</h2>
        <label className="inline-radio">
          <input
            type="checkbox"
            checked={isOn}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onChange(e.target.checked)}
          />
          {t('facilitator.keys.switch')}
        </label>
      </div>
      <p className="nhsuk-hint" id={`${id}-hint`}>
        {isOn ? t('facilitator.keys.where') : t('facilitator.keys.off')}
      </p>
      {isOn && (
        <dl>
          {LEGEND.filter((key) => key !== 'fullscreen' || canFullscreen()).map((key) => (
            <div key={key}>
              <dt>
                <kbd>{t(`facilitator.keys.${key}Key`)}</kbd>
              </dt>
              <dd>{t(`facilitator.keys.${key}`)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
