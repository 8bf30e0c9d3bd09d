/**
 * The blind tone round: participants rate the tone of each variant of one letter, SMS or
 * e-mail, from 1 ("threatening") to 5 ("helpful"), without knowing which variant customers
 * get today. Each participant sees the variants in an order of their own ("Letter 1",
 * "Letter 2"), so the first text is not always the one in use. Like dot votes, the ratings
 * stay on the server while the round is open; closing it writes the results per variant —
 * and which variant is in use — into the document for everyone.
 */
import type { Card, MessageVariant } from '../schema/card.ts';
import { MESSAGE_VARIANTS } from '../schema/card.ts';
import { hasMessageChannel } from './lab.ts';

/** The tone scale: 1 threatening … 5 helpful. */
export const TONE_RATINGS = [1, 2, 3, 4, 5] as const;
export type ToneRating = (typeof TONE_RATINGS)[number];
export const isToneRating = (value: unknown): value is ToneRating => (TONE_RATINGS as readonly unknown[]).includes(value);

/** A tone round as the document shows it while it is open (no ratings in it). */
export interface OpenToneRound {
  id: string;
  /** The letter, SMS or e-mail touchpoint whose variants are rated. */
  cardId: string;
  /** Server epoch ms. */
  startedAt: number;
}

export interface ToneVariantResult {
  /** How many participants rated this variant. */
  ratings: number;
  /** The mean rating, 1…5; null when nobody rated it. */
  mean: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5 (index 0 is rating 1). */
  counts: [number, number, number, number, number];
}

/** A closed tone round with its results, kept in the document for good. */
export interface ToneRoundResult extends OpenToneRound {
  closedAt: number;
  /** How many participants rated at least one variant. */
  raters: number;
  variants: Record<MessageVariant, ToneVariantResult>;
  /** The variant customers got when the round closed (revealed only now); null when not said. */
  inUse: MessageVariant | null;
}

/** The variants of a card that have text; a tone round needs two. */
export const toneVariantsOf = (card: Pick<Card, 'kind' | 'channel' | 'message'>): MessageVariant[] =>
  hasMessageChannel(card) ? MESSAGE_VARIANTS.filter((v) => (card.message?.[v] ?? '').trim() !== '') : [];

/** Whether a tone round can be held on this card: a letter, SMS or e-mail touchpoint with both variants written. */
export const canHoldToneRound = (card: Pick<Card, 'kind' | 'channel' | 'message'>): boolean =>
  toneVariantsOf(card).length === MESSAGE_VARIANTS.length;

/** FNV-1a, 32 bits: a small, stable hash (not a secret: the order only has to differ between people). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The order in which one participant sees the variants in one round ("Letter 1" first): a
 * Fisher–Yates shuffle seeded by the round and the participant, so it is the same on every
 * reload and differs between participants (and rounds). Neutral: it never depends on which
 * variant is in use.
 */
export function toneOrder(
  roundId: string,
  participantId: string,
  variants: readonly MessageVariant[] = MESSAGE_VARIANTS,
): MessageVariant[] {
  const order = [...variants];
  let state = fnv1a(`${roundId}\u0000${participantId}`) || 1;
  for (let i = order.length - 1; i > 0; i--) {
    // xorshift32: the next pseudo-random number from the seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const emptyVariant = (): ToneVariantResult => ({ ratings: 0, mean: null, counts: [0, 0, 0, 0, 0] });

/** Results per variant and the number of raters, from every participant's ratings (ratings outside 1…5 are ignored). */
export function tallyTone(rows: Iterable<{ participantId: string; variant: string; rating: number }>): {
  variants: Record<MessageVariant, ToneVariantResult>;
  raters: number;
} {
  const variants = Object.fromEntries(MESSAGE_VARIANTS.map((v) => [v, emptyVariant()])) as Record<MessageVariant, ToneVariantResult>;
  const sums = new Map<MessageVariant, number>();
  const raters = new Set<string>();
  for (const row of rows) {
    if (!(MESSAGE_VARIANTS as readonly string[]).includes(row.variant) || !isToneRating(row.rating)) continue;
    const variant = row.variant as MessageVariant;
    const result = variants[variant];
    result.ratings += 1;
    result.counts[(row.rating - 1) as 0 | 1 | 2 | 3 | 4] += 1;
    sums.set(variant, (sums.get(variant) ?? 0) + row.rating);
    raters.add(row.participantId);
  }
  for (const variant of MESSAGE_VARIANTS) {
    const result = variants[variant];
    if (result.ratings > 0) result.mean = Math.round(((sums.get(variant) ?? 0) / result.ratings) * 100) / 100;
  }
  return { variants, raters: raters.size };
}
