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
} as const;
