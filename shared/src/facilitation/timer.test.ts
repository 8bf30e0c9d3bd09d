import { describe, expect, it } from 'vitest';
import {
  applyTimerAction,
  estimateClockOffset,
  parseTimerAction,
  readTimerValue,
  splitRemaining,
  STOPPED_TIMER,
  TimerActionError,
  timerEnded,
  timerRemaining,
  type TimerValue,
} from './timer.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

describe('timer actions on the server clock', () => {
  it('a started timer ends its duration after the start and counts down by the clock', () => {
    const timer = applyTimerAction(STOPPED_TIMER, { type: 'start', durationMs: 5 * MIN }, T0);
    expect(timer).toEqual({ state: 'running', endsAt: T0 + 5 * MIN, remainingMs: 5 * MIN, durationMs: 5 * MIN });
    expect(timerRemaining(timer, T0 + MIN)).toBe(4 * MIN);
    expect(timerEnded(timer, T0 + 5 * MIN - 1)).toBe(false);
    expect(timerEnded(timer, T0 + 5 * MIN)).toBe(true);
    expect(timerRemaining(timer, T0 + 6 * MIN)).toBe(0);
    // A page whose estimate of the server's clock lags by 5 ms still shows no more than 5:00.
    expect(timerRemaining(timer, T0 - 5)).toBe(5 * MIN);
  });

  it('pausing keeps what is left, and resuming counts it down from the resume time', () => {
    const running = applyTimerAction(STOPPED_TIMER, { type: 'start', durationMs: 5 * MIN }, T0);
    const paused = applyTimerAction(running, { type: 'pause' }, T0 + 2 * MIN);
    expect(paused).toMatchObject({ state: 'paused', endsAt: null, remainingMs: 3 * MIN });
    expect(timerRemaining(paused, T0 + 60 * MIN)).toBe(3 * MIN);
    const resumed = applyTimerAction(paused, { type: 'resume' }, T0 + 10 * MIN);
    expect(resumed).toMatchObject({ state: 'running', endsAt: T0 + 13 * MIN });
  });

  it('adding a minute extends a running, a paused and an already ended timer', () => {
    const running = applyTimerAction(STOPPED_TIMER, { type: 'start', durationMs: MIN }, T0);
    expect(applyTimerAction(running, { type: 'add', ms: MIN }, T0 + 30_000)).toMatchObject({
      endsAt: T0 + 2 * MIN,
      durationMs: 2 * MIN,
    });
    // Ended 5 minutes ago: the added minute counts from now, not from the old end.
    expect(applyTimerAction(running, { type: 'add', ms: MIN }, T0 + 6 * MIN)).toMatchObject({ endsAt: T0 + 7 * MIN });
    const paused = applyTimerAction(running, { type: 'pause' }, T0 + 30_000);
    expect(applyTimerAction(paused, { type: 'add', ms: MIN }, T0 + 40_000)).toMatchObject({
      state: 'paused',
      remainingMs: 90_000,
    });
  });

  it('stopping clears the timer; actions that make no sense now are refused', () => {
    const running = applyTimerAction(STOPPED_TIMER, { type: 'start', durationMs: MIN }, T0);
    const stopped = applyTimerAction(running, { type: 'stop' }, T0 + 1);
    expect(stopped).toMatchObject({ state: 'stopped', endsAt: null, remainingMs: 0 });
    expect(timerRemaining(stopped, T0)).toBe(0);
    expect(() => applyTimerAction(stopped, { type: 'pause' }, T0)).toThrow(TimerActionError);
    expect(() => applyTimerAction(running, { type: 'resume' }, T0)).toThrow(TimerActionError);
    expect(() => applyTimerAction(stopped, { type: 'add', ms: MIN }, T0)).toThrow(TimerActionError);
    expect(() => applyTimerAction(stopped, { type: 'start', durationMs: 0 }, T0)).toThrow(TimerActionError);
    expect(() => applyTimerAction(stopped, { type: 'start', durationMs: Number.NaN }, T0)).toThrow(TimerActionError);
    expect(() => applyTimerAction(running, { type: 'add', ms: -MIN }, T0)).toThrow(TimerActionError);
  });

  it('actions are read from untrusted JSON, and anything else is no action', () => {
    expect(parseTimerAction({ type: 'start', durationMs: 1000 })).toEqual({ type: 'start', durationMs: 1000 });
    expect(parseTimerAction({ type: 'add', ms: 60000 })).toEqual({ type: 'add', ms: 60000 });
    expect(parseTimerAction({ type: 'pause', extra: 1 })).toEqual({ type: 'pause' });
    for (const bad of [null, [], 'start', { type: 'start' }, { type: 'explode' }, { type: 'add', ms: '5' }]) {
      expect(parseTimerAction(bad)).toBeUndefined();
    }
  });

  it('a stored value of the wrong shape reads as a stopped timer', () => {
    for (const bad of [undefined, 5, { state: 'running' }, { state: 'running', endsAt: 'soon' }, { state: 'exploded' }]) {
      expect(readTimerValue(bad).state).toBe('stopped');
    }
    const good: TimerValue = { state: 'paused', endsAt: null, remainingMs: 1000, durationMs: 2000 };
    expect(readTimerValue(good)).toEqual(good);
  });
});

describe('clock offset and display', () => {
  it('the offset is taken from the midpoint of the fastest round trip', () => {
    const offset = estimateClockOffset([
      { sentAt: 1000, serverNow: 6000, receivedAt: 1400 }, // slow trip: midpoint 1200 → 4800
      { sentAt: 2000, serverNow: 7040, receivedAt: 2020 }, // fast trip: midpoint 2010 → 5030
    ]);
    expect(offset).toBe(5030);
    expect(estimateClockOffset([])).toBe(0);
    expect(estimateClockOffset([{ sentAt: 10, serverNow: 5, receivedAt: 9 }])).toBe(0);
  });

  it('remaining time is shown in whole seconds, rounded up, so 0:00 means the end', () => {
    expect(splitRemaining(5 * MIN)).toEqual({ minutes: 5, seconds: 0 });
    expect(splitRemaining(61_001)).toEqual({ minutes: 1, seconds: 2 });
    expect(splitRemaining(1)).toEqual({ minutes: 0, seconds: 1 });
    expect(splitRemaining(0)).toEqual({ minutes: 0, seconds: 0 });
    expect(splitRemaining(-5)).toEqual({ minutes: 0, seconds: 0 });
  });
});
