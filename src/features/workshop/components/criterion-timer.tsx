import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE } from '@/lib/format';
import {
  addMinute,
  announcementBetween,
  clockParts,
  idleTimer,
  pauseTimer,
  remainingMs,
  startTimer,
  timerStatus,
  type TimerState,
} from '@/domain/workshop/timer';
import { changeTimer } from '@/storage/repositories/workshop-timers-repo';
import { reportingWrite } from '@/storage/write-report';

const TWO_DIGITS = new Intl.NumberFormat(LOCALE, { minimumIntegerDigits: 2 });
const WHOLE = new Intl.NumberFormat(LOCALE);

/**
 * An optional discussion timer on the facilitator view, one per criterion (each keeps its own
 * time while the view moves between criteria): start, one more minute, pause and resume, reset.
 * Its state is kept on the workshop's record when a button is pressed (when the run started and
 * the time used before it; never written as it counts), so a reload finds it running or paused
 * where it was. It never moves on by itself. Screen readers hear "1 minute left" and "time is up" once each,
 * politely; the clock itself is a timer role, which is not read out every second. The only
 * motion, a pulse when time is up, is left out when reduced motion is asked for (CSS).
 */
export function CriterionTimer({
  workshopId,
  criterionId,
  title,
  stored,
}: {
  workshopId: string;
  criterionId: string;
  title: string;
  /** This criterion's timer as the workshop's record keeps it (none: not started). */
  stored: TimerState | undefined;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState('');
  const [failed, setFailed] = useState(false);
  const timer = stored ?? idleTimer();
  const status = timerStatus(timer, now);
  const left = remainingMs(timer, now);
  const previous = useRef({ criterionId, left });

  // Applied to the stored state as it is written, so two quick presses each count.
  const update = (change: (state: TimerState, at: number) => TimerState | null): void => {
    setNow(Date.now());
    reportingWrite(
      changeTimer(workshopId, criterionId, (current, at) => change(current ?? idleTimer(), at)),
    ).then(
      () => {
        setNow(Date.now());
        setFailed(false);
      },
      () => setFailed(true),
    );
  };

  // Ticks only while this criterion's timer runs.
  const isRunning = timer.runningSince !== null && status === 'running';
  useEffect(() => {
    if (!isRunning) return;
    const handle = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(handle);
  }, [isRunning]);

  // "1 minute left" and "time is up", once each, for the criterion on screen.
  useEffect(() => {
    const before = previous.current;
    previous.current = { criterionId, left };
    if (before.criterionId !== criterionId) return;
    const announcement = announcementBetween(before.left, left);
    if (announcement) setSaid(t(`timer.${announcement}`, { title }));
  }, [criterionId, left, t, title]);

  const { minutes, seconds } = clockParts(left);
  return (
    <div
      className={`criterion-timer criterion-timer--${status}`}
      role="group"
      aria-labelledby={`${id}-label`}
      data-testid="criterion-timer"
    >
      <p className="criterion-timer__label" id={`${id}-label`}>
        {t('timer.label')}
      </p>
      <p className="criterion-timer__clock" role="timer" aria-atomic="true">
        {t('timer.clock', {
          minutes: WHOLE.format(minutes),
          seconds: TWO_DIGITS.format(seconds),
        })}
      </p>
      <p className="criterion-timer__status">{t(`timer.status.${status}`)}</p>
      <div className="nhsuk-button-group">
        {status === 'running' ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => update(pauseTimer)}
          >
            {t('timer.pause')}
          </button>
        ) : status !== 'time-up' ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => update(startTimer)}
          >
            {t(status === 'paused' ? 'timer.resume' : 'timer.start')}
          </button>
        ) : null}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => update(addMinute)}
        >
          {t('timer.addMinute')}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            // Reset: the timer is removed from the record (back to the full time, stopped).
            update(() => null);
            setSaid('');
          }}
        >
          {t('timer.reset')}
        </button>
      </div>
      <p className="nhsuk-u-visually-hidden" aria-live="polite" data-testid="timer-announcement">
        {said}
      </p>
      {failed && (
        <p className="nhsuk-error-message" role="alert">
          {t('timer.failed')}
        </p>
      )}
    </div>
  );
}
