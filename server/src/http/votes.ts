import type { Hono } from 'hono';
import {
  cardsMap,
  castVoteRequestSchema,
  checkVote,
  voteTargetKind,
  votesUsed,
  voteRoundRequestSchema,
  type MyVotesResponse,
  type VoteRoundResponse,
  type VoteProgressResponse,
  type VoteRoundResultResponse,
  type VoteTarget,
} from '@rejse/shared';
import { SERVER_LIMITS } from '../config.ts';
import type { StoredVoteRound } from '../storage/votes.ts';
import { boardRole, requireParticipant, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { errorResponse, HttpError } from './errors.ts';
import type { LiveBoards } from './live.ts';
import { closeVoteRound, openVoteRound } from './vote-rounds.ts';

export interface VoteRoutesDeps extends AuthDeps {
  live: LiveBoards;
}

const publicRound = (round: StoredVoteRound): VoteRoundResponse => ({
  id: round.id,
  target: round.target as VoteTarget,
  votesPerPerson: round.votesPerPerson,
  allowMultiplePerCard: round.allowMultiplePerCard,
  startedAt: round.startedAt,
  closedAt: round.closedAt,
});

const REFUSALS = {
  'no-votes-left': 'you have used all your votes in this round',
  'one-per-card': 'this round allows one vote per card',
  'nothing-to-retract': 'you have no vote on this card to take back',
} as const;

/**
 * Dot voting. While a round is open its votes live only here (SQLite), tied to a
 * participant identity, so each person sees only their own; closing the round writes the
 * totals into the board document (server origin) for everyone, and keeps them.
 */
export function mountVoteRoutes(app: Hono, deps: VoteRoutesDeps): void {
  const roundOf = (boardId: string, roundId: string): StoredVoteRound => {
    const round = deps.store.votes.round(boardId, roundId);
    if (!round) throw new HttpError(404, 'round-not-found', `unknown voting round "${roundId.slice(0, 80)}"`);
    return round;
  };

  const mine = (boardId: string, round: StoredVoteRound, participantId: string): MyVotesResponse => {
    const votes = deps.store.votes.participantVotes(boardId, round.id, participantId);
    const used = votesUsed(votes);
    return {
      roundId: round.id,
      votes: Object.fromEntries(votes),
      used,
      remaining: Math.max(0, round.votesPerPerson - used),
    };
  };

  app.get('/api/boards/:id/votes/rounds', boardRole(deps, 'viewer'), (c) => {
    const boardId = c.req.param('id');
    return c.json(deps.store.votes.rounds(boardId).map(publicRound));
  });

  app.post(
    '/api/boards/:id/votes/rounds',
    boardRole(deps, 'facilitator'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', voteRoundRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const settings = c.req.valid('json');
      const round = openVoteRound(deps, boardId, settings);
      return c.json(publicRound({ ...round, closedAt: null }), 201);
    },
  );

  app.post(
    '/api/boards/:id/votes/rounds/:roundId/votes',
    boardRole(deps, 'editor'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', castVoteRequestSchema),
    (c) => {
      const boardId = c.req.param('id');
      const participantId = requireParticipant(c, deps, boardId);
      const round = roundOf(boardId, c.req.param('roundId'));
      const { cardId, delta } = c.req.valid('json');
      // The body is read: nothing may come between this check and the write below.
      if (deps.store.votes.round(boardId, round.id)?.closedAt !== null) {
        return errorResponse(c, 409, 'vote-refused', 'this round is closed', { reason: 'closed' });
      }
      const kind = deps.live.read(boardId, (doc) => {
        const record = cardsMap(doc).get(cardId);
        return record ? record.get('kind') : undefined;
      });
      if (kind === undefined) throw new HttpError(404, 'card-not-found', `unknown card "${cardId.slice(0, 80)}"`);
      if (kind !== voteTargetKind(round.target as VoteTarget)) {
        throw new HttpError(400, 'wrong-card-kind', `this round votes on ${round.target}; that card is not one`, {
          field: 'cardId',
        });
      }
      const current = deps.store.votes.participantVotes(boardId, round.id, participantId);
      const check = checkVote({ ...round, target: round.target as VoteTarget }, current, cardId, delta);
      if (!check.ok) return errorResponse(c, 409, 'vote-refused', REFUSALS[check.reason], { reason: check.reason });
      deps.store.votes.setVote(boardId, round.id, participantId, cardId, check.count);
      return c.json(mine(boardId, round, participantId));
    },
  );

  app.get('/api/boards/:id/votes/rounds/:roundId/votes/mine', boardRole(deps, 'editor'), (c) => {
    const boardId = c.req.param('id');
    const participantId = requireParticipant(c, deps, boardId);
    return c.json(mine(boardId, roundOf(boardId, c.req.param('roundId')), participantId));
  });

  // "N of M have voted" for the facilitator: counts only, never whose votes are where (see voteProgressSchema).
  app.get('/api/boards/:id/votes/rounds/:roundId/progress', boardRole(deps, 'facilitator'), (c) => {
    const boardId = c.req.param('id');
    const round = roundOf(boardId, c.req.param('roundId'));
    const voters = new Set(
      deps.store.votes
        .roundVotes(boardId, round.id)
        .filter((v) => v.count > 0)
        .map((v) => v.participantId),
    );
    const eligible = new Set(voters);
    // Visits every open connection of the board (counting none): the editors here now.
    deps.live.countConnections(boardId, (access) => {
      if (access.role === 'editor' && access.participantId) eligible.add(access.participantId);
      return false;
    });
    c.header('cache-control', 'no-store');
    return c.json({ voted: voters.size, eligible: eligible.size } satisfies VoteProgressResponse);
  });

  app.post('/api/boards/:id/votes/rounds/:roundId/close', boardRole(deps, 'facilitator'), (c) => {
    const boardId = c.req.param('id');
    const result = closeVoteRound(deps, boardId, roundOf(boardId, c.req.param('roundId')).id);
    if (!result) throw new HttpError(404, 'round-not-found', 'unknown voting round');
    return c.json(result satisfies VoteRoundResultResponse);
  });
}
