import { z } from 'zod';
import { MESSAGE_VARIANTS } from '../schema/card.ts';
import { TONE_RATINGS } from '../letters/tone.ts';
import { lazySchema } from './lazy.ts';

/** `POST /api/boards/:id/tone/rounds`: a blind tone round on one letter, SMS or e-mail touchpoint. */
export const toneRoundRequestSchema = lazySchema(() =>
  z.object(
    { cardId: z.string({ error: 'cardId must be the id of a letter, SMS or e-mail touchpoint' }).min(1).max(200) },
    { error: 'the body must be a JSON object like {"cardId": "…"}' },
  ),
);
export type ToneRoundRequest = z.infer<typeof toneRoundRequestSchema>;

/** A tone round as anyone on the board sees it (no ratings, no variant in use). */
export const toneRoundSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    cardId: z.string(),
    startedAt: z.number(),
    closedAt: z.number().nullable(),
  }),
);
export const toneRoundListSchema = lazySchema(() => z.array(toneRoundSchema));
export type ToneRoundResponse = z.infer<typeof toneRoundSchema>;

const RATING_HINT = 'the body must be like {"variant": "a", "rating": 4} (rating 1 threatening … 5 helpful)';

/** `POST …/tone/rounds/:roundId/ratings`: set (or change) the caller's rating of one variant. */
export const toneRatingRequestSchema = lazySchema(() =>
  z.object(
    {
      variant: z.enum(MESSAGE_VARIANTS, {
        error: `variant must be one of ${MESSAGE_VARIANTS.join(', ')}: ${RATING_HINT}`,
      }),
      rating: z.union(
        TONE_RATINGS.map((r) => z.literal(r)),
        { error: `rating must be a whole number from 1 to 5: ${RATING_HINT}` },
      ),
    },
    { error: RATING_HINT },
  ),
);
export type ToneRatingRequest = z.infer<typeof toneRatingRequestSchema>;

/** The caller's own view of a tone round: the order they see the variants in, and their ratings. */
export const myToneSchema = lazySchema(() =>
  z.object({
    roundId: z.string(),
    /** "Letter 1" is `order[0]`: shuffled per participant, never by which variant is in use. */
    order: z.array(z.enum(MESSAGE_VARIANTS)),
    /** The caller's rating per variant (unrated variants are absent). */
    ratings: z.partialRecord(z.enum(MESSAGE_VARIANTS), z.number().int().min(1).max(5)),
  }),
);
export type MyToneResponse = z.infer<typeof myToneSchema>;

const variantResultSchema = lazySchema(() =>
  z.object({
    ratings: z.number().int().nonnegative(),
    mean: z.number().nullable(),
    counts: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  }),
);

/** `POST …/tone/rounds/:roundId/close`: the results per variant and the variant in use, also written into the document. */
export const toneRoundResultSchema = lazySchema(() =>
  toneRoundSchema.extend({
    closedAt: z.number(),
    raters: z.number().int().nonnegative(),
    variants: z.object({ a: variantResultSchema, b: variantResultSchema }),
    inUse: z.enum(MESSAGE_VARIANTS).nullable(),
  }),
);
export type ToneRoundResultResponse = z.infer<typeof toneRoundResultSchema>;
