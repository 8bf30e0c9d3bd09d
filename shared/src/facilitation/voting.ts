import type { CardKind } from '../schema/card.ts';

/**
 * Dot voting. While a round is open the votes live only on the server (each person sees
 * their own); closing the round writes the totals into the document for everyone.
 */
export const VOTE_TARGETS = ['ideas', 'pains'] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];

export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTES_PER_PERSON = 50;

export interface VoteRoundSettings {
  target: VoteTarget;
  /** Votes each participant may cast in the round. */
  votesPerPerson: number;
  /** Whether one participant may put several of their votes on one card. */
  allowMultiplePerCard: boolean;
}

/** A round as the document shows it while it is open (no votes in it). */
export interface OpenVoteRound extends VoteRoundSettings {
  id: string;
  /** Server epoch ms. */
  startedAt: number;
}

/** A closed round with its results, kept in the document for good. */
export interface VoteRoundResult extends OpenVoteRound {
  closedAt: number;
  /** Votes per card id (cards with no votes are absent). */
  totals: Record<string, number>;
  /** How many participants cast at least one vote. */
  voters: number;
}

export const isVoteTarget = (value: unknown): value is VoteTarget =>
  typeof value === 'string' && (VOTE_TARGETS as readonly string[]).includes(value);

/** The card kind a round's target votes on. */
export const voteTargetKind = (target: VoteTarget): CardKind => (target === 'ideas' ? 'idea' : 'pain');

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Round settings from untrusted JSON, with defaults (3 votes, one per card). */
export function parseVoteRoundSettings(input: unknown): ParseResult<VoteRoundSettings> {
  const record = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  if (!record) return { ok: false, error: 'the body must be a JSON object like {"target": "ideas"}' };
  if (!isVoteTarget(record.target)) return { ok: false, error: `target must be one of ${VOTE_TARGETS.join(', ')}` };
  const votes = record.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON;
  if (typeof votes !== 'number' || !Number.isInteger(votes) || votes < 1 || votes > MAX_VOTES_PER_PERSON) {
    return { ok: false, error: `votesPerPerson must be a whole number from 1 to ${MAX_VOTES_PER_PERSON}` };
  }
  const multiple = record.allowMultiplePerCard ?? false;
  if (typeof multiple !== 'boolean') return { ok: false, error: 'allowMultiplePerCard must be true or false' };
  return { ok: true, value: { target: record.target, votesPerPerson: votes, allowMultiplePerCard: multiple } };
}

export type VoteRefusal = 'no-votes-left' | 'one-per-card' | 'nothing-to-retract';
export type VoteCheck = { ok: true; count: number } | { ok: false; reason: VoteRefusal };

/** Votes a participant has used in a round. */
export const votesUsed = (mine: ReadonlyMap<string, number>): number => {
  let used = 0;
  for (const count of mine.values()) used += Math.max(0, count);
  return used;
};

/**
 * Whether a participant holding `mine` may add (+1) or take back (−1) a vote on `cardId`
 * under `settings`; when allowed, the participant's new count on that card.
 */
export function checkVote(settings: VoteRoundSettings, mine: ReadonlyMap<string, number>, cardId: string, delta: 1 | -1): VoteCheck {
  const current = Math.max(0, mine.get(cardId) ?? 0);
  if (delta === -1) {
    return current > 0 ? { ok: true, count: current - 1 } : { ok: false, reason: 'nothing-to-retract' };
  }
  if (votesUsed(mine) >= settings.votesPerPerson) return { ok: false, reason: 'no-votes-left' };
  if (!settings.allowMultiplePerCard && current >= 1) return { ok: false, reason: 'one-per-card' };
  return { ok: true, count: current + 1 };
}

/** Totals per card and the number of voters, from every participant's votes. */
export function tallyVotes(rows: Iterable<{ participantId: string; cardId: string; count: number }>): {
  totals: Record<string, number>;
  voters: number;
} {
  const totals: Record<string, number> = {};
  const voters = new Set<string>();
  for (const row of rows) {
    if (row.count <= 0) continue;
    totals[row.cardId] = (totals[row.cardId] ?? 0) + row.count;
    voters.add(row.participantId);
  }
  return { totals, voters: voters.size };
}
