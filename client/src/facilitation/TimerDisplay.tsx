import { splitRemaining, timerEnded, timerRemaining, type TimerValue } from '@rejse/shared';
import { useCallback } from 'react';
import { useT } from '../i18n/index.ts';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { useTicking } from './useNow.ts';

const formatClock = (ms: number): string => {
  const { minutes, seconds } = splitRemaining(ms);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
};

/**
 * The workshop timer for everyone: counts down to the server's `endsAt` on the estimated
 * server clock, so all screens agree. At zero it flashes and says so (no sound).
 */
export function TimerDisplay({ timer }: { timer: TimerValue }) {
  const t = useT();
  const { clock } = useFacilitationContext();
  const read = useCallback(() => clock.now(), [clock]);
  const now = useTicking(read, timer.state === 'running');
  const ended = timerEnded(timer, now);
  const remaining = timerRemaining(timer, now);
  if (timer.state === 'stopped') return null;
  const label = ended
    ? t('facilitation.timer.ended')
    : timer.state === 'paused'
      ? t('facilitation.timer.paused', { time: formatClock(remaining) })
      : t('facilitation.timer.running', { time: formatClock(remaining) });
  return (
    <div
      className={`workshop-timer${ended ? ' workshop-timer--ended' : ''}${timer.state === 'paused' ? ' workshop-timer--paused' : ''}`}
      role="timer"
      aria-label={label}
      data-remaining-ms={Math.round(remaining)}
    >
      <span className="workshop-timer__time" aria-hidden="true">
        {formatClock(remaining)}
      </span>
      {/* Appears once at zero, so screen readers announce it. */}
      {ended ? (
        <span className="workshop-timer__end" role="alert">
          {t('facilitation.timer.endedShort')}
        </span>
      ) : null}
    </div>
  );
}
