/** A small seeded PRNG (mulberry32): the same seed replays the same run. */
export interface Rng {
  readonly seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as never;
    },
    chance: (p) => next() < p,
  };
}

/** A seed from the environment (to replay a failure) or the clock (long runs). */
export function seedFrom(env: string | undefined, fallback: number): number {
  const parsed = env === undefined ? Number.NaN : Number.parseInt(env, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/**
 * Runs `run` with the platform's random bytes drawn from `seed`, so the ids the edit
 * operations make (ids.ts uses `crypto.getRandomValues`) are the same on every replay:
 * sorted ids decide which card a seeded pick lands on. Restored afterwards, even on a throw.
 */
export function withSeededIds<T>(seed: number, run: () => T): T {
  const rng = createRng(seed ^ 0x1d5eed);
  const original = Object.getOwnPropertyDescriptor(globalThis.crypto, 'getRandomValues');
  Object.defineProperty(globalThis.crypto, 'getRandomValues', {
    configurable: true,
    value: <A extends ArrayBufferView | null>(array: A): A => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
      }
      return array;
    },
  });
  try {
    return run();
  } finally {
    if (original) Object.defineProperty(globalThis.crypto, 'getRandomValues', original);
    else delete (globalThis.crypto as { getRandomValues?: unknown }).getRandomValues;
  }
}
