/**
 * The workshop timer, kept on the server's clock so every client shows the same time.
 * The facilitator asks the server to start/pause/…; the server applies the action with its
 * own `Date.now()` and writes the result into the document. Clients estimate their clock
 * offset from `GET /api/time` and count down locally.
 */
export type TimerStatus = 'running' | 'paused' | 'stopped';

export interface TimerValue {
  state: TimerStatus;
  /** Server epoch ms at which a running timer reaches zero; null unless running. */
  endsAt: number | null;
  /** What is left when paused (when running: what was left at the last start/resume/add). */
  remainingMs: number;
  /** The length the timer was set to (plus added time), for a progress display. */
  durationMs: number;
}

export type TimerAction =
  | { type: 'start'; durationMs: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'add'; ms: number }
  | { type: 'stop' };

export const TIMER_LIMITS = {
  /** Shortest and longest timer a facilitator can set. */
  minDurationMs: 1_000,
  maxDurationMs: 24 * 60 * 60 * 1_000,
  /** Largest single "add time" step. */
  maxAddMs: 60 * 60 * 1_000,
} as const;

export const STOPPED_TIMER: TimerValue = Object.freeze({
  state: 'stopped',
  endsAt: null,
  remainingMs: 0,
  durationMs: 0,
});

export class TimerActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimerActionError';
  }
}

const clampDuration = (ms: number): number => Math.min(TIMER_LIMITS.maxDurationMs, Math.max(0, Math.round(ms)));

/**
 * Milliseconds left at server time `now` (0 when stopped or ended). A running timer never shows
 * more than it had when it last started (`remainingMs`): a page's estimate of the server's clock
 * may lag it by a few milliseconds, and "5:00" must not read 300,005 ms.
 */
export function timerRemaining(timer: TimerValue, now: number): number {
  if (timer.state === 'running') return Math.max(0, Math.min(timer.remainingMs, (timer.endsAt ?? now) - now));
  if (timer.state === 'paused') return Math.max(0, timer.remainingMs);
  return 0;
}

/** A running timer that has reached zero: the end signal is shown. */
export const timerEnded = (timer: TimerValue, now: number): boolean =>
  timer.state === 'running' && timer.endsAt !== null && now >= timer.endsAt;

/** The timer after `action` at server time `now`. Throws TimerActionError for an action that makes no sense now. */
export function applyTimerAction(timer: TimerValue, action: TimerAction, now: number): TimerValue {
  switch (action.type) {
    case 'start': {
      if (
        !Number.isFinite(action.durationMs) ||
        action.durationMs < TIMER_LIMITS.minDurationMs ||
        action.durationMs > TIMER_LIMITS.maxDurationMs
      ) {
        throw new TimerActionError(`durationMs must be from ${TIMER_LIMITS.minDurationMs} to ${TIMER_LIMITS.maxDurationMs}`);
      }
      const duration = Math.round(action.durationMs);
      return { state: 'running', endsAt: now + duration, remainingMs: duration, durationMs: duration };
    }
    case 'pause': {
      if (timer.state !== 'running') throw new TimerActionError('only a running timer can be paused');
      return { state: 'paused', endsAt: null, remainingMs: timerRemaining(timer, now), durationMs: timer.durationMs };
    }
    case 'resume': {
      if (timer.state !== 'paused') throw new TimerActionError('only a paused timer can be resumed');
      return {
        state: 'running',
        endsAt: now + timer.remainingMs,
        remainingMs: timer.remainingMs,
        durationMs: timer.durationMs,
      };
    }
    case 'add': {
      if (!Number.isFinite(action.ms) || action.ms <= 0 || action.ms > TIMER_LIMITS.maxAddMs) {
        throw new TimerActionError(`ms must be more than 0 and at most ${TIMER_LIMITS.maxAddMs}`);
      }
      const ms = Math.round(action.ms);
      if (timer.state === 'running') {
        // Time added after the end starts counting again from now.
        const remaining = clampDuration(timerRemaining(timer, now) + ms);
        return {
          state: 'running',
          endsAt: now + remaining,
          remainingMs: remaining,
          durationMs: clampDuration(timer.durationMs + ms),
        };
      }
      if (timer.state === 'paused') {
        return {
          ...timer,
          remainingMs: clampDuration(timer.remainingMs + ms),
          durationMs: clampDuration(timer.durationMs + ms),
        };
      }
      throw new TimerActionError('time can only be added to a running or paused timer');
    }
    case 'stop':
      return { ...STOPPED_TIMER, durationMs: timer.durationMs };
  }
}

/** Reads an action from untrusted JSON (the HTTP body); undefined when it is not one. */
export function parseTimerAction(value: unknown): TimerAction | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  switch (record.type) {
    case 'start':
      return typeof record.durationMs === 'number' ? { type: 'start', durationMs: record.durationMs } : undefined;
    case 'add':
      return typeof record.ms === 'number' ? { type: 'add', ms: record.ms } : undefined;
    case 'pause':
    case 'resume':
    case 'stop':
      return { type: record.type };
    default:
      return undefined;
  }
}

/** A stored timer value read defensively (a hostile or old value becomes a stopped timer). */
export function readTimerValue(value: unknown): TimerValue {
  if (!value || typeof value !== 'object') return STOPPED_TIMER;
  const record = value as Record<string, unknown>;
  const state = record.state;
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  if (state === 'running' && typeof record.endsAt === 'number' && Number.isFinite(record.endsAt)) {
    return { state, endsAt: record.endsAt, remainingMs: num(record.remainingMs), durationMs: num(record.durationMs) };
  }
  if (state === 'paused') return { state, endsAt: null, remainingMs: num(record.remainingMs), durationMs: num(record.durationMs) };
  return { ...STOPPED_TIMER, durationMs: num(record.durationMs) };
}

/** One round trip to the server clock: when it was sent and received (local ms) and what the server said. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * Server time minus local time, from the sample with the shortest round trip, assuming the
 * server read its clock half-way through the trip (error ≤ half that round trip).
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | undefined;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return 0;
  return Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2);
}

/** Whole minutes and seconds for display, rounding up so "0:00" appears only at the end. */
export function splitRemaining(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(ms / 1_000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
