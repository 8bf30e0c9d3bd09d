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
