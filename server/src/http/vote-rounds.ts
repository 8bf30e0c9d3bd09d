import {
  SERVER_ORIGIN,
  randomId,
  readRounds,
  tallyVotes,
  writeOpenRound,
  writeRoundResult,
  type OpenVoteRound,
  type VoteRoundResult,
  type VoteRoundSettings,
  type VoteTarget,
} from '@rejse/shared';
import type { BoardStore } from '../storage/store.ts';
import { HttpError } from './errors.ts';
import type { LiveBoards } from './live.ts';

/** What opening and closing a voting round needs (the vote routes and the run-sheet both do it). */
export interface VoteRoundDeps {
  store: BoardStore;
  live: LiveBoards;
  now: () => number;
}

/** Opens a round (409 `round-open` while another is open): stored, and its settings put in the document. */
export function openVoteRound(deps: VoteRoundDeps, boardId: string, settings: VoteRoundSettings): OpenVoteRound {
  const open = deps.store.votes.openRound(boardId);
  if (open) throw new HttpError(409, 'round-open', `round "${open.id}" is still open; close it first`);
  const round: OpenVoteRound = { id: `v_${randomId(10)}`, ...settings, startedAt: deps.now() };
  deps.store.votes.createRound(boardId, { ...round, closedAt: null });
  deps.live.edit(boardId, (doc) => writeOpenRound(doc, round, SERVER_ORIGIN));
  return round;
}

/** Closes a round (again, harmlessly) and writes its result into the document if it is not there yet. */
export function closeVoteRound(deps: VoteRoundDeps, boardId: string, roundId: string): VoteRoundResult | undefined {
  const round = deps.store.votes.round(boardId, roundId);
  if (!round) return undefined;
  const closedAt = round.closedAt ?? deps.now();
  if (round.closedAt === null) deps.store.votes.closeRound(boardId, round.id, closedAt);
  const { totals, voters } = tallyVotes(deps.store.votes.roundVotes(boardId, round.id));
  const result: VoteRoundResult = {
    id: round.id,
    target: round.target as VoteTarget,
    votesPerPerson: round.votesPerPerson,
    allowMultiplePerCard: round.allowMultiplePerCard,
    startedAt: round.startedAt,
    closedAt,
    totals,
    voters,
  };
  // Closing again rewrites the results if they never reached the document (a storage failure on the first try).
  deps.live.edit(boardId, (doc) => {
    if (!readRounds(doc).some((r) => r.id === round.id)) writeRoundResult(doc, result, SERVER_ORIGIN);
  });
  return result;
}
