/** Size limits of board content, enforced by the schema and the edit operations alike. */
export const LIMITS = {
  titleLength: 200,
  cardTextLength: 2000,
  stages: 50,
  lanes: 30,
  cards: 10_000,
  links: 20_000,
  personas: 20,
  /** A letter's body; a long collection letter is ~3,000 characters. */
  messageTextLength: 10_000,
  /** Effects stated on one idea (a handful in practice). */
  effectsPerIdea: 20,
  // ── the dunning journey ──
  /** Debtor scenarios per board. */
  scenarios: 12,
  /** Cadence rules per board. */
  cadenceRules: 20,
  /** A touchpoint's day relative to the due date: a year before it to five years after (legal steps take long). */
  dayOffsetMin: -366,
  dayOffsetMax: 1830,
  /** A cadence rule's window or quiet period, in days. */
  cadenceDays: 366,
  /** A cadence rule's contact or reminder count. */
  cadenceCount: 100,
  /** The largest fee a step may carry (any currency). */
  fee: 1_000_000,
} as const;
