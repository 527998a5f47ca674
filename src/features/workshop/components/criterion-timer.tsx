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
  resetTimer,
  startTimer,
  timerStatus,
  type TimerState,
} from '@/domain/workshop/timer';

const TWO_DIGITS = new Intl.NumberFormat(LOCALE, { minimumIntegerDigits: 2 });
const WHOLE = new Intl.NumberFormat(LOCALE);

/**
 * An optional discussion timer on the facilitator view, one per criterion (each keeps its own
 * time while the view moves between criteria): start, one more minute, pause and resume, reset.
 * It never moves on by itself. Screen readers hear "1 minute left" and "time is up" once each,
 * politely; the clock itself is a timer role, which is not read out every second. The only
 * motion, a pulse when time is up, is left out when reduced motion is asked for (CSS).
 */
export function CriterionTimer({ criterionId, title }: { criterionId: string; title: string }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [timers, setTimers] = useState<ReadonlyMap<string, TimerState>>(() => new Map());
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState('');
  const timer = timers.get(criterionId) ?? idleTimer();
  const status = timerStatus(timer, now);
  const left = remainingMs(timer, now);
  const previous = useRef({ criterionId, left });

  const update = (change: (state: TimerState, at: number) => TimerState): void => {
    const at = Date.now();
    setNow(at);
    setTimers((map) => new Map(map).set(criterionId, change(map.get(criterionId) ?? timer, at)));
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
            update(() => resetTimer());
            setSaid('');
          }}
        >
          {t('timer.reset')}
        </button>
      </div>
      <p className="nhsuk-u-visually-hidden" aria-live="polite" data-testid="timer-announcement">
        {said}
      </p>
    </div>
  );
}
