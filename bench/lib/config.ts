/** Every size and duration of a run, fixed per mode so runs are comparable. */
export interface BenchConfig {
  mode: 'short' | 'full';
  oneRoom: { clients: number; editsPerSecond: number; durationMs: number; drainMs: number };
  manyRooms: {
    rooms: number;
    clientsPerRoom: number;
    editsPerSecond: number;
    durationMs: number;
    drainMs: number;
    /** When RSS is sampled after everyone disconnected (ms after the last close). */
    afterMs: readonly number[];
    /**
     * Then the same load again on fresh rooms for this long: if the first rooms were freed,
     * the second peak lands where the first did; if they are still held, it lands higher.
     */
    secondRoundMs: number;
  };
  coldJoin: { cards: number; cardsPerTransaction: number; joins: number; pauseMs: number };
  /** Repetitions of every scenario per server (order rotated); tables show the medians. */
  repeat: number;
  /** The whole run is killed after this long (per repetition). */
  overallTimeoutMs: number;
}

export const FULL: BenchConfig = {
  mode: 'full',
  oneRoom: { clients: 50, editsPerSecond: 2, durationMs: 30_000, drainMs: 10_000 },
  manyRooms: {
    rooms: 100,
    clientsPerRoom: 5,
    editsPerSecond: 0.2,
    durationMs: 30_000,
    drainMs: 10_000,
    afterMs: [5_000, 15_000, 30_000],
    secondRoundMs: 10_000,
  },
  coldJoin: { cards: 5000, cardsPerTransaction: 500, joins: 5, pauseMs: 2_000 },
  repeat: 3,
  overallTimeoutMs: 15 * 60_000,
};

export const SHORT: BenchConfig = {
  mode: 'short',
  oneRoom: { clients: 20, editsPerSecond: 2, durationMs: 6_000, drainMs: 5_000 },
  manyRooms: {
    rooms: 20,
    clientsPerRoom: 5,
    editsPerSecond: 0.5,
    durationMs: 6_000,
    drainMs: 5_000,
    afterMs: [2_000, 5_000],
    secondRoundMs: 3_000,
  },
  coldJoin: { cards: 1000, cardsPerTransaction: 250, joins: 3, pauseMs: 500 },
  repeat: 1,
  overallTimeoutMs: 5 * 60_000,
};
