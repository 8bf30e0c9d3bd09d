import { z } from 'zod';
import { ID_PATTERN } from '../ids.ts';
import { MAX_VOTES_PER_PERSON, VOTE_TARGETS, type VoteRoundResult } from '../facilitation/voting.ts';
import { RANK_MODES, type RankBy } from '../prioritize/rank.ts';

/** Closed voting rounds a board file may carry: far more than any workshop holds. */
export const MAX_ROUNDS_IN_FILE = 200;
/** The largest cut line (mirrors MAX_TOP_N in prioritize/settings.ts, which imports the document layout). */
const MAX_TOP_N_IN_FILE = 200;

const epochMs = z.number().finite().min(0);

/** A closed dot-voting round with its totals, as the document keeps it (facilitation `round:<id>`). */
export const closedRoundSchema = z.object({
  id: z.string().min(1).max(64),
  target: z.enum(VOTE_TARGETS),
  votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  allowMultiplePerCard: z.boolean(),
  startedAt: epochMs,
  closedAt: epochMs,
  /** Votes per card id; a card deleted since simply has no card to count for. */
  totals: z.record(z.string().regex(ID_PATTERN), z.number().int().min(1).max(1_000_000)),
  voters: z.number().int().min(0).max(1_000_000),
});

/**
 * What a workshop decided, beyond the cards themselves: the closed voting rounds (the votes
 * the to-do list counts) and the facilitator's ranking and cut line. Optional in a board file
 * (older files and templates have none), so a JSON round trip keeps the to-do list as it was.
 */
export const outcomesSchema = z.object({
  rounds: z.array(closedRoundSchema).max(MAX_ROUNDS_IN_FILE),
  rankBy: z.enum(RANK_MODES).optional(),
  topN: z.number().int().min(1).max(MAX_TOP_N_IN_FILE).optional(),
});

export interface BoardOutcomes {
  rounds: VoteRoundResult[];
  rankBy?: RankBy;
  topN?: number;
}
