import { z } from 'zod';
import { lazySchema } from './lazy.ts';

/** What someone did, for "what happened since I was here". */
export const ACTIVITY_ACTIONS = ['added', 'moved', 'edited', 'removed', 'commented', 'resolved', 'voted'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const ACTIVITY_TARGETS = ['card', 'stage', 'lane', 'comment', 'round', 'board'] as const;

/** `GET /api/boards/:id/activity?since=<epoch ms>&limit=<n>`. */
export const activityQuerySchema = lazySchema(() =>
  z.object({
    since: z.coerce.number({ error: 'since must be a time in milliseconds since 1970' }).int().min(0).default(0),
    limit: z.coerce.number({ error: 'limit must be a whole number from 1 to 500' }).int().min(1).max(500).default(200),
  }),
);

export const activityEntrySchema = lazySchema(() =>
  z.object({
    at: z.number(),
    participantId: z.string().nullable(),
    /** The name the participant gave themselves on the board, if any. */
    name: z.string().nullable(),
    role: z.string(),
    action: z.enum(ACTIVITY_ACTIONS),
    targetKind: z.enum(ACTIVITY_TARGETS),
    targetId: z.string(),
    /** A card's or stage's text now (null when it is gone). */
    targetText: z.string().nullable(),
    /** How many changes of this kind the entry stands for (edits within a short time are one entry). */
    count: z.number().int().positive(),
  }),
);
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityResponseSchema = lazySchema(() => z.object({ entries: z.array(activityEntrySchema), now: z.number() }));
export type ActivityResponse = z.infer<typeof activityResponseSchema>;
