import { z } from 'zod';
import { DEFAULT_VOTES_PER_PERSON, MAX_VOTES_PER_PERSON, VOTE_TARGETS } from '../facilitation/voting.ts';
import { lazySchema } from './lazy.ts';

const TIMER_ACTION_HINT =
  'the body must be a timer action: {"type": "start", "durationMs": 300000}, pause, resume, {"type": "add", "ms": 60000} or stop';

/**
 * `POST /api/boards/:id/timer`. Ranges (durationMs, ms) are checked when the action is
 * applied on the server's clock (`applyTimerAction`, 409 `timer-conflict`), like the state.
 */
export const timerActionSchema = lazySchema(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({
        type: z.literal('start'),
        durationMs: z.number({ error: 'durationMs must be a number of milliseconds' }),
      }),
      z.object({ type: z.literal('pause') }),
      z.object({ type: z.literal('resume') }),
      z.object({ type: z.literal('add'), ms: z.number({ error: 'ms must be a number of milliseconds' }) }),
      z.object({ type: z.literal('stop') }),
    ],
    { error: TIMER_ACTION_HINT },
  ),
);
export type TimerActionRequest = z.infer<typeof timerActionSchema>;

export const timerValueSchema = lazySchema(() =>
  z.object({
    state: z.enum(['running', 'paused', 'stopped']),
    endsAt: z.number().nullable(),
    remainingMs: z.number(),
    durationMs: z.number(),
  }),
);

/** The timer after the action, and the server clock it was applied with. */
export const timerResponseSchema = lazySchema(() => z.object({ timer: timerValueSchema, now: z.number() }));

/** `POST /api/boards/:id/private/reveal`: how many drafts became cards. */
export const revealResponseSchema = lazySchema(() => z.object({ revealed: z.number().int().nonnegative() }));

/** The reveal's body (optional): sign each revealed card with its author's name. */
export const revealRequestSchema = lazySchema(() =>
  z.object(
    { showAuthors: z.boolean({ error: 'showAuthors must be true or false' }).default(false) },
    { error: 'the body must be a JSON object like {"showAuthors": true}' },
  ),
);
export type RevealRequest = z.input<typeof revealRequestSchema>;

/** `GET /api/boards/:id/private/counts` (facilitator): how many private cards each person holds, never their text. */
export const privateCountsSchema = lazySchema(() =>
  z.object({
    counts: z.array(z.object({ participantId: z.string(), count: z.number().int().positive() })),
  }),
);
export type PrivateCountsResponse = z.infer<typeof privateCountsSchema>;

/** `POST /api/boards/:id/votes/rounds` (defaults: 3 votes each, one per card). */
export const voteRoundRequestSchema = lazySchema(() =>
  z.object(
    {
      target: z.enum(VOTE_TARGETS, { error: `target must be one of ${VOTE_TARGETS.join(', ')}` }),
      votesPerPerson: z
        .number({ error: `votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}` })
        .int({ error: `votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}` })
        .min(1, { error: `votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}` })
        .max(MAX_VOTES_PER_PERSON, { error: `votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}` })
        .default(DEFAULT_VOTES_PER_PERSON),
      allowMultiplePerCard: z.boolean({ error: 'allowMultiplePerCard must be true or false' }).default(false),
    },
    { error: 'the body must be a JSON object like {"target": "ideas"}' },
  ),
);
export type VoteRoundRequest = z.input<typeof voteRoundRequestSchema>;

/** A round as anyone on the board sees it (no votes while open). */
export const voteRoundSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    target: z.enum(VOTE_TARGETS),
    votesPerPerson: z.number().int(),
    allowMultiplePerCard: z.boolean(),
    startedAt: z.number(),
    closedAt: z.number().nullable(),
  }),
);
export const voteRoundListSchema = lazySchema(() => z.array(voteRoundSchema));
export type VoteRoundResponse = z.infer<typeof voteRoundSchema>;

const VOTE_HINT = 'the body must be like {"cardId": "…", "delta": 1} (delta 1 casts a vote, -1 takes one back)';

/** `POST …/votes/rounds/:roundId/votes`: cast (+1) or take back (−1) one vote. */
export const castVoteRequestSchema = lazySchema(() =>
  z.object(
    {
      cardId: z
        .string({ error: `cardId must be a card id: ${VOTE_HINT}` })
        .min(1, { error: `cardId must be a card id: ${VOTE_HINT}` })
        .max(200),
      delta: z.union([z.literal(1), z.literal(-1)], { error: `delta must be 1 or -1: ${VOTE_HINT}` }),
    },
    { error: VOTE_HINT },
  ),
);
export type CastVoteRequest = z.infer<typeof castVoteRequestSchema>;

/** The caller's own votes in a round. */
export const myVotesSchema = lazySchema(() =>
  z.object({
    roundId: z.string(),
    /** Votes per card id. */
    votes: z.record(z.string(), z.number().int()),
    used: z.number().int().nonnegative(),
    remaining: z.number().int().nonnegative(),
  }),
);
export type MyVotesResponse = z.infer<typeof myVotesSchema>;

/**
 * `GET …/votes/rounds/:roundId/progress` (facilitator): how many people have voted, of how many
 * could. `eligible` is everyone on the board now with an editor link (each participant once,
 * however many tabs) together with everyone who has voted (someone who voted and left still
 * counts); the facilitator counts only once they vote themselves. Nobody's votes are in it.
 */
export const voteProgressSchema = lazySchema(() =>
  z.object({
    voted: z.number().int().nonnegative(),
    eligible: z.number().int().nonnegative(),
  }),
);
export type VoteProgressResponse = z.infer<typeof voteProgressSchema>;

/** `POST …/votes/rounds/:roundId/close`: the result, also written into the document. */
export const voteRoundResultSchema = lazySchema(() =>
  voteRoundSchema.extend({
    closedAt: z.number(),
    /** Votes per card id (cards with none are absent). */
    totals: z.record(z.string(), z.number().int()),
    voters: z.number().int().nonnegative(),
  }),
);
export type VoteRoundResultResponse = z.infer<typeof voteRoundResultSchema>;
