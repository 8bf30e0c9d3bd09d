import { estimateClockOffset, type ClockSample } from '@rejse/shared';

/**
 * The server's clock as seen from this browser: a few round trips to `GET /api/time`, the
 * offset taken from the fastest one (its midpoint), refreshed now and then. Timers count
 * down to the server's `endsAt` with it, so every screen shows the same remaining time.
 */
export interface ServerClock {
  /** Estimated server time now (ms since epoch). */
  now(): number;
  /** Sample again (e.g. after waking from sleep). */
  sync(): Promise<void>;
  destroy(): void;
}

const SAMPLES = 4;
const RESYNC_MS = 5 * 60_000;

export function createServerClock(fetchServerTime: () => Promise<number>, localNow: () => number = Date.now): ServerClock {
  let offset = 0;
  let destroyed = false;

  const sync = async (): Promise<void> => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES && !destroyed; i++) {
      const sentAt = localNow();
      try {
        const serverNow = await fetchServerTime();
        samples.push({ sentAt, serverNow, receivedAt: localNow() });
      } catch {
        // Offline for a moment: keep the last estimate.
      }
    }
    if (samples.length > 0) offset = estimateClockOffset(samples);
  };

  void sync();
  const timer = setInterval(() => void sync(), RESYNC_MS);
  return {
    now: () => localNow() + offset,
    sync,
    destroy() {
      destroyed = true;
      clearInterval(timer);
    },
  };
}
